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
#include <poppler/Form.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/UTF.h>
#include <goo/gmem.h>

#include <algorithm>
#include <climits>
#include <cmath>
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

bool PageReader::AbortCheck(void* data) {
  auto* reader = static_cast<PageReader*>(data);
  if (std::chrono::steady_clock::now() > reader->deadline_) reader->timed_out_ = true;
  return reader->timed_out_;
}

std::optional<std::vector<Mark>> PageReader::Read(int page) {
  if (!Open() || page < 1 || page > impl_->doc->getNumPages()) return std::nullopt;
  MarkOutputDev out;
  impl_->doc->displayPage(&out, page, 72, 72, /*rotate=*/0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false,
                          &PageReader::AbortCheck, this);
  return std::move(out.recorder.marks);
}

namespace {

// A PDF text string (ISO 32000-1 §7.9.2.2: PDFDocEncoding, or UTF-16 after a
// byte order mark) as UTF-8, as poppler-glib gives it.
std::string TextStringUtf8(const GooString* s) {
  if (s == nullptr) return "";
  Unicode* ucs4 = nullptr;
  const int n = TextStringToUCS4(s->toStr(), &ucs4);
  std::string out;
  for (int i = 0; i < n; ++i) AppendUtf8(out, static_cast<char32_t>(ucs4[i]));
  gfree(ucs4);
  return SanitizeUtf8(out);
}

// The fully qualified name of the field `field` (a dictionary): the partial
// names /T of it and its ancestors, root first, joined by "." (ISO 32000-1
// §12.7.3.2). The /Parent chain is followed while it meets no dictionary a
// second time and for at most kMaxFieldDepth steps; `looped` is set when it
// was cut for that (Poppler's own name walk has no such check and loops).
std::string FullyQualifiedName(const Object& field, XRef* xref, bool* looped) {
  std::vector<std::string> parts;
  std::set<std::pair<int, int>> seen;
  Object cur = field.copy();
  for (int depth = 0; cur.isDict(); ++depth) {
    if (depth > kMaxFieldDepth) {
      *looped = true;
      break;
    }
    const Object t = cur.dictLookup("T");
    if (t.isString()) parts.push_back(TextStringUtf8(t.getString()));
    const Object& next = cur.dictLookupNF("Parent");
    if (next.isRef()) {
      if (!seen.insert({next.getRefNum(), next.getRefGen()}).second) {
        *looped = true;
        break;
      }
      cur = next.fetch(xref);
    } else {
      cur = next.copy();
    }
  }
  std::string name;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!name.empty()) name += '.';
    name += *it;
  }
  return name;
}

}  // namespace

std::vector<AcroWidget> PageReader::ReadWidgets(int max_pages, std::vector<std::string>* problems) {
  std::vector<AcroWidget> out;
  // Cheap test first: no /AcroForm dictionary, no form (ISO 32000-1 §12.7.2).
  if (bytes_.find("/AcroForm") == std::string_view::npos) return out;
  if (!Open()) return out;
  XRef* xref = impl_->doc->getXRef();
  Catalog* catalog = impl_->doc->getCatalog();
  if (catalog == nullptr || !catalog->isOk() || catalog->getForm() == nullptr) return out;
  const int pages = std::min(max_pages, impl_->doc->getNumPages());
  for (int p = 1; p <= pages; ++p) {
    Page* page = impl_->doc->getPage(p);
    if (page == nullptr) continue;
    std::unique_ptr<FormPageWidgets> widgets = page->getFormWidgets();
    if (!widgets) continue;
    // The transform the text layer's words were placed with (72 dpi, crop
    // box, the page's /Rotate, top-left origin): widgets land on them.
    double ctm[6];
    page->getDefaultCTM(ctm, 72, 72, /*rotate=*/0, /*useMediaBox=*/false, /*upsideDown=*/true);
    std::vector<AcroWidget> on_page;
    bool looped = false;
    for (int i = 0; i < widgets->getNumWidgets() && out.size() + on_page.size() < kMaxMarks; ++i) {
      FormWidget* fw = widgets->getWidget(i);
      if (fw == nullptr) continue;
      AcroWidget w;
      w.page = p;
      double x1, y1, x2, y2;
      fw->getRect(&x1, &y1, &x2, &y2);  // default user space
      bool first = true;
      for (double x : {x1, x2}) {
        for (double y : {y1, y2}) {
          const double dx = ctm[0] * x + ctm[2] * y + ctm[4], dy = ctm[1] * x + ctm[3] * y + ctm[5];
          if (first) w.box = Box{dx, dy, dx, dy}, first = false;
          w.box.x0 = std::min(w.box.x0, dx), w.box.y0 = std::min(w.box.y0, dy);
          w.box.x1 = std::max(w.box.x1, dx), w.box.y1 = std::max(w.box.y1, dy);
        }
      }
      ::FormField* field = fw->getField();
      w.name = FullyQualifiedName(field != nullptr ? *field->getObj() : *fw->getObj(), xref, &looped);
      switch (fw->getType()) {
        case formButton: {
          auto* b = static_cast<FormWidgetButton*>(fw);
          if (b->getButtonType() == formButtonPush) continue;
          w.kind = b->getButtonType() == formButtonRadio ? FormField::Kind::kRadio : FormField::Kind::kCheckBox;
          // On for any on-state name its appearance defines (§12.7.4.2.3).
          w.checked = b->getState();
          w.value = w.checked ? "On" : "Off";
          break;
        }
        case formText:
          w.kind = FormField::Kind::kText;
          w.value = TextStringUtf8(static_cast<FormWidgetText*>(fw)->getContent());
          break;
        case formChoice: {
          auto* c = static_cast<FormWidgetChoice*>(fw);
          w.kind = FormField::Kind::kChoice;
          std::string v;
          for (int k = 0; k < c->getNumChoices(); ++k) {
            if (!c->isSelected(k)) continue;
            if (!v.empty()) v += ", ";
            v += TextStringUtf8(c->getChoice(k));
          }
          if (v.empty()) v = TextStringUtf8(c->getEditChoice());
          w.value = v;
          break;
        }
        case formSignature:
          w.kind = FormField::Kind::kSignature;
          break;
        default:
          w.kind = FormField::Kind::kOther;
          break;
      }
      on_page.push_back(std::move(w));
    }
    if (looped && problems != nullptr) {
      problems->push_back("page " + std::to_string(p) +
                          ": a form field's /Parent chain loops back on itself; its name is cut there");
    }
    std::stable_sort(on_page.begin(), on_page.end(), [](const AcroWidget& a, const AcroWidget& b) {
      if (std::fabs(a.box.y0 - b.box.y0) > 2) return a.box.y0 < b.box.y0;
      return a.box.x0 < b.box.x0;
    });
    for (AcroWidget& w : on_page) out.push_back(std::move(w));
  }
  return out;
}

std::vector<AcroWidget> ReadAcroForm(std::string_view bytes, int max_pages) {
  PageReader reader(bytes);
  return reader.ReadWidgets(max_pages, nullptr);
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
                               /*printing=*/false, -1, -1, -1, -1, &PageReader::AbortCheck, this);
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
