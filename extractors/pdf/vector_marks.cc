// vareport/extractors/pdf/vector_marks.cc — see vector_marks.h.
//
// Poppler's private API (PDFDoc, Gfx, OutputDev) as Debian 12 ships it
// (poppler 22.12, libpoppler-private-dev): the only file that includes it.
#include "extractors/pdf/vector_marks.h"

#include <poppler/Error.h>
#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>

#include <algorithm>
#include <climits>

namespace vareport::pdf {
namespace {

void IgnoreError(ErrorCategory, Goffset, const char*) {}

// Records every stroke, fill and image of a page as a Mark.
class MarkOutputDev : public OutputDev {
 public:
  std::vector<Mark> marks;

  bool upsideDown() override { return true; }  // top-left origin, as the text layer
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }

  void stroke(GfxState* state) override {
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    AddPath(state, Mark::Kind::kStroke, IsInk(rgb, state->getStrokeOpacity()), state->getTransformedLineWidth());
  }
  void fill(GfxState* state) override {
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    AddPath(state, Mark::Kind::kFill, IsInk(rgb, state->getFillOpacity()), 0);
  }
  void eoFill(GfxState* state) override { fill(state); }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_img) override {
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    AddImage(state, IsInk(rgb, state->getFillOpacity()));
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);  // skips inline data
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_img) override {
    AddImage(state, true);
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_img);
  }
  void drawMaskedImage(GfxState* state, Object* /*ref*/, Stream* /*str*/, int /*width*/, int /*height*/,
                       GfxImageColorMap* /*color_map*/, bool /*interpolate*/, Stream* /*mask_str*/, int /*mask_width*/,
                       int /*mask_height*/, bool /*mask_invert*/, bool /*mask_interpolate*/) override {
    AddImage(state, true);
  }
  void drawSoftMaskedImage(GfxState* state, Object* /*ref*/, Stream* /*str*/, int /*width*/, int /*height*/,
                           GfxImageColorMap* /*color_map*/, bool /*interpolate*/, Stream* /*mask_str*/,
                           int /*mask_width*/, int /*mask_height*/, GfxImageColorMap* /*mask_color_map*/,
                           bool /*mask_interpolate*/) override {
    AddImage(state, true);
  }

 private:
  static bool IsInk(const GfxRGB& rgb, double opacity) {
    const double grey = 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
    return grey < 150.0 / 255 && opacity >= 0.5;
  }

  void AddPath(GfxState* state, Mark::Kind kind, bool ink, double width) {
    if (marks.size() >= kMaxMarks) return;
    const GfxPath* path = state->getPath();
    if (path == nullptr) return;
    Mark m;
    m.kind = kind;
    m.ink = ink;
    m.line_width = width;
    bool any = false;
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sp = path->getSubpath(i);
      std::vector<Point> pts;
      pts.reserve(static_cast<std::size_t>(std::max(0, sp->getNumPoints())));
      for (int j = 0; j < sp->getNumPoints(); ++j) {
        Point p;
        state->transform(sp->getX(j), sp->getY(j), &p.x, &p.y);
        if (!any) m.box = Box{p.x, p.y, p.x, p.y}, any = true;
        m.box.x0 = std::min(m.box.x0, p.x), m.box.y0 = std::min(m.box.y0, p.y);
        m.box.x1 = std::max(m.box.x1, p.x), m.box.y1 = std::max(m.box.y1, p.y);
        pts.push_back(p);
      }
      m.subpaths.push_back(std::move(pts));
      m.closed.push_back(sp->isClosed());
    }
    if (!any) return;
    if (kind == Mark::Kind::kStroke) {
      const double half = std::max(width, 72.0 / 150) / 2;
      m.box = Box{m.box.x0 - half, m.box.y0 - half, m.box.x1 + half, m.box.y1 + half};
    }
    marks.push_back(std::move(m));
  }

  void AddImage(GfxState* state, bool ink) {
    if (marks.size() >= kMaxMarks) return;
    Mark m;
    m.kind = Mark::Kind::kImage;
    m.ink = ink;
    bool any = false;
    for (double u : {0.0, 1.0}) {
      for (double v : {0.0, 1.0}) {
        double x, y;
        state->transform(u, v, &x, &y);
        if (!any) m.box = Box{x, y, x, y}, any = true;
        m.box.x0 = std::min(m.box.x0, x), m.box.y0 = std::min(m.box.y0, y);
        m.box.x1 = std::max(m.box.x1, x), m.box.y1 = std::max(m.box.y1, y);
      }
    }
    marks.push_back(std::move(m));
  }
};

}  // namespace

struct VectorMarksReader::Impl {
  GlobalParamsIniter params{&IgnoreError};  // refcounted: poppler-cpp's, when it is already up, stays
  std::unique_ptr<PDFDoc> doc;
};

VectorMarksReader::VectorMarksReader(std::string_view bytes) : bytes_(bytes) {}
VectorMarksReader::~VectorMarksReader() = default;

std::optional<std::vector<Mark>> VectorMarksReader::Read(int page) {
  if (failed_) return std::nullopt;
  if (!impl_) {
    if (bytes_.size() > static_cast<std::size_t>(INT_MAX)) {
      failed_ = true;
      return std::nullopt;
    }
    impl_ = std::make_unique<Impl>();
    // PDFDoc owns the stream; the stream does not own the bytes.
    auto* stream = new MemStream(bytes_.data(), 0, static_cast<Goffset>(bytes_.size()), Object(objNull));
    impl_->doc = std::make_unique<PDFDoc>(stream);
    if (!impl_->doc->isOk()) {
      failed_ = true;
      return std::nullopt;
    }
  }
  if (page < 1 || page > impl_->doc->getNumPages()) return std::nullopt;
  MarkOutputDev out;
  impl_->doc->displayPage(&out, page, 72, 72, /*rotate=*/0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
  return std::move(out.marks);
}

}  // namespace vareport::pdf
