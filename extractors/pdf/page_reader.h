// vareport/extractors/pdf/page_reader.h — a PDF page's text-layer words and
// what it paints besides its text, read with Poppler's own interpreter
// (Debian's libpoppler-private-dev: PDFDoc, TextOutputDev, OutputDev), in one
// interpretation of the page's content stream. Nothing is rasterised.
//
// Words: exactly what poppler-cpp's page::text_list(text_list_include_font)
// gives (the same TextOutputDev settings: no physical layout, reading order
// kept, 72 dpi, rotation 0 so the page's /Rotate applies, annotations drawn;
// displayed coordinates, points, top-left origin of the crop box): text,
// box, per-character boxes, rotation, space after, font name (with its
// subset prefix; empty for a font without a name) and size — without
// poppler-cpp's second pass over the page's fonts for their names.
//
// Marks (drawn_boxes.h Mark), when asked for: each stroke, fill and image in
// the same coordinates. A colour is ink when its grey value (0.299 R +
// 0.587 G + 0.114 B) is below 150/255, the threshold the image path
// binarises at, and its opacity is at least 0.5. Type 3 glyphs are text, not
// marks. At most kMaxMarks marks are kept per page.
//
// Thread-safety: one reader per thread; readers on different documents may
// run concurrently. Poppler's messages go to its error callback (the PDF
// extractor's, installed by poppler-cpp, when a poppler::document is open).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/pdf/acroform.h"
#include "extractors/pdf/drawn_boxes.h"
#include "extractors/pdf/layout.h"

namespace vareport::pdf {

inline constexpr std::size_t kMaxMarks = 200000;
// Longest /Parent chain of a form field followed for its name.
inline constexpr int kMaxFieldDepth = 64;

// Reads pages of one PDF held in memory (the bytes must outlive the reader).
// The document is opened on the first read.
class PageReader {
 public:
  explicit PageReader(std::string_view bytes);

  // Reading a page stops once `deadline` has passed: Poppler's interpreter
  // asks between content-stream operators, nested form XObjects included
  // (PDFDoc::displayPageSlice's abort check), so even a page whose drawing
  // never ends in practice returns. TimedOut() then says so and the page's
  // result is partial: the caller must not use it as the page.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }
  bool TimedOut() const { return timed_out_; }
  ~PageReader();
  PageReader(const PageReader&) = delete;
  PageReader& operator=(const PageReader&) = delete;

  // The words of 1-based `page` (PageText: number, displayed size, words)
  // and, when `marks` is not null, its marks. nullopt when the document or
  // page cannot be read this way (damaged, encrypted with a password).
  std::optional<PageText> ReadText(int page, std::vector<Mark>* marks = nullptr);

  // The marks of 1-based `page` alone; nullopt as above.
  std::optional<std::vector<Mark>> Read(int page);

  // The interactive form's widgets on the first `max_pages` pages
  // (acroform.h AcroWidget; empty for a PDF without /AcroForm or one that
  // cannot be opened). Field names are built here, not by Poppler: a
  // /Parent chain (ISO 32000-1 §12.7.3.1) is followed while it meets no
  // field twice and for at most kMaxFieldDepth steps — Poppler's own walk
  // loops forever on a cycle. A page with such a chain adds one line to
  // `problems` (when not null).
  std::vector<AcroWidget> ReadWidgets(int max_pages, std::vector<std::string>* problems);

 private:
  bool Open();
  struct Impl;
  static bool AbortCheck(void* reader);

  std::string_view bytes_;
  std::unique_ptr<Impl> impl_;
  bool failed_ = false;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool timed_out_ = false;
};

}  // namespace vareport::pdf
