// vareport/extractors/pdf/pdf_extractor.h — PDF (ISO 32000-1) text layer into
// the document model, with poppler-cpp.
#pragma once

#include <string_view>

#include "core/result.h"
#include "document/document.h"
#include "extractors/extractor.h"

namespace vareport {

// Reads a PDF from its bytes: lines rebuilt in reading order per page (two
// columns read column by column), running headers/footers to
// Document::furniture, tick glyphs as Ticks, tables rebuilt from aligned text.
// A PDF with an empty user password opens. Errors: kEncrypted ("encrypted PDF:
// a password is required"), kUnreadableInput ("damaged PDF: …"), kLimitExceeded.
Result<Document> ExtractPdf(std::string_view bytes, const ExtractOptions& options);

}  // namespace vareport
