// vareport/service/evidence_pages.h — right pages and boxes for evidence.
//
// PDF input: each answer's and objective's evidence text is located on the
// PDF's own text layer (document/locate.h LocateText, its page as the hint)
// and gets the box of the words that show it; pages are kept.
// Word-family input (.docx .doc .rtf .odt): the document's pages are
// LibreOffice's layout, so it is rendered to PDF (LegacyConverter::RenderPdf,
// the converter the legacy path uses, with its guard process and time limit)
// and `source.pages`, every evidence page and box are taken from that
// rendering. Findings follow the answer or objective they are about; a
// question left blank is on the page of its component's answers when they are
// all on one page; otherwise a finding has page 0 unless its message is found.
// Text not found in the rendering has page 0 (unknown), never a guess, and a
// warning counts them. When there is no rendering (LibreOffice missing, time
// limit, --no-render) the report says so with a warning and Word evidence
// pages are 0: unknown.
//
// Thread-safety: pure functions on their arguments; RenderWordFamily starts
// LibreOffice (see legacy_converter.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "document/document.h"
#include "document/locate.h"
#include "report/report.h"

namespace vareport {
class LegacyConverter;
}

namespace vareport::service {

// True for the formats whose pages come from a rendering: docx, doc, rtf, odt.
bool IsWordFamily(Format format);

// Renders a Word-family file to PDF with `converter` (nullptr: a LibreOffice
// converter with `time_limit_seconds`). Errors: the converter's
// (kUnsupportedFormat when LibreOffice is missing, kLimitExceeded past the limit).
Result<std::string> RenderWordFamily(std::string_view bytes, Format format, double time_limit_seconds,
                                     LegacyConverter* converter = nullptr);

// Counts of PlaceEvidence.
struct Placement {
  int located = 0;      // evidence spans found (page and box set)
  int not_located = 0;  // spans not found
};

// Sets evidence boxes (and, with `from_rendering`, pages) from `pages` as
// described above. `from_rendering`: the pages are a Word file's rendering
// (pages replaced, not found → 0); false: the PDF input itself (pages kept,
// a box only where the text is found on that page).
Placement PlaceEvidence(Report& report, const std::vector<PlacedPage>& pages, bool from_rendering);

// The whole step for one document: PDF input → PlaceEvidence on its words;
// Word family with `rendering` (PDF bytes) → pages and evidence from it;
// Word family without → evidence pages 0 and the warning
// "rendering-unavailable: <why_not>; evidence pages are unknown".
// `pdf_pages`: the PDF's own words when the caller has them already
// (Document::text_layer of the extraction); null or empty: read from `original`.
void PlacePages(Report& report, std::string_view original, Format format, const std::optional<std::string>& rendering,
                const std::string& why_not, const std::vector<PlacedPage>* pdf_pages = nullptr);

}  // namespace vareport::service
