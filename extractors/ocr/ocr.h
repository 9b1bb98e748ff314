// vareport/extractors/ocr/ocr.h — scanned pages into words with boxes, for
// the PDF layout engine (extractors/pdf/layout.h).
//
// A page without a usable text layer (NeedsOcr) is rendered by the PDF
// extractor and handed here as a grey image. RecognizePage deskews it
// (Leptonica), reads it with Tesseract's C++ API (LSTM engine, automatic page
// segmentation, one thread: OMP_THREAD_LIMIT=1 is set for the process before
// Tesseract first starts, unless already set) and finds the tick boxes printed
// on it (FindTickBoxes). Everything comes back as pdf::Word in PDF points, so
// lines, tables, ticks and reading order are rebuilt exactly as for a text
// layer. Tesseract and Leptonica types never leave ocr.cc.
//
// Words read with a confidence below kLowConfidence are kept and carry an
// "ocr-low-confidence" warning; a box whose ink neither clearly fills nor
// clearly leaves it empty becomes a "tick-unclear" warning, never a tick.
//
// Thread-safety: every function may run concurrently on different images
// (each call has its own Tesseract instance).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "document/document.h"
#include "extractors/pdf/layout.h"

namespace vareport::ocr {

// Tesseract word confidence (0..1) under which a word carries a warning.
inline constexpr double kLowConfidence = 0.5;

// An 8-bit grey image, row-major, 0 black … 255 white.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes
};

// True when `words` (a page's text layer) is not worth reading: no text,
// unmapped glyphs, or nonsense letter sequences from fonts without a Unicode
// map (pdf::AssessTextLayer, extractors/pdf/text_layer.h).
bool NeedsOcr(const std::vector<pdf::Word>& words);

// Finds square check boxes printed or drawn on `image` (Leptonica connected
// components, found with long table rules taken out so that a box touching a
// cell border stays a box): hollow squares 5–16 pt wide whose four sides are
// inked. Each decided box becomes a word "☒" (ink inside, or both diagonals
// inked: the hairline cross Word draws for a ticked legacy box) or "☐" (empty) with
// `encoding` (kImage for scans, kVector for drawn boxes), a confidence from
// how clear the ink density is, and its box in points (pixel × `points_per_pixel`).
// A box that cannot be decided adds a "tick-unclear" warning to `unclear`
// (with its box) and no word. Solid squares (bullets) are not boxes.
struct UnclearBox {
  Box box;  // points
  Warning warning;
};
std::vector<pdf::Word> FindTickBoxes(const GrayImage& image, double points_per_pixel, TickEncoding encoding,
                                     std::vector<UnclearBox>* unclear);

// Attaches each unclear box's warning to the nearest of `words` on its line
// (horizontal gap under 72 pt), so it lands in the block the box ends up in.
// Returns the boxes no word was near, for the caller to report elsewhere.
std::vector<UnclearBox> AttachToNearestWord(std::vector<UnclearBox> unclear, std::vector<pdf::Word>& words);

// One recognised page.
struct PageResult {
  std::vector<pdf::Word> words;   // text words and tick-box words, points, displayed frame
  double mean_confidence = 0;     // 0..1 over text words
  double skew_degrees = 0;        // the skew corrected before recognition
  std::vector<Warning> warnings;  // page-level (e.g. unclear boxes with no word near)
  std::vector<Box> rules;         // table rules (FindRules), points, displayed frame
};

// Finds the ruled lines of tables on `image`: straight horizontal or vertical
// ink runs at least 24 pt long and at most 3 pt thick (morphological opening
// with a long line element, then connected components). Returned as thin
// boxes in points (pixel × `points_per_pixel`); a box wider than tall is a
// horizontal rule. Text, tick boxes and underlines shorter than 24 pt are not rules.
std::vector<Box> FindRules(const GrayImage& image, double points_per_pixel);

// Reads documents page by page with one Tesseract instance. Construct once
// per document; not thread-safe itself (one per thread).
class Recognizer {
 public:
  // `languages`: Tesseract language codes joined by '+' ("fra", "eng+fra+spa").
  // Empty: "eng+fra+spa" until a page's text shows the language (GuessLanguage),
  // then that language alone.
  explicit Recognizer(std::string languages);
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  // Recognises one page rendered at `dpi`. Errors: kUnsupportedFormat when
  // Tesseract or its language data is missing (the message names the Debian
  // packages), kInternal when recognition fails.
  Result<PageResult> RecognizePage(const GrayImage& image, double dpi);

  // The languages used for the next page.
  const std::string& languages() const { return languages_; }

 private:
  struct Engine;
  std::string languages_;
  bool decided_ = false;  // languages fixed (given, or guessed from a page)
  std::unique_ptr<Engine> engine_;
};

// "eng", "fra" or "spa" when the words show one language clearly (function
// words such as the/and/of, le/les/des/et, el/los/las/y), else "".
std::string GuessLanguage(const std::vector<pdf::Word>& words);

}  // namespace vareport::ocr
