// vareport/extractors/docx/docx_extractor.h — Office Open XML WordprocessingML
// (.docx, ECMA-376 5th ed. Part 1) into the document model, with libzip and
// libxml2 (no network, no entity expansion, bounded depth).
#pragma once

#include <string_view>

#include "core/result.h"
#include "document/document.h"
#include "extractors/extractor.h"

namespace vareport {

// Reads a .docx package from its bytes. The body goes to Document::body (text
// boxes and content controls inline, tracked deletions dropped); headers and
// footers to Document::furniture; footnotes, endnotes and comments to
// Document::notes. Errors: kUnreadableInput ("truncated ZIP archive", "not a
// Word document: word/document.xml missing"), kEncrypted, kLimitExceeded.
Result<Document> ExtractDocx(std::string_view bytes, const ExtractOptions& options);

}  // namespace vareport
