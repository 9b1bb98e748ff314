// vareport/service/page_image.h — one page of a PDF as a PNG, with an
// evidence box drawn on it, for the reviewers' page.
//
// Rendering runs in a child process (`vareport worker-render`, like the
// ingest workers) so a hostile PDF costs one request, never the server:
//   vareport worker-render --page N --dpi D [--box x0,y0,x1,y1,W,H] [--find TEXT] --out OUT.png FILE
// The child renders page N (1-based) with Poppler (poppler-cpp page_renderer,
// antialiased) at D dots per inch, and draws the mark: a translucent yellow
// fill with a 3-pixel orange border. The mark is `--box` (PDF points,
// top-left origin, on a page W×H points: Evidence::box), or else the run of
// words on the page that best matches `--find` (the evidence text; at least
// two words in a row, or one word of five letters or more). It prints one
// line on stdout: "size W H" in pixels, then "mark x0 y0 x1 y1" in pixels when
// a mark was drawn. Errors: exit 2 with the reason on stderr.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "report/report.h"

namespace vareport::service {

struct PageImageArgs {
  std::string pdf;
  int page = 1;
  double dpi = 110;
  std::optional<EvidenceBox> box;
  std::string find;
  std::string out;
};

// The child side: renders as described above; returns the exit status.
int RunRenderWorker(const PageImageArgs& args);

// A pixel rectangle of a drawn mark.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The words of `text` as matching keys (lower-case, letters and digits only).
std::vector<std::string> MatchWords(const std::string& text);

// The best run in `page_words` matching consecutive words of `evidence_words`:
// [first, last] indices into page_words, or nullopt when no run qualifies
// (see above).
std::optional<std::pair<std::size_t, std::size_t>> BestRun(const std::vector<std::string>& page_words,
                                                           const std::vector<std::string>& evidence_words);

}  // namespace vareport::service
