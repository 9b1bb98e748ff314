// vareport/extractors/extractor.h — the one interface every input family
// (pdf, docx, legacy, ocr) sits behind. Callers hand over the bytes of a
// submitted file; they get a Document (document/document.h) or an Error whose
// message is one line a secretariat user understands.
//
// Thread-safety: every function here may run concurrently on different inputs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "document/document.h"

namespace vareport {

class LegacyConverter;  // extractors/legacy/legacy_converter.h

// Scanned pages (extractors/ocr/ocr.h): a PDF page without a usable text layer
// is rendered and read with Tesseract; check boxes in the image are found with
// Leptonica.
// OCR confusions in figures and dates (extractors/ocr/confusions.h), from the
// rules (rules/document.xml <ocr-confusions>; service/extract_options.h).
struct OcrConfusions {
  std::vector<std::pair<std::string, std::string>> pairs;  // read → meant, each one code point ("l" → "1")
  std::vector<std::string> period_prefixes;                // "Q", "T", "S", "H"
};

struct OcrOptions {
  bool enabled = true;    // false: such pages stay empty ("no-text-layer" warning)
  int dpi = 300;          // rendering resolution for recognition
  std::string languages;  // Tesseract languages ("fra", "eng+fra+spa"); empty: decided from the document
  OcrConfusions confusions;  // undone in OCR'd words; empty: none
};

// Safety limits applied while reading untrusted files. Exceeding one is an
// ErrorKind::kLimitExceeded error, never a crash or a hang.
struct ExtractOptions {
  std::size_t max_file_bytes = 256u << 20;          // whole input
  std::size_t max_zip_entries = 10000;              // OOXML/ODF package entries
  std::size_t max_zip_entry_bytes = 256u << 20;     // one uncompressed entry
  std::size_t max_zip_total_bytes = 1024u << 20;    // all entries read, uncompressed
  double max_zip_ratio = 200.0;                     // uncompressed / compressed, per entry past the floor:
  std::size_t zip_ratio_floor_bytes = 16u << 20;    // an entry's ratio is judged only past this many inflated bytes
  int max_xml_depth = 256;                          // element nesting in XML parts
  int max_pages = 2000;                             // PDF pages read
  double time_limit_seconds = 120;                  // per document, checked between pages / parts
  // .doc / .rtf / .odt go through this converter to .docx; nullptr: a
  // LibreOffice converter started for this one document. Batch callers pass a
  // shared one. Not owned; must outlive the call.
  LegacyConverter* legacy_converter = nullptr;
  OcrOptions ocr;
};

// Detects the format from the bytes (never the file name), signatures at
// offset 0 first:
//   a ZIP with "[Content_Types].xml" → kDocx (ECMA-376 Part 2, OPC);
//   a ZIP with "mimetype" = application/vnd.oasis.opendocument.text → kOdt;
//   the OLE compound-file signature D0 CF 11 E0 A1 B1 1A E1 → kDoc;
//   "{\rtf" → kRtf;
//   otherwise "%PDF-" in the first 1024 bytes → kPdf (ISO 32000-1 §7.5.2).
// Errors: kUnsupportedFormat "not a PDF or Word document".
// The OLE case does not look inside; ExtractDocument refuses encrypted packages.
Result<Format> DetectFormat(std::string_view bytes);

// Reads a whole document whatever its format. `file_name` is used only in
// messages. Errors: see ErrorKind; the message has no file name prefix.
Result<Document> ExtractDocument(std::string_view bytes, const ExtractOptions& options = {});

// Reads the file at `path` (limited to options.max_file_bytes) into `out`.
// Errors: kUnreadableInput ("cannot open file: …"), kLimitExceeded.
Status ReadFileBytes(const std::string& path, std::string& out, const ExtractOptions& options = {});

}  // namespace vareport
