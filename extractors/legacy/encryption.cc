#include "extractors/legacy/encryption.h"

#include <cstdint>
#include <string>
#include <vector>

#include "extractors/internal/zip_reader.h"

namespace vareport {
namespace {

std::uint32_t U32(std::string_view b, std::size_t at) {
  if (at + 4 > b.size()) return 0xFFFFFFFFu;
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t U16(std::string_view b, std::size_t at) {
  if (at + 2 > b.size()) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFEu;

// The compound file's sectors ([MS-CFB] §2.2): sector i starts at (i + 1) × size.
class Cfb {
 public:
  explicit Cfb(std::string_view b) : b_(b) {
    const std::uint16_t shift = U16(b, 0x1E);
    if (shift != 9 && shift != 12) return;
    size_ = std::size_t{1} << shift;
    // The FAT sectors named in the header's DIFAT (109 entries: files up to
    // several MiB; a longer DIFAT chain is not followed).
    for (std::size_t i = 0; i < 109; ++i) {
      const std::uint32_t s = U32(b, 0x4C + 4 * i);
      if (s >= 0xFFFFFFFAu) break;
      fat_sectors_.push_back(s);
    }
    ok_ = true;
  }
  bool ok() const { return ok_; }
  std::size_t sector_size() const { return size_; }
  std::size_t Offset(std::uint32_t sector) const { return (static_cast<std::size_t>(sector) + 1) * size_; }
  // The next sector in a chain, or kEndOfChain.
  std::uint32_t Next(std::uint32_t sector) const {
    const std::size_t per = size_ / 4;
    const std::size_t which = sector / per;
    if (which >= fat_sectors_.size()) return kEndOfChain;
    return U32(b_, Offset(fat_sectors_[which]) + 4 * (sector % per));
  }

 private:
  std::string_view b_;
  std::size_t size_ = 512;
  std::vector<std::uint32_t> fat_sectors_;
  bool ok_ = false;
};

// The directory entry's name ([MS-CFB] §2.6.1: UTF-16LE, length in bytes with the NUL).
std::string EntryName(std::string_view b, std::size_t at) {
  const std::uint16_t len = U16(b, at + 0x40);
  std::string name;
  for (std::size_t i = 0; i + 2 < len && i < 64; i += 2) name += static_cast<char>(b[at + i]);
  return name;
}

}  // namespace

bool IsEncryptedDoc(std::string_view b) {
  if (b.size() < 512) return false;
  Cfb cfb(b);
  if (!cfb.ok()) return false;
  std::uint32_t sector = U32(b, 0x30);  // first directory sector
  for (int guard = 0; sector < 0xFFFFFFFAu && guard < 4096; ++guard, sector = cfb.Next(sector)) {
    const std::size_t base = cfb.Offset(sector);
    if (base + cfb.sector_size() > b.size()) return false;
    for (std::size_t at = base; at + 128 <= base + cfb.sector_size(); at += 128) {
      const std::string name = EntryName(b, at);
      if (name == "EncryptedPackage") return true;
      if (name != "WordDocument") continue;
      // The FIB is at the start of the stream; it lives in regular sectors
      // (a WordDocument stream is never below the 4096-byte mini-stream cutoff).
      const std::uint32_t start = U32(b, at + 0x74);
      if (start >= 0xFFFFFFFAu) return false;
      const std::size_t fib = cfb.Offset(start);
      if (fib + 0x0C > b.size()) return false;
      if (U16(b, fib) != 0xA5EC) return false;  // wIdent of a Word binary file
      return (U16(b, fib + 0x0A) & 0x0100) != 0;  // FibBase.fEncrypted
    }
  }
  return false;
}

bool IsEncryptedOdt(std::string_view bytes) {
  Result<std::unique_ptr<internal::ZipReader>> zip = internal::ZipReader::Open(bytes, internal::ZipLimits{});
  if (!zip) return false;
  Result<std::string> manifest = (*zip)->Read("META-INF/manifest.xml");
  if (!manifest) return false;
  return manifest->find("encryption-data") != std::string::npos;
}

}  // namespace vareport
