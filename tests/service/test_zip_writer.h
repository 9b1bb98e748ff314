// A minimal ZIP writer for tests (stored entries, no compression; APPNOTE.TXT
// §4.3), so archives with odd entry names can be made without a zip tool.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vareport::test {

class ZipWriter {
 public:
  void Add(const std::string& name, const std::string& data) { entries_.push_back({name, data}); }

  std::string Bytes() const {
    std::string out, central;
    for (const auto& [name, data] : entries_) {
      const std::uint32_t crc = Crc32(data), offset = static_cast<std::uint32_t>(out.size());
      const auto size = static_cast<std::uint32_t>(data.size());
      const auto nlen = static_cast<std::uint16_t>(name.size());
      U32(out, 0x04034b50); U16(out, 20); U16(out, 0); U16(out, 0); U16(out, 0); U16(out, 0x21);
      U32(out, crc); U32(out, size); U32(out, size); U16(out, nlen); U16(out, 0);
      out += name;
      out += data;
      U32(central, 0x02014b50); U16(central, 20); U16(central, 20); U16(central, 0); U16(central, 0);
      U16(central, 0); U16(central, 0x21); U32(central, crc); U32(central, size); U32(central, size);
      U16(central, nlen); U16(central, 0); U16(central, 0); U16(central, 0); U16(central, 0);
      U32(central, 0); U32(central, offset);
      central += name;
    }
    const auto cd_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    U32(out, 0x06054b50); U16(out, 0); U16(out, 0);
    U16(out, static_cast<std::uint16_t>(entries_.size())); U16(out, static_cast<std::uint16_t>(entries_.size()));
    U32(out, static_cast<std::uint32_t>(central.size())); U32(out, cd_offset); U16(out, 0);
    return out;
  }

 private:
  static void U16(std::string& s, std::uint16_t v) {
    s += static_cast<char>(v & 0xff);
    s += static_cast<char>(v >> 8);
  }
  static void U32(std::string& s, std::uint32_t v) {
    U16(s, static_cast<std::uint16_t>(v & 0xffff));
    U16(s, static_cast<std::uint16_t>(v >> 16));
  }
  static std::uint32_t Crc32(const std::string& data) {
    std::uint32_t c = 0xffffffffu;
    for (unsigned char b : data) {
      c ^= b;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
  }
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace vareport::test
