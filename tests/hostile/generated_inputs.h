// Inputs the hostile tests write at run time, because they are large or are
// variations of one shape: ZIP packages (stored, with real CRC-32s, optionally
// lying about sizes) and long PDFs. Standard C++ only.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fuzz/docx_input.h"
#include "extractors/pdf/pdf_writer.h"

namespace vareport::test::hostile {

// CRC-32 of ZIP entries (APPNOTE 4.4.7): the fuzz harness's, so both write
// packages the same way.
using vareport::fuzz::Crc32;

struct ZipEntrySpec {
  std::string name;
  std::string data;
  std::uint32_t declared_size = 0xFFFFFFFFu;  // uncompressed size written in the headers; default: the real one
};

// A ZIP archive (APPNOTE 6.3.3) of `entries`, stored (method 0).
inline std::string StoredZip(const std::vector<ZipEntrySpec>& entries) {
  auto put16 = [](std::string& s, unsigned v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
  };
  auto put32 = [&](std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
  };
  std::string out, central;
  for (const ZipEntrySpec& e : entries) {
    const std::uint32_t crc = Crc32(e.data);
    const std::uint32_t size = static_cast<std::uint32_t>(e.data.size());
    const std::uint32_t declared = e.declared_size == 0xFFFFFFFFu ? size : e.declared_size;
    const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    out += "PK\x03\x04";
    put16(out, 20);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0x21);
    put32(out, crc);
    put32(out, size);
    put32(out, declared);
    put16(out, static_cast<unsigned>(e.name.size()));
    put16(out, 0);
    out += e.name;
    out += e.data;
    central += "PK\x01\x02";
    put16(central, 20);
    put16(central, 20);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, crc);
    put32(central, size);
    put32(central, declared);
    put16(central, static_cast<unsigned>(e.name.size()));
    for (int i = 0; i < 4; ++i) put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += e.name;
  }
  const std::uint32_t cd = static_cast<std::uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<unsigned>(entries.size() & 0xFFFF));
  put16(out, static_cast<unsigned>(entries.size() & 0xFFFF));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd);
  put16(out, 0);
  return out;
}

inline const char* kWordNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A minimal .docx whose word/document.xml is `document_xml`, plus `extra` entries.
inline std::string MinimalDocx(const std::string& document_xml, std::vector<ZipEntrySpec> extra = {}) {
  std::vector<ZipEntrySpec> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"word/document.xml", document_xml},
  };
  for (ZipEntrySpec& e : extra) entries.push_back(std::move(e));
  return StoredZip(entries);
}

inline std::string WordDocument(const std::string& body) {
  return std::string("<?xml version=\"1.0\"?><w:document ") + kWordNs + "><w:body>" + body + "</w:body></w:document>";
}

// `paragraphs` paragraphs of twelve words each, from a fixed pseudo-random sequence.
inline std::string ManyParagraphs(std::size_t paragraphs) {
  static const char* const kWords[] = {"survivors", "assistance", "rehabilitation", "province", "services",
                                       "health",    "ministry",   "plan",           "report"};
  std::uint32_t x = 12345;
  std::string body;
  body.reserve(paragraphs * 120);
  for (std::size_t i = 0; i < paragraphs; ++i) {
    body += "<w:p><w:r><w:t>";
    for (int k = 0; k < 12; ++k) {
      x = (x * 1103515245u + 12345u) & 0x7FFFFFFFu;
      if (k) body += ' ';
      body += kWords[x % 9];
    }
    body += "</w:t></w:r></w:p>";
  }
  return body;
}

// A PDF (ISO 32000-1) of `pages` pages of two lines each in Helvetica, with a
// correct cross-reference table: about 250 bytes a page.
inline std::string ManyPagePdf(int pages) {
  std::vector<std::string> objs(3);
  objs[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  std::string kids;
  for (int i = 1; i <= pages; ++i) {
    // Body text mid-page (the top and bottom bands repeat on every page: running headers).
    const std::string content = "BT /F1 11 Tf 72 500 Td (Page " + std::to_string(i) +
                                ": survivors assisted in province " + std::to_string(i % 17) +
                                ".) Tj 0 -14 Td (Services were provided by the ministry of health in " +
                                std::to_string(2000 + i % 24) + ".) Tj ET";
    objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    const std::size_t content_num = objs.size();
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + std::to_string(content_num) +
                   " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    kids += std::to_string(objs.size()) + " 0 R ";
  }
  objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  return pdf::WritePdf(objs);
}

}  // namespace vareport::test::hostile
