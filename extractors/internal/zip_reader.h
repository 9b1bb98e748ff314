// vareport/extractors/internal/zip_reader.h — a small read-only ZIP reader
// over bytes in memory (libzip), for package formats: OOXML (ECMA-376 Part 2,
// Open Packaging Conventions) and ODF. It knows nothing of either format.
//
// Untrusted input: every read is bounded (entry count, bytes per entry, bytes
// in total, compression ratio), entry names that could escape a directory
// ("..", absolute paths, drive letters, backslashes) are ignored, and errors
// are values:
//   kUnreadableInput  "truncated ZIP archive", "damaged ZIP archive…"
//   kEncrypted        an entry is encrypted (ZIP traditional or AES)
//   kLimitExceeded    a limit in ZipLimits was hit (ZIP bomb, too many entries)
//
// ZIP bombs are bounded by size first: every entry and the archive's total of
// inflated bytes are capped (max_entry_bytes, max_total_bytes), whatever the
// ratio; the compression-ratio rule only applies to an entry past
// ratio_floor_bytes inflated, so a legitimate part that compresses well (a
// 5 MB run of one repeated character) is read.
//
// Thread-safety: one ZipReader per thread; distinct readers are independent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vareport::internal {

// Safety limits for one archive. The defaults match ExtractOptions.
struct ZipLimits {
  std::size_t max_entries = 10000;             // entries in the central directory
  std::size_t max_entry_bytes = 256u << 20;    // uncompressed bytes of one entry
  std::size_t max_total_bytes = 1024u << 20;   // uncompressed bytes of all entries read
  double max_ratio = 200.0;                    // uncompressed / compressed, judged past ratio_floor_bytes
  std::size_t ratio_floor_bytes = 16u << 20;   // inflated bytes of one entry up to which its ratio is not judged
};

// One entry of the central directory, as libzip reports it.
struct ZipEntry {
  std::string name;              // as stored (UTF-8 or guessed CP437 → UTF-8)
  std::uint64_t size = 0;        // declared uncompressed size
  std::uint64_t compressed = 0;  // declared compressed size
  bool encrypted = false;
  bool directory = false;        // name ends with '/'
};

class ZipReader {
 public:
  // Opens an archive from `bytes`, which must outlive the reader (no copy is
  // made). Fails with kUnreadableInput for a truncated or damaged archive,
  // kLimitExceeded for too many entries.
  [[nodiscard]] static Result<std::unique_ptr<ZipReader>> Open(std::string_view bytes, const ZipLimits& limits);

  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // The usable entries (unsafe names left out), in central-directory order.
  const std::vector<ZipEntry>& entries() const { return entries_; }

  // Entries left out of entries(), with why: a name that could escape a folder
  // ("../x", "/x", "C:x", a backslash or NUL) or a second entry with a name
  // already seen. A batch records each as a failed file (nothing is dropped
  // silently).
  struct Skipped {
    std::string name;
    std::string reason;
    bool duplicate = false;  // a second entry with a name already seen (exactly or ASCII case-folded)
  };
  const std::vector<Skipped>& skipped() const { return skipped_; }

  // True when an entry named `name` exists. Matching is exact first, then
  // ASCII case-insensitive (OPC part names are case-insensitive, ECMA-376
  // Part 2 §9.1.1.1.2).
  bool Contains(std::string_view name) const;

  // The first entry name that occurs twice in the central directory (exactly,
  // or equal after ASCII case folding, as OPC part names compare), or "" when
  // none does. Two readers of such a package may each see a different copy
  // (ZIP tools disagree on which one wins), so package formats refuse it.
  std::string FirstDuplicateName() const;

  // Reads one whole entry. Errors: kUnreadableInput ("ZIP entry not found: …",
  // "damaged ZIP archive: …"), kEncrypted, kLimitExceeded (entry too large,
  // total too large, suspicious compression ratio).
  [[nodiscard]] Result<std::string> Read(std::string_view name);

  // Uncompressed bytes read so far by Read().
  std::size_t total_read() const { return total_read_; }

 private:
  ZipReader() = default;
  const ZipEntry* Find(std::string_view name, std::int64_t* index) const;

  struct Archive;
  std::unique_ptr<Archive> archive_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
  std::vector<std::int64_t> indices_;          // libzip index of entries_[i]
  std::vector<Skipped> skipped_;
  std::map<std::string, std::size_t> by_name_;  // exact name → entries_ position
  std::map<std::string, std::size_t> by_folded_;  // ASCII-lower-cased name → position
  std::size_t total_read_ = 0;
  std::string first_duplicate_;
};

// True when `name` is a safe relative entry name: not empty, not absolute, no
// drive letter, no backslash, no "." or ".." segment, no NUL.
bool IsSafeEntryName(std::string_view name);

}  // namespace vareport::internal
