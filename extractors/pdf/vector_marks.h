// vareport/extractors/pdf/vector_marks.h — what a PDF page paints besides
// its text, as geometry (drawn_boxes.h Mark), read with Poppler's own
// interpreter through an OutputDev (Debian's libpoppler-private-dev; poppler-cpp
// has no such API). Nothing is rasterised: the page's content stream is
// interpreted once and each stroke, fill and image is recorded with its
// path in displayed coordinates (points, the page's /Rotate applied,
// top-left origin of the crop box, y down — the frame of the text layer).
//
// A colour is ink when its grey value (0.299 R + 0.587 G + 0.114 B) is below
// 150/255, the threshold the image path binarises at, and its opacity is
// at least 0.5. Type 3 glyphs are not interpreted (text is the text layer's).
// At most kMaxMarks marks are kept per page (a page of millions of paths is
// cut short, not a memory sink).
//
// Thread-safety: one reader per thread; readers on different documents may
// run concurrently. Poppler's messages go to its error callback (the PDF
// extractor's, installed by poppler-cpp).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "extractors/pdf/drawn_boxes.h"

namespace vareport::pdf {

inline constexpr std::size_t kMaxMarks = 200000;

// Reads pages of one PDF held in memory (the bytes must outlive the reader).
// The document is opened on the first Read.
class VectorMarksReader {
 public:
  explicit VectorMarksReader(std::string_view bytes);
  ~VectorMarksReader();
  VectorMarksReader(const VectorMarksReader&) = delete;
  VectorMarksReader& operator=(const VectorMarksReader&) = delete;

  // The marks of 1-based `page`; nullopt when the document or page cannot
  // be read that way (damaged, encrypted with a password).
  std::optional<std::vector<Mark>> Read(int page);

 private:
  struct Impl;
  std::string_view bytes_;
  std::unique_ptr<Impl> impl_;
  bool failed_ = false;
};

}  // namespace vareport::pdf
