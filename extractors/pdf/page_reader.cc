// vareport/extractors/pdf/page_reader.cc — see page_reader.h.
//
// Poppler's private API (PDFDoc, Gfx, OutputDev) as Debian 12 ships it
// (poppler 22.12, libpoppler-private-dev): the only file that includes it.
#include "extractors/pdf/page_reader.h"

#include <poppler/Error.h>
#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/OutputDev.h>
#include <poppler/Catalog.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>

#include <algorithm>
#include <climits>
#include <set>

#include "core/text.h"

namespace vareport::pdf {
namespace {

void IgnoreError(ErrorCategory, Goffset, const char*) {}

// Records strokes, fills and images as Marks (called by the output devices below).
class MarkRecorder {
 public:
  std::vector<Mark> marks;

  void Stroke(GfxState* state) {
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    AddPath(state, Mark::Kind::kStroke, IsInk(rgb, state->getStrokeOpacity()), state->getTransformedLineWidth());
  }
  void Fill(GfxState* state) {
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    AddPath(state, Mark::Kind::kFill, IsInk(rgb, state->getFillOpacity()), 0);
  }
  void ImageMask(GfxState* state) {
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    AddImage(state, IsInk(rgb, state->getFillOpacity()));
  }
  void Image(GfxState* state) { AddImage(state, true); }

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

// Poppler's text device, recording the page's marks too when `recorder` is set.
class TextAndMarksOutputDev : public TextOutputDev {
 public:
  // The settings of poppler-cpp's page::text_list.
  TextAndMarksOutputDev() : TextOutputDev(nullptr, false, 0, false, false) {}
  MarkRecorder* recorder = nullptr;

  void stroke(GfxState* state) override {
    if (recorder != nullptr) recorder->Stroke(state);
    TextOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    if (recorder != nullptr) recorder->Fill(state);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    if (recorder != nullptr) recorder->Fill(state);
    TextOutputDev::eoFill(state);
  }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_img) override {
    if (recorder != nullptr) recorder->ImageMask(state);
    TextOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_img) override {
    if (recorder != nullptr) recorder->Image(state);
    TextOutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_img);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                       bool interpolate, Stream* mask_str, int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override {
    if (recorder != nullptr) recorder->Image(state);
    TextOutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                   mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map, bool mask_interpolate) override {
    if (recorder != nullptr) recorder->Image(state);
    TextOutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                       mask_height, mask_color_map, mask_interpolate);
  }
};

// Marks alone: no text device.
class MarkOutputDev : public OutputDev {
 public:
  MarkRecorder recorder;

  bool upsideDown() override { return true; }  // top-left origin, as the text layer
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  void stroke(GfxState* state) override { recorder.Stroke(state); }
  void fill(GfxState* state) override { recorder.Fill(state); }
  void eoFill(GfxState* state) override { recorder.Fill(state); }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_img) override {
    recorder.ImageMask(state);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);  // skips inline data
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_img) override {
    recorder.Image(state);
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_img);
  }
  void drawMaskedImage(GfxState* state, Object* /*ref*/, Stream* /*str*/, int /*width*/, int /*height*/,
                       GfxImageColorMap* /*color_map*/, bool /*interpolate*/, Stream* /*mask_str*/, int /*mask_width*/,
                       int /*mask_height*/, bool /*mask_invert*/, bool /*mask_interpolate*/) override {
    recorder.Image(state);
  }
  void drawSoftMaskedImage(GfxState* state, Object* /*ref*/, Stream* /*str*/, int /*width*/, int /*height*/,
                           GfxImageColorMap* /*color_map*/, bool /*interpolate*/, Stream* /*mask_str*/,
                           int /*mask_width*/, int /*mask_height*/, GfxImageColorMap* /*mask_color_map*/,
                           bool /*mask_interpolate*/) override {
    recorder.Image(state);
  }
};

// A box as poppler-cpp's rectf(x, y, w, h) gives it back (left, top, right = x + w, bottom = y + h).
Box CppBox(double x_min, double y_min, double x_max, double y_max) {
  const double w = x_max - x_min, h = y_max - y_min;
  return Box{x_min, y_min, x_min + w, y_min + h};
}

}  // namespace

struct PageReader::Impl {
  GlobalParamsIniter params{&IgnoreError};  // refcounted: poppler-cpp's, when it is already up, stays
  std::unique_ptr<PDFDoc> doc;
};

PageReader::PageReader(std::string_view bytes) : bytes_(bytes) {}
PageReader::~PageReader() = default;

bool PageReader::Open() {
  if (failed_) return false;
  if (impl_) return true;
  if (bytes_.size() > static_cast<std::size_t>(INT_MAX)) {
    failed_ = true;
    return false;
  }
  impl_ = std::make_unique<Impl>();
  // PDFDoc owns the stream; the stream does not own the bytes.
  auto* stream = new MemStream(bytes_.data(), 0, static_cast<Goffset>(bytes_.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream);
  if (!impl_->doc->isOk()) failed_ = true;
  return !failed_;
}

std::optional<std::vector<Mark>> PageReader::Read(int page) {
  if (!Open() || page < 1 || page > impl_->doc->getNumPages()) return std::nullopt;
  MarkOutputDev out;
  impl_->doc->displayPage(&out, page, 72, 72, /*rotate=*/0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
  return std::move(out.recorder.marks);
}

namespace {

// Refs as an ordered key (Poppler's Ref has operator< in 22.12 but no hash).
using RefKey = std::pair<int, int>;

// The /Parent chain of `field` (a dictionary): "" or why it cannot be followed.
std::string ParentChainProblem(const Object& field, XRef* xref) {
  std::set<RefKey> seen;
  Object cur = field.copy();
  for (int depth = 0; cur.isDict(); ++depth) {
    if (depth > kMaxFieldDepth) return "a field's /Parent chain is deeper than " + std::to_string(kMaxFieldDepth);
    const Object& next = cur.dictLookupNF("Parent");
    if (next.isRef()) {
      if (!seen.insert({next.getRefNum(), next.getRefGen()}).second) return "a field is its own /Parent";
      cur = next.fetch(xref);
    } else {
      cur = next.copy();
    }
  }
  return "";
}

}  // namespace

std::string PageReader::FieldTreeProblem(int max_pages) {
  if (!Open()) return "";
  XRef* xref = impl_->doc->getXRef();
  Catalog* catalog = impl_->doc->getCatalog();
  if (catalog == nullptr || !catalog->isOk()) return "";
  Object* acroform = catalog->getAcroForm();
  if (acroform == nullptr || !acroform->isDict()) return "";
  // Fields from /Fields down through /Kids, each object once.
  std::set<RefKey> visited;
  std::vector<Object> stack;
  const Object fields = acroform->dictLookup("Fields");
  if (fields.isArray()) {
    for (int i = 0; i < fields.arrayGetLength(); ++i) stack.push_back(fields.arrayGetNF(i).copy());
  }
  std::size_t walked = 0;
  while (!stack.empty()) {
    Object item = std::move(stack.back());
    stack.pop_back();
    if (item.isRef()) {
      if (!visited.insert({item.getRefNum(), item.getRefGen()}).second) continue;
      item = item.fetch(xref);
    }
    if (!item.isDict()) continue;
    if (++walked > kMaxMarks) return "the form has more than " + std::to_string(kMaxMarks) + " fields";
    if (std::string why = ParentChainProblem(item, xref); !why.empty()) return why;
    const Object kids = item.dictLookup("Kids");
    if (kids.isArray()) {
      for (int i = 0; i < kids.arrayGetLength(); ++i) stack.push_back(kids.arrayGetNF(i).copy());
    }
  }
  // Widget annotations, which Poppler also reads as stand-alone fields.
  const int pages = std::min(max_pages, impl_->doc->getNumPages());
  for (int p = 1; p <= pages; ++p) {
    Page* page = impl_->doc->getPage(p);
    if (page == nullptr) continue;
    const Object annots = page->getAnnotsObject();
    if (!annots.isArray()) continue;
    for (int i = 0; i < annots.arrayGetLength(); ++i) {
      const Object annot = annots.arrayGet(i);
      if (!annot.isDict()) continue;
      if (++walked > kMaxMarks) return "the form has more than " + std::to_string(kMaxMarks) + " fields";
      if (std::string why = ParentChainProblem(annot, xref); !why.empty()) return why;
    }
  }
  return "";
}

std::optional<PageText> PageReader::ReadText(int page, std::vector<Mark>* marks) {
  if (!Open() || page < 1 || page > impl_->doc->getNumPages()) return std::nullopt;
  Page* p = impl_->doc->getPage(page);
  if (p == nullptr) return std::nullopt;
  PageText out;
  out.number = page;
  const PDFRectangle* crop = p->getCropBox();
  const double cw = crop->x2 - crop->x1, ch = crop->y2 - crop->y1;
  const bool turned = p->getRotate() == 90 || p->getRotate() == 270;
  out.width = turned ? ch : cw;
  out.height = turned ? cw : ch;
  TextAndMarksOutputDev dev;
  MarkRecorder recorder;
  if (marks != nullptr) dev.recorder = &recorder;
  if (!dev.isOk()) return std::nullopt;
  impl_->doc->displayPageSlice(&dev, page, 72, 72, /*rotate=*/0, /*useMediaBox=*/false, /*crop=*/false,
                               /*printing=*/false, -1, -1, -1, -1);
  std::unique_ptr<TextWordList> list = dev.makeWordList();
  if (list) {
    out.words.reserve(static_cast<std::size_t>(std::max(0, list->getLength())));
    for (int i = 0; i < list->getLength(); ++i) {
      const TextWord* tw = list->get(i);
      if (tw == nullptr) continue;
      const std::unique_ptr<GooString> text(tw->getText());
      Word w;
      w.text = SanitizeUtf8(text ? std::string_view(text->c_str(), static_cast<std::size_t>(text->getLength()))
                                 : std::string_view());
      if (w.text.empty()) continue;
      double x0, y0, x1, y1;
      tw->getBBox(&x0, &y0, &x1, &y1);
      w.box = CppBox(x0, y0, x1, y1);
      w.rotation = tw->getRotation();
      w.space_after = tw->hasSpaceAfter();
      const GooString* font = tw->getLength() > 0 && tw->getFontInfo(0) != nullptr ? tw->getFontInfo(0)->getFontName()
                                                                                   : nullptr;
      w.font = font != nullptr ? SanitizeUtf8(font->toStr()) : std::string();
      w.font_size = tw->getFontSize();
      const std::size_t n = DecodeUtf8(w.text).size();
      bool boxes_ok = n <= 256;
      for (std::size_t c = 0; boxes_ok && c < n; ++c) {
        Box b{0, 0, 0, 0};
        if (static_cast<int>(c) < tw->getLength()) {
          tw->getCharBBox(static_cast<int>(c), &x0, &y0, &x1, &y1);
          b = CppBox(x0, y0, x1, y1);
        }
        if (b.width() <= 0 && b.height() <= 0) boxes_ok = false;
        w.chars.push_back(b);
      }
      if (!boxes_ok) w.chars.clear();
      out.words.push_back(std::move(w));
    }
  }
  if (marks != nullptr) *marks = std::move(recorder.marks);
  return out;
}

}  // namespace vareport::pdf
