#include "store/blob_store.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace vareport::store {
namespace fs = std::filesystem;

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

namespace {

Error WriteError(const std::string& what) {
  return MakeError(ErrorKind::kInternal, "cannot write blob: " + what + ": " + std::strerror(errno));
}

Status FsyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return WriteError(path);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return WriteError(path);
  return Ok{};
}

}  // namespace

BlobStore::BlobStore(std::string root) : root_(std::move(root)) {}

BlobStore::BlobStore(std::string cache_root, std::unique_ptr<Store> db)
    : root_(std::move(cache_root)), remote_(std::make_shared<Remote>()) {
  remote_->db = std::move(db);
}

std::string BlobStore::RootFor(const std::string& db_path) { return db_path + ".files"; }

std::string BlobStore::PathFor(std::string_view sha) const {
  return root_ + "/" + std::string(sha.substr(0, 2)) + "/" + std::string(sha.substr(2));
}

bool BlobStore::HasLocal(std::string_view sha) const {
  struct stat st;
  return sha.size() > 2 && ::stat(PathFor(sha).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool BlobStore::Has(std::string_view sha) const {
  if (HasLocal(sha)) return true;
  if (!remote_ || sha.size() <= 2) return false;
  std::lock_guard<std::mutex> lock(remote_->mu);
  Result<bool> r = remote_->db->HasBlob(sha);
  return r && *r;
}

Result<std::string> BlobStore::Put(std::string_view bytes) const {
  std::string sha = Sha256Hex(bytes);
  if (remote_) {
    // Every Put reaches the database: the cache may hold what it lost.
    std::lock_guard<std::mutex> lock(remote_->mu);
    if (Status s = remote_->db->PutBlob(sha, bytes); !s) return s.error();
  }
  if (HasLocal(sha)) return sha;
  if (Status s = WriteLocal(sha, bytes); !s) return s.error();
  return sha;
}

bool BlobStore::ReadLocal(std::string_view sha, std::string& bytes) const {
  std::ifstream in(PathFor(sha), std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return false;
  // A machine's cache of a shared store is only a copy: it is trusted when
  // its bytes still have their name's SHA-256, else it is fetched again.
  if (!remote_ || Sha256Hex(bytes) == sha) return true;
  std::error_code ec;
  fs::remove(PathFor(sha), ec);
  return false;
}

Result<std::string> BlobStore::Fetch(std::string_view sha) const {
  if (HasLocal(sha)) {
    if (!remote_) return PathFor(sha);
    std::string cached;
    if (ReadLocal(sha, cached)) return PathFor(sha);
  }
  if (!remote_ || sha.size() <= 2)
    return MakeError(ErrorKind::kUnreadableInput, "original not in the store: " + std::string(sha));
  Result<std::optional<std::string>> bytes = [&] {
    std::lock_guard<std::mutex> lock(remote_->mu);
    return remote_->db->GetBlob(sha);
  }();
  if (!bytes) return bytes.error();
  if (!*bytes) return MakeError(ErrorKind::kUnreadableInput, "original not in the store: " + std::string(sha));
  if (Status s = WriteLocal(std::string(sha), **bytes); !s) return s.error();
  return PathFor(sha);
}

Status BlobStore::WriteLocal(const std::string& sha, std::string_view bytes) const {
  std::error_code ec;
  const std::string dir = root_ + "/" + sha.substr(0, 2);
  const std::string tmp_dir = root_ + "/tmp";
  fs::create_directories(dir, ec);
  fs::create_directories(tmp_dir, ec);
  static std::atomic<unsigned> counter{0};
  const std::string tmp = tmp_dir + "/" + sha + "." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return WriteError(tmp);
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Error e = WriteError(tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Error e = WriteError(tmp);
    ::unlink(tmp.c_str());
    return e;
  }
  const std::string final_path = PathFor(sha);
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    Error e = WriteError(final_path);
    ::unlink(tmp.c_str());
    return e;
  }
  if (Status s = FsyncPath(dir, O_RDONLY | O_DIRECTORY); !s) return s.error();
  return Ok{};
}

Status BlobStore::Read(std::string_view sha, std::string& out) const {
  if (ReadLocal(sha, out)) return Ok{};
  if (remote_) {
    Result<std::string> path = Fetch(sha);
    if (!path) return path.error();
    if (ReadLocal(sha, out)) return Ok{};
  }
  return MakeError(ErrorKind::kUnreadableInput, "original not in the store: " + std::string(sha));
}

}  // namespace vareport::store
