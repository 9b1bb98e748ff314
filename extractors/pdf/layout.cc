// vareport/extractors/pdf/layout.cc — see layout.h for the pipeline.
#include "extractors/pdf/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/text.h"

namespace vareport::pdf {
namespace {

// ---- code points -------------------------------------------------------------

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x100 && c <= 0x17F && (c % 2) == 0) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}
bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x100 && c <= 0x17F && (c % 2) == 1) ||
         (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}
bool IsLetter(char32_t c) { return IsUpper(c) || IsLower(c) || (c >= 0x180 && c <= 0x24F) || (c >= 0x370 && c <= 0x52F); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsPua(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

std::string Utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

// Spacing accents (as PDFs draw them, separately from the letter) → combining mark.
char32_t CombiningFor(char32_t c) {
  switch (c) {
    case 0x00B4: case 0x02CA: return 0x0301;  // acute
    case 0x0060: case 0x02CB: return 0x0300;  // grave
    case 0x00A8: return 0x0308;               // diaeresis
    case 0x02C6: case 0x005E: return 0x0302;  // circumflex
    case 0x02DC: return 0x0303;               // tilde
    case 0x00B8: return 0x0327;               // cedilla
    case 0x02DA: return 0x030A;               // ring
    case 0x02C7: return 0x030C;               // caron
    default: return 0;
  }
}
bool IsAccentBase(char32_t c) {
  static const std::u32string_view kBases = U"aeiouycnAEIOUYCNsSzZ";
  return kBases.find(c) != std::u32string_view::npos;
}

// Ligatures U+FB00–FB06 → letters (the same as their NFKC decomposition).
std::u32string_view LigatureExpansion(char32_t c) {
  switch (c) {
    case 0xFB00: return U"ff";
    case 0xFB01: return U"fi";
    case 0xFB02: return U"fl";
    case 0xFB03: return U"ffi";
    case 0xFB04: return U"ffl";
    case 0xFB05: return U"st";
    case 0xFB06: return U"st";
    default: return {};
  }
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  return out;
}

enum class SymbolFont { kNone, kWingdings, kWingdings2, kZapf };

SymbolFont SymbolFontOf(std::string_view font) {
  const std::string f = LowerAscii(font);
  if (f.find("wingdings2") != std::string::npos || f.find("wingdings-2") != std::string::npos ||
      f.find("wingdings 2") != std::string::npos) {
    return SymbolFont::kWingdings2;
  }
  if (f.find("wingdings") != std::string::npos || f.find("webdings") != std::string::npos) return SymbolFont::kWingdings;
  if (f.find("zapfdingbats") != std::string::npos || f.find("dingbats") != std::string::npos) return SymbolFont::kZapf;
  return SymbolFont::kNone;
}

// Bullet glyphs recognised at the start of a line, mapped to the label kept.
std::optional<std::string> BulletLabel(std::u32string_view w) {
  if (w.size() != 1) return std::nullopt;
  switch (w[0]) {
    case 0x2022: case 0xF0B7: case 0x25CF: return std::string("•");
    case 0x25E6: case 0x25CB: return std::string("◦");
    case 0x25AA: case 0xF0A7: case 0xF06E: return std::string("▪");
    case 0x2023: case 0x25B8: case 0x25BA: case 0xF0D8: case 0x27A2: return std::string("➢");
    case 0x2043: case '-': case 0x2013: case 0x2014: case 0x2212: case 0xF02D: return std::string("-");
    case '*': return std::string("*");
    case 0xF076: case 0x2756: return std::string("❖");
    case 0xF0FC: case 0x2713: return std::nullopt;  // ticks, not bullets
    default: return std::nullopt;
  }
}

// A question number as checklists print it at the start of a row: "2.3",
// "2.3.", "10.1.4" (one or two digits per level, at least two levels), as its
// levels; empty when `w` is not one.
std::vector<int> QuestionNumber(std::u32string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  std::vector<int> levels;
  int digits = 0, value = 0;
  for (char32_t c : w) {
    if (IsDigit(c)) {
      if (++digits > 2) return {};
      value = value * 10 + static_cast<int>(c - '0');
    } else if (c == '.' && digits > 0) {
      levels.push_back(value);
      digits = value = 0;
    } else {
      return {};
    }
  }
  if (digits == 0 || levels.empty()) return {};
  levels.push_back(value);
  return levels;
}

// True when question number `next` can follow `current` in one table: after
// it, and in the same or the next chapter ("2.3" after "2.2" or "1.9"; not
// "10.4" after "2.3", which is the row's own text wrapping at a figure).
bool FollowsQuestion(const std::vector<int>& current, const std::vector<int>& next) {
  if (current.empty() || next.empty()) return false;
  return next > current && next.front() <= current.front() + 1;
}

}  // namespace

// ---- public helpers ----------------------------------------------------------

int TickState(char32_t cp, std::string_view font, double* confidence) {
  double conf = 1.0;
  int state = -1;
  SymbolFont sf = SymbolFontOf(font);
  // LibreOffice exports a Wingdings character it substitutes with OpenSymbol
  // under its Wingdings code point (private use U+F0xx): read it as Wingdings.
  if (sf == SymbolFont::kNone && cp >= 0xF000 && cp <= 0xF0FF && LowerAscii(font).find("opensymbol") != std::string::npos) {
    sf = SymbolFont::kWingdings;
  }
  if (sf != SymbolFont::kNone && (cp < 0x100 || (cp >= 0xF000 && cp <= 0xF0FF))) {
    const unsigned code = cp & 0xFF;
    switch (sf) {
      case SymbolFont::kWingdings:
        if (code == 0x6F || code == 0x71 || code == 0x72 || code == 0xA8) state = 0;
        else if (code == 0x78 || code == 0xFD || code == 0xFE || code == 0xFC) state = 1;
        else if (code == 0x6E) { state = 1; conf = 0.9; }
        else if (code == 0xFB) { state = 1; conf = 0.8; }
        break;
      case SymbolFont::kWingdings2:
        if (code == 0xA3 || code == 0x2A || code == 0xA2) state = 0;
        else if (code == 0x50 || code == 0x52 || code == 0x53 || code == 0x54) state = 1;
        else if (code == 0x4F || code == 0x51) { state = 1; conf = 0.8; }
        break;
      case SymbolFont::kZapf:
        if (code == 0x6F || code == 0x70 || code == 0x71 || code == 0x72) state = 0;
        else if (code == 0x33 || code == 0x34) state = 1;
        else if (code == 0x6E) { state = 1; conf = 0.9; }
        else if (code == 0x37 || code == 0x38) { state = 1; conf = 0.8; }
        break;
      case SymbolFont::kNone:
        break;
    }
    if (state >= 0) {
      if (confidence) *confidence = conf;
      return state;
    }
  }
  switch (cp) {
    case 0x2612: case 0x2611: case 0x2713: case 0x2714: case 0x1F5F9: case 0x1F5F7: case 0x2BBD: case 0x2BBE:
    case 0x2BBF:
      state = 1;
      break;
    case 0x25A0: case 0x25A3:
      state = 1;
      conf = 0.9;
      break;
    case 0x2717: case 0x2718:
      state = 1;
      conf = 0.8;
      break;
    case 0x2610: case 0x25A1: case 0x274F: case 0x2750: case 0x2751: case 0x2752: case 0x25FB: case 0x2B1C:
      state = 0;
      break;
    default:
      break;
  }
  if (state >= 0 && confidence) *confidence = conf;
  return state;
}

std::string CleanWordText(std::string_view text) {
  std::u32string in = DecodeUtf8(text);
  std::u32string out;
  out.reserve(in.size() + 4);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (auto lig = LigatureExpansion(c); !lig.empty()) {
      out.append(lig);
      continue;
    }
    if (char32_t comb = CombiningFor(c); comb != 0 && c != '^' && c != '`') {
      // A spacing accent drawn next to its letter: attach it to the letter it
      // belongs with (the preceding one when both are letters, as Word does,
      // else the following one).
      if (!out.empty() && IsAccentBase(out.back())) {
        out.push_back(comb);
        continue;
      }
      if (i + 1 < in.size() && IsAccentBase(in[i + 1])) {
        out.push_back(in[i + 1]);
        out.push_back(comb);
        ++i;
        continue;
      }
    }
    out.push_back(c);
  }
  return Nfc(Utf8(out));
}

namespace {

const char* const kHyphenPrefixes[] = {
    "co", "socio", "non", "self", "ex", "anti", "post", "pre", "semi", "quasi", "pseudo", "cross", "well",
    "medico", "psycho", "politico", "bio", "multi", "inter", "intra", "extra", "ultra", "demi", "mi", "sous",
    "auto", "vice", "neo", "pro", "follow", "long", "short", "mid", "peri", "para", "ex", "all", "half",
};

// Splits `w` into (leading letters-part) after stripping punctuation at the ends.
std::u32string StripPunct(std::u32string s) {
  auto is_p = [](char32_t c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '!' || c == '(' || c == ')' ||
           c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2019 || c == 0x00AB || c == 0x00BB ||
           c == '[' || c == ']';
  };
  while (!s.empty() && is_p(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && is_p(s[i])) ++i;
  return s.substr(i);
}

}  // namespace

LineJoin DecideLineJoin(std::string_view last_word, std::string_view next_word, const Vocabulary& vocabulary) {
  std::u32string a = DecodeUtf8(last_word);
  std::u32string b = DecodeUtf8(next_word);
  if (a.empty() || b.empty()) return LineJoin::kSpace;
  if (a.back() == 0x00AD) return LineJoin::kDropHyphen;
  const char32_t h = a.back();
  const bool hyphen = h == '-' || h == 0x2010;
  const bool dash = h == 0x2013 || h == 0x2014;
  if (!hyphen && !dash) return LineJoin::kSpace;
  if (a.size() < 2) return LineJoin::kSpace;  // a lone dash is punctuation
  const char32_t before = a[a.size() - 2];
  if (IsDigit(before) && IsDigit(b.front())) return LineJoin::kKeepHyphen;
  if (dash || !IsLetter(before) || !IsLetter(b.front())) return LineJoin::kSpace;
  // Hyphen after a letter, next line starting with a letter.
  std::u32string left = StripPunct(a.substr(0, a.size() - 1));
  std::u32string right = StripPunct(b);
  // Only the last hyphen-separated piece of `left` is the fragment.
  std::u32string frag = left;
  if (auto p = frag.find_last_of(U"-\u2010"); p != std::u32string::npos) frag = frag.substr(p + 1);
  const std::string hyphenated = FoldForMatch(Utf8(left) + "-" + Utf8(right));
  const std::string joined = FoldForMatch(Utf8(left) + Utf8(right));
  if (vocabulary.count(hyphenated) > 0) return LineJoin::kKeepHyphen;
  if (vocabulary.count(joined) > 0) return LineJoin::kDropHyphen;
  if (IsUpper(right.empty() ? b.front() : right.front())) return LineJoin::kKeepHyphen;
  // Both halves are words the document uses on their own ("prosthetic-" +
  // "orthotic"), the joined form is not: a compound.
  if (frag.size() >= 3 && right.size() >= 3 && vocabulary.count(FoldForMatch(Utf8(frag))) > 0 &&
      vocabulary.count(FoldForMatch(Utf8(right))) > 0) {
    return LineJoin::kKeepHyphen;
  }
  // French inverted pronouns and demonstrative particles always take the
  // hyphen ("font-ils", "est-ce", "celle-ci").
  static const char* const kEnclitics[] = {"il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous",
                                           "ce", "ci", "la", "meme", "memes", "t"};
  const std::string right_folded = FoldForMatch(Utf8(right));
  for (const char* e : kEnclitics) {
    if (right_folded == e || right_folded.rfind(std::string("t ") + e, 0) == 0) return LineJoin::kKeepHyphen;
  }
  const std::string frag_folded = FoldForMatch(Utf8(frag));
  for (const char* p : kHyphenPrefixes) {
    if (frag_folded == p) return LineJoin::kKeepHyphen;
  }
  return LineJoin::kDropHyphen;
}

namespace {

// ---- normalised tokens, lines, segments ---------------------------------------

struct TickAt {
  std::size_t offset = 0;
  std::size_t length = 0;
  bool checked = false;
  double confidence = 1.0;
  TickEncoding encoding = TickEncoding::kGlyph;
  std::string field_name;
};

// A word after clean-up, in the page's reading frame.
struct Tok {
  std::string text;            // UTF-8 NFC, ticks as ☒/☐
  std::vector<TickAt> ticks;   // offsets in `text`
  Box box;                     // reading frame
  double size = 0;
  bool bold = false;
  bool space_after = false;
  bool scanned = false;           // read by OCR (Word::tick_encoding kImage)
  std::vector<Warning> warnings;  // from Word::warnings
  bool only_ticks() const {
    std::size_t n = 0;
    for (const auto& t : ticks) n += t.length;
    return !ticks.empty() && n == text.size();
  }
};

struct Line {
  std::vector<Tok> toks;                                // left to right
  std::vector<std::pair<std::size_t, std::size_t>> segs;  // [begin, end) into toks
  Box box;
  double size = 0;   // dominant font size
  bool bold = false; // all text words bold
  Box SegBox(std::size_t s) const {
    Box b = toks[segs[s].first].box;
    for (std::size_t i = segs[s].first; i < segs[s].second; ++i) {
      b.x0 = std::min(b.x0, toks[i].box.x0);
      b.y0 = std::min(b.y0, toks[i].box.y0);
      b.x1 = std::max(b.x1, toks[i].box.x1);
      b.y1 = std::max(b.y1, toks[i].box.y1);
    }
    return b;
  }
};

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

bool IsBoldFont(std::string_view font) {
  const std::string f = LowerAscii(font);
  return f.find("bold") != std::string::npos || f.find("black") != std::string::npos ||
         f.find("heavy") != std::string::npos || f.find(",bd") != std::string::npos ||
         f.find("semibold") != std::string::npos || f.find("-bd") != std::string::npos;
}

// Page frame: display coordinates ↔ reading frame for the dominant rotation.
struct Frame {
  int rotation = 0;
  double w = 0, h = 0;  // displayed size
  Box ToReading(const Box& b) const {
    switch (rotation) {
      case 1: return Box{b.y0, w - b.x1, b.y1, w - b.x0};
      case 2: return Box{w - b.x1, h - b.y1, w - b.x0, h - b.y0};
      case 3: return Box{h - b.y1, b.x0, h - b.y0, b.x1};
      default: return b;
    }
  }
  Box ToDisplay(const Box& b) const {
    switch (rotation) {
      case 1: return Box{w - b.y1, b.x0, w - b.y0, b.x1};
      case 2: return Box{w - b.x1, h - b.y1, w - b.x0, h - b.y0};
      case 3: return Box{b.y0, h - b.x1, b.y1, h - b.x0};
      default: return b;
    }
  }
  double reading_width() const { return (rotation % 2) ? h : w; }
  double reading_height() const { return (rotation % 2) ? w : h; }
};

// Cleans a word: ligatures, accents, symbol-font codes, ticks. Returns false
// when nothing is left.
bool MakeTok(const Word& w, const Frame& frame, Tok& out) {
  const SymbolFont sf = SymbolFontOf(w.font);
  std::u32string cps = DecodeUtf8(w.text);
  // Drop control characters; keep the rest.
  std::u32string kept;
  for (char32_t c : cps) {
    if (c < 0x20 || c == 0x7F || c == 0xFEFF || c == 0x200B) continue;
    kept.push_back(c);
  }
  if (kept.empty()) return false;
  out = Tok{};
  out.box = frame.ToReading(w.box);
  out.size = w.font_size > 0 ? w.font_size : out.box.height() / 1.3;
  out.bold = IsBoldFont(w.font);
  out.scanned = w.tick_encoding == TickEncoding::kImage;
  out.space_after = w.space_after;
  out.warnings = w.warnings;
  std::u32string run;  // pending ordinary text
  auto flush = [&]() {
    if (run.empty()) return;
    out.text += CleanWordText(Utf8(run));
    run.clear();
  };
  for (char32_t c : kept) {
    double conf = 1.0;
    const int state = TickState(c, w.font, &conf);
    if (state >= 0) {
      flush();
      TickAt t;
      t.offset = out.text.size();
      t.length = 3;
      t.checked = state == 1;
      t.confidence = conf;
      t.encoding = sf != SymbolFont::kNone ? TickEncoding::kSymbolFont : TickEncoding::kGlyph;
      if (w.tick_encoding != TickEncoding::kGlyph) {  // synthetic tick word (AcroForm, vector, scan)
        t.encoding = w.tick_encoding;
        t.confidence = std::min(conf, w.confidence);
        t.field_name = w.field_name;
      }
      out.text += state == 1 ? "\u2612" : "\u2610";
      out.ticks.push_back(t);
      continue;
    }
    if (sf != SymbolFont::kNone && (c < 0x100 || IsPua(c))) {
      // Other symbol-font characters: keep bullets recognisable, drop the rest
      // into the private-use form Poppler gives for symbol fonts.
      const char32_t code = c & 0xFF;
      if (sf == SymbolFont::kWingdings && (code == 0x9F || code == 0x6C)) c = 0x2022;
      else if (sf == SymbolFont::kWingdings && code == 0xA7) c = 0x25AA;
      else if (sf == SymbolFont::kWingdings && code == 0xD8) c = 0x27A2;
      else if (c < 0x100) c = 0xF000 + code;
    }
    run.push_back(c);
  }
  flush();
  return !out.text.empty();
}

}  // namespace

void DropUnusedCharBoxes(PageText& page) {
  for (const Word& w : page.words) {
    std::u32string cps = DecodeUtf8(w.text);
    if (cps.size() == 1 && CombiningFor(cps[0]) != 0) return;  // MergeAccentWords may need them
  }
  for (Word& w : page.words) std::vector<Box>().swap(w.chars);
}

namespace {

// Merges a word that is only a spacing accent into the word whose letter it
// overlaps horizontally (Word/LibreOffice export sometimes draws "e" and "´"
// as separate glyphs). Works on the raw words of one page.
void MergeAccentWords(std::vector<Word>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::u32string cps = DecodeUtf8(words[i].text);
    if (cps.size() != 1 || CombiningFor(cps[0]) == 0 || cps[0] == '^' || cps[0] == '`') continue;
    const Box a = words[i].box;
    const double ax = (a.x0 + a.x1) / 2;
    for (std::size_t j = 0; j < words.size(); ++j) {
      if (j == i || words[j].text.empty()) continue;
      const Box& b = words[j].box;
      if (ax < b.x0 - 0.5 || ax > b.x1 + 0.5) continue;
      if (a.y1 < b.y0 - b.height() || a.y0 > b.y1) continue;
      std::u32string t = DecodeUtf8(words[j].text);
      // Find the letter under the accent (char boxes when known, else by proportion).
      std::size_t k = 0;
      if (words[j].chars.size() == t.size()) {
        double best = 1e9;
        for (std::size_t c = 0; c < t.size(); ++c) {
          const double cx = (words[j].chars[c].x0 + words[j].chars[c].x1) / 2;
          if (std::fabs(cx - ax) < best) best = std::fabs(cx - ax), k = c;
        }
      } else {
        k = static_cast<std::size_t>(std::clamp((ax - b.x0) / std::max(1e-6, b.width()) * t.size(), 0.0,
                                                static_cast<double>(t.size() - 1)));
      }
      t.insert(t.begin() + static_cast<std::ptrdiff_t>(k) + 1, CombiningFor(cps[0]));
      words[j].text = Utf8(t);
      if (!words[j].chars.empty()) words[j].chars.clear();  // boxes no longer match code points
      words[i].text.clear();
      break;
    }
  }
  words.erase(std::remove_if(words.begin(), words.end(), [](const Word& w) { return w.text.empty(); }),
              words.end());
}

// Groups tokens into lines: a token joins the line whose vertical centre is
// within 45% of the smaller height of its own and does not overlap a word
// already there. Lines come out top to bottom, words left to right.
std::vector<Line> BuildLines(std::vector<Tok> toks) {
  std::sort(toks.begin(), toks.end(), [](const Tok& a, const Tok& b) {
    const double ca = (a.box.y0 + a.box.y1) / 2, cb = (b.box.y0 + b.box.y1) / 2;
    if (ca != cb) return ca < cb;
    return a.box.x0 < b.box.x0;
  });
  std::vector<Line> lines;
  std::vector<double> centre, height;
  for (Tok& t : toks) {
    const double c = (t.box.y0 + t.box.y1) / 2, h = std::max(0.5, t.box.height());
    int best = -1;
    double best_d = 1e9;
    for (int li = static_cast<int>(lines.size()) - 1; li >= 0 && li >= static_cast<int>(lines.size()) - 6; --li) {
      const double d = std::fabs(centre[li] - c);
      if (d > 0.45 * std::min(h, height[li]) || d >= best_d) continue;
      bool clash = false;
      for (const Tok& o : lines[li].toks) {
        const double ov = std::min(o.box.x1, t.box.x1) - std::max(o.box.x0, t.box.x0);
        if (ov > 0.5 * std::min(o.box.width(), t.box.width()) && ov > 1.0) {
          clash = true;
          break;
        }
      }
      if (clash) continue;
      best = li;
      best_d = d;
    }
    if (best < 0) {
      lines.emplace_back();
      centre.push_back(c);
      height.push_back(h);
      best = static_cast<int>(lines.size()) - 1;
    } else if (!t.only_ticks()) {
      // Text words define the line's centre; tick glyphs (often taller) do not.
      std::size_t n = 0;
      for (const Tok& o : lines[best].toks) n += o.only_ticks() ? 0 : 1;
      if (n == 0) {
        centre[best] = c;
        height[best] = h;
      }
    }
    lines[best].toks.push_back(std::move(t));
  }
  for (Line& l : lines) {
    std::sort(l.toks.begin(), l.toks.end(), [](const Tok& a, const Tok& b) { return a.box.x0 < b.box.x0; });
    l.box = l.toks.front().box;
    std::map<long, double> size_weight;
    bool all_bold = true;
    bool any_text = false;
    for (const Tok& t : l.toks) {
      l.box = Union(l.box, t.box);
      if (t.only_ticks()) continue;
      any_text = true;
      size_weight[std::lround(t.size * 2)] += static_cast<double>(t.text.size());
      all_bold = all_bold && t.bold;
    }
    l.bold = any_text && all_bold;
    double best_w = -1;
    for (auto& [k, wgt] : size_weight) {
      if (wgt > best_w) best_w = wgt, l.size = k / 2.0;
    }
    if (l.size <= 0) l.size = l.toks.front().size;
    // Segments: split where the gap is wider than ~1 em (columns of a table,
    // separated items of a form line) — except in a justified line, where
    // every gap is wide and about the same (max ≤ 1.6 × min over ≥ 3 gaps).
    bool justified = false;
    if (l.toks.size() >= 4) {
      double gmin = 1e9, gmax = -1e9;
      for (std::size_t i = 1; i < l.toks.size(); ++i) {
        const double g = l.toks[i].box.x0 - l.toks[i - 1].box.x1;
        gmin = std::min(gmin, g);
        gmax = std::max(gmax, g);
      }
      justified = gmin > 0.2 * l.size && gmax <= 1.6 * gmin && gmax < 3.0 * l.size;
    }
    std::size_t start = 0;
    for (std::size_t i = 1; i <= l.toks.size(); ++i) {
      bool split = i == l.toks.size();
      if (!split && !justified) {
        const Tok& p = l.toks[i - 1];
        const Tok& n = l.toks[i];
        const double em = std::max(4.0, std::min(p.size, n.size));
        const double gap = n.box.x0 - p.box.x1;
        split = gap > 1.0 * em || (gap > 0.6 * em && (p.only_ticks() || n.only_ticks()));
      }
      if (split) {
        l.segs.emplace_back(start, i);
        start = i;
      }
    }
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.box.y0 < b.box.y0; });
  return lines;
}

// Appends tokens / lines as text, keeping tick offsets.
struct TextBuilder {
  std::string text;
  std::vector<Tick> ticks;
  std::string last_word;  // last whitespace-free word appended
  std::vector<Warning> warnings;  // of the tokens appended, each distinct one once

  void Append(const Tok& t) {
    const std::size_t base = text.size();
    text += t.text;
    for (const Warning& w : t.warnings) {
      bool seen = false;
      for (const Warning& v : warnings) seen = seen || (v.code == w.code && v.message == w.message);
      if (!seen) warnings.push_back(w);
    }
    for (const TickAt& k : t.ticks) {
      Tick tick;
      tick.offset = base + k.offset;
      tick.length = k.length;
      tick.checked = k.checked;
      tick.encoding = k.encoding;
      tick.confidence = k.confidence;
      tick.field_name = k.field_name;
      ticks.push_back(tick);
    }
    if (base == 0 || text[base - 1] == ' ') {
      last_word = t.text;
    } else {
      last_word += t.text;
    }
  }
  void Space() {
    if (!text.empty() && text.back() != ' ') text += ' ';
  }
  // Appends the tokens of one line segment range.
  void AppendRange(const std::vector<Tok>& toks, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      if (i > b) {
        const Tok& p = toks[i - 1];
        const double gap = toks[i].box.x0 - p.box.x1;
        if (p.space_after || gap > 0.18 * std::max(4.0, p.size)) Space();
      }
      Append(toks[i]);
    }
  }
  // Joins a following line starting with `first` (see DecideLineJoin).
  void LineBreak(const Tok& first, const Vocabulary& vocab) {
    if (text.empty()) return;
    std::string next = first.text;
    switch (DecideLineJoin(last_word, next, vocab)) {
      case LineJoin::kDropHyphen: {
        // Remove the trailing hyphen or soft hyphen.
        std::u32string lw = DecodeUtf8(last_word);
        const std::string tail = Utf8(lw.substr(lw.size() - 1));
        text.resize(text.size() - tail.size());
        last_word.resize(last_word.size() - tail.size());
        break;
      }
      case LineJoin::kKeepHyphen:
        break;
      case LineJoin::kSpace:
        Space();
        last_word.clear();
        break;
    }
  }
  Paragraph Finish() {
    Paragraph p;
    // Soft hyphens left inside words are invisible: drop them, fixing offsets.
    std::string out;
    std::vector<std::size_t> map(text.size() + 1, 0);
    for (std::size_t i = 0; i < text.size();) {
      map[i] = out.size();
      if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
          static_cast<unsigned char>(text[i + 1]) == 0xAD) {
        map[i + 1] = out.size();
        i += 2;
        continue;
      }
      out += text[i++];
    }
    map[text.size()] = out.size();
    while (!out.empty() && out.back() == ' ') out.pop_back();
    p.text = std::move(out);
    for (Tick t : ticks) {
      t.offset = map[t.offset];
      p.ticks.push_back(t);
    }
    return p;
  }
};

// ---- furniture -----------------------------------------------------------------

bool LooksLikeHeader(const Line& l);

std::string LineText(const Line& l) {
  TextBuilder b;
  for (std::size_t s = 0; s < l.segs.size(); ++s) {
    if (s > 0) b.Space();
    b.AppendRange(l.toks, l.segs[s].first, l.segs[s].second);
  }
  return b.Finish().text;
}

std::string FurnitureKey(const std::string& text) {
  std::string key;
  for (char c : FoldForMatch(text)) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else {
      key += c;
    }
  }
  return key;
}

// Levenshtein distance of two short keys, capped: returns cap + 1 as soon as
// the distance exceeds `cap`.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// A key's words sorted: OCR may read a footer's words out of order ("3 of 5
// Page" for "Page 3 of 5").
std::string SortedWords(const std::string& key) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < key.size()) {
    std::size_t sp = key.find(' ', at);
    if (sp == std::string::npos) sp = key.size();
    if (sp > at) words.push_back(key.substr(at, sp - at));
    at = sp + 1;
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// True when two furniture keys are one line as OCR reads it on different
// pages: the same words in another order, or a few characters apart ("page
// lof #" for "page # of #": a digit read as a letter and a space lost).
bool SameScannedKey(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.size() < 8 || b.size() < 8) return false;
  if (SortedWords(a) == SortedWords(b)) return true;
  const std::size_t cap = std::max<std::size_t>(2, std::min(a.size(), b.size()) / 6);
  return EditDistance(a, b, cap) <= cap;
}

bool IsPageNumberText(const std::string& text) {
  // "3", "- 3 -", "Page 3", "Page 3 of 5", "Página 2 de 4", "Page 1 sur 5", "3/5"
  const std::string k = FurnitureKey(text);
  static const char* const kForms[] = {"#", "# #", "page #", "page # of #", "page # sur #", "pagina #",
                                       "pagina # de #", "p #", "seite # von #", "page # de #", "pag #"};
  for (const char* f : kForms) {
    if (k == f) return true;
  }
  return false;
}

// The same for a line read by OCR: a page-number form in another word order
// or a few characters off ("3 of 5 Page", "Page lof 5", "Pagina 2 de4").
bool IsScannedPageNumberText(const std::string& text) {
  const std::string k = FurnitureKey(text);
  static const char* const kForms[] = {"page # of #", "page # sur #", "pagina # de #", "page # de #", "seite # von #"};
  for (const char* f : kForms) {
    if (SameScannedKey(k, f)) return true;
  }
  return IsPageNumberText(text);
}

// A table drawn with rules (a scan's grid, PageText::rules): grid rows and
// columns come from the rules, a missing rule between two grid cells merges
// them (col_span across, Cell::merged down), and each word goes to the cell
// under its centre.
struct RuledCell {
  int row = 0, column = 0, col_span = 1, row_span = 1;
  bool merged = false;  // continues the cell above: no rule between them
  std::vector<Tok> toks;
  std::vector<Line> lines;
};
struct RuledTable {
  Box box;  // reading frame
  int rows = 0, columns = 0;
  std::vector<RuledCell> cells;  // row-major, continuation cells included
};

struct PageLines {
  int number = 0;
  Frame frame;
  std::vector<Line> lines;
  std::vector<char> furniture;  // per line: 0 body, 'h' header, 'f' footer
  std::vector<RuledTable> ruled;  // top to bottom; their words are not in `lines`
};

// True when every figure of `text` is the page number `page` or the count
// of pages ("Report – page 3 of 5").
bool FiguresArePageNumber(const std::string& text, int page, int pages) {
  std::string cur;
  bool all = true, any = false;
  auto flush = [&] {
    if (cur.empty()) return;
    any = true;
    all = all && (cur == std::to_string(page) || cur == std::to_string(pages));
    cur.clear();
  };
  for (char c : text) {
    if (c >= '0' && c <= '9') cur += c;
    else flush();
  }
  flush();
  return any && all;
}

// True when line i of a page can be the header of a table repeated at the top
// of the page: it looks like a header row and is not a running header set
// apart — smaller than the body text and well above the next line (a
// running header whose dashes were dropped reads "Informe artículo 7 |
// Colombia | 2022", three short segments like a header row).
bool TableHeaderAtTop(const PageLines& p, std::size_t i, double body_size) {
  const Line& l = p.lines[i];
  if (!LooksLikeHeader(l)) return false;
  const bool small = body_size > 0 && l.size < 0.9 * body_size;
  const bool apart = i + 1 >= p.lines.size() || p.lines[i + 1].box.y0 - l.box.y1 > 2 * l.box.height();
  return !(small && apart);
}

void MarkFurniture(std::vector<PageLines>& pages, double body_size) {
  // Count, per zone, on how many pages each key occurs.
  std::unordered_map<std::string, std::unordered_set<int>> top, bottom;
  std::unordered_map<std::string, std::unordered_set<int>> exact;  // figures kept: "Number: 165"
  auto zone = [](const PageLines& p, const Line& l) -> char {
    const double h = p.frame.reading_height();
    if (h <= 0) return 0;
    if (l.box.y1 <= 0.12 * h) return 'h';
    if (l.box.y0 >= 0.88 * h) return 'f';
    return 0;
  };
  for (const PageLines& p : pages) {
    for (const Line& l : p.lines) {
      const char z = zone(p, l);
      if (z == 0) continue;
      const std::string key = FurnitureKey(LineText(l));
      if (key.empty()) continue;
      (z == 'h' ? top : bottom)[key].insert(p.number);
      exact[std::string(1, z) + FoldForMatch(LineText(l))].insert(p.number);
    }
  }
  for (PageLines& p : pages) {
    p.furniture.assign(p.lines.size(), 0);
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      const Line& l = p.lines[i];
      const char z = zone(p, l);
      if (z == 0 || TableHeaderAtTop(p, i, body_size)) continue;  // a repeated table header stays in the table
      if (i > 0 && TableHeaderAtTop(p, i - 1, body_size) && p.furniture[i - 1] == 0) continue;  // and its second line
      const std::string text = LineText(l);
      const std::string key = FurnitureKey(text);
      const auto& m = z == 'h' ? top : bottom;
      auto it = m.find(key);
      // A running header or footer is on most pages; a heading that happens
      // to open two pages of five ("Objectives for 2026") is not.
      const std::size_t most = std::max<std::size_t>(2, (pages.size() + 1) / 2);
      bool repeated = it != m.end() && it->second.size() >= most;
      // OCR reads a running header differently from page to page ("Informe
      // artículo 7" / "Informe artículo 7 Colombia 2022"): for scanned lines
      // a key that starts another page's key (or is started by it), at least
      // 12 characters long, counts as repeated.
      const bool scanned = !l.toks.empty() && l.toks.front().scanned;
      if (!repeated && scanned && key.size() >= 8) {
        std::unordered_set<int> seen = it != m.end() ? it->second : std::unordered_set<int>{};
        for (const auto& [other, on_pages] : m) {
          if (other == key || (on_pages.size() == 1 && on_pages.count(p.number) > 0)) continue;
          const bool prefix = key.size() >= 12 && other.size() >= 12 &&
                              (other.rfind(key, 0) == 0 || key.rfind(other, 0) == 0);
          if (prefix || SameScannedKey(key, other)) seen.insert(on_pages.begin(), on_pages.end());
        }
        repeated = seen.size() >= most;
      }
      // Content that happens to fall in the margin zone on several pages is
      // not furniture: a line with tick boxes ("☒ Yes ☐ No" at the foot of
      // a page), or one whose figures differ from page to page without being
      // the page number ("Number: 30012" / "Number: 165").
      const bool has_ticks = std::any_of(l.toks.begin(), l.toks.end(), [](const Tok& t) { return !t.ticks.empty(); });
      if (repeated && !scanned) {
        auto same = exact.find(std::string(1, z) + FoldForMatch(text));
        const bool verbatim = same != exact.end() && same->second.size() >= 2;
        if (has_ticks || (!verbatim && !FiguresArePageNumber(text, p.number, static_cast<int>(pages.size())))) repeated = false;
      }
      if (repeated || (scanned ? IsScannedPageNumberText(text) : IsPageNumberText(text))) p.furniture[i] = z;
      // OCR may split one footer into two lines of overlapping words ("3 of
      // 5" and "Page"): a scanned line and the next one in the same zone,
      // close below it, that together read as a page number are furniture.
      if (p.furniture[i] == 0 && scanned && i + 1 < p.lines.size() && zone(p, p.lines[i + 1]) == z) {
        const Line& n = p.lines[i + 1];
        const double h = std::max(l.box.height(), n.box.height());
        if (n.box.y0 - l.box.y1 < 0.5 * h && IsScannedPageNumberText(text + " " + LineText(n))) {
          p.furniture[i] = z;
          p.furniture[i + 1] = z;
          ++i;
        }
      }
    }
  }
}

// ---- regions (columns) -------------------------------------------------------

// Splits a line at x (segments left of x stay, the rest moves to `right`).
// Returns false when a segment straddles x.
bool SplitLineAt(const Line& l, double x, Line& left, Line& right) {
  left = Line{};
  right = Line{};
  for (std::size_t s = 0; s < l.segs.size(); ++s) {
    const Box b = l.SegBox(s);
    if (b.x0 < x && b.x1 > x) return false;
  }
  for (const Tok& t : l.toks) ((t.box.x1 <= x) ? left : right).toks.push_back(t);
  return true;
}

void FinishLine(Line& l) {
  // Recompute box, size, bold, segments of a line built from a subset of tokens.
  std::vector<Tok> toks = std::move(l.toks);
  std::vector<Line> rebuilt = BuildLines(std::move(toks));
  if (!rebuilt.empty()) l = std::move(rebuilt.front());
}

// A region is a list of lines in reading order with its x extent.
struct Region {
  std::vector<Line> lines;
};

// Finds a two-column gutter among `lines` (body lines of one page). Returns the
// gutter x or nothing. Criteria: the gutter lies in the middle 30–70% of the
// text's horizontal extent; at least 60% of the body lines (and ≥ 8) do not
// cross it; on both sides, most lines are prose (they fill ≥ 55% of their
// side's width), which tells two text columns from a form table; neither side
// is an answer column (lines with tick boxes).
std::optional<double> FindGutter(const std::vector<Line>& lines) {
  if (lines.size() < 8) return std::nullopt;
  double left = 1e9, right = -1e9;
  for (const Line& l : lines) left = std::min(left, l.box.x0), right = std::max(right, l.box.x1);
  const double width = right - left;
  if (width < 200) return std::nullopt;
  // Crossing count per candidate x (2 pt steps, at most 1,000 candidates on a
  // page of absurd size); the gutter is the middle of the widest run of
  // candidates with the fewest crossings.
  std::vector<std::pair<double, int>> scan;
  const double step = std::max(2.0, 0.4 * width / 1000);
  for (int k = 0; k <= 1000; ++k) {
    const double x = left + 0.3 * width + k * step;
    if (x > left + 0.7 * width) break;
    int cross = 0;
    for (const Line& l : lines) {
      for (std::size_t s = 0; s < l.segs.size(); ++s) {
        const Box b = l.SegBox(s);
        if (b.x0 < x && b.x1 > x) {
          ++cross;
          break;
        }
      }
    }
    scan.emplace_back(x, cross);
  }
  int best_cross = 1 << 30;
  for (const auto& [x, c] : scan) best_cross = std::min(best_cross, c);
  std::optional<double> best;
  double best_len = -1;
  for (std::size_t i = 0; i < scan.size();) {
    if (scan[i].second != best_cross) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < scan.size() && scan[j + 1].second == best_cross) ++j;
    if (scan[j].first - scan[i].first > best_len) {
      best_len = scan[j].first - scan[i].first;
      best = (scan[i].first + scan[j].first) / 2;
    }
    i = j + 1;
  }
  if (!best) return std::nullopt;
  const double x = *best;
  if (best_cross > static_cast<int>(0.4 * lines.size())) return std::nullopt;
  // Widen to the gutter's centre: the free band around x.
  int left_lines = 0, right_lines = 0, left_prose = 0, right_prose = 0, left_multi = 0, right_multi = 0;
  int left_ticks = 0, right_ticks = 0;
  double lmax = left, rmin = right;
  for (const Line& l : lines) {
    for (const Tok& t : l.toks) {
      if (t.box.x1 <= x) lmax = std::max(lmax, t.box.x1);
      if (t.box.x0 >= x) rmin = std::min(rmin, t.box.x0);
    }
  }
  const double lw = lmax - left, rw = right - rmin;
  if (lw <= 0 || rw <= 0 || rmin - lmax > 0.25 * width) return std::nullopt;
  for (const Line& l : lines) {
    Line a, b;
    if (!SplitLineAt(l, x, a, b)) continue;
    auto multi = [&](const std::vector<Tok>& t) {
      for (std::size_t k = 1; k < t.size(); ++k) {
        if (t[k].box.x0 - t[k - 1].box.x1 > 1.5 * std::max(4.0, t[k].size)) return true;
      }
      return false;
    };
    auto has_tick = [](const std::vector<Tok>& t) {
      return std::any_of(t.begin(), t.end(), [](const Tok& k) { return !k.ticks.empty(); });
    };
    if (!a.toks.empty()) {
      ++left_lines;
      const double w = a.toks.back().box.x1 - a.toks.front().box.x0;
      if (w >= 0.55 * lw) ++left_prose;
      if (multi(a.toks)) ++left_multi;
      if (has_tick(a.toks)) ++left_ticks;
    }
    if (!b.toks.empty()) {
      ++right_lines;
      const double w = b.toks.back().box.x1 - b.toks.front().box.x0;
      if (w >= 0.55 * rw) ++right_prose;
      if (multi(b.toks)) ++right_multi;
      if (has_tick(b.toks)) ++right_ticks;
    }
  }
  if (left_lines < 4 || right_lines < 4) return std::nullopt;
  // A side whose lines hold tick boxes is the answer column of a form
  // ("☒ Yes ☐ No" beside each question), not a column of text: each tick
  // belongs to the question on its own line, so the page is read across.
  if (left_ticks > 0.3 * left_lines || right_ticks > 0.3 * right_lines) return std::nullopt;
  if (left_prose < 0.6 * left_lines || right_prose < 0.6 * right_lines) return std::nullopt;
  // Text columns hold prose: few lines with inner wide gaps (a form table has
  // answers beside questions), and comparable amounts of text on both sides.
  if (left_multi > 0.2 * left_lines || right_multi > 0.2 * right_lines) return std::nullopt;
  if (std::min(left_lines, right_lines) < 0.35 * std::max(left_lines, right_lines)) return std::nullopt;
  return (lmax + rmin) / 2;
}

// Splits the body lines of a page into regions in reading order: full-width
// bands as they come, two-column bands left column then right column.
std::vector<Region> MakeRegions(std::vector<Line> lines) {
  std::vector<Region> out;
  auto gutter = FindGutter(lines);
  if (!gutter) {
    out.push_back(Region{std::move(lines)});
    return out;
  }
  const double x = *gutter;
  Region full, left, right;
  auto flush_cols = [&]() {
    if (!left.lines.empty()) out.push_back(std::move(left));
    if (!right.lines.empty()) out.push_back(std::move(right));
    left = Region{};
    right = Region{};
  };
  for (Line& l : lines) {
    Line a, b;
    if (!SplitLineAt(l, x, a, b)) {
      flush_cols();
      full.lines.push_back(std::move(l));
      continue;
    }
    if (!full.lines.empty()) {
      out.push_back(std::move(full));
      full = Region{};
    }
    if (!a.toks.empty()) {
      FinishLine(a);
      left.lines.push_back(std::move(a));
    }
    if (!b.toks.empty()) {
      FinishLine(b);
      right.lines.push_back(std::move(b));
    }
  }
  if (!full.lines.empty()) out.push_back(std::move(full));
  flush_cols();
  return out;
}

// ---- tables --------------------------------------------------------------------

struct Columns {
  std::vector<double> starts;   // header label x0 per column
  std::vector<double> bounds;   // bounds[k] = left edge of column k (k ≥ 1); bounds[0] = -inf
  std::vector<std::string> labels;
  double left = 0;              // table's left text edge
  double size = 10;             // body font size
  std::optional<double> centre0;  // centre of the first column's header label (a header table)
  int header_lines = 1;         // rows of the header band (2 with a sub-header, see AddSubHeader)
  double sub_header_y0 = -1;    // top of the sub-header line, which starts the band's second row
};

int ColumnOf(const Columns& c, double x0) {
  int k = 0;
  for (std::size_t i = 1; i < c.bounds.size(); ++i) {
    if (x0 >= c.bounds[i]) k = static_cast<int>(i);
  }
  return k;
}

Columns ColumnsFromHeader(const Line& header) {
  Columns c;
  c.size = header.size;
  c.left = header.box.x0;
  for (std::size_t s = 0; s < header.segs.size(); ++s) {
    const Box b = header.SegBox(s);
    c.starts.push_back(b.x0);
    c.labels.push_back(LineText([&] {
      Line l;
      l.toks.assign(header.toks.begin() + static_cast<std::ptrdiff_t>(header.segs[s].first),
                    header.toks.begin() + static_cast<std::ptrdiff_t>(header.segs[s].second));
      l.segs.emplace_back(0, l.toks.size());
      return l;
    }()));
    if (s == 0) {
      c.bounds.push_back(-1e9);
      c.centre0 = (b.x0 + b.x1) / 2;
    } else {
      const double prev_end = header.SegBox(s - 1).x1;
      c.bounds.push_back(b.x0 - std::min(0.5 * (b.x0 - prev_end), 1.2 * std::max(6.0, header.size)));
    }
  }
  return c;
}

// Column bounds from label boxes: column k starts a little left of its
// label, half the gap to the previous label's end at most 1.2 em.
void SetBounds(Columns& c, const std::vector<double>& ends) {
  c.bounds.clear();
  for (std::size_t k = 0; k < c.starts.size(); ++k) {
    if (k == 0) {
      c.bounds.push_back(-1e9);
    } else {
      c.bounds.push_back(c.starts[k] - std::min(0.5 * (c.starts[k] - ends[k - 1]), 1.2 * std::max(6.0, c.size)));
    }
  }
}

// A two-line header: "No. | Question | Answer | Comments" over a second line
// "Yes | No | Partially" that splits one label (a merged header cell over the
// option columns, as Word draws it). When `next` sits right under `header`,
// holds no box, has two or more short segments and leaves the first column
// empty, the label whose zone (from half-way to its left neighbour to
// half-way to its right one) holds two or more of its segments is replaced
// by them: the option columns become columns of their own, so a box centred
// under "Yes" lands in the "Yes" column, never in the question's.
// Returns true when `cols` changed (cols.header_lines becomes 2).
bool AddSubHeader(const Line& header, const Line& next, Columns& cols) {
  if (header.segs.size() != cols.starts.size() || next.segs.size() < 2) return false;
  if (next.box.y0 - header.box.y1 > 1.0 * std::max(header.size, next.size)) return false;
  for (const Tok& t : next.toks) {
    if (!t.ticks.empty()) return false;
  }
  for (std::size_t s = 0; s < next.segs.size(); ++s) {
    if (next.segs[s].second - next.segs[s].first > 4) return false;
  }
  // Labels, not a row: no figure or question number (a wrapped first label
  // such as the "º" of "N.º" may share the line).
  for (const Tok& t : next.toks) {
    for (char32_t c : DecodeUtf8(t.text)) {
      if (IsDigit(c)) return false;
    }
  }
  const std::size_t n = header.segs.size();
  std::vector<double> mids;  // mids[k]: boundary between label k and k+1
  for (std::size_t k = 0; k + 1 < n; ++k) mids.push_back(0.5 * (header.SegBox(k).x1 + header.SegBox(k + 1).x0));
  std::vector<std::vector<std::size_t>> in_zone(n);
  for (std::size_t s = 0; s < next.segs.size(); ++s) {
    const Box b = next.SegBox(s);
    const double cx = 0.5 * (b.x0 + b.x1);
    std::size_t k = 0;
    while (k < mids.size() && cx >= mids[k]) ++k;
    in_zone[k].push_back(s);
  }
  bool split = false;
  Columns out;
  out.size = cols.size;
  out.left = std::min(cols.left, next.box.x0);
  out.header_lines = 2;
  std::vector<double> ends;
  for (std::size_t k = 0; k < n; ++k) {
    if (in_zone[k].size() >= 2) {
      split = true;
      for (std::size_t s : in_zone[k]) {
        const Box b = next.SegBox(s);
        out.starts.push_back(b.x0);
        ends.push_back(b.x1);
        Line l;
        l.toks.assign(next.toks.begin() + static_cast<std::ptrdiff_t>(next.segs[s].first),
                      next.toks.begin() + static_cast<std::ptrdiff_t>(next.segs[s].second));
        l.segs.emplace_back(0, l.toks.size());
        out.labels.push_back(LineText(l));
      }
    } else {
      out.starts.push_back(cols.starts[k]);
      ends.push_back(header.SegBox(k).x1);
      out.labels.push_back(cols.labels[k]);
    }
  }
  if (!split) return false;
  out.sub_header_y0 = next.box.y0;
  SetBounds(out, ends);
  cols = std::move(out);
  return true;
}

bool LooksLikeHeader(const Line& l) {
  if (l.segs.size() < 3) return false;
  for (const Tok& t : l.toks) {
    if (!t.ticks.empty()) return false;
  }
  for (std::size_t s = 0; s < l.segs.size(); ++s) {
    if (l.segs[s].second - l.segs[s].first > 6) return false;
  }
  return true;
}

// A key/value table: ≥ 2 consecutive lines of exactly 2 segments whose starts
// line up (±3 pt), continuation lines starting at the value column allowed.
std::optional<Columns> KeyValueColumns(const std::vector<Line>& lines, std::size_t i) {
  const Line& l = lines[i];
  if (l.segs.size() != 2) return std::nullopt;
  const double k0 = l.SegBox(0).x0, v0 = l.SegBox(1).x0;
  if (v0 - l.SegBox(0).x1 < 1.5 * l.size) return std::nullopt;
  int pairs = 1;
  for (std::size_t j = i + 1; j < lines.size() && j < i + 40; ++j) {
    const Line& m = lines[j];
    if (m.segs.size() == 2 && std::fabs(m.SegBox(0).x0 - k0) < 3 && std::fabs(m.SegBox(1).x0 - v0) < 3) {
      ++pairs;
    } else if (m.segs.size() == 1 && (std::fabs(m.SegBox(0).x0 - v0) < 3 || std::fabs(m.SegBox(0).x0 - k0) < 3) &&
               m.box.y0 - lines[j - 1].box.y1 < 0.8 * m.size) {
      continue;
    } else {
      break;
    }
  }
  if (pairs < 2) return std::nullopt;
  Columns c;
  c.size = l.size;
  c.left = k0;
  c.starts = {k0, v0};
  c.bounds = {-1e9, v0 - 0.5 * l.size};
  return c;
}

// True when lines[i], met while a table is being extended, is the body text
// that follows the table rather than one of its rows (Word memos set a small
// table between paragraphs and lettered lists with the same leading and
// spacing as its rows). Only a line that is one run of text starting in the
// first column can be (a line with text in two columns is a row), and only
// when it lines up with neither the table's left edge nor, for a header
// table, the first label's centre (a centred column), within 1 em. Then it is
//   - a line running across the first column gutter, after a gap wider than
//     `row_gap` or after a line that does not: a table's text wraps inside
//     its cell, and a row spanning the columns starts at the cell's edge (its
//     wrapped lines, even under a hanging indent, follow a spanning line);
//   - a line after a gap wider than `row_gap` that lines up with no first-
//     column text of the table either (`lefts`: line starts taken so far),
//     or that follows a gap wider than the table's row spacing by ½ em
//     (`row_pitch_gap`: the widest gap between rows so far, negative until
//     two have been seen), followed by such gutter-crossing lines:
//     "Objectives:" before a lettered list. An indented sub-item inside a
//     first-column cell ("a) health" under "Does the plan cover:") wraps
//     inside its cell.
//   - at the table's edge too, a line after a gap wider than `row_gap` that
//     starts a run of first-column lines (up to 6, to the next header-like
//     line) where two consecutive lines at the leading both cross the gutter
//     — a paragraph wrapping across the table's width — and no line puts
//     text in two columns: a spanning row (section title, instructions) is
//     followed by rows again.
// A wrapped line indented under a list number ("1." hanging indent) follows at
// the leading and stays in its row.
bool LeavesTable(const std::vector<Line>& lines, std::size_t i, const Columns& cols, const std::vector<double>& lefts,
                 double row_gap, double row_pitch_gap) {
  if (cols.bounds.size() < 2 || i == 0) return false;
  const double em = std::max(6.0, cols.size);
  // First-column text only ("3." and its text may be two segments), starting
  // at none of `anchors`.
  auto off = [&](const Line& l, const std::vector<double>& anchors) {
    for (std::size_t g = 0; g < l.segs.size(); ++g) {
      if (ColumnOf(cols, l.SegBox(g).x0) != 0) return false;
    }
    const Box b = l.SegBox(0);
    for (double x : anchors) {
      if (std::fabs(b.x0 - x) <= em) return false;
    }
    return !(cols.centre0 && std::fabs((b.x0 + b.x1) / 2 - *cols.centre0) <= em);
  };
  // Its text (all of it in the first column's run) goes past the first gutter.
  auto crosses = [&](const Line& l) {
    return l.box.x1 > cols.bounds[1] + em && ColumnOf(cols, l.SegBox(l.segs.size() - 1).x0) == 0;
  };
  const std::vector<double> edge{cols.left};
  const Line& l = lines[i];
  const double gap = l.box.y0 - lines[i - 1].box.y1;
  const bool new_band = gap > row_gap;
  if (off(l, edge) && crosses(l) && (new_band || !crosses(lines[i - 1]))) return true;
  if (!new_band) return false;
  const bool wider_than_rows = row_pitch_gap >= 0 && gap > row_pitch_gap + 0.5 * em;
  if (off(l, lefts) || (wider_than_rows && off(l, {}))) {
    for (std::size_t j = i + 1; j < lines.size() && j <= i + 4 && off(lines[j], edge); ++j) {
      if (crosses(lines[j])) return true;
    }
  }
  bool paragraph = false;
  for (std::size_t j = i; j < lines.size() && j <= i + 6; ++j) {
    const Line& m = lines[j];
    if (j > i && LooksLikeHeader(m)) break;
    for (std::size_t g = 0; g < m.segs.size(); ++g) {
      if (ColumnOf(cols, m.SegBox(g).x0) != 0) return false;  // a row again
    }
    if (j > i && crosses(m) && crosses(lines[j - 1]) && m.box.y0 - lines[j - 1].box.y1 <= row_gap) paragraph = true;
  }
  return paragraph;
}

// `l` with its segments also split where a word starts at a column's label
// start (within 1.5 pt) after a gap wider than half an em, the word before it
// starting in an earlier column: a right-aligned figure and the left-aligned text
// of the next column ("58 National database" under "Male | Source") can sit
// closer than the 1 em that separates segments. A space (about ¼ em) never
// splits, so a sentence spanning the columns stays whole.
Line SplitAtColumnStarts(const Line& l, const Columns& cols) {
  Line out = l;
  out.segs.clear();
  const double em = std::max(6.0, cols.size);
  for (const auto& [b, e] : l.segs) {
    std::size_t start = b;
    for (std::size_t t = b + 1; t < e; ++t) {
      const Box& box = l.toks[t].box;
      if (box.x0 - l.toks[t - 1].box.x1 <= 0.5 * em) continue;
      for (std::size_t k = 1; k < cols.starts.size(); ++k) {
        if (std::fabs(box.x0 - cols.starts[k]) <= 1.5 && l.toks[t - 1].box.x0 < cols.bounds[k]) {
          out.segs.emplace_back(start, t);
          start = t;
          break;
        }
      }
    }
    out.segs.emplace_back(start, e);
  }
  return out;
}

struct TableBuild {
  Table table;
  Box box;
  std::size_t end = 0;  // first line index after the table
};

// Builds a table from lines[first..] with `cols`; `has_header` when
// lines[first] is the header line. Returns nothing when fewer than two rows.
std::optional<TableBuild> BuildTable(const std::vector<Line>& lines, std::size_t first, const Columns& cols,
                                     bool has_header, bool key_value, const Vocabulary& vocab, double line_gap,
                                     bool continuation = false) {
  const double tol = std::max(2.0, 0.25 * cols.size);
  const double line_h = cols.size * 1.3;
  // A new row starts where the gap exceeds the document's leading by ~¼ em
  // (cell padding and borders).
  const double row_gap = line_gap + std::max(2.0, 0.25 * cols.size);
  // 1. Which lines belong to the table.
  std::vector<double> lefts{cols.left};  // where first-column text starts
  auto note_left = [&](const Line& l) {
    if (!l.segs.empty() && ColumnOf(cols, l.SegBox(0).x0) == 0) lefts.push_back(l.SegBox(0).x0);
  };
  note_left(lines[first]);
  double row_pitch_gap = -1;  // the widest gap between rows so far, once two are seen
  int row_gaps = 0;
  double widest = 0;
  std::size_t end = first + 1;
  for (; end < lines.size(); ++end) {
    const Line& l = lines[end];
    const Line& prev = lines[end - 1];
    const double gap = l.box.y0 - prev.box.y1;
    if (l.box.x0 < cols.left - tol) break;                       // outdented
    if (gap > 1.5 * line_h) break;                               // a wide gap
    if (!key_value && LeavesTable(lines, end, cols, lefts, row_gap, row_pitch_gap)) break;  // the text after it
    const bool typed_x = l.toks.size() == 1 && (l.toks[0].text == "x" || l.toks[0].text == "X");
    if (l.size > cols.size * 1.08 && l.bold && l.segs.size() == 1 && !typed_x) break;  // a heading
    if (BulletLabel(DecodeUtf8(l.toks.front().text)) && l.toks.size() > 1 && l.segs.size() == 1 &&
        l.toks[1].box.x0 - l.toks[0].box.x1 > 0.4 * l.size) {
      break;  // a bulleted list after the table
    }
    if (key_value) {
      // Key/value: every line must start at the key or the value column.
      const double x = l.SegBox(0).x0;
      if (std::fabs(x - cols.starts[0]) > 3 && std::fabs(x - cols.starts[1]) > 3) break;
      if (l.segs.size() > 2) break;
      // A full-width line starting at the key column is the paragraph after the table.
      if (l.segs.size() == 1 && std::fabs(x - cols.starts[0]) <= 3 && l.box.x1 > cols.starts[1] + cols.size) break;
    }
    note_left(l);
    if (gap > row_gap && !(has_header && end == first + 1)) {
      widest = std::max(widest, gap);
      if (++row_gaps >= 2) row_pitch_gap = widest;
    }
  }
  if (end - first < 2 && !continuation) return std::nullopt;
  // 2. Rows: bands of lines separated by gaps wider than in-cell line spacing
  // (row_gap).
  std::vector<std::vector<std::size_t>> rows;
  std::string last_col0;  // text of the current row's first column so far
  std::vector<int> row_number;  // the question number the current row starts with, if any
  for (std::size_t i = first; i < end; ++i) {
    const Line& l = lines[i];
    bool new_row = rows.empty();
    if (!new_row) {
      double prev_bottom = -1e9;
      for (std::size_t j : rows.back()) prev_bottom = std::max(prev_bottom, lines[j].box.y1);
      const double gap = l.box.y0 - prev_bottom;
      if (gap > row_gap) new_row = true;
      if (has_header && rows.size() == 1) new_row = new_row || gap > 0.5;  // header band is the header line(s)
      if (has_header && rows.size() == 1 && cols.header_lines == 2 && std::fabs(l.box.y0 - cols.sub_header_y0) < 0.5) {
        new_row = true;  // the option labels under a merged header cell: a header row of their own
      }
    }
    const bool has_col0 = !l.segs.empty() && ColumnOf(cols, l.SegBox(0).x0) == 0;
    // In a key/value table a row starts with its key; value-only lines continue it.
    if (key_value && !rows.empty()) new_row = has_col0;
    if (!new_row && has_col0) {
      // A new question after one ending with '?' starts a new row; in a
      // key/value table each line with a key does.
      const std::u32string first_word = DecodeUtf8(l.toks.front().text);
      if (!last_col0.empty() && last_col0.back() == '?' && !first_word.empty() && IsUpper(first_word[0])) {
        new_row = true;
      }
      if (key_value && l.segs.size() == 2) new_row = true;
      // In a numbered table, a first-column line that starts with the next
      // question number ("2.3 Have …") starts a row even when the form left
      // no more space between the rows than between wrapped lines.
      if (FollowsQuestion(row_number, QuestionNumber(first_word))) new_row = true;
    }
    if (new_row) {
      rows.emplace_back();
      last_col0.clear();
      row_number = has_col0 ? QuestionNumber(DecodeUtf8(l.toks.front().text)) : std::vector<int>{};
    }
    rows.back().push_back(i);
    if (has_col0) {
      const Box b = l.SegBox(0);
      (void)b;
      last_col0 = Trim(LineText([&] {
        Line x;
        x.toks.assign(l.toks.begin(), l.toks.begin() + static_cast<std::ptrdiff_t>(l.segs[0].second));
        x.segs.emplace_back(0, x.toks.size());
        return x;
      }()));
    }
  }
  // 3. Cells.
  const int ncols = static_cast<int>(cols.starts.size());
  TableBuild out;
  out.table.columns = ncols;
  out.box = lines[first].box;
  for (std::size_t i = first; i < end; ++i) out.box = Union(out.box, lines[i].box);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<TextBuilder> text(static_cast<std::size_t>(ncols));
    std::vector<int> span(static_cast<std::size_t>(ncols), 1);
    std::vector<bool> used(static_cast<std::size_t>(ncols), false);
    std::vector<std::optional<Box>> cell_box(static_cast<std::size_t>(ncols));
    std::size_t segments = 0;
    int single_col = -1;
    for (std::size_t li : rows[r]) {
      const Line l = SplitAtColumnStarts(lines[li], cols);
      int prev_k = -1;
      for (std::size_t s = 0; s < l.segs.size(); ++s) {
        const Box b = l.SegBox(s);
        // Ticks are centred in their column: place them by their centre.
        const bool tick_only = std::all_of(l.toks.begin() + static_cast<std::ptrdiff_t>(l.segs[s].first),
                                           l.toks.begin() + static_cast<std::ptrdiff_t>(l.segs[s].second),
                                           [](const Tok& t) { return t.only_ticks(); });
        int k = ColumnOf(cols, tick_only ? (b.x0 + b.x1) / 2 : b.x0 + 0.5);
        // Separate segments of one line are in separate cells, left to right
        // (a centred answer may start left of its centred column label).
        if (k <= prev_k && prev_k + 1 < ncols &&
            (b.x0 + b.x1) / 2 >= cols.bounds[static_cast<std::size_t>(prev_k + 1)]) {
          k = prev_k + 1;
        }
        prev_k = k;
        int sp = 1;
        for (int j = k + 1; j < ncols; ++j) {
          if (b.x1 > cols.bounds[static_cast<std::size_t>(j)] + 0.8 * cols.size) sp = j - k + 1;
        }
        auto& tb = text[static_cast<std::size_t>(k)];
        if (!tb.text.empty()) {
          if (used[static_cast<std::size_t>(k)] && cell_box[static_cast<std::size_t>(k)] &&
              b.y0 < cell_box[static_cast<std::size_t>(k)]->y1 - 0.3 * cols.size) {
            tb.Space();  // same line, further along
          } else {
            tb.LineBreak(l.toks[l.segs[s].first], vocab);
          }
        }
        tb.AppendRange(l.toks, l.segs[s].first, l.segs[s].second);
        used[static_cast<std::size_t>(k)] = true;
        span[static_cast<std::size_t>(k)] = std::max(span[static_cast<std::size_t>(k)], sp);
        cell_box[static_cast<std::size_t>(k)] =
            cell_box[static_cast<std::size_t>(k)] ? Union(*cell_box[static_cast<std::size_t>(k)], b) : b;
        ++segments;
        single_col = k;
      }
    }
    Row row;
    // The header band; with a sub-header, the band's next row too when it
    // holds no box and no first-column text (the option labels' row).
    row.header = has_header && (r == 0 || (static_cast<int>(r) < cols.header_lines &&
                                           std::none_of(rows[r].begin(), rows[r].end(), [&](std::size_t li) {
                                             const Line& l = lines[li];
                                             return ColumnOf(cols, l.SegBox(0).x0) == 0 ||
                                                    std::any_of(l.toks.begin(), l.toks.end(),
                                                                [](const Tok& t) { return !t.ticks.empty(); });
                                           })));
    const bool spanning = segments > 0 && std::count(used.begin(), used.end(), true) == 1 && single_col == 0 &&
                          span[0] > 1 && ncols > 2;
    for (int k = 0; k < ncols;) {
      Cell cell;
      cell.column = k;
      cell.col_span = spanning ? ncols : std::min(span[static_cast<std::size_t>(k)], ncols - k);
      if (used[static_cast<std::size_t>(k)]) {
        Paragraph p = text[static_cast<std::size_t>(k)].Finish();
        // A typed "X" alone in an option column (a header label over it) is a tick.
        if (!row.header && k > 0 && p.ticks.empty() && (p.text == "X" || p.text == "x") && !key_value) {
          Tick t;
          t.offset = 0;
          t.length = 1;
          t.checked = true;
          t.encoding = TickEncoding::kTypedX;
          t.confidence = 0.9;
          p.ticks.push_back(t);
        }
        Block b = Block::MakeParagraph(std::move(p));
        b.warnings = std::move(text[static_cast<std::size_t>(k)].warnings);
        b.where.box = cell_box[static_cast<std::size_t>(k)];
        cell.blocks.push_back(std::move(b));
      }
      // Columns covered by the span are skipped (their content, if any, joins
      // nothing: spans only come from text that overflows empty neighbours).
      int next = k + cell.col_span;
      for (int j = k + 1; j < next && j < ncols; ++j) {
        if (used[static_cast<std::size_t>(j)]) {
          next = j;
          cell.col_span = j - k;
          break;
        }
      }
      row.cells.push_back(std::move(cell));
      k = next;
    }
    out.table.rows.push_back(std::move(row));
  }
  // A "table" whose only content is its header and one row of plain text is
  // just a wide line; require some structure.
  int multi = 0;
  for (const Row& row : out.table.rows) {
    int filled = 0;
    for (const Cell& c : row.cells) filled += c.blocks.empty() ? 0 : 1;
    multi += filled >= 2 ? 1 : 0;
  }
  if (!continuation && (out.table.rows.size() < 2 || multi < 2)) return std::nullopt;
  out.end = end;
  return out;
}

// ---- paragraphs ------------------------------------------------------------------

struct DocStats {
  double body_size = 10;
  double line_gap = 0.5;  // most common gap between consecutive lines of one size (the leading)
  std::vector<double> heading_sizes;  // distinct sizes larger than body, descending
  Vocabulary vocab;
};

// A bullet as OCR reads it: Tesseract has no bullet glyphs and reads "•",
// "▪", "➢" as "e", "o", "«", "°", "+", "©" and the like. Taken for a bullet
// only at the start of a line, as its own word, followed by a gap wider than
// a space (0.5 em; letters that are words — "e", "o" — need 0.8 em).
std::optional<std::string> OcrBulletLabel(const Tok& t, const Tok& next) {
  static const std::u32string_view kSymbols[] = {U"+", U"+.", U"«", U"»", U"°", U"©", U"®", U"¢", U"*", U"·",
                                                 U"•", U"-", U"—", U"–", U"~", U">", U"»>", U"¥", U"§", U"@"};
  static const std::u32string_view kLetters[] = {U"e", U"o", U"O", U"e.", U"o.", U"eo", U"oe", U"°e", U"e°", U"«e", U"e¢", U"¢e", U"e«", U"o¢"};
  const std::u32string w = DecodeUtf8(t.text);
  const double gap = next.box.x0 - t.box.x1;
  const double em = std::max(4.0, t.size);
  for (std::u32string_view k : kSymbols) {
    if (w == k && gap > 0.5 * em) return std::string("•");
  }
  for (std::u32string_view k : kLetters) {
    if (w == k && gap > 0.8 * em) return std::string("•");
  }
  return std::nullopt;
}

// "1." "2)" "a)" "iv." "(3)" — a list number standing alone before the item text.
bool IsListNumber(std::string_view w) {
  const std::u32string u = DecodeUtf8(w);
  if (u.size() < 2 || u.size() > 5) return false;
  const char32_t last = u.back();
  if (last != '.' && last != ')') return false;
  std::u32string core = u.substr(0, u.size() - 1);
  if (!core.empty() && core.front() == '(' && last == ')') core = core.substr(1);
  if (core.empty()) return false;
  if (std::all_of(core.begin(), core.end(), IsDigit)) return true;
  if (core.size() == 1 && IsLower(core[0])) return true;
  return std::all_of(core.begin(), core.end(), [](char32_t c) { return c == 'i' || c == 'v' || c == 'x'; });
}

int HeadingLevel(const Line& first, const std::string& text, const DocStats& st) {
  const std::u32string t = DecodeUtf8(text);
  std::size_t words = 1;
  for (char32_t c : t) words += c == ' ' ? 1 : 0;
  if (words > 25 || t.empty()) return 0;
  if (t.back() == '.' && words > 12) return 0;
  // OCR sizes come from ink heights and are noisy: a scanned sentence
  // (ending with '.', ',' or ';') is never taken for a heading by its size.
  if (first.toks.front().scanned && (t.back() == '.' || t.back() == ',' || t.back() == ';') && words > 3) return 0;
  int level = 0;
  if (first.size >= st.body_size * 1.15) {
    level = 1;
    for (double s : st.heading_sizes) {
      if (first.size < s - 0.25) ++level;
    }
  } else if (first.bold && first.size >= st.body_size - 0.6) {
    level = static_cast<int>(st.heading_sizes.size()) + 1;
  } else {
    return 0;
  }
  // Numbering "2." / "2.3" / "2.3.1" deepens the level.
  int depth = 0;
  std::size_t i = 0;
  while (i < t.size() && IsDigit(t[i])) {
    while (i < t.size() && IsDigit(t[i])) ++i;
    ++depth;
    if (i < t.size() && t[i] == '.') ++i;
    else break;
  }
  if (depth >= 2) level = std::max(level, depth);
  return std::clamp(level, 1, 9);
}

void EmitParagraphs(const std::vector<Line>& lines, std::size_t b, std::size_t e, int page, const Frame& frame,
                    const DocStats& st, std::vector<Block>& out) {
  if (b >= e) return;
  double left = 1e9, right = -1e9;
  for (std::size_t i = b; i < e; ++i) left = std::min(left, lines[i].box.x0), right = std::max(right, lines[i].box.x1);
  const double width = right - left;
  TextBuilder tb;
  std::optional<Box> box;
  const Line* first = nullptr;
  std::string label;
  double text_x0 = 0;
  auto flush = [&]() {
    if (first == nullptr) return;
    Paragraph p = tb.Finish();
    if (!p.text.empty() || !p.ticks.empty()) {
      if (label.empty()) {
        p.heading_level = HeadingLevel(*first, p.text, st);
      } else {
        p.list_level = 0;
        p.list_label = label;
      }
      Block blk = Block::MakeParagraph(std::move(p));
      blk.warnings = std::move(tb.warnings);
      blk.where.page = page;
      blk.where.box = frame.ToDisplay(*box);
      out.push_back(std::move(blk));
    }
    tb = TextBuilder{};
    box.reset();
    first = nullptr;
    label.clear();
  };
  for (std::size_t i = b; i < e; ++i) {
    const Line& l = lines[i];
    // Bullet at line start: a bullet glyph as its own word (or glued to the text).
    std::optional<std::string> bullet;
    std::size_t skip = 0;
    if (l.toks.size() > 1) {
      bullet = BulletLabel(DecodeUtf8(l.toks[0].text));
      if (!bullet && l.toks[0].scanned) bullet = OcrBulletLabel(l.toks[0], l.toks[1]);
      if (!bullet && !l.bold && l.size < st.body_size * 1.15 && IsListNumber(l.toks[0].text) &&
          l.toks[1].box.x0 - l.toks[0].box.x1 > 0.3 * l.size) {
        bullet = l.toks[0].text;
      }
      if (bullet && (*bullet == "-" || *bullet == "*") && l.toks[1].box.x0 - l.toks[0].box.x1 < 0.3 * l.size) {
        bullet.reset();  // "-5" or "-word": not a bullet
      }
      if (bullet) skip = 1;
    }
    bool new_para = first == nullptr || bullet.has_value();
    if (!new_para) {
      const Line& prev = lines[i - 1];
      const double gap = l.box.y0 - prev.box.y1;
      const double em = std::max(4.0, std::min(l.size, prev.size));
      if (gap > 0.55 * em) new_para = true;
      // OCR sizes come from ink heights, a point apart from line to line: a
      // scanned line that plainly goes on with the sentence above (no stop
      // at the end of that line, a lower-case start) may differ by more.
      const char prev_end = tb.last_word.empty() ? ' ' : tb.last_word.back();
      const char32_t next_start = DecodeUtf8(l.toks.front().text).empty() ? U' ' : DecodeUtf8(l.toks.front().text)[0];
      const bool in_item = !label.empty() && std::fabs(l.box.x0 - text_x0) < 0.8 * em;  // aligned with the item's text
      const bool goes_on = l.toks.front().scanned && prev.toks.front().scanned && (IsLower(next_start) || in_item) &&
                           prev_end != '.' && prev_end != ':' && prev_end != '?' && prev_end != '!';
      if (std::fabs(l.size - prev.size) > (goes_on ? 1.6 : 0.9) || l.bold != prev.bold) new_para = true;
      // Previous line short and ending a sentence → paragraph ended.
      const std::string& lw = tb.last_word;
      const char end = lw.empty() ? ' ' : lw.back();
      if (prev.box.x1 < right - 0.25 * width && (end == '.' || end == ':' || end == '?' || end == '!')) new_para = true;
      // Indented first line of a new paragraph (not a list continuation).
      const bool centred = std::fabs((l.box.x0 + l.box.x1) - (prev.box.x0 + prev.box.x1)) < 0.1 * width &&
                           prev.box.x0 > left + 1.5 * em;
      if (label.empty() && !centred && l.box.x0 > left + 1.5 * em && l.box.x0 > text_x0 + 1.5 * em) new_para = true;
      // List item continuation: the line must align with the item's text.
      if (!label.empty() && l.box.x0 < text_x0 - 0.8 * em) new_para = true;
    }
    if (new_para) {
      flush();
      first = &l;
      if (bullet) label = *bullet;
      text_x0 = l.toks[skip].box.x0;
      box = l.box;
    } else {
      tb.LineBreak(l.toks[skip], st.vocab);
      box = Union(*box, l.box);
    }
    for (std::size_t s = 0; s < l.segs.size(); ++s) {
      const std::size_t sb = std::max(l.segs[s].first, skip);
      if (sb >= l.segs[s].second) continue;
      if (sb > skip) tb.Space();
      tb.AppendRange(l.toks, sb, l.segs[s].second);
    }
  }
  flush();
}

// A table that ran to the bottom of its page: the next page may continue it
// without repeating its header.
struct OpenTable {
  Columns cols;
  bool key_value = false;
  std::size_t block = 0;  // index of its Table block in the output
};

// True when `l` can be a row line of a table with `cols` (starts at the
// table's left edge, or puts text in two or more columns).
bool FitsColumns(const Line& l, const Columns& cols) {
  if (l.segs.empty()) return false;
  const double tol = std::max(2.0, 0.25 * cols.size);
  if (l.box.x0 < cols.left - tol) return false;
  if (std::fabs(l.SegBox(0).x0 - cols.left) <= 3 + tol) return true;
  std::unordered_set<int> used;
  for (std::size_t s = 0; s < l.segs.size(); ++s) used.insert(ColumnOf(cols, l.SegBox(s).x0));
  return used.size() >= 2;
}

// Moves a first row that continues the previous page's last question (its
// first-column text starts lower-case: the question's sentence goes on) into
// that row: the first column's text joins the question's, and what the other
// columns hold (the rest of the answer boxes, remarks) goes under the same
// columns of that row.
void MergeContinuationRow(Table& prev, Table& next, const Vocabulary& vocab) {
  // Past the header the continued table repeats (w:tblHeader rows printed on
  // each page).
  auto first_it = std::find_if(next.rows.begin(), next.rows.end(), [](const Row& r) { return !r.header; });
  if (first_it == next.rows.end() || prev.rows.empty()) return;
  Row& first = *first_it;
  // The continued text is in the row's first filled cell: the question's
  // column (column 0, or the next one when a numbered grid leaves the number
  // cell empty on the continuation line).
  auto lead_it = std::find_if(first.cells.begin(), first.cells.end(), [](const Cell& c) { return !c.blocks.empty(); });
  if (lead_it == first.cells.end() || lead_it->column > 1) return;
  const Block& lead = lead_it->blocks.front();
  if (lead.kind != BlockKind::kParagraph || !lead.paragraph.ticks.empty()) return;
  const std::string& t = lead.paragraph.text;
  const std::u32string u = DecodeUtf8(t);
  // The first letter, past an opening bracket or quote ("(cumulative)").
  const auto letter = std::find_if(u.begin(), u.end(), [](char32_t c) {
    return c != '(' && c != '[' && c != '"' && c != 0x201C && c != 0xAB && c != '\'';
  });
  if (letter == u.end() || !IsLower(*letter)) return;
  Row& last = prev.rows.back();
  if (last.header) return;
  auto into_it = std::find_if(last.cells.begin(), last.cells.end(),
                              [&](const Cell& c) { return c.column == lead_it->column && !c.blocks.empty(); });
  if (into_it == last.cells.end()) return;
  Block& into = into_it->blocks.back();
  if (into.kind != BlockKind::kParagraph) return;
  Paragraph& p = into.paragraph;
  std::string lw = p.text.substr(p.text.rfind(' ') == std::string::npos ? 0 : p.text.rfind(' ') + 1);
  const std::string first_word = t.substr(0, t.find(' '));
  switch (DecideLineJoin(lw, first_word, vocab)) {
    case LineJoin::kDropHyphen: p.text.pop_back(); break;
    case LineJoin::kKeepHyphen: break;
    case LineJoin::kSpace: p.text += ' '; break;
  }
  p.text += t;
  // The rest of the lead cell, then the other columns, cell by cell.
  Cell& lead_cell = *lead_it;
  for (std::size_t b = 1; b < lead_cell.blocks.size(); ++b) into_it->blocks.push_back(std::move(lead_cell.blocks[b]));
  lead_cell.blocks.clear();
  for (std::size_t c = 0; c < first.cells.size(); ++c) {
    Cell& from = first.cells[c];
    if (from.blocks.empty()) continue;
    auto to = std::find_if(last.cells.begin(), last.cells.end(), [&](const Cell& x) { return x.column == from.column; });
    if (to == last.cells.end()) {
      last.cells.push_back(std::move(from));
      std::sort(last.cells.begin(), last.cells.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
    } else {
      for (Block& b : from.blocks) to->blocks.push_back(std::move(b));
    }
  }
  next.rows.erase(first_it);
}

// True when a header line's columns are those of the table left open on the
// previous page: the same labels' starts within a few points.
bool SameColumns(const Columns& a, const Columns& b) {
  if (a.starts.size() != b.starts.size()) return false;
  for (std::size_t k = 0; k < a.starts.size(); ++k) {
    if (std::fabs(a.starts[k] - b.starts[k]) > 6) return false;
  }
  return a.labels == b.labels;
}

// Lays out one region: tables where found, paragraphs elsewhere. `open` is the
// table left open at the end of the previous page (used only at the start of
// a page's first region) and is set when a table reaches the region's end.
void LayoutRegion(const std::vector<Line>& lines, int page, const Frame& frame, const DocStats& st,
                  std::vector<Block>& out, std::optional<OpenTable>& open) {
  std::size_t para_start = 0;
  std::optional<OpenTable> carried = std::move(open);
  open.reset();
  for (std::size_t i = 0; i < lines.size();) {
    std::optional<TableBuild> tb;
    bool key_value = false;
    Columns used_cols;
    if (i == 0 && carried && !LooksLikeHeader(lines[0]) && FitsColumns(lines[0], carried->cols)) {
      tb = BuildTable(lines, 0, carried->cols, false, carried->key_value, st.vocab, st.line_gap, true);
      if (tb) {
        used_cols = carried->cols;
        key_value = carried->key_value;
        if (carried->block < out.size() && out[carried->block].table) {
          MergeContinuationRow(*out[carried->block].table, tb->table, st.vocab);
        }
        if (tb->table.rows.empty()) {
          i = tb->end;
          para_start = i;
          if (i == lines.size()) open = carried;
          continue;
        }
      }
    }
    if (!tb && LooksLikeHeader(lines[i])) {
      used_cols = ColumnsFromHeader(lines[i]);
      // The option labels' line may come after a wrapped label's own short
      // line (the "º" of "N.º").
      if (i + 1 < lines.size() && !AddSubHeader(lines[i], lines[i + 1], used_cols) && i + 2 < lines.size() &&
          lines[i + 1].segs.size() == 1 && lines[i + 1].toks.size() <= 2) {
        AddSubHeader(lines[i], lines[i + 2], used_cols);
      }
      tb = BuildTable(lines, i, used_cols, true, false, st.vocab, st.line_gap);
      // The table of the previous page going on under its repeated header.
      if (tb && i == 0 && carried && !carried->key_value && SameColumns(used_cols, carried->cols) &&
          carried->block < out.size() && out[carried->block].table) {
        MergeContinuationRow(*out[carried->block].table, tb->table, st.vocab);
        // Nothing left but the repeated header: the page holds no new rows.
        if (std::all_of(tb->table.rows.begin(), tb->table.rows.end(), [](const Row& r) { return r.header; })) {
          EmitParagraphs(lines, para_start, i, page, frame, st, out);
          i = tb->end;
          para_start = i;
          if (i == lines.size()) open = carried;
          continue;
        }
      }
    }
    if (!tb) {
      if (auto kv = KeyValueColumns(lines, i)) {
        used_cols = *kv;
        key_value = true;
        tb = BuildTable(lines, i, *kv, false, true, st.vocab, st.line_gap);
      }
    }
    if (!tb) {
      ++i;
      continue;
    }
    EmitParagraphs(lines, para_start, i, page, frame, st, out);
    Block blk = Block::MakeTable(std::move(tb->table));
    blk.where.page = page;
    blk.where.box = frame.ToDisplay(tb->box);
    // Cell paragraph boxes to display coordinates, with the page.
    for (Row& row : blk.table->rows) {
      for (Cell& c : row.cells) {
        for (Block& cb : c.blocks) {
          cb.where.page = page;
          if (cb.where.box) cb.where.box = frame.ToDisplay(*cb.where.box);
        }
      }
    }
    out.push_back(std::move(blk));
    i = tb->end;
    para_start = i;
    if (i == lines.size()) open = OpenTable{used_cols, key_value, out.size() - 1};
  }
  EmitParagraphs(lines, para_start, lines.size(), page, frame, st, out);
}

// ---- ruled tables (scans) ------------------------------------------------------------

// Sorted coordinates with neighbours closer than `tol` merged (their mean).
std::vector<double> MergeCoords(std::vector<double> v, double tol) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  double sum = 0;
  int n = 0;
  for (double x : v) {
    if (n > 0 && x - sum / n > tol) {
      out.push_back(sum / n);
      sum = 0;
      n = 0;
    }
    sum += x;
    ++n;
  }
  if (n > 0) out.push_back(sum / n);
  return out;
}

// Finds the grids formed by `rules` (reading frame): horizontal and vertical
// rules that meet (within 3 pt) are one table when there are at least two of
// each and the grid has two or more cells. Takes the tokens whose centre lies
// in a table out of `toks` into its cells. Tables come out top to bottom.
std::vector<RuledTable> FindRuledTables(const std::vector<Box>& rules, std::vector<Tok>& toks) {
  constexpr double kTol = 3.0, kMerge = 4.5;
  std::vector<Box> h, v;
  for (const Box& b : rules) (b.width() >= b.height() ? h : v).push_back(b);
  std::vector<RuledTable> out;
  if (h.size() < 2 || v.size() < 2) return out;
  const std::size_t n = h.size() + v.size();
  std::vector<std::size_t> parent(n);
  for (std::size_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t i = 0; i < h.size(); ++i) {
    for (std::size_t j = 0; j < v.size(); ++j) {
      const Box& a = h[i];
      const Box& b = v[j];
      if (b.x0 - kTol <= a.x1 && b.x1 + kTol >= a.x0 && a.y0 - kTol <= b.y1 && a.y1 + kTol >= b.y0) {
        parent[find(i)] = find(h.size() + j);
      }
    }
  }
  std::map<std::size_t, std::pair<std::vector<Box>, std::vector<Box>>> groups;
  for (std::size_t i = 0; i < h.size(); ++i) groups[find(i)].first.push_back(h[i]);
  for (std::size_t j = 0; j < v.size(); ++j) groups[find(h.size() + j)].second.push_back(v[j]);
  for (auto& [root, g] : groups) {
    const std::vector<Box>& gh = g.first;
    const std::vector<Box>& gv = g.second;
    if (gh.size() < 2 || gv.size() < 2) continue;
    Box box = gh.front();
    for (const Box& b : gh) box = Union(box, b);
    for (const Box& b : gv) box = Union(box, b);
    std::vector<double> ys, xs;
    for (const Box& b : gh) ys.push_back((b.y0 + b.y1) / 2);
    for (const Box& b : gv) xs.push_back((b.x0 + b.x1) / 2);
    ys = MergeCoords(ys, kMerge);
    xs = MergeCoords(xs, kMerge);
    // A side without its rule (open-sided tables) is still an edge.
    if (xs.front() > box.x0 + kMerge) xs.insert(xs.begin(), box.x0);
    if (xs.back() < box.x1 - kMerge) xs.push_back(box.x1);
    if (ys.front() > box.y0 + kMerge) ys.insert(ys.begin(), box.y0);
    if (ys.back() < box.y1 - kMerge) ys.push_back(box.y1);
    // A scan may lose the rule between two rows: a row band whose lines
    // open, in the first column, with successive question numbers ("4.1 …",
    // "4.2 …") is cut above each number after the first, across the table.
    std::vector<double> cuts;
    std::vector<int> last;  // the last question number seen in the first column, down the table
    for (std::size_t r = 0; xs.size() >= 3 && r + 1 < ys.size(); ++r) {
      std::vector<Tok> in_band;
      for (const Tok& tok : toks) {
        const double cx = (tok.box.x0 + tok.box.x1) / 2, cy = (tok.box.y0 + tok.box.y1) / 2;
        if (cx >= box.x0 - kTol && cx <= box.x1 + kTol && cy > ys[r] && cy < ys[r + 1]) in_band.push_back(tok);
      }
      std::vector<Line> lines = BuildLines(std::move(in_band));
      double above = ys[r];  // bottom of the lines seen so far in the band
      for (const Line& l : lines) {
        const std::vector<int> num =
            !l.toks.empty() && l.toks.front().box.x0 < xs[1] ? QuestionNumber(DecodeUtf8(l.toks.front().text))
                                                            : std::vector<int>{};
        // The band's first line: the rule above it may be there in other
        // columns only; it divides the whole row (cut at the same edge).
        if (!num.empty() && FollowsQuestion(last, num)) cuts.push_back(above == ys[r] ? ys[r] : (above + l.box.y0) / 2);
        if (!num.empty()) last = num;
        above = std::max(above, l.box.y1);
      }
    }
    for (double y : cuts)
      if (std::find(ys.begin(), ys.end(), y) == ys.end()) ys.push_back(y);
    std::sort(ys.begin(), ys.end());
    auto is_cut = [&](double y) { return std::find(cuts.begin(), cuts.end(), y) != cuts.end(); };
    const int R = static_cast<int>(ys.size()) - 1, C = static_cast<int>(xs.size()) - 1;
    if (R < 1 || C < 1 || R * C < 2) continue;
    // Is there a rule at column edge c across row band r / at row edge r across column band c?
    auto vdiv = [&](int c, int r) {
      if (c == 0 || c == C) return true;
      const double mid = (ys[static_cast<std::size_t>(r)] + ys[static_cast<std::size_t>(r) + 1]) / 2;
      for (const Box& b : gv) {
        if (std::fabs((b.x0 + b.x1) / 2 - xs[static_cast<std::size_t>(c)]) <= kMerge && b.y0 - kTol <= mid &&
            b.y1 + kTol >= mid) {
          return true;
        }
      }
      return false;
    };
    auto hdiv = [&](int r, int c) {
      if (r == 0 || r == R || is_cut(ys[static_cast<std::size_t>(r)])) return true;
      const double mid = (xs[static_cast<std::size_t>(c)] + xs[static_cast<std::size_t>(c) + 1]) / 2;
      for (const Box& b : gh) {
        if (std::fabs((b.y0 + b.y1) / 2 - ys[static_cast<std::size_t>(r)]) <= kMerge && b.x0 - kTol <= mid &&
            b.x1 + kTol >= mid) {
          return true;
        }
      }
      return false;
    };
    RuledTable t;
    t.box = box;
    t.rows = R;
    t.columns = C;
    // owner[r][c]: the cell (index) holding grid position (r, c): the origin of a merged cell.
    std::vector<std::vector<int>> owner(static_cast<std::size_t>(R), std::vector<int>(static_cast<std::size_t>(C), -1));
    std::vector<int> origin;  // per cell: index of the cell that holds its words
    for (int r = 0; r < R; ++r) {
      for (int c = 0; c < C;) {
        int c2 = c;
        while (c2 + 1 < C && !vdiv(c2 + 1, r)) ++c2;
        RuledCell cell;
        cell.row = r;
        cell.column = c;
        cell.col_span = c2 - c + 1;
        int org = static_cast<int>(t.cells.size());
        if (r > 0) {
          bool open_above = true;
          for (int k = c; k <= c2 && open_above; ++k) open_above = !hdiv(r, k);
          const int above = owner[static_cast<std::size_t>(r) - 1][static_cast<std::size_t>(c)];
          if (open_above && above >= 0 && t.cells[static_cast<std::size_t>(above)].column == c &&
              t.cells[static_cast<std::size_t>(above)].col_span == cell.col_span) {
            cell.merged = true;
            org = origin[static_cast<std::size_t>(above)];
            ++t.cells[static_cast<std::size_t>(org)].row_span;
          }
        }
        origin.push_back(org);
        for (int k = c; k <= c2; ++k) owner[static_cast<std::size_t>(r)][static_cast<std::size_t>(k)] = org;
        t.cells.push_back(std::move(cell));
        c = c2 + 1;
      }
    }
    auto band = [](const std::vector<double>& edges, double x) {
      int k = 0;
      for (std::size_t i = 1; i + 1 < edges.size(); ++i) {
        if (x >= edges[i]) k = static_cast<int>(i);
      }
      return k;
    };
    std::vector<Tok> rest;
    for (Tok& tok : toks) {
      const double cx = (tok.box.x0 + tok.box.x1) / 2, cy = (tok.box.y0 + tok.box.y1) / 2;
      if (cx < box.x0 - kTol || cx > box.x1 + kTol || cy < box.y0 - kTol || cy > box.y1 + kTol) {
        rest.push_back(std::move(tok));
        continue;
      }
      const int r = band(ys, cy), c = band(xs, cx);
      t.cells[static_cast<std::size_t>(owner[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)])].toks.push_back(
          std::move(tok));
    }
    toks = std::move(rest);
    for (RuledCell& cell : t.cells) {
      if (!cell.toks.empty()) cell.lines = BuildLines(std::move(cell.toks));
      cell.toks.clear();
    }
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const RuledTable& a, const RuledTable& b) { return a.box.y0 < b.box.y0; });
  return out;
}

// The Table block of a ruled table: each cell's lines laid out as paragraphs
// (never headings: a cell's size and weight say nothing about outline level).
Block RuledTableBlock(const RuledTable& t, int page, const Frame& frame, const DocStats& st) {
  Table table;
  table.columns = t.columns;
  table.rows.resize(static_cast<std::size_t>(t.rows));
  for (const RuledCell& rc : t.cells) {
    Cell c;
    c.column = rc.column;
    c.col_span = rc.col_span;
    c.row_span = rc.row_span;
    c.merged = rc.merged;
    if (!rc.merged && !rc.lines.empty()) {
      EmitParagraphs(rc.lines, 0, rc.lines.size(), page, frame, st, c.blocks);
      for (Block& b : c.blocks) b.paragraph.heading_level = 0;
    }
    table.rows[static_cast<std::size_t>(rc.row)].cells.push_back(std::move(c));
  }
  Block blk = Block::MakeTable(std::move(table));
  blk.where.page = page;
  blk.where.box = frame.ToDisplay(t.box);
  return blk;
}

void AddWords(const std::vector<Line>& lines, Vocabulary& vocab) {
  for (const Line& l : lines) {
    for (const Tok& t : l.toks) {
      std::u32string w = DecodeUtf8(t.text);
      if (!w.empty() && (w.back() == '-' || w.back() == 0xAD)) continue;  // a line-end fragment
      const std::string f = FoldForMatch(t.text);
      if (f.empty()) continue;
      vocab.insert(f);
      // The parts of a hyphenated word are words too ("sont-ils" → "sont", "ils").
      for (std::size_t a = 0, b; a < f.size(); a = b + 1) {
        b = f.find(' ', a);
        if (b == std::string::npos) b = f.size();
        if (b > a && a > 0) vocab.insert(f.substr(a, b - a));
        if (a == 0 && b < f.size()) vocab.insert(f.substr(0, b));
      }
    }
  }
}

}  // namespace

namespace {

// Clips `b` to the page (width × height points, displayed coordinates)
// widened by one page size on each side, where text may still sit in a bleed.
// False when `b` has a coordinate that is not a number or lies wholly outside
// that area (no viewer shows it). A page without a size (0 × 0) only needs
// finite coordinates.
bool ClipToPage(Box& b, double width, double height) {
  if (!std::isfinite(b.x0) || !std::isfinite(b.y0) || !std::isfinite(b.x1) || !std::isfinite(b.y1)) return false;
  if (!(width > 0) || !(height > 0)) return true;
  if (b.x1 < -width || b.x0 > 2 * width || b.y1 < -height || b.y0 > 2 * height) return false;
  b.x0 = std::max(b.x0, -width);
  b.x1 = std::min(b.x1, 2 * width);
  b.y0 = std::max(b.y0, -height);
  b.y1 = std::min(b.y1, 2 * height);
  return true;
}

}  // namespace

void BuildDocument(const std::vector<PageText>& pages, Document& doc) {
  std::vector<PageLines> pls;
  DocStats st;
  std::map<long, double> size_weight;
  for (const PageText& page : pages) {
    PageLines pl;
    pl.number = page.number;
    pl.frame.w = page.width;
    pl.frame.h = page.height;
    // Usable text? Count characters and replacement / control characters.
    std::size_t chars = 0, bad = 0;
    int rot_count[4] = {0, 0, 0, 0};
    for (const Word& w : page.words) {
      for (char32_t c : DecodeUtf8(w.text)) {
        ++chars;
        if (c == 0xFFFD || c < 0x20) ++bad;
      }
      rot_count[std::clamp(w.rotation, 0, 3)] += static_cast<int>(w.text.size());
    }
    if (chars == 0 || bad * 2 > chars) {
      doc.warnings.push_back(Warning{"no-text-layer", "page " + std::to_string(page.number) +
                                                          " has no usable text layer"});
      pls.push_back(std::move(pl));
      continue;
    }
    pl.frame.rotation = static_cast<int>(std::max_element(rot_count, rot_count + 4) - rot_count);
    // Words that lie wholly off the page (or at coordinates that are not
    // numbers) are not shown by any viewer: leave them out, and say so.
    std::vector<Word> words;
    words.reserve(page.words.size());
    std::size_t off_page = 0;
    for (const Word& w : page.words) {
      Word c = w;
      if (ClipToPage(c.box, page.width, page.height)) words.push_back(std::move(c));
      else ++off_page;
    }
    if (off_page > 0) {
      doc.warnings.push_back(Warning{"off-page-text", "page " + std::to_string(page.number) + ": " +
                                                          std::to_string(off_page) +
                                                          " word(s) placed off the page ignored"});
    }
    MergeAccentWords(words);
    std::vector<Tok> toks;
    toks.reserve(words.size());
    for (const Word& w : words) {
      Tok t;
      if (MakeTok(w, pl.frame, t)) toks.push_back(std::move(t));
    }
    for (const Tok& t : toks) {
      if (!t.only_ticks()) size_weight[std::lround(t.size * 2)] += static_cast<double>(t.text.size());
    }
    if (!page.rules.empty()) {
      std::vector<Box> rules;
      for (const Box& b : page.rules) rules.push_back(pl.frame.ToReading(b));
      pl.ruled = FindRuledTables(rules, toks);
      for (const RuledTable& t : pl.ruled) {
        for (const RuledCell& c : t.cells) AddWords(c.lines, st.vocab);
      }
    }
    pl.lines = BuildLines(std::move(toks));
    AddWords(pl.lines, st.vocab);
    pls.push_back(std::move(pl));
  }
  double best = -1;
  for (auto& [k, w] : size_weight) {
    if (w > best) best = w, st.body_size = k / 2.0;
  }
  for (auto it = size_weight.rbegin(); it != size_weight.rend(); ++it) {
    const double s = it->first / 2.0;
    if (s >= st.body_size * 1.15 && it->second >= 1) st.heading_sizes.push_back(s);
  }
  if (st.heading_sizes.size() > 8) st.heading_sizes.resize(8);
  // The leading: the most common gap (0.5 pt bins) between consecutive text
  // lines of the body size, ignoring paragraph-sized gaps. Lines set closer
  // than their font's box height overlap a little (Word's single spacing of
  // Calibri: a gap of about -0.7 pt); deeper overlaps are superscripts and
  // stray glyphs.
  std::map<long, int> gaps;
  for (const PageLines& pl : pls) {
    for (std::size_t i = 1; i < pl.lines.size(); ++i) {
      const Line& a = pl.lines[i - 1];
      const Line& b = pl.lines[i];
      if (std::fabs(a.size - st.body_size) > 0.6 || std::fabs(b.size - st.body_size) > 0.6) continue;
      const double g = b.box.y0 - a.box.y1;
      if (g < -0.25 * st.body_size || g > 0.5 * st.body_size) continue;
      ++gaps[std::lround(g * 2)];
    }
  }
  // Table rows are often as frequent as wrapped lines: take the smallest gap
  // that is common (≥ 30% of the most frequent bin).
  int most = 0;
  for (auto& [k, n] : gaps) most = std::max(most, n);
  for (auto& [k, n] : gaps) {
    if (n >= 0.3 * most) {
      st.line_gap = std::max(0.0, k / 2.0);
      break;
    }
  }

  MarkFurniture(pls, st.body_size);
  if (std::getenv("VAREPORT_DEBUG_LINES") != nullptr) {
    for (const PageLines& pl : pls) {
      for (std::size_t i = 0; i < pl.lines.size(); ++i) {
        const Line& l = pl.lines[i];
        std::fprintf(stderr, "p%d %c y=%.0f-%.0f/%.0f x=%.0f-%.0f s=%.1f %s\n", pl.number, pl.furniture[i] ? pl.furniture[i] : '.',
                     l.box.y0, l.box.y1, pl.frame.reading_height(), l.box.x0, l.box.x1, l.size, LineText(l).c_str());
      }
    }
  }
  std::optional<OpenTable> open;
  for (PageLines& pl : pls) {
    std::vector<Line> body;
    for (std::size_t i = 0; i < pl.lines.size(); ++i) {
      if (pl.furniture[i] == 0) {
        body.push_back(std::move(pl.lines[i]));
        continue;
      }
      TextBuilder tb;
      const Line& l = pl.lines[i];
      for (std::size_t s = 0; s < l.segs.size(); ++s) {
        if (s > 0) tb.Space();
        tb.AppendRange(l.toks, l.segs[s].first, l.segs[s].second);
      }
      Block blk = Block::MakeParagraph(tb.Finish(), pl.furniture[i] == 'h' ? Origin::kHeader : Origin::kFooter);
      blk.where.page = pl.number;
      blk.where.box = pl.frame.ToDisplay(l.box);
      doc.furniture.push_back(std::move(blk));
    }
    // Lines above each ruled table are laid out before it.
    auto layout_lines = [&](std::vector<Line> chunk) {
      std::vector<Region> regions = MakeRegions(std::move(chunk));
      for (std::size_t r = 0; r < regions.size(); ++r) {
        // Only the last region of a page can leave a table open for the next page.
        std::optional<OpenTable> none;
        LayoutRegion(regions[r].lines, pl.number, pl.frame, st, doc.body, r == 0 ? open : none);
        if (r + 1 == regions.size()) {
          if (r != 0) open = std::move(none);
        } else if (r == 0) {
          open.reset();
        }
      }
      if (regions.empty()) open.reset();
    };
    std::vector<Line> chunk;
    std::size_t gi = 0;
    for (Line& l : body) {
      while (gi < pl.ruled.size() && (l.box.y0 + l.box.y1) / 2 > pl.ruled[gi].box.y0) {
        layout_lines(std::move(chunk));
        chunk.clear();
        doc.body.push_back(RuledTableBlock(pl.ruled[gi++], pl.number, pl.frame, st));
        open.reset();
      }
      chunk.push_back(std::move(l));
    }
    if (!chunk.empty() || gi == pl.ruled.size()) layout_lines(std::move(chunk));
    for (; gi < pl.ruled.size(); ++gi) {
      doc.body.push_back(RuledTableBlock(pl.ruled[gi], pl.number, pl.frame, st));
      open.reset();
    }
  }
}

}  // namespace vareport::pdf
