// vareport/extractors/pdf/pdf_extractor.h — PDF (ISO 32000-1) text layer into
// the document model, with poppler-cpp.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "document/document.h"
#include "document/locate.h"
#include "extractors/extractor.h"

namespace vareport {

// Reads a PDF from its bytes: lines rebuilt in reading order per page (two
// columns read column by column), running headers/footers to
// Document::furniture, tick glyphs as Ticks, tables rebuilt from aligned text.
// A PDF with an empty user password opens. Errors: kEncrypted ("encrypted PDF:
// a password is required"), kUnreadableInput ("damaged PDF: …"), kLimitExceeded.
Result<Document> ExtractPdf(std::string_view bytes, const ExtractOptions& options);

// The words of a PDF's text layer with their boxes, page by page (page size
// as displayed), for locating evidence (document/locate.h). Pages without a
// text layer (scans) have no words. Reads at most options.max_pages pages.
// Errors: as ExtractPdf.
Result<std::vector<PlacedPage>> ReadPdfWords(std::string_view bytes, const ExtractOptions& options = {});

}  // namespace vareport
