#include "service/discover.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "core/text.h"
#include "extractors/extractor.h"
#include "extractors/internal/zip_reader.h"

namespace vareport::service {
namespace fs = std::filesystem;

bool IsSkippedName(const std::string& n) {
  if (n.empty() || n[0] == '.' || n.rfind("~$", 0) == 0) return true;
  std::string lower = n;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower == "thumbs.db" || lower == "desktop.ini";
}

bool IsStoreFile(const std::string& path, const std::string& db) {
  if (db.empty()) return false;
  if (path == db) return true;
  for (const char* suffix : {"-wal", "-shm", "-journal", ".lock"})
    if (path == db + suffix) return true;
  const std::string blobs = store::BlobStore::RootFor(db);
  return path == blobs || path.rfind(blobs + "/", 0) == 0;
}

namespace {

bool IsZipName(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".zip";
}

class Walker {
 public:
  Walker(store::Store& db, store::BlobStore& blobs, ProgressSink& progress, const DiscoverOptions& o)
      : db_(db), blobs_(blobs), progress_(progress), o_(o) {}

  Status File(const std::string& path) {
    if (IsStoreFile(path, o_.store_path)) return Ok{};
    if (o_.interrupted != nullptr && o_.interrupted->load()) return Ok{};
    std::string bytes;
    ExtractOptions limits;
    limits.max_file_bytes = o_.max_file_bytes;
    if (Status s = ReadFileBytes(path, bytes, limits); !s) return Add(path, "", s.error());
    return Bytes(path, bytes, 0);
  }

  Status Folder(const std::string& root) {
    std::vector<std::string> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Add(root, "", MakeError(ErrorKind::kUnreadableInput, "cannot read folder: " + ec.message()));
    // The non-throwing calls throughout: a symlink loop or a file removed
    // while we walk becomes that entry's failure, not the batch's.
    std::vector<std::pair<std::string, std::string>> unreadable;  // path, why
    std::vector<std::pair<std::string, std::string>> special;     // path, what it is
    for (; it != end; it.increment(ec)) {
      if (ec) {
        unreadable.emplace_back(root, "folder walk stopped: " + ec.message());
        break;
      }
      const std::string name = it->path().filename().string();
      std::error_code sec;
      const fs::file_status st = it->status(sec);
      if (sec) {
        unreadable.emplace_back(it->path().string(), "cannot read: " + sec.message());
        it.disable_recursion_pending();
        continue;
      }
      if (IsSkippedName(name) || IsStoreFile(it->path().string(), o_.store_path)) {
        if (fs::is_directory(st)) it.disable_recursion_pending();
        continue;
      }
      if (fs::is_regular_file(st)) {
        files.push_back(it->path().string());
      } else if (!fs::is_directory(st)) {
        // Never opened (a FIFO would block the walk), but listed: nothing
        // the user pointed at is dropped without a word.
        special.emplace_back(it->path().string(), fs::is_fifo(st)         ? "a named pipe"
                                                  : fs::is_socket(st)     ? "a socket"
                                                  : fs::is_block_file(st) ? "a block device"
                                                  : fs::is_character_file(st) ? "a character device"
                                                                              : "of an unknown kind");
      }
    }
    for (const auto& [p, what] : special) {
      ++summary_.skipped;
      ++summary_.files;
      skipped_.push_back({p, 0, "not a regular file (" + what + ")", ""});
    }
    for (const auto& [p, why] : unreadable) {
      if (Status s = Add(p, "", MakeError(ErrorKind::kUnreadableInput, why)); !s) return s;
    }
    std::sort(files.begin(), files.end());  // a stable order: job ids follow it
    for (const std::string& f : files) {
      if (Status s = File(f); !s) return s;
    }
    return Ok{};
  }

  Status Flush() {
    if (!skipped_.empty()) {
      if (Status s = db_.RecordSkipped(skipped_); !s) return s;
      skipped_.clear();
    }
    if (pending_.empty()) return Ok{};
    Result<std::vector<store::EnqueueResult>> r = db_.Enqueue(pending_);
    pending_.clear();
    if (!r) return r.error();
    for (store::EnqueueResult e : *r) {
      switch (e) {
        case store::EnqueueResult::kQueued: ++summary_.queued; break;
        case store::EnqueueResult::kDuplicate: ++summary_.duplicates; break;
        case store::EnqueueResult::kFailed: ++summary_.failed; break;
        case store::EnqueueResult::kKnown: ++summary_.known; break;
      }
    }
    return Ok{};
  }

  const DiscoverSummary& summary() const { return summary_; }

 private:
  Status Bytes(const std::string& path, const std::string& bytes, int depth) {
    if (IsZipName(path)) return Zip(path, bytes, depth);
    Result<Format> format = DetectFormat(bytes);
    if (!format) {
      ++summary_.skipped;
      ++summary_.files;
      skipped_.push_back({path, static_cast<std::int64_t>(bytes.size()), format.error().message, ""});
      if (skipped_.size() >= o_.batch) return Flush();
      return Ok{};
    }
    Result<std::string> sha = blobs_.Put(bytes);
    if (!sha) return sha.error();
    store::NewJob j;
    j.path = path;
    j.sha256 = *sha;
    j.size = static_cast<std::int64_t>(bytes.size());
    j.format = FormatName(*format);
    return Push(std::move(j));
  }

  Status Zip(const std::string& path, const std::string& bytes, int depth) {
    if (depth >= o_.max_zip_depth)
      return Add(path, store::Sha256Hex(bytes),
                 MakeError(ErrorKind::kLimitExceeded, "archive nested deeper than " + std::to_string(o_.max_zip_depth) + " levels"));
    internal::ZipLimits limits;
    limits.max_entry_bytes = o_.max_file_bytes;
    Result<std::unique_ptr<internal::ZipReader>> zip = internal::ZipReader::Open(bytes, limits);
    if (!zip) return Add(path, store::Sha256Hex(bytes), zip.error());
    for (const internal::ZipReader::Skipped& k : (*zip)->skipped()) {
      if (Status s = Add(path + "!/" + SanitizeUtf8(k.name), "", MakeError(ErrorKind::kUnreadableInput, k.reason)); !s) {
        return s;
      }
    }
    std::vector<internal::ZipEntry> entries = (*zip)->entries();
    for (const internal::ZipEntry& e : entries) {
      if (e.directory) continue;
      const std::string base = e.name.substr(e.name.rfind('/') + 1);
      if (IsSkippedName(base) || e.name.rfind("__MACOSX/", 0) == 0) continue;
      const std::string entry_path = path + "!/" + e.name;
      Result<std::string> data = (*zip)->Read(e.name);
      if (!data) {
        if (Status s = Add(entry_path, "", data.error()); !s) return s;
        continue;
      }
      if (Status s = Bytes(entry_path, *data, depth + 1); !s) return s;
    }
    return Ok{};
  }

  // A job failed at once. `sha` may be empty (the bytes could not be read).
  Status Add(const std::string& path, const std::string& sha, const Error& e) {
    store::NewJob j;
    j.path = path;
    j.sha256 = sha;
    j.failed = e;
    return Push(std::move(j));
  }

  Status Push(store::NewJob j) {
    ++summary_.files;
    pending_.push_back(std::move(j));
    if (pending_.size() >= o_.batch) return Flush();
    return Ok{};
  }

  store::Store& db_;
  store::BlobStore& blobs_;
  ProgressSink& progress_;
  const DiscoverOptions& o_;
  std::vector<store::NewJob> pending_;
  std::vector<store::SkippedFile> skipped_;
  DiscoverSummary summary_;
};

}  // namespace

Result<DiscoverSummary> DiscoverAndEnqueue(const std::vector<std::string>& inputs, store::Store& db,
                                           store::BlobStore& blobs, ProgressSink& progress,
                                           const DiscoverOptions& options) {
  std::vector<std::string> paths;
  for (const std::string& in : inputs) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(in, ec), ec);
    if (ec || !fs::exists(p, ec)) return MakeError(ErrorKind::kUnreadableInput, in + ": no such file or folder");
    paths.push_back(p.string());
  }
  DiscoverOptions o = options;
  if (!o.store_path.empty()) {
    std::error_code ec;
    o.store_path = fs::weakly_canonical(fs::absolute(o.store_path, ec), ec).string();
  }
  Walker w(db, blobs, progress, o);
  for (const std::string& p : paths) {
    std::error_code ec;
    Status s = fs::is_directory(p, ec) ? w.Folder(p) : w.File(p);
    if (!s) return s.error();
  }
  if (Status s = w.Flush(); !s) return s.error();
  return w.summary();
}

}  // namespace vareport::service
