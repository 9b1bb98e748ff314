// The input format of fuzz_docx (see fuzz_docx.cc): the first byte picks
// whether the rest is a whole file or the XML of one part of an otherwise
// valid package, built here as a stored ZIP. Shared with the regression test
// (tests/hostile/fuzz_regressions_test.cc) so that every finding replays
// through exactly what the fuzzer ran.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vareport::fuzz {

inline constexpr std::string_view kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline constexpr std::string_view kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
inline constexpr std::string_view kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

inline std::uint32_t Crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char ch : data) crc = table[(crc ^ ch) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

inline void Put16(std::string& s, unsigned v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
inline void Put32(std::string& s, std::uint32_t v) {
  Put16(s, v & 0xFFFF);
  Put16(s, v >> 16);
}

// A ZIP archive (APPNOTE 6.3.3) of `entries`, stored (method 0), with CRCs.
inline std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    const std::uint32_t crc = Crc32(data);
    const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    out += "PK\x03\x04";
    Put16(out, 20);  // version needed
    Put16(out, 0);   // flags
    Put16(out, 0);   // stored
    Put16(out, 0);   // time
    Put16(out, 0x21);  // date 1980-01-01
    Put32(out, crc);
    Put32(out, static_cast<std::uint32_t>(data.size()));
    Put32(out, static_cast<std::uint32_t>(data.size()));
    Put16(out, static_cast<unsigned>(name.size()));
    Put16(out, 0);
    out += name;
    out += data;
    central += "PK\x01\x02";
    Put16(central, 20);
    Put16(central, 20);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0x21);
    Put32(central, crc);
    Put32(central, static_cast<std::uint32_t>(data.size()));
    Put32(central, static_cast<std::uint32_t>(data.size()));
    Put16(central, static_cast<unsigned>(name.size()));
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put32(central, 0);
    Put32(central, offset);
    central += name;
  }
  const std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<unsigned>(entries.size()));
  Put16(out, static_cast<unsigned>(entries.size()));
  Put32(out, static_cast<std::uint32_t>(central.size()));
  Put32(out, cd_offset);
  Put16(out, 0);
  return out;
}

inline std::string Root(std::string_view tag, std::string_view inner) {
  return std::string(kDecl) + "<w:" + std::string(tag) + " " + std::string(kW) + ">" + std::string(inner) + "</w:" +
         std::string(tag) + ">";
}

// A package whose part number `which` is `xml`; the other parts are small and valid.
inline std::string Package(int which, std::string_view xml) {
  std::string ct = std::string(kDecl) +
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  std::string pkg_rels = std::string(kDecl) +
                         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"" + std::string(kRel) +
                         "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  std::string doc_rels = std::string(kDecl) +
                         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  const char* kinds[] = {"styles", "numbering", "header", "footnotes", "comments"};
  const char* parts[] = {"styles.xml", "numbering.xml", "header1.xml", "footnotes.xml", "comments.xml"};
  for (int i = 0; i < 5; ++i) {
    doc_rels += "<Relationship Id=\"rId" + std::to_string(i + 1) + "\" Type=\"" + std::string(kRel) + kinds[i] +
                "\" Target=\"" + parts[i] + "\"/>";
  }
  doc_rels += "</Relationships>";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"[Content_Types].xml", ct},
      {"_rels/.rels", pkg_rels},
      {"word/document.xml", Root("document", "<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>")},
      {"word/_rels/document.xml.rels", doc_rels},
      {"word/styles.xml", Root("styles", "")},
      {"word/numbering.xml", Root("numbering", "")},
      {"word/header1.xml", Root("hdr", "<w:p/>")},
      {"word/footnotes.xml", Root("footnotes", "")},
      {"word/comments.xml", Root("comments", "")},
  };
  static const char* const kTarget[] = {"word/document.xml",  "word/styles.xml",   "word/numbering.xml",
                                        "word/header1.xml",   "word/footnotes.xml", "word/comments.xml",
                                        "word/_rels/document.xml.rels", "[Content_Types].xml"};
  for (auto& [name, data] : entries) {
    if (name == kTarget[which]) data.assign(xml);
  }
  return StoredZip(entries);
}


// The bytes handed to ExtractDocx for one fuzz input.
inline std::string DocxFuzzInput(std::string_view input) {
  if (!input.empty() && input[0] >= '0' && input[0] <= '7') return Package(input[0] - '0', input.substr(1));
  return std::string(input);
}

}  // namespace vareport::fuzz
