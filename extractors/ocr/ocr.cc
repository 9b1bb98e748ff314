// vareport/extractors/ocr/ocr.cc — Tesseract + Leptonica behind ocr.h.
//
// Decisions:
//   - Word boxes are Tesseract's ink boxes horizontally and their text line's
//     box vertically, so that every word of a line has the same centre (the
//     layout clusters lines by vertical centre); the font size is the line's
//     ink height scaled by the letters it holds (SizeLine), rounded to 0.5 pt,
//     which keeps body text in one size bin for heading detection.
//   - Tesseract reads printed check boxes as junk ("D", "El", "[]", "0"); words
//     overlapping a box found by FindTickBoxes are dropped and the box's
//     "☒"/"☐" word takes their place. Words made only of table rules ("|",
//     "_", "—") are dropped too.
//   - Skew is measured and corrected on the whole page (pixFindSkewAndDeskew);
//     boxes stay in the corrected frame, which differs from the page by a
//     fraction of a degree.
#include "extractors/ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <unordered_set>

#include "core/text.h"
#include "extractors/tick_warning.h"
#include "extractors/pdf/text_layer.h"

namespace vareport::ocr {
namespace {

constexpr const char* kAllLanguages = "eng+fra+spa";
constexpr const char* kPackages = "tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa";

// Owns a Leptonica object.
struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;
struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;

// Several documents are read at once by several workers: one Tesseract
// thread each. libgomp reads OMP_THREAD_LIMIT once, when it is loaded — for a
// program linked with libtesseract, before main() — so setting it here only
// reaches processes started later (and a libgomp loaded later). When it was
// not in the environment from the start, dynamic adjustment is switched on
// for the calling thread instead, so OpenMP never starts more threads than
// the machine has idle cores (gomp_dynamic_max_threads: cores − load
// average). The reliable setting is OMP_THREAD_LIMIT=1 in the environment of
// the process (the CLI and batch workers should start with it).
void LimitThreads() {
  static std::once_flag once;
  static bool preset = false;
  std::call_once(once, [] {
    preset = std::getenv("OMP_THREAD_LIMIT") != nullptr;
    setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  });
  if (!preset) omp_set_dynamic(1);
}

// Leptonica writes its warnings ("Warning in pixFindSkew…: max found at
// sweep edge") to stderr; the CLI's stderr carries one line, the error, or
// nothing. Its messages are dropped, once for the process.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { leptSetStderrHandler([](const char*) {}); });
}

PixPtr ToPix(const GrayImage& image) {
  SilenceLeptonica();
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    const std::uint8_t* src = image.pixels.data() + static_cast<std::size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  return pix;
}

Box Overlap(const Box& a, const Box& b) {
  return Box{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}
double Area(const Box& b) { return std::max(0.0, b.width()) * std::max(0.0, b.height()); }

// Ink (1) fraction of the binary image inside [x0,x1)×[y0,y1).
double InkDensity(Pix* bin, int x0, int y0, int x1, int y1) {
  if (x1 <= x0 || y1 <= y0) return 0;
  const l_uint32* data = pixGetData(bin);
  const int wpl = pixGetWpl(bin);
  long ink = 0;
  for (int y = y0; y < y1; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = x0; x < x1; ++x) ink += GET_DATA_BIT(line, x);
  }
  return static_cast<double>(ink) / (static_cast<double>(x1 - x0) * (y1 - y0));
}

// Fraction of positions along one side of the box [x,x+w)×[y,y+h) where the
// band of thickness t on that side has ink. side: 0 top, 1 bottom, 2 left, 3 right.
double SideCoverage(Pix* bin, int x, int y, int w, int h, int t, int side) {
  const l_uint32* data = pixGetData(bin);
  const int wpl = pixGetWpl(bin);
  const int n = side < 2 ? w : h;
  int covered = 0;
  for (int i = 0; i < n; ++i) {
    bool ink = false;
    for (int k = 0; k < t && !ink; ++k) {
      int px, py;
      switch (side) {
        case 0: px = x + i, py = y + k; break;
        case 1: px = x + i, py = y + h - 1 - k; break;
        case 2: px = x + k, py = y + i; break;
        default: px = x + w - 1 - k, py = y + i; break;
      }
      ink = GET_DATA_BIT(data + static_cast<std::ptrdiff_t>(py) * wpl, px) != 0;
    }
    covered += ink ? 1 : 0;
  }
  return n > 0 ? static_cast<double>(covered) / n : 0;
}

// True when both diagonals of the inside [x0,x1)×[y0,y1) of a box carry ink
// in the 8-bit grey image (a pixel visibly darker than white within one pixel of
// the line, along ≥ 70% of each diagonal): the cross Word draws in a ticked
// legacy check box (FORMCHECKBOX) when it exports a PDF, a hairline that
// binarisation thins to a few percent of the inside.
bool CrossedDiagonals(Pix* gray, int x0, int y0, int x1, int y1) {
  const int w = x1 - x0, h = y1 - y0;
  if (w < 4 || h < 4) return false;
  const int gw = static_cast<int>(pixGetWidth(gray)), gh = static_cast<int>(pixGetHeight(gray));
  auto dark_near = [&](int cx, int cy) {
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        const int px = cx + dx, py = cy + dy;
        if (px < 0 || py < 0 || px >= gw || py >= gh) continue;
        l_uint32 v = 255;
        if (pixGetPixel(gray, px, py, &v) == 0 && v < 225) return true;
      }
    }
    return false;
  };
  const int n = std::max(w, h);
  int down = 0, up = 0;
  for (int k = 0; k < n; ++k) {
    const int dx = static_cast<int>(std::lround(static_cast<double>(k) * (w - 1) / std::max(1, n - 1)));
    const int dy = static_cast<int>(std::lround(static_cast<double>(k) * (h - 1) / std::max(1, n - 1)));
    down += dark_near(x0 + dx, y0 + dy) ? 1 : 0;
    up += dark_near(x0 + dx, y1 - 1 - dy) ? 1 : 0;
  }
  return down >= 0.7 * n && up >= 0.7 * n;
}

std::vector<pdf::Word> FindTickBoxesPix(Pix* gray, double ppp, TickEncoding encoding, std::vector<UnclearBox>* unclear) {
  std::vector<pdf::Word> out;
  PixPtr bin(pixThresholdToBinary(gray, 150));
  if (!bin) return out;
  const double min_px = 5.0 / ppp, max_px = 16.0 / ppp;
  // A box that touches a table rule (a form's boxes often sit against the
  // cell border) is one component with the whole grid: find the boxes with
  // the rules taken out — straight ink runs over three box sizes long — and
  // judge each box on the full image.
  const int rule_len = std::max(8, static_cast<int>(std::lround(3 * max_px)));
  PixPtr hor(pixOpenBrick(nullptr, bin.get(), rule_len, 1));
  PixPtr ver(pixOpenBrick(nullptr, bin.get(), 1, rule_len));
  PixPtr boxes_only;
  if (hor && ver) {
    PixPtr rules(pixOr(nullptr, hor.get(), ver.get()));
    if (rules) boxes_only.reset(pixSubtract(nullptr, bin.get(), rules.get()));
  }
  BoxaPtr boxa(pixConnComp(boxes_only ? boxes_only.get() : bin.get(), nullptr, 8));
  if (!boxa) return out;
  const int n = boxaGetCount(boxa.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa.get(), i, &x, &y, &w, &h) != 0) continue;
    if (w < min_px || h < min_px || w > max_px || h > max_px) continue;
    const double aspect = static_cast<double>(w) / h;
    if (aspect < 0.8 || aspect > 1.25) continue;
    const int t = std::max(2, static_cast<int>(std::lround(w * 0.12)));
    bool sides = true;
    for (int s = 0; s < 4 && sides; ++s) sides = SideCoverage(bin.get(), x, y, w, h, t, s) >= 0.85;
    if (!sides) continue;
    // A box has square corners; round letters ("o", "O", "D", "0") whose
    // sides touch their bounding box have empty corners.
    bool corners = true;
    for (int cy : {y, y + h - t}) {
      for (int cx : {x, x + w - t}) corners = corners && InkDensity(bin.get(), cx, cy, cx + t, cy + t) >= 0.25;
    }
    if (!corners) continue;
    // Border thickness: ink run from the left edge along the middle row.
    const int inset = t + std::max(1, static_cast<int>(std::lround(w * 0.08)));
    const double density = InkDensity(bin.get(), x + inset, y + inset, x + w - inset, y + h - inset);
    const double whole = InkDensity(bin.get(), x, y, x + w, y + h);
    if (whole > 0.7) continue;  // a solid square: a bullet, not a box
    const Box box{x * ppp, y * ppp, (x + w) * ppp, (y + h) * ppp};
    constexpr double kEmpty = 0.03, kFilled = 0.08;
    const bool crossed = density < kFilled && CrossedDiagonals(gray, x + inset, y + inset, x + w - inset, y + h - inset);
    if (density > kEmpty && density < kFilled && !crossed) {
      if (unclear != nullptr) {
        unclear->push_back(UnclearBox{box, UnclearTickWarning(density)});
      }
      continue;
    }
    pdf::Word word;
    const bool checked = density >= kFilled || crossed;
    word.text = checked ? "\u2612" : "\u2610";
    word.box = box;
    word.font_size = std::round(box.height() * 2) / 2;
    word.space_after = true;
    word.tick_encoding = encoding;
    word.confidence = crossed ? 0.9
                      : checked ? std::min(1.0, 0.75 + (density - kFilled) * 2.5)
                                : std::max(0.6, 1.0 - density * 8);
    out.push_back(std::move(word));
  }
  return out;
}

// Table rules: ink that survives an opening with a line element `min_len`
// long (horizontal or vertical), after closing 1–2 px breaks along the line.
std::vector<Box> FindRulesPix(Pix* gray, double ppp) {
  std::vector<Box> out;
  PixPtr bin(pixThresholdToBinary(gray, 160));
  if (!bin) return out;
  const double max_thick = 4.0 / ppp;
  for (int dir = 0; dir < 2; ++dir) {
    const bool horizontal = dir == 0;
    const int len = std::max(8, static_cast<int>(std::lround((horizontal ? 24.0 : 14.0) / ppp)));
    const int gap = std::max(2, static_cast<int>(std::lround(1.0 / ppp)));
    PixPtr closed(horizontal ? pixCloseBrick(nullptr, bin.get(), gap, 1) : pixCloseBrick(nullptr, bin.get(), 1, gap));
    if (!closed) continue;
    PixPtr opened(horizontal ? pixOpenBrick(nullptr, closed.get(), len, 1) : pixOpenBrick(nullptr, closed.get(), 1, len));
    if (!opened) continue;
    BoxaPtr boxa(pixConnComp(opened.get(), nullptr, 8));
    if (!boxa) continue;
    const int n = boxaGetCount(boxa.get());
    for (int i = 0; i < n; ++i) {
      l_int32 x, y, w, h;
      if (boxaGetBoxGeometry(boxa.get(), i, &x, &y, &w, &h) != 0) continue;
      if (horizontal ? (h > max_thick || w < len) : (w > max_thick || h < len)) continue;
      out.push_back(Box{x * ppp, y * ppp, (x + w) * ppp, (y + h) * ppp});
    }
  }
  return out;
}

// Sets the font size of the words [begin, end) of one text line from the
// line's ink height and the letters it holds: ink from cap height to
// baseline is ~0.72 em, x-height ~0.52 em, descenders add ~0.22 em. A line's
// ink height alone varies with its letters ("agency" vs "No."), which would
// split paragraphs and fake headings. Rounded to 0.5 pt.
// `ink` holds the words' own ink boxes (a text line's box also covers
// printed boxes and rules Tesseract took into the line).
void SizeLine(std::vector<pdf::Word>& words, std::size_t begin, std::vector<Box>& ink) {
  if (begin >= words.size() || ink.size() != words.size() - begin) {
    ink.clear();
    return;
  }
  // Per word: ink height over the part of the em its letters cover; the
  // line's size is the median, weighted by letters (robust to a word whose
  // ink box caught a speck or a rule).
  std::vector<std::pair<double, std::size_t>> ems;
  std::size_t letters = 0;
  for (std::size_t i = begin; i < words.size(); ++i) {
    bool ascent = false, descent = false;
    const std::u32string cps = DecodeUtf8(words[i].text);
    for (char32_t c : cps) {
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0 ||
          std::u32string_view(U"bdfhiklt()[]{}/\\|!?'\"%&#@$").find(c) != std::u32string_view::npos) {
        ascent = true;
      }
      if (std::u32string_view(U"gjpqyQ()[]{},;|").find(c) != std::u32string_view::npos) descent = true;
    }
    const double h = ink[i - begin].height();
    if (h <= 0 || cps.empty()) continue;
    ems.emplace_back(h / ((ascent ? 0.72 : 0.52) + (descent ? 0.22 : 0.0)), cps.size());
    letters += cps.size();
  }
  ink.clear();
  if (ems.empty()) return;
  std::sort(ems.begin(), ems.end());
  std::size_t seen = 0;
  double em = ems.back().first;
  for (const auto& [e, n] : ems) {
    seen += n;
    if (2 * seen >= letters) {
      em = e;
      break;
    }
  }
  const double size = std::max(4.0, std::round(em * 2) / 2);
  for (std::size_t i = begin; i < words.size(); ++i) words[i].font_size = size;
}

bool OnlyRules(std::string_view text) {
  for (char32_t c : DecodeUtf8(text)) {
    if (c != '|' && c != '_' && c != '-' && c != 0x2014 && c != 0x2013 && c != '[' && c != ']' && c != 0x2018 &&
        c != 0x2019 && c != '\'' && c != '"' && c != '.' && c != ',' && c != '~') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<UnclearBox> AttachToNearestWord(std::vector<UnclearBox> unclear, std::vector<pdf::Word>& words) {
  std::vector<UnclearBox> left;
  for (UnclearBox& u : unclear) {
    pdf::Word* best = nullptr;
    double best_d = 72;
    const double cy = (u.box.y0 + u.box.y1) / 2;
    for (pdf::Word& w : words) {
      if (cy < w.box.y0 || cy > w.box.y1) continue;
      const double d = std::min(std::fabs(w.box.x0 - u.box.x1), std::fabs(u.box.x0 - w.box.x1));
      if (d < best_d) best_d = d, best = &w;
    }
    if (best != nullptr) best->warnings.push_back(std::move(u.warning));
    else left.push_back(std::move(u));
  }
  return left;
}

std::vector<pdf::Word> FindTickBoxes(const GrayImage& image, double points_per_pixel, TickEncoding encoding,
                                     std::vector<UnclearBox>* unclear) {
  if (image.width <= 0 || image.height <= 0) return {};
  PixPtr pix = ToPix(image);
  if (!pix) return {};
  return FindTickBoxesPix(pix.get(), points_per_pixel, encoding, unclear);
}

std::vector<Box> FindRules(const GrayImage& image, double points_per_pixel) {
  if (image.width <= 0 || image.height <= 0) return {};
  PixPtr pix = ToPix(image);
  if (!pix) return {};
  return FindRulesPix(pix.get(), points_per_pixel);
}

std::string GuessLanguage(const std::vector<pdf::Word>& words) {
  static const std::unordered_set<std::string> kEn = {"the", "and", "of", "to", "in", "for", "is", "are", "with",
                                                      "by", "on", "has", "have", "been", "were", "this"};
  static const std::unordered_set<std::string> kFr = {"le", "la", "les", "des", "du", "et", "est", "pour", "dans",
                                                      "une", "sur", "au", "aux", "qui", "été", "sont", "par"};
  static const std::unordered_set<std::string> kEs = {"el", "los", "las", "del", "y", "en", "para", "por",
                                                      "una", "que", "con", "se", "ha", "han", "sido", "al"};
  int en = 0, fr = 0, es = 0;
  for (const pdf::Word& w : words) {
    const std::string f = FoldForMatch(w.text);
    std::string lower;
    for (char c : w.text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    en += kEn.count(lower) ? 1 : 0;
    fr += kFr.count(lower) ? 1 : 0;
    es += kEs.count(lower) ? 1 : 0;
    (void)f;
  }
  const int best = std::max({en, fr, es});
  if (best < 6) return {};
  // Clear only when the winner leads the runner-up by half again.
  const int second = en + fr + es - best - std::min({en, fr, es});
  if (best < second * 3 / 2) return {};
  if (best == fr) return "fra";
  if (best == es) return "spa";
  return "eng";
}

struct Recognizer::Engine {
  tesseract::TessBaseAPI api;
  std::string languages;
};

Recognizer::Recognizer(std::string languages) : languages_(std::move(languages)), decided_(!languages_.empty()) {
  if (languages_.empty()) languages_ = kAllLanguages;
}

Recognizer::~Recognizer() {
  if (engine_) engine_->api.End();
}

Result<PageResult> Recognizer::RecognizePage(const GrayImage& image, double dpi) {
  LimitThreads();
  if (image.width <= 0 || image.height <= 0) return MakeError(ErrorKind::kInternal, "empty page image for OCR");
  if (!engine_ || engine_->languages != languages_) {
    if (engine_) engine_->api.End();
    engine_ = std::make_unique<Engine>();
    engine_->api.SetVariable("debug_file", "/dev/null");
    if (engine_->api.Init(nullptr, languages_.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
      engine_.reset();
      return MakeError(ErrorKind::kUnsupportedFormat, "Tesseract language data (" + languages_ +
                                                          ") is missing: install the Debian packages " + kPackages);
    }
    engine_->languages = languages_;
    engine_->api.SetPageSegMode(tesseract::PSM_AUTO);
    engine_->api.SetVariable("preserve_interword_spaces", "1");
    engine_->api.SetVariable("tessedit_do_invert", "0");  // no white-on-black text in reports; saves time
  }
  const double ppp = 72.0 / dpi;
  PixPtr pix = ToPix(image);
  if (!pix) return MakeError(ErrorKind::kLimitExceeded, "out of memory for the page image");
  PageResult result;
  l_float32 angle = 0, conf = 0;
  PixPtr deskewed(pixFindSkewAndDeskew(pix.get(), 2, &angle, &conf));
  Pix* page = deskewed ? deskewed.get() : pix.get();
  if (deskewed) result.skew_degrees = angle;

  std::vector<UnclearBox> unclear;
  std::vector<pdf::Word> ticks = FindTickBoxesPix(page, ppp, TickEncoding::kImage, &unclear);
  std::vector<char> false_tick(ticks.size(), 0);  // found inside a word read with confidence
  result.rules = FindRulesPix(page, ppp);

  tesseract::TessBaseAPI& api = engine_->api;
  api.SetImage(page);
  api.SetSourceResolution(static_cast<int>(std::lround(dpi)));
  if (api.Recognize(nullptr) != 0) return MakeError(ErrorKind::kInternal, "Tesseract could not read the page");
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  double conf_sum = 0;
  std::size_t conf_n = 0;
  if (it) {
    constexpr auto kWord = tesseract::RIL_WORD;
    constexpr auto kLine = tesseract::RIL_TEXTLINE;
    Box line_box;
    std::size_t line_start = 0;
    std::vector<Box> line_ink;  // ink boxes of the words kept since line_start
    do {
      if (it->Empty(kWord)) continue;
      if (it->IsAtBeginningOf(kLine)) {
        int l, t, r, b;
        it->BoundingBox(kLine, &l, &t, &r, &b);
        line_box = Box{l * ppp, t * ppp, r * ppp, b * ppp};
        SizeLine(result.words, line_start, line_ink);
        line_start = result.words.size();
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(kWord));
      if (!text) continue;
      std::string s = Trim(SanitizeUtf8(text.get()));
      if (s.empty()) continue;
      int l, t, r, b;
      it->BoundingBox(kWord, &l, &t, &r, &b);
      // A lone dash no wider than its line is tall is not a piece of a
      // table rule: at the start of a line it is a list bullet ("- Adoptar
      // …"); after a word, a spaced dash, which French and Spanish (and
      // British) typesetting print as an en dash ("Paz – Descontamina")
      // and OCR reads as any of the three.
      const bool dash = (s == "-" || s == "\u2013" || s == "\u2014") && r - l <= line_box.height() / ppp;
      const bool first_in_line = line_start == result.words.size();
      const bool after_word = !first_in_line && !OnlyRules(result.words.back().text) &&
                              l * ppp - result.words.back().box.x1 < line_box.height();  // a space away, not a cell's width
      if (OnlyRules(s) && !(dash && (first_in_line || after_word))) continue;
      if (dash && after_word) s = "\u2013";
      pdf::Word w;
      w.text = std::move(s);
      w.box = Box{l * ppp, std::min(line_box.y0, t * ppp), r * ppp, std::max(line_box.y1, b * ppp)};
      w.font_size = 0;  // SizeLine sets it when the line is complete
      w.space_after = true;
      w.tick_encoding = TickEncoding::kImage;  // read from the scan (layout.h Word)
      w.confidence = std::clamp(it->Confidence(kWord) / 100.0, 0.0, 1.0);
      // Junk read from a printed box: the box's own word replaces it.
      // But a box found inside a word read with confidence, much smaller
      // than the word ("Hommes" in bold: "mm" closes into a square), is
      // part of its letters: the box goes, the word stays.
      bool on_box = false;
      const Box ink{l * ppp, t * ppp, r * ppp, b * ppp};
      const auto letters = std::count_if(w.text.begin(), w.text.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
      const bool well_read = letters >= 3 && w.confidence >= 0.85;
      for (std::size_t k = 0; k < ticks.size(); ++k) {
        if (false_tick[k] || Area(Overlap(ink, ticks[k].box)) <= 0.3 * std::min(Area(ink), Area(ticks[k].box))) continue;
        if (well_read && Area(ticks[k].box) < 0.5 * Area(ink) && Area(Overlap(ink, ticks[k].box)) > 0.6 * Area(ticks[k].box))
          false_tick[k] = 1;
        else if (Area(Overlap(ink, ticks[k].box)) > 0.3 * Area(ink))
          on_box = true;
      }
      if (on_box) continue;
      conf_sum += w.confidence;
      ++conf_n;
      if (w.confidence < kLowConfidence) {
        char pct[16];
        std::snprintf(pct, sizeof pct, "%.0f%%", w.confidence * 100);
        w.warnings.push_back(Warning{"ocr-low-confidence", "\"" + w.text + "\" was read from the scan with " +
                                                               pct + " confidence"});
      }
      result.words.push_back(std::move(w));
      line_ink.push_back(ink);
    } while (it->Next(kWord));
    SizeLine(result.words, line_start, line_ink);
  }
  api.Clear();
  result.mean_confidence = conf_n > 0 ? conf_sum / static_cast<double>(conf_n) : 0;
  // Unclear boxes: the warning goes to the nearest word on the same line.
  for (UnclearBox& u : AttachToNearestWord(std::move(unclear), result.words)) result.warnings.push_back(u.warning);
  for (std::size_t k = 0; k < ticks.size(); ++k)
    if (!false_tick[k]) result.words.push_back(std::move(ticks[k]));
  if (!decided_) {
    const std::string lang = GuessLanguage(result.words);
    if (!lang.empty()) {
      languages_ = lang;
      decided_ = true;
    }
  }
  return result;
}

}  // namespace vareport::ocr
