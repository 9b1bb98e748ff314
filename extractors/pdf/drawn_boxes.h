// vareport/extractors/pdf/drawn_boxes.h — check boxes drawn as vector
// graphics on a text page, decided from the page's paths (no rendering).
//
// Input: what a page paints besides its text, as geometry (page_reader.h
// reads it from the PDF): stroked and filled paths, images, in displayed
// coordinates (points, top-left origin, y down), each with whether its colour
// is dark enough to be ink; and the page's text-layer words (their glyphs are
// ink too: an "X" typed into a drawn box ticks it).
//
// A box is a closed subpath whose points all lie on the border of its
// bounding box and reach its four corners (a square drawn with `re`, with
// m/l/l/l/h, or with rounded corners; not a circle), 5–16 pt wide with an
// aspect ratio of 0.8–1.25, either stroked, or filled as a frame (an outer
// square with a hole: a second subpath of the same path inside it). Light
// (white or pale grey) paint is not ink: a box filled white is empty.
//
// The decision copies the image one (extractors/ocr/ocr.h FindTickBoxes) so
// a box reads the same drawn or scanned: the inside is the box inset by its
// border (12 % of its width, at least 1 px at 150 dpi) and 8 % more; the ink
// inside is estimated from the geometry — a stroke's length inside times its
// width (at least 0.34 pt: the 0.7 pixel a hairline inked at 150 dpi), a fill's or
// image's or glyph box's overlap (a glyph inks ~30 % of its box) — over the
// inside's area: ≥ 8 % ticked, ≤ 3 % empty, in between a "tick-unclear"
// warning and no tick; two strokes crossing the inside along both diagonals
// (Word's hairline cross) tick it whatever their width; ink over 70 % of the
// whole box is a solid square (a bullet), not a box. Each decided box becomes
// a word "☒"/"☐" with TickEncoding::kVector, the same confidence rule as the
// image path, and its box; the same box painted twice is reported once.
//
// Thread-safety: pure function of its arguments.
#pragma once

#include <vector>

#include "document/document.h"
#include "extractors/pdf/layout.h"

namespace vareport::pdf {

struct Point {
  double x = 0, y = 0;
};

// One painting operation of a page.
struct Mark {
  enum class Kind { kStroke, kFill, kImage };
  Kind kind = Kind::kStroke;
  bool ink = true;                              // dark enough to show (grey below ~0.59)
  double line_width = 0;                        // strokes: device width, points (0: hairline)
  std::vector<std::vector<Point>> subpaths;     // strokes and fills; curves as their control points
  std::vector<bool> closed;                     // per subpath: closed with h / re
  Box box;                                      // bounds: strokes widened by half their width (≥ 0.24 pt), images their square
};

// A box whose ink is neither clearly empty nor clearly ticked.
struct UnclearDrawnBox {
  Box box;
  Warning warning;  // "tick-unclear"
};

// The decided boxes of one page (see the header comment); undecided ones go
// to `unclear` (may be null) and give no word.
std::vector<Word> FindDrawnBoxes(const std::vector<Mark>& marks, const std::vector<Word>& words,
                                 std::vector<UnclearDrawnBox>* unclear);

}  // namespace vareport::pdf
