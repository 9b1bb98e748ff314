#include "extractors/extractor.h"
#include "extractors/legacy/encryption.h"

#include <cstring>
#include <sys/stat.h>
#include <memory>
#include <fstream>

#include "extractors/docx/docx_extractor.h"
#include "extractors/legacy/legacy_converter.h"
#include "extractors/pdf/pdf_extractor.h"

namespace vareport {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Looks for a ZIP local-file or central-directory entry named `name` by
// scanning headers; enough to tell OOXML from ODF without opening the archive.
bool ZipHasEntry(std::string_view bytes, std::string_view name) {
  // Local file header: PK\3\4, name length at +26, name at +30.
  // Central directory header: PK\1\2, name length at +28, name at +46.
  for (std::size_t i = 0; i + 4 <= bytes.size(); ++i) {
    if (bytes[i] != 'P' || bytes[i + 1] != 'K') continue;
    std::size_t name_len_at, name_at;
    if (bytes[i + 2] == 3 && bytes[i + 3] == 4) {
      name_len_at = i + 26;
      name_at = i + 30;
    } else if (bytes[i + 2] == 1 && bytes[i + 3] == 2) {
      name_len_at = i + 28;
      name_at = i + 46;
    } else {
      continue;
    }
    if (name_at > bytes.size()) continue;
    std::size_t len = static_cast<unsigned char>(bytes[name_len_at]) |
                      (static_cast<std::size_t>(static_cast<unsigned char>(bytes[name_len_at + 1])) << 8);
    if (len == name.size() && name_at + len <= bytes.size() && bytes.substr(name_at, len) == name) return true;
  }
  return false;
}

// LibreOffice attaches its outline numbering to the heading styles: a
// heading of a converted file comes out as a list item with no label, which
// the original's .docx does not have. Such headings are not list items.
void DropOutlineNumbering(std::vector<Block>& blocks) {
  for (Block& b : blocks) {
    Paragraph& p = b.paragraph;
    if (b.kind == BlockKind::kParagraph && p.heading_level > 0 && p.list_label.empty()) p.list_level = -1;
    if (b.kind == BlockKind::kTable && b.table) {
      for (Row& r : b.table->rows) {
        for (Cell& c : r.cells) DropOutlineNumbering(c.blocks);
      }
    }
  }
}

// .doc, .rtf, .odt: converted to .docx by LibreOffice, then read as .docx;
// the document keeps its original format.
Result<Document> ExtractLegacy(std::string_view bytes, Format format, const ExtractOptions& options) {
  std::unique_ptr<LegacyConverter> own;
  LegacyConverter* converter = options.legacy_converter;
  if (converter == nullptr) {
    SofficeOptions so;
    so.time_limit_seconds = options.time_limit_seconds;
    own = MakeSofficeConverter(so);
    converter = own.get();
  }
  Result<std::string> docx = converter->ConvertOne(bytes, format);
  if (!docx) return docx.error();
  Result<Document> doc = ExtractDocx(*docx, options);
  if (!doc) return doc.error().WithContext("after conversion to .docx");
  doc->format = format;
  DropOutlineNumbering(doc->body);
  return doc;
}

}  // namespace

Result<Format> DetectFormat(std::string_view bytes) {
  // Signatures at offset 0 first: a ZIP (Word, ODF) or OLE file may well hold
  // the bytes "%PDF-" in its first kilobyte (a part's name or content).
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06")) {
    if (ZipHasEntry(bytes, "mimetype") &&
        bytes.find("application/vnd.oasis.opendocument.text") != std::string_view::npos) {
      return Format::kOdt;
    }
    if (ZipHasEntry(bytes, "[Content_Types].xml") || ZipHasEntry(bytes, "word/document.xml")) return Format::kDocx;
    return MakeError(ErrorKind::kUnsupportedFormat, "not a PDF or Word document (a ZIP archive without Word content)");
  }
  static const char kOle[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  if (StartsWith(bytes, std::string_view(kOle, 8))) return Format::kDoc;
  if (StartsWith(bytes, "{\\rtf")) return Format::kRtf;
  // PDF readers accept the header anywhere in the first 1024 bytes (PDF 32000-1
  // §7.5.2 requires it first; Acrobat's implementation notes allow junk before it).
  if (bytes.find("%PDF-") < 1024) return Format::kPdf;
  return MakeError(ErrorKind::kUnsupportedFormat, "not a PDF or Word document");
}

Status ReadFileBytes(const std::string& path, std::string& out, const ExtractOptions& options) {
  // Look before opening: opening a FIFO would wait for a writer.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return MakeError(ErrorKind::kUnreadableInput, std::string("cannot open file: ") + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return MakeError(ErrorKind::kUnreadableInput, "is a folder, not a file");
  if (!S_ISREG(st.st_mode)) {
    return MakeError(ErrorKind::kUnreadableInput, "not a regular file (a device, pipe or socket)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorKind::kUnreadableInput, std::string("cannot open file: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return MakeError(ErrorKind::kUnreadableInput, "cannot read file (not a regular file)");
  if (static_cast<std::size_t>(size) > options.max_file_bytes) {
    return MakeError(ErrorKind::kLimitExceeded, "file is larger than the limit of " +
                                                    std::to_string(options.max_file_bytes >> 20) + " MiB");
  }
  in.seekg(0, std::ios::beg);
  out.assign(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(out.data(), size)) return MakeError(ErrorKind::kUnreadableInput, "cannot read file");
  return Ok{};
}

Result<Document> ExtractDocument(std::string_view bytes, const ExtractOptions& options) {
  if (bytes.empty()) return MakeError(ErrorKind::kUnreadableInput, "empty file: not a PDF or Word document");
  if (bytes.size() > options.max_file_bytes) return MakeError(ErrorKind::kLimitExceeded, "file is larger than the limit");
  Result<Format> format = DetectFormat(bytes);
  if (!format) return format.error();
  switch (*format) {
    case Format::kPdf:
      return ExtractPdf(bytes, options);
    case Format::kDocx:
      return ExtractDocx(bytes, options);
    case Format::kDoc:
      if (bytes.find(std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e", 32)) != std::string_view::npos ||
          IsEncryptedDoc(bytes)) {
        return MakeError(ErrorKind::kEncrypted, "encrypted Word document: a password is required");
      }
      return ExtractLegacy(bytes, *format, options);
    case Format::kOdt:
      if (IsEncryptedOdt(bytes)) return MakeError(ErrorKind::kEncrypted, "encrypted Word document: a password is required");
      return ExtractLegacy(bytes, *format, options);
    case Format::kRtf:
      return ExtractLegacy(bytes, *format, options);
  }
  return MakeError(ErrorKind::kInternal, "unhandled format");
}

}  // namespace vareport
