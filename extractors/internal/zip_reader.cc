#include "extractors/internal/zip_reader.h"

#include <zip.h>

#include <algorithm>
#include <cctype>

namespace vareport::internal {
namespace {

constexpr std::size_t kChunk = 64u << 10;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string MiB(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Maps a libzip error code met while opening to our vocabulary.
Error OpenError(int code, std::string_view bytes) {
  switch (code) {
    case ZIP_ER_NOZIP:
      // No end-of-central-directory record: a ZIP that starts like one but was
      // cut short, or something that is not a ZIP at all.
      if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        return MakeError(ErrorKind::kUnreadableInput, "truncated ZIP archive");
      }
      if (bytes.substr(0, 2) != "PK") return MakeError(ErrorKind::kUnreadableInput, "not a ZIP archive");
      return MakeError(ErrorKind::kUnreadableInput, "damaged ZIP archive: no central directory");
    case ZIP_ER_INCONS:
      // The central directory points outside the bytes we have: usually a cut file.
      if (bytes.find(std::string_view("PK\x05\x06", 4)) == std::string_view::npos) {
        return MakeError(ErrorKind::kUnreadableInput, "truncated ZIP archive");
      }
      return MakeError(ErrorKind::kUnreadableInput, "damaged ZIP archive: inconsistent central directory");
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return MakeError(ErrorKind::kEncrypted, "encrypted ZIP archive: a password is required");
    case ZIP_ER_MEMORY:
      return MakeError(ErrorKind::kLimitExceeded, "out of memory while opening the ZIP archive");
    default: {
      zip_error_t err;
      zip_error_init_with_code(&err, code);
      std::string msg = std::string("damaged ZIP archive: ") + zip_error_strerror(&err);
      zip_error_fini(&err);
      return MakeError(ErrorKind::kUnreadableInput, std::move(msg));
    }
  }
}

// Maps a libzip error met while reading entry `name`.
Error ReadError(zip_error_t* err, std::string_view name) {
  int code = zip_error_code_zip(err);
  switch (code) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return MakeError(ErrorKind::kEncrypted, "encrypted ZIP entry " + std::string(name) + ": a password is required");
    case ZIP_ER_MEMORY:
      return MakeError(ErrorKind::kLimitExceeded, "out of memory while reading ZIP entry " + std::string(name));
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return MakeError(ErrorKind::kUnreadableInput, "truncated ZIP archive: entry " + std::string(name) + " is cut short");
    default:
      return MakeError(ErrorKind::kUnreadableInput, "damaged ZIP archive: entry " + std::string(name) + ": " +
                                                        zip_error_strerror(err));
  }
}

}  // namespace

struct ZipReader::Archive {
  zip_t* za = nullptr;
  ~Archive() {
    if (za != nullptr) zip_discard(za);
  }
};

bool IsSafeEntryName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      name.find('\0') != std::string_view::npos) {
    return false;
  }
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view seg = name.substr(start, end - start);
    if (seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return true;
}

Result<std::unique_ptr<ZipReader>> ZipReader::Open(std::string_view bytes, const ZipLimits& limits) {
  if (bytes.empty()) return MakeError(ErrorKind::kUnreadableInput, "empty file: not a ZIP archive");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    zip_error_fini(&err);
    return MakeError(ErrorKind::kInternal, "cannot create a ZIP source over the input");
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (za == nullptr) {
    int code = zip_error_code_zip(&err);
    zip_source_free(src);
    zip_error_fini(&err);
    return OpenError(code, bytes);
  }
  zip_error_fini(&err);

  std::unique_ptr<ZipReader> reader(new ZipReader());
  reader->archive_ = std::make_unique<Archive>();
  reader->archive_->za = za;  // owns `src` from now on
  reader->limits_ = limits;

  zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0) return MakeError(ErrorKind::kUnreadableInput, "damaged ZIP archive: unreadable central directory");
  if (static_cast<std::uint64_t>(n) > limits.max_entries) {
    return MakeError(ErrorKind::kLimitExceeded, "ZIP archive has " + std::to_string(n) + " entries, more than the limit of " +
                                                    std::to_string(limits.max_entries));
  }
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    if ((st.valid & ZIP_STAT_NAME) == 0 || st.name == nullptr) continue;
    std::string name(st.name);
    if (!IsSafeEntryName(name)) {  // never resolve "../x" or "/etc/x"
      reader->skipped_.push_back({name, "unsafe name in the archive (a path that could leave its folder): not extracted"});
      continue;
    }
    ZipEntry e;
    e.name = name;
    e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    e.compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
    e.directory = name.back() == '/';
    std::size_t pos = reader->entries_.size();
    if (reader->by_name_.emplace(name, pos).second) {
      if (!reader->by_folded_.emplace(AsciiLower(name), pos).second && !e.directory) {
        // "word/document.xml" and "Word/Document.xml": one OPC part name.
        if (reader->first_duplicate_.empty()) reader->first_duplicate_ = name;
      }
      reader->entries_.push_back(std::move(e));
      reader->indices_.push_back(i);
    } else if (!e.directory) {
      if (reader->first_duplicate_.empty()) reader->first_duplicate_ = name;
      reader->skipped_.push_back({name, "a second entry with the same name in the archive: not extracted", true});
    }
  }
  return reader;
}

ZipReader::~ZipReader() = default;

const ZipEntry* ZipReader::Find(std::string_view name, std::int64_t* index) const {
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) {
    it = by_folded_.find(AsciiLower(name));
    if (it == by_folded_.end()) return nullptr;
  }
  if (index != nullptr) *index = indices_[it->second];
  return &entries_[it->second];
}

bool ZipReader::Contains(std::string_view name) const { return Find(name, nullptr) != nullptr; }

std::string ZipReader::FirstDuplicateName() const { return first_duplicate_; }

Result<std::string> ZipReader::Read(std::string_view name) {
  std::int64_t index = -1;
  const ZipEntry* e = Find(name, &index);
  if (e == nullptr || e->directory) {
    return MakeError(ErrorKind::kUnreadableInput, "ZIP entry not found: " + std::string(name));
  }
  if (e->encrypted) {
    return MakeError(ErrorKind::kEncrypted, "encrypted ZIP entry " + e->name + ": a password is required");
  }
  // Refuse early on declared sizes; the same limits are enforced again on the
  // bytes actually inflated, since the declared sizes may lie.
  if (e->size > limits_.max_entry_bytes) {
    return MakeError(ErrorKind::kLimitExceeded, "ZIP entry " + e->name + " is larger than the limit of " +
                                                    MiB(limits_.max_entry_bytes) + " uncompressed");
  }
  auto ratio_exceeded = [&](std::uint64_t uncompressed) {
    if (uncompressed <= limits_.ratio_floor_bytes) return false;
    if (e->compressed == 0) return true;
    return static_cast<double>(uncompressed) / static_cast<double>(e->compressed) > limits_.max_ratio;
  };
  auto ratio_error = [&] {
    return MakeError(ErrorKind::kLimitExceeded, "ZIP entry " + e->name +
                                                    " has a suspicious compression ratio (more than " +
                                                    std::to_string(static_cast<long long>(limits_.max_ratio)) +
                                                    ":1): possible ZIP bomb");
  };
  if (ratio_exceeded(e->size)) return ratio_error();

  zip_file_t* zf = zip_fopen_index(archive_->za, static_cast<zip_uint64_t>(index), 0);
  if (zf == nullptr) return ReadError(zip_get_error(archive_->za), e->name);
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(e->size, limits_.max_entry_bytes)));
  std::string chunk(kChunk, '\0');
  while (true) {
    zip_int64_t got = zip_fread(zf, chunk.data(), chunk.size());
    if (got < 0) {
      Error error = ReadError(zip_file_get_error(zf), e->name);
      zip_fclose(zf);
      return error;
    }
    if (got == 0) break;
    out.append(chunk.data(), static_cast<std::size_t>(got));
    if (out.size() > limits_.max_entry_bytes) {
      zip_fclose(zf);
      return MakeError(ErrorKind::kLimitExceeded, "ZIP entry " + e->name + " is larger than the limit of " +
                                                      MiB(limits_.max_entry_bytes) + " uncompressed");
    }
    if (total_read_ + out.size() > limits_.max_total_bytes) {
      zip_fclose(zf);
      return MakeError(ErrorKind::kLimitExceeded, "ZIP archive expands to more than the limit of " +
                                                      MiB(limits_.max_total_bytes));
    }
    if (ratio_exceeded(out.size())) {
      zip_fclose(zf);
      return ratio_error();
    }
  }
  if (int rc = zip_fclose(zf); rc != 0) {  // e.g. a CRC mismatch found at the end
    zip_error_t err;
    zip_error_init_with_code(&err, rc);
    Error error = ReadError(&err, e->name);
    zip_error_fini(&err);
    return error;
  }
  total_read_ += out.size();
  return out;
}

}  // namespace vareport::internal
