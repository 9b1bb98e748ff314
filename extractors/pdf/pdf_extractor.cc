// vareport/extractors/pdf/pdf_extractor.cc — Poppler front end: opens the
// bytes (poppler-cpp: damage, encryption, metadata, page renders for OCR),
// reads each page's words with boxes and fonts through Poppler's own text
// device (page_reader.h; poppler-cpp's reader only where that cannot open the
// file), and hands them to the layout (layout.h), which knows nothing of Poppler.
//
// Decisions:
//   - A page count above ExtractOptions::max_pages is not an error: the first
//     max_pages pages are read and a "page-limit" warning says so (a long
//     report's first pages still carry answers). The time limit is an error
//     (kLimitExceeded), checked between pages.
//   - Poppler's own messages (syntax warnings/errors) never reach stderr: a
//     process-wide handler, installed once, routes them to the document being
//     read on the calling thread, where they become "pdf-syntax" warnings
//     (each distinct message once, at most kMaxSyntaxWarnings, then one summary
//     warning).
//   - A page whose text layer is unusable (text_layer.h: unmapped glyphs or
//     letter soup from fonts without a Unicode map) is read with OCR like a
//     scan and listed in Document::unusable_pages, with an
//     "unusable-text-layer" warning; without OCR it stays empty. OCR'd words
//     have digit/letter confusions undone in figures and dates
//     (ocr/confusions.h).
//   - Pages are turned into words with boxes whatever their source, and the
//     layout (layout.h) does the rest: the text layer's words; for a page
//     without a usable one, Tesseract's words (extractors/ocr/ocr.h, the page
//     rendered at OcrOptions::dpi); AcroForm widgets (acroform.h) as synthetic
//     words at their rectangles ("☒"/"☐" for buttons, the value for text
//     fields); check boxes drawn as vector graphics, found from the page's
//     paths (page_reader.h, drawn_boxes.h: nothing is rendered), as
//     "☒"/"☐" words. Only pages whose text has answer labels (Yes/No,
//     Oui/Non, Sí/No) without a tick glyph beside them and no form widget
//     are looked at for that, so text PDFs stay fast.
#include "extractors/pdf/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-rectangle.h>

#include <chrono>
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "core/text.h"
#include "extractors/ocr/confusions.h"
#include "extractors/ocr/ocr.h"
#include "extractors/pdf/acroform.h"
#include "extractors/pdf/layout.h"
#include "extractors/pdf/text_layer.h"
#include "extractors/pdf/page_reader.h"

namespace vareport {
namespace {

constexpr std::size_t kMaxSyntaxWarnings = 20;

// Poppler messages of the document being read on this thread.
struct MessageSink {
  std::vector<std::string> messages;
  std::size_t dropped = 0;
};
thread_local MessageSink* t_sink = nullptr;

void OnPopplerMessage(const std::string& message, void* /*closure*/) {
  if (t_sink == nullptr) return;
  std::string m = Trim(SanitizeUtf8(message));
  for (const std::string& seen : t_sink->messages) {
    if (seen == m) return;  // the same message repeated (often once per glyph) is kept once
  }
  if (t_sink->messages.size() < kMaxSyntaxWarnings) {
    t_sink->messages.push_back(std::move(m));
  } else {
    ++t_sink->dropped;
  }
}

void InstallMessageHandler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&OnPopplerMessage, nullptr); });
}

// Sets t_sink for the lifetime of the scope.
class SinkScope {
 public:
  explicit SinkScope(MessageSink* s) : prev_(t_sink) { t_sink = s; }
  ~SinkScope() { t_sink = prev_; }
  SinkScope(const SinkScope&) = delete;
  SinkScope& operator=(const SinkScope&) = delete;

 private:
  MessageSink* prev_;
};

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return SanitizeUtf8(std::string_view(b.data(), b.size()));
}

// True when a stream that is not an image carries an image-only filter
// (JBIG2Decode, JPXDecode, DCTDecode, CCITTFaxDecode; ISO 32000-1 §7.4.7–7.4.9,
// 7.4.6) and no /Width: Poppler would decode such a "content stream" as a
// bitmap whose size the file chooses (a decompression bomb: 100000 × 100000
// JBIG2 pages). Image XObjects themselves are never decoded for the text
// layer. Stream
// dictionaries are always direct objects, so a byte scan finds them.
bool HasImageFilterOnNonImageStream(std::string_view bytes) {
  static const char* const kFilters[] = {"/JBIG2Decode", "/JPXDecode", "/DCTDecode", "/CCITTFaxDecode"};
  std::size_t checked = 0;
  for (const char* filter : kFilters) {
    for (std::size_t at = bytes.find(filter); at != std::string_view::npos && checked < 20000;
         at = bytes.find(filter, at + 1), ++checked) {
      // The dictionary around the filter: from the last "obj" before it to the
      // next "stream" after it (bounded).
      const std::size_t lo = at > 4096 ? at - 4096 : 0;
      const std::size_t obj = bytes.substr(lo, at - lo).rfind("obj");
      const std::size_t start = obj == std::string_view::npos ? lo : lo + obj;
      const std::size_t stream = bytes.substr(at, 4096).find("stream");
      if (stream == std::string_view::npos) continue;  // not a stream dictionary (e.g. an inline reference)
      const std::string_view dict = bytes.substr(start, at + stream - start);
      // Every image stream (XObject, thumbnail, soft mask) has /Width.
      if (dict.find("/Width") == std::string_view::npos && dict.find("/Image") == std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

Box ToBox(const poppler::rectf& r) { return Box{r.left(), r.top(), r.right(), r.bottom()}; }

// Reads one page's words. Poppler lays the page out with its /Rotate applied,
// so boxes are already in displayed coordinates (top-left origin).
pdf::PageText ReadPage(poppler::page& page, int number) {
  pdf::PageText out;
  out.number = number;
  const poppler::rectf crop = page.page_rect(poppler::crop_box);
  const auto orient = page.orientation();
  const bool turned = orient == poppler::page::landscape || orient == poppler::page::seascape;
  out.width = turned ? crop.height() : crop.width();
  out.height = turned ? crop.width() : crop.height();
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  out.words.reserve(boxes.size());
  for (const poppler::text_box& tb : boxes) {
    pdf::Word w;
    w.text = ToUtf8(tb.text());
    if (w.text.empty()) continue;
    w.box = ToBox(tb.bbox());
    w.rotation = tb.rotation();
    w.space_after = tb.has_space_after();
    if (tb.has_font_info()) {
      w.font = tb.get_font_name();
      w.font_size = tb.get_font_size();
    }
    const std::size_t n = DecodeUtf8(w.text).size();
    bool boxes_ok = n <= 256;
    for (std::size_t i = 0; boxes_ok && i < n; ++i) {
      const poppler::rectf r = tb.char_bbox(i);
      if (r.width() <= 0 && r.height() <= 0) boxes_ok = false;
      w.chars.push_back(ToBox(r));
    }
    if (!boxes_ok) w.chars.clear();
    out.words.push_back(std::move(w));
  }
  return out;
}

// Renders a page (its /Rotate applied, like the text layer) as 8-bit grey.
// The resolution to render `page` at: `dpi`, lowered so that the image stays
// within kMaxRenderPixels (an A3 page at 300 dpi is 17 Mpx; a hostile
// /MediaBox of 14,400 pt square would be 900 Mpx at 150 dpi).
// A page's words as evidence placement needs them (text and box).
PlacedPage Placed(const pdf::PageText& text) {
  PlacedPage placed;
  placed.number = text.number;
  placed.width = text.width;
  placed.height = text.height;
  placed.words.reserve(text.words.size());
  for (const pdf::Word& w : text.words) placed.words.push_back({w.text, w.box});
  return placed;
}

constexpr double kMaxRenderPixels = 40e6;
double RenderDpi(poppler::page& page, double dpi) {
  const poppler::rectf r = page.page_rect(poppler::media_box);
  const double w = std::fabs(r.width()), h = std::fabs(r.height());
  if (!(w > 0) || !(h > 0) || !std::isfinite(w * h)) return dpi;
  const double pixels = w * h * (dpi / 72) * (dpi / 72);
  return pixels <= kMaxRenderPixels ? dpi : std::max(1.0, dpi * std::sqrt(kMaxRenderPixels / pixels));
}

ocr::GrayImage RenderGray(poppler::page& page, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image img = renderer.render_page(&page, dpi, dpi);
  ocr::GrayImage out;
  if (!img.is_valid() || img.format() != poppler::image::format_gray8) return out;
  out.width = img.width();
  out.height = img.height();
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  const char* data = img.const_data();
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(out.pixels.data() + static_cast<std::size_t>(y) * out.width,
                data + static_cast<std::size_t>(y) * img.bytes_per_row(), static_cast<std::size_t>(out.width));
  }
  return out;
}

double Median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

bool Inside(double x, double y, const Box& b) { return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1; }

// True for a word that is a label candidate: text-layer text, not a tick
// glyph (a widget's own appearance stream draws one).
bool IsLabelWord(const pdf::Word& w) {
  if (w.tick_encoding != TickEncoding::kGlyph) return false;
  for (char32_t c : DecodeUtf8(w.text)) {
    if (pdf::TickState(c, w.font) < 0 && c != 0x2714 && c != 0x2713) return true;
  }
  return false;
}

// The text next to a widget: the words on its line to its left (the closest
// run, up to 250 pt away, as across a table's columns), else the closest line
// above it, within 30 pt.
std::string LabelFor(const std::vector<pdf::Word>& words, const Box& box) {
  const double cy = (box.y0 + box.y1) / 2;
  std::vector<const pdf::Word*> left;
  for (const pdf::Word& w : words) {
    if (!IsLabelWord(w)) continue;
    if (cy >= w.box.y0 - 1 && cy <= w.box.y1 + 1 && w.box.x1 <= box.x0 + 2) left.push_back(&w);
  }
  std::sort(left.begin(), left.end(), [](const pdf::Word* a, const pdf::Word* b) { return a->box.x0 > b->box.x0; });
  std::vector<const pdf::Word*> run;
  double edge = box.x0;
  for (const pdf::Word* w : left) {
    const double em = std::max(4.0, w->font_size);
    if (edge - w->box.x1 > (run.empty() ? 250 : 1.2 * em)) break;
    run.push_back(w);
    edge = w->box.x0;
  }
  if (run.empty()) {
    double best = 30;
    for (const pdf::Word& w : words) {
      if (!IsLabelWord(w)) continue;
      const double gap = box.y0 - w.box.y1;
      if (gap < -1 || gap > best || w.box.x1 < box.x0 - 20 || w.box.x0 > box.x1 + 20) continue;
      best = gap;
    }
    for (const pdf::Word& w : words) {
      if (!IsLabelWord(w)) continue;
      const double gap = box.y0 - w.box.y1;
      if (std::fabs(gap - best) < 2 && !(w.box.x1 < box.x0 - 20 || w.box.x0 > box.x1 + 20)) run.push_back(&w);
    }
    std::sort(run.begin(), run.end(), [](const pdf::Word* a, const pdf::Word* b) { return a->box.x0 > b->box.x0; });
  }
  std::string label;
  for (auto it = run.rbegin(); it != run.rend(); ++it) {
    if (!label.empty()) label += ' ';
    label += (*it)->text;
  }
  if (run.empty()) return Trim(label);
  // A question wrapped over several lines (a grid's question cell, the box
  // centred on its middle line): the lines above and below that start where
  // this one starts, close together, belong to the label, so the field maps
  // to its row's whole question.
  const pdf::Word* first = run.back();
  const double start = first->box.x0, h = std::max(4.0, first->box.height());
  auto line_at = [&](double y0, double y1) {  // label words of the line [y0, y1] from `left` to the widget
    std::vector<const pdf::Word*> line;
    for (const pdf::Word& w : words) {
      const double c = (w.box.y0 + w.box.y1) / 2;
      if (IsLabelWord(w) && c >= y0 && c <= y1 && w.box.x0 >= start - 2 && w.box.x1 <= box.x0 + 2) line.push_back(&w);
    }
    std::sort(line.begin(), line.end(), [](const pdf::Word* a, const pdf::Word* b) { return a->box.x0 < b->box.x0; });
    return line;
  };
  auto text_of = [](const std::vector<const pdf::Word*>& line) {
    std::string t;
    for (const pdf::Word* w : line) t += (t.empty() ? "" : " ") + w->text;
    return t;
  };
  auto starts_here = [&](const std::vector<const pdf::Word*>& line) {
    return !line.empty() && std::fabs(line.front()->box.x0 - start) <= 2;
  };
  double top = first->box.y0, bottom = first->box.y1;
  for (int n = 0; n < 6; ++n) {  // upwards: the question's first lines
    std::vector<const pdf::Word*> above = line_at(top - 1.4 * h, top - 0.2 * h);
    if (!starts_here(above)) break;
    label = text_of(above) + " " + label;
    top = above.front()->box.y0;
  }
  for (int n = 0; n < 6; ++n) {  // downwards, until a line ends the question
    if (!label.empty() && (label.back() == '?' || label.back() == ':')) break;
    std::vector<const pdf::Word*> below = line_at(bottom + 0.2 * h, bottom + 1.4 * h);
    if (!starts_here(below)) break;
    label += " " + text_of(below);
    bottom = below.front()->box.y1;
  }
  return Trim(label);
}

// AcroForm widgets become words of their page (ISO 32000-1 §12.7): a button
// "☒"/"☐" (kAcroForm, the field's name), a text or choice field its value;
// text-layer words drawn inside a widget (its appearance stream) give way.
// Every widget is also recorded in Document::fields with its label.
void ApplyWidgets(const std::vector<pdf::AcroWidget>& widgets, std::vector<pdf::PageText>& pages, Document& doc) {
  for (const pdf::AcroWidget& w : widgets) {
    if (w.page < 1 || w.page > static_cast<int>(pages.size())) continue;
    pdf::PageText& page = pages[static_cast<std::size_t>(w.page - 1)];
    FormField f;
    f.kind = w.kind;
    f.name = w.name;
    f.value = w.value;
    f.checked = w.checked;
    f.label = LabelFor(page.words, w.box);
    doc.fields.push_back(f);
  }
  for (pdf::PageText& page : pages) {
    std::vector<double> sizes;
    for (const pdf::Word& w : page.words) {
      if (w.font_size > 0) sizes.push_back(w.font_size);
    }
    const double body = Median(sizes, 10);
    std::vector<pdf::Word> added;
    std::vector<Box> covered;
    for (const pdf::AcroWidget& w : widgets) {
      if (w.page != page.number) continue;
      pdf::Word word;
      word.box = w.box;
      word.font_size = body;
      word.space_after = true;
      word.field_name = w.name;
      if (w.kind == FormField::Kind::kCheckBox || w.kind == FormField::Kind::kRadio) {
        word.text = w.checked ? "☒" : "☐";
        word.tick_encoding = TickEncoding::kAcroForm;
      } else if (w.kind == FormField::Kind::kText || w.kind == FormField::Kind::kChoice) {
        word.text = Trim(CollapseSpace(w.value));
        if (word.text.empty()) continue;
        // A field's value is one word for the layout, at its top-left.
        word.box.y1 = std::min(w.box.y1, w.box.y0 + body * 1.3);
        word.box.x1 = std::min(w.box.x1, w.box.x0 + body * 0.5 * static_cast<double>(DecodeUtf8(word.text).size()));
        word.tick_encoding = TickEncoding::kAcroForm;
      } else {
        continue;
      }
      covered.push_back(w.box);
      added.push_back(std::move(word));
    }
    if (added.empty()) continue;
    std::erase_if(page.words, [&](const pdf::Word& t) {
      const double cx = (t.box.x0 + t.box.x1) / 2, cy = (t.box.y0 + t.box.y1) / 2;
      for (const Box& b : covered) {
        if (Inside(cx, cy, b)) return true;
      }
      return false;
    });
    for (pdf::Word& a : added) page.words.push_back(std::move(a));
  }
}

// Answer labels that suggest a page has check boxes next to them.
bool IsOptionLabel(std::string_view text) {
  const std::string f = FoldForMatch(text);
  return f == "yes" || f == "no" || f == "oui" || f == "non" || f == "si" || f == "partially" ||
         f == "parcialmente" || f == "partiellement";
}

bool HasTickGlyph(const pdf::Word& w) {
  for (char32_t c : DecodeUtf8(w.text)) {
    if (pdf::TickState(c, w.font) >= 0) return true;
  }
  return false;
}

// True when `glyph` sits on `label`'s line, on the side `before` (left) or
// after it (right), within 1.5 em.
bool GlyphBeside(const pdf::Word& glyph, const pdf::Word& label, bool before) {
  const double cy = (glyph.box.y0 + glyph.box.y1) / 2;
  if (cy < label.box.y0 || cy > label.box.y1) return false;
  const double em = std::max(label.font_size, label.box.y1 - label.box.y0);
  const double gap = before ? label.box.x0 - glyph.box.x1 : glyph.box.x0 - label.box.x1;
  return gap > -0.5 * em && gap < 1.5 * em;
}

// True when the page may hold check boxes drawn as vector graphics: it has
// answer labels (Yes/No, Oui/Non, Sí/No) of which at least one has no tick
// glyph beside it, on the side where this page's glyphs stand (a form may
// print the empty boxes as glyphs and draw the ticked ones). Pages with form
// widgets already have their boxes.
bool MayHaveDrawnBoxes(const pdf::PageText& page) {
  std::vector<const pdf::Word*> labels, glyphs;
  for (const pdf::Word& w : page.words) {
    if (w.tick_encoding != TickEncoding::kGlyph) return false;  // form widgets already there
    if (HasTickGlyph(w)) glyphs.push_back(&w);
    else if (IsOptionLabel(w.text)) labels.push_back(&w);
  }
  if (labels.size() < 2) return false;  // a Yes/No pair at least
  if (glyphs.empty()) return true;
  auto covered = [&](const pdf::Word* l, bool before) {
    return std::any_of(glyphs.begin(), glyphs.end(), [&](const pdf::Word* g) { return GlyphBeside(*g, *l, before); });
  };
  int left = 0, right = 0;
  for (const pdf::Word* l : labels) left += covered(l, true) ? 1 : 0, right += covered(l, false) ? 1 : 0;
  const bool before = left >= right;
  return std::any_of(labels.begin(), labels.end(), [&](const pdf::Word* l) { return !covered(l, before); });
}

// Boxes found on the rendered page that are not already a tick glyph of the
// text layer (the glyph ☐ renders as a box too).
void AddDrawnBoxes(std::vector<pdf::Word> boxes, pdf::PageText& page) {
  std::vector<Box> glyphs;
  for (const pdf::Word& w : page.words) {
    if (HasTickGlyph(w)) glyphs.push_back(w.box);
  }
  for (pdf::Word& b : boxes) {
    // The same box when the centres are less than ~¾ of the box apart (a
    // glyph's box from the text layer may be narrower or taller than its ink).
    const double cx = (b.box.x0 + b.box.x1) / 2, cy = (b.box.y0 + b.box.y1) / 2;
    const double near = 0.75 * std::max(b.box.x1 - b.box.x0, b.box.y1 - b.box.y0);
    const bool seen = std::any_of(glyphs.begin(), glyphs.end(), [&](const Box& g) {
      return std::fabs(cx - (g.x0 + g.x1) / 2) < near && std::fabs(cy - (g.y0 + g.y1) / 2) < near;
    });
    if (!seen) page.words.push_back(std::move(b));
  }
}

Result<Document> ExtractPdfUnguarded(std::string_view bytes, const ExtractOptions& options, MessageSink& sink) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  if (bytes.size() > options.max_file_bytes) {
    return MakeError(ErrorKind::kLimitExceeded, "file larger than the limit of " +
                                                    std::to_string(options.max_file_bytes >> 20) + " MiB");
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return MakeError(ErrorKind::kLimitExceeded, "file too large for the PDF reader");
  }
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: no %PDF header (not a PDF file)");
  }
  if (HasImageFilterOnNonImageStream(bytes)) {
    return MakeError(ErrorKind::kLimitExceeded,
                     "PDF refused: a non-image stream uses image compression (a decompression bomb)");
  }
  std::unique_ptr<poppler::document> pdoc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdoc) {
    std::string why = sink.messages.empty() ? "the file structure cannot be read" : sink.messages.back();
    return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: " + why);
  }
  // poppler-cpp keeps an encrypted document open but locked when the empty
  // user password does not open it.
  if (pdoc->is_locked() && pdoc->unlock("", "")) {
    return MakeError(ErrorKind::kEncrypted, "encrypted PDF: a password is required");
  }
  Document doc;
  doc.format = Format::kPdf;
  const int total = pdoc->pages();
  if (total <= 0) return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: no pages");
  doc.pages = total;
  doc.title = Trim(CollapseSpace(ToUtf8(pdoc->info_key("Title"))));
  const int limit = std::max(0, std::min(total, options.max_pages));
  if (limit < total) {
    doc.warnings.push_back(Warning{"page-limit", "the document has " + std::to_string(total) +
                                                     " pages; only the first " + std::to_string(limit) +
                                                     " were read"});
  }
  std::vector<pdf::PageText> pages;
  pages.reserve(static_cast<std::size_t>(limit));
  // Checked between pages, and inside a page by the reader's deadline (a page
  // whose drawing never ends); the CLI's watchdog covers the rest.
  auto over_time = [&](int i) -> std::optional<Error> {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (elapsed <= options.time_limit_seconds) return std::nullopt;
    return MakeError(ErrorKind::kLimitExceeded, "time limit of " +
                                                    std::to_string(static_cast<int>(options.time_limit_seconds)) +
                                                    " s exceeded at page " + std::to_string(i + 1));
  };
  // Words through Poppler's TextOutputDev directly (page_reader.h: the
  // words poppler-cpp's text_list gives, without its second pass over each
  // page's fonts); poppler-cpp's own reader where that cannot open the file.
  pdf::PageReader reader(bytes);
  if (options.time_limit_seconds > 0 && options.time_limit_seconds < 1e6) {
    reader.SetDeadline(start + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(options.time_limit_seconds)));
  }
  for (int i = 0; i < limit; ++i) {
    if (auto e = over_time(i)) return *e;
    std::optional<pdf::PageText> text = reader.ReadText(i + 1);
    if (reader.TimedOut()) return *over_time(i);  // the page was cut short: never a partial page
    if (text) {
      pages.push_back(std::move(*text));
      doc.text_layer.push_back(Placed(pages.back()));
      if (!MayHaveDrawnBoxes(pages.back())) pdf::DropUnusedCharBoxes(pages.back());
      continue;
    }
    std::unique_ptr<poppler::page> page(pdoc->create_page(i));
    if (!page) {
      doc.warnings.push_back(Warning{"page-unreadable", "page " + std::to_string(i + 1) + " cannot be read"});
      pdf::PageText empty;
      empty.number = i + 1;
      doc.text_layer.push_back(Placed(empty));
      pages.push_back(std::move(empty));
      continue;
    }
    pages.push_back(ReadPage(*page, i + 1));
    doc.text_layer.push_back(Placed(pages.back()));
    // Character boxes are kept for the drawn-box decision below (pages that
    // may have drawn boxes) and otherwise only where the layout needs them.
    if (!MayHaveDrawnBoxes(pages.back())) pdf::DropUnusedCharBoxes(pages.back());
  }
  // Form widgets (AcroForm) from the same parse of the file.
  std::vector<std::string> form_problems;
  ApplyWidgets(reader.ReadWidgets(limit, &form_problems), pages, doc);
  for (std::string& m : form_problems) doc.warnings.push_back(Warning{"damaged-form", std::move(m)});
  std::unique_ptr<ocr::Recognizer> recognizer;
  // Pages whose text is unusable: a text layer that is there but garbage
  // (text_layer.h), or no text at all once OCR has had its turn.
  std::vector<char> unusable(static_cast<std::size_t>(limit), 0), ocred(static_cast<std::size_t>(limit), 0);
  for (int i = 0; i < limit; ++i) {
    pdf::PageText& pt = pages[static_cast<std::size_t>(i)];
    // Character boxes serve the drawn-box decision below, then only a page's
    // lone accents: freed when this iteration ends, whichever way it does.
    struct DropChars {
      pdf::PageText& page;
      ~DropChars() { pdf::DropUnusedCharBoxes(page); }
    } drop_chars{pt};
    const pdf::TextLayerQuality quality = pdf::AssessTextLayer(pt.words);
    const bool scanned = !quality.usable;
    if (scanned && !pt.words.empty()) {
      unusable[static_cast<std::size_t>(i)] = 1;
      doc.warnings.push_back(Warning{"unusable-text-layer", "page " + std::to_string(i + 1) +
                                                                ": the text layer is unusable (" + quality.reason +
                                                                "); the page is read from its image"});
    }
    if (scanned && !options.ocr.enabled) continue;
    if (!scanned && !MayHaveDrawnBoxes(pt)) continue;
    if (auto e = over_time(i)) return *e;
    if (!scanned) {
      // Drawn boxes from the page's paths (drawn_boxes.h): nothing rendered.
      std::optional<std::vector<pdf::Mark>> marks = reader.Read(i + 1);
      if (reader.TimedOut()) return *over_time(i);
      if (!marks) continue;
      std::vector<pdf::UnclearDrawnBox> drawn_unclear;
      std::vector<pdf::Word> boxes = pdf::FindDrawnBoxes(*marks, pt.words, &drawn_unclear);
      std::vector<ocr::UnclearBox> unclear;
      for (pdf::UnclearDrawnBox& u : drawn_unclear) unclear.push_back(ocr::UnclearBox{u.box, std::move(u.warning)});
      for (ocr::UnclearBox& u : ocr::AttachToNearestWord(std::move(unclear), pt.words)) {
        u.warning.message = "page " + std::to_string(pt.number) + ": " + u.warning.message;
        doc.warnings.push_back(std::move(u.warning));
      }
      AddDrawnBoxes(std::move(boxes), pt);
      continue;
    }
    std::unique_ptr<poppler::page> page(pdoc->create_page(i));
    if (!page) continue;
    const double dpi = RenderDpi(*page, std::clamp(options.ocr.dpi, 72, 600));
    ocr::GrayImage img = RenderGray(*page, dpi);
    if (!recognizer) recognizer = std::make_unique<ocr::Recognizer>(options.ocr.languages);
    Result<ocr::PageResult> r = recognizer->RecognizePage(img, dpi);
    if (!r) {
      doc.warnings.push_back(Warning{"ocr-failed", "page " + std::to_string(i + 1) + ": " + r.error().message});
      if (r.error().kind == ErrorKind::kUnsupportedFormat) break;  // no Tesseract data: same for every page
      continue;
    }
    pt.words = std::move(r->words);
    ocr::FixOcrConfusions(pt.words, options.ocr.confusions);  // "2O26", "l,234", "Ql 2026"
    pt.rules = std::move(r->rules);
    ocred[static_cast<std::size_t>(i)] = 1;
    doc.ocr = true;
    for (Warning& w : r->warnings) {
      w.message = "page " + std::to_string(i + 1) + ": " + w.message;
      doc.warnings.push_back(std::move(w));
    }
    if (r->mean_confidence < ocr::kLowConfidence) {
      doc.warnings.push_back(Warning{"ocr-low-confidence", "page " + std::to_string(i + 1) +
                                                               " was read from a scan with low confidence"});
    }
  }
  for (int i = 0; i < limit; ++i) {
    pdf::PageText& pt = pages[static_cast<std::size_t>(i)];
    const auto k = static_cast<std::size_t>(i);
    if (ocred[k]) {
      if (unusable[k]) doc.unusable_pages.push_back(i + 1);
      continue;
    }
    if (unusable[k] || ocr::NeedsOcr(pt.words)) {
      // Not read from the image (OCR disabled or failed): garbage text would
      // read as answers, so the page stays empty ("no-text-layer").
      pt.words.clear();
      doc.unusable_pages.push_back(i + 1);
    }
  }
  pdf::BuildDocument(pages, doc);
  for (const std::string& m : sink.messages) doc.warnings.push_back(Warning{"pdf-syntax", m});
  if (sink.dropped > 0) {
    doc.warnings.push_back(Warning{"pdf-syntax", std::to_string(sink.dropped) + " more distinct messages from the PDF reader"});
  }
  return doc;
}

}  // namespace

Result<Document> ExtractPdf(std::string_view bytes, const ExtractOptions& options) {
  InstallMessageHandler();
  MessageSink sink;
  SinkScope scope(&sink);
  try {
    return ExtractPdfUnguarded(bytes, options, sink);
  } catch (const std::bad_alloc&) {
    return MakeError(ErrorKind::kLimitExceeded, "out of memory while reading the PDF");
  } catch (const std::exception& e) {
    return MakeError(ErrorKind::kInternal, std::string("PDF reader failed: ") + e.what());
  } catch (...) {
    return MakeError(ErrorKind::kInternal, "PDF reader failed");
  }
}

Result<std::vector<PlacedPage>> ReadPdfWords(std::string_view bytes, const ExtractOptions& options) {
  InstallMessageHandler();  // Poppler's messages go nowhere (no sink): not to stderr
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return MakeError(ErrorKind::kLimitExceeded, "file too large for the PDF reader");
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: no %PDF header (not a PDF file)");
  if (HasImageFilterOnNonImageStream(bytes))
    return MakeError(ErrorKind::kLimitExceeded,
                     "PDF refused: a non-image stream uses image compression (a decompression bomb)");
  std::unique_ptr<poppler::document> pdoc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdoc) return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: the file structure cannot be read");
  if (pdoc->is_locked() && pdoc->unlock("", "")) return MakeError(ErrorKind::kEncrypted, "encrypted PDF: a password is required");
  std::vector<PlacedPage> out;
  const int limit = std::max(0, std::min(pdoc->pages(), options.max_pages));
  for (int i = 0; i < limit; ++i) {
    std::unique_ptr<poppler::page> page(pdoc->create_page(i));
    pdf::PageText text;
    text.number = i + 1;
    if (page) text = ReadPage(*page, i + 1);
    out.push_back(Placed(text));
  }
  return out;
}

}  // namespace vareport
