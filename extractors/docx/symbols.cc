#include "extractors/docx/symbols.h"

#include <cctype>
#include <string>

namespace vareport::docx {
namespace {

using Kind = SymbolMeaning::Kind;

struct Entry {
  unsigned char byte;
  Kind kind;
  char32_t unicode;
  double confidence;
};

// Wingdings (Microsoft, 1990). Byte → glyph as in the font's code chart
// (Unicode 7.0 mapping, UTC L2/13-xxx, also Alan Wood's Wingdings chart).
// The four "Insert Symbol" boxes Word users pick are F0A8 (empty), F0FE
// (box with check), F0FD (box with X) and F078 (X in a rectangle).
constexpr Entry kWingdings[] = {
    // ---- tick boxes ----
    {0xFE, Kind::kChecked, 0x2611, 1.0},     // ☑ boxcheckbld: ballot box with check
    {0xFD, Kind::kChecked, 0x2612, 1.0},     // ☒ boxxmarkbld: ballot box with X
    {0x78, Kind::kChecked, 0x2327, 1.0},     // ⌧ "clear": X in a rectangle box
    {0xFC, Kind::kChecked, 0x2713, 1.0},     // ✓ checkbld: check mark
    {0xFB, Kind::kChecked, 0x2717, 0.75},    // ✗ xmarkbld: ballot X (a cross may also mean "no")
    {0x6E, Kind::kChecked, 0x25A0, 0.9},     // ■ square6: black square (a filled box)
    {0xA8, Kind::kUnchecked, 0x25FB, 1.0},   // ◻ box2: white medium square
    {0x6F, Kind::kUnchecked, 0x25A1, 1.0},   // □ box3: white square
    {0x70, Kind::kUnchecked, 0x25A1, 1.0},   // bold white square (no Unicode equivalent)
    {0x71, Kind::kUnchecked, 0x2751, 1.0},   // ❑ lower right shadowed white square
    {0x72, Kind::kUnchecked, 0x2752, 1.0},   // ❒ upper right shadowed white square
    // ---- known non-box symbols (bullets, arrows, pointers) ----
    {0x21, Kind::kText, 0x270F, 1}, {0x22, Kind::kText, 0x2702, 1}, {0x23, Kind::kText, 0x2701, 1},
    {0x28, Kind::kText, 0x260E, 1}, {0x29, Kind::kText, 0x2706, 1}, {0x2A, Kind::kText, 0x2709, 1},
    {0x36, Kind::kText, 0x231B, 1}, {0x37, Kind::kText, 0x2328, 1}, {0x3E, Kind::kText, 0x2707, 1},
    {0x3F, Kind::kText, 0x270D, 1}, {0x41, Kind::kText, 0x270C, 1}, {0x43, Kind::kText, 0x1F44D, 1},
    {0x44, Kind::kText, 0x1F44E, 1}, {0x45, Kind::kText, 0x261C, 1}, {0x46, Kind::kText, 0x261E, 1},
    {0x47, Kind::kText, 0x261D, 1}, {0x48, Kind::kText, 0x261F, 1}, {0x4A, Kind::kText, 0x263A, 1},
    {0x4B, Kind::kText, 0x1F610, 1}, {0x4C, Kind::kText, 0x2639, 1}, {0x4E, Kind::kText, 0x2620, 1},
    {0x51, Kind::kText, 0x2708, 1}, {0x52, Kind::kText, 0x263C, 1}, {0x54, Kind::kText, 0x2744, 1},
    {0x56, Kind::kText, 0x271E, 1}, {0x58, Kind::kText, 0x2720, 1}, {0x59, Kind::kText, 0x2721, 1},
    {0x5A, Kind::kText, 0x262A, 1}, {0x5B, Kind::kText, 0x262F, 1}, {0x6C, Kind::kText, 0x25CF, 1},
    {0x6D, Kind::kText, 0x274D, 1}, {0x73, Kind::kText, 0x2B27, 1}, {0x74, Kind::kText, 0x29EB, 1},
    {0x75, Kind::kText, 0x25C6, 1}, {0x76, Kind::kText, 0x2756, 1}, {0x77, Kind::kText, 0x2B25, 1},
    {0x9E, Kind::kText, 0x00B7, 1}, {0x9F, Kind::kText, 0x2022, 1}, {0xA0, Kind::kText, 0x25AA, 1},
    {0xA1, Kind::kText, 0x25CB, 1}, {0xA2, Kind::kText, 0x2B55, 1}, {0xA4, Kind::kText, 0x25C9, 1},
    {0xA5, Kind::kText, 0x25CE, 1}, {0xA7, Kind::kText, 0x25AA, 1}, {0xAA, Kind::kText, 0x2726, 1},
    {0xAB, Kind::kText, 0x2605, 1}, {0xAC, Kind::kText, 0x2736, 1}, {0xAD, Kind::kText, 0x2734, 1},
    {0xD5, Kind::kText, 0x232B, 1}, {0xD6, Kind::kText, 0x2326, 1}, {0xD8, Kind::kText, 0x27A2, 1},
    {0xDC, Kind::kText, 0x27B2, 1}, {0xDF, Kind::kText, 0x2190, 1}, {0xE0, Kind::kText, 0x2192, 1},
    {0xE1, Kind::kText, 0x2191, 1}, {0xE2, Kind::kText, 0x2193, 1}, {0xE7, Kind::kText, 0x2B05, 1},
    {0xE8, Kind::kText, 0x2794, 1}, {0xE9, Kind::kText, 0x2B06, 1}, {0xEA, Kind::kText, 0x2B07, 1},
    {0xEF, Kind::kText, 0x21E6, 1}, {0xF0, Kind::kText, 0x21E8, 1}, {0xF1, Kind::kText, 0x21E7, 1},
    {0xF2, Kind::kText, 0x21E9, 1}, {0xF3, Kind::kText, 0x2B04, 1}, {0xF4, Kind::kText, 0x21F3, 1},
};

// Wingdings 2. 'S' (F053) is the ☒ Word's symbol dialog offers, '£' (F0A3)
// the matching empty box; 'R' (F052) ☑, 'T' (F054) a bold ☒, 'Q' (F051) a box
// with a script X, 'P' (F050) ✓ and 'O' (F04F) a script ✗. Charts disagree on
// '¢' (F0A2: a smaller empty box or a filled one), hence its lower
// confidence; '*' (F02A) draws an empty square.
constexpr Entry kWingdings2[] = {
    {0x53, Kind::kChecked, 0x2612, 1.0},    // ☒ ballot box with X
    {0x54, Kind::kChecked, 0x2612, 1.0},    // ☒ ballot box with bold X
    {0x52, Kind::kChecked, 0x2611, 1.0},    // ☑ ballot box with check
    {0x51, Kind::kChecked, 0x1F5F5, 1.0},   // 🗵 ballot box with script X
    {0x50, Kind::kChecked, 0x2713, 1.0},    // ✓ check mark
    {0x4F, Kind::kChecked, 0x1F5F4, 0.75},  // 🗴 ballot script X (a cross may also mean "no")
    {0xA3, Kind::kUnchecked, 0x2610, 1.0},  // □ white square (Word's empty box)
    {0x2A, Kind::kUnchecked, 0x25A1, 0.9},  // □ white square
    {0xA2, Kind::kUnchecked, 0x25A1, 0.8},  // small white square (charts disagree)
    // ---- known non-box symbols ----
    {0x95, Kind::kText, 0x2022, 1}, {0x96, Kind::kText, 0x25CF, 1}, {0x97, Kind::kText, 0x26AB, 1},
    {0x98, Kind::kText, 0x2B24, 1}, {0x9E, Kind::kText, 0x29BF, 1}, {0xAE, Kind::kText, 0x25C6, 1},
    {0xAF, Kind::kText, 0x25C7, 1}, {0xEA, Kind::kText, 0x2605, 1}, {0xF8, Kind::kText, 0x203B, 1},
};

// Symbol (Adobe Symbol encoding): Greek letters and mathematical signs. Not a
// tick-box font; unknown bytes become U+FFFD.
constexpr char32_t kSymbolUpper[26] = {0x391, 0x392, 0x3A7, 0x394, 0x395, 0x3A6, 0x393, 0x397, 0x399,
                                       0x3D1, 0x39A, 0x39B, 0x39C, 0x39D, 0x39F, 0x3A0, 0x398, 0x3A1,
                                       0x3A3, 0x3A4, 0x3A5, 0x3C2, 0x3A9, 0x39E, 0x3A8, 0x396};
constexpr char32_t kSymbolLower[26] = {0x3B1, 0x3B2, 0x3C7, 0x3B4, 0x3B5, 0x3C6, 0x3B3, 0x3B7, 0x3B9,
                                       0x3D5, 0x3BA, 0x3BB, 0x3BC, 0x3BD, 0x3BF, 0x3C0, 0x3B8, 0x3C1,
                                       0x3C3, 0x3C4, 0x3C5, 0x3D6, 0x3C9, 0x3BE, 0x3C8, 0x3B6};
constexpr Entry kSymbol[] = {
    {0x22, Kind::kText, 0x2200, 1}, {0x24, Kind::kText, 0x2203, 1}, {0x27, Kind::kText, 0x220B, 1},
    {0x2A, Kind::kText, 0x2217, 1}, {0x2D, Kind::kText, 0x2212, 1}, {0x40, Kind::kText, 0x2245, 1},
    {0xA3, Kind::kText, 0x2264, 1}, {0xA5, Kind::kText, 0x221E, 1}, {0xA7, Kind::kText, 0x2663, 1},
    {0xA8, Kind::kText, 0x2666, 1}, {0xA9, Kind::kText, 0x2665, 1}, {0xAA, Kind::kText, 0x2660, 1},
    {0xAC, Kind::kText, 0x2190, 1}, {0xAD, Kind::kText, 0x2191, 1}, {0xAE, Kind::kText, 0x2192, 1},
    {0xAF, Kind::kText, 0x2193, 1}, {0xB0, Kind::kText, 0x00B0, 1}, {0xB1, Kind::kText, 0x00B1, 1},
    {0xB3, Kind::kText, 0x2265, 1}, {0xB4, Kind::kText, 0x00D7, 1}, {0xB7, Kind::kText, 0x2022, 1},
    {0xB8, Kind::kText, 0x00F7, 1}, {0xB9, Kind::kText, 0x2260, 1}, {0xBA, Kind::kText, 0x2261, 1},
    {0xBB, Kind::kText, 0x2248, 1}, {0xBC, Kind::kText, 0x2026, 1}, {0xD2, Kind::kText, 0x00AE, 1},
    {0xD3, Kind::kText, 0x00A9, 1}, {0xD4, Kind::kText, 0x2122, 1}, {0xD6, Kind::kText, 0x221A, 1},
    {0xD8, Kind::kText, 0x00AC, 1}, {0xE0, Kind::kText, 0x25CA, 1}, {0xE2, Kind::kText, 0x00AE, 1},
    {0xE3, Kind::kText, 0x00A9, 1}, {0xE4, Kind::kText, 0x2122, 1},
};

template <std::size_t N>
const Entry* Find(const Entry (&table)[N], unsigned char byte) {
  for (const Entry& e : table) {
    if (e.byte == byte) return &e;
  }
  return nullptr;
}

}  // namespace

SymbolFont ClassifySymbolFont(std::string_view font_name) {
  std::string f;
  for (char c : font_name) {
    if (c != ' ' && c != '\t') f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (f == "wingdings") return SymbolFont::kWingdings;
  if (f == "wingdings2") return SymbolFont::kWingdings2;
  if (f == "wingdings3") return SymbolFont::kWingdings3;
  if (f == "symbol") return SymbolFont::kSymbol;
  return SymbolFont::kNone;
}

SymbolMeaning LookupSymbol(SymbolFont font, char32_t code) {
  SymbolMeaning out;
  // Symbol fonts are addressed by byte: U+F0xx (the usual form) or U+00xx.
  if ((code >= 0xF000 && code <= 0xF0FF) || code <= 0xFF) {
    code &= 0xFF;
  } else {
    // A real Unicode character in a symbol-font run: Word shows it from a
    // fallback font, so take it at face value.
    out.kind = Kind::kText;
    out.unicode = code;
    return out;
  }
  const auto byte = static_cast<unsigned char>(code);
  const Entry* e = nullptr;
  switch (font) {
    case SymbolFont::kWingdings:
      e = Find(kWingdings, byte);
      break;
    case SymbolFont::kWingdings2:
      e = Find(kWingdings2, byte);
      if (e == nullptr && byte >= 0x69 && byte <= 0x73) {  // ⓪ ① … ⑩ circled digits
        out.kind = Kind::kText;
        out.unicode = byte == 0x69 ? 0x24EA : 0x2460 + (byte - 0x6A);
        return out;
      }
      break;
    case SymbolFont::kWingdings3:
      // Arrows and triangles only: never a box, never mapped.
      out.kind = Kind::kText;
      out.unicode = 0xFFFD;
      return out;
    case SymbolFont::kSymbol:
      out.kind = Kind::kText;
      if (byte >= 'A' && byte <= 'Z') {
        out.unicode = kSymbolUpper[byte - 'A'];
      } else if (byte >= 'a' && byte <= 'z') {
        out.unicode = kSymbolLower[byte - 'a'];
      } else if (const Entry* s = Find(kSymbol, byte)) {
        out.unicode = s->unicode;
      } else if (byte >= 0x20 && byte < 0x7F) {
        out.unicode = byte;  // digits and punctuation match ASCII
      } else {
        out.unicode = 0xFFFD;
      }
      return out;
    case SymbolFont::kNone:
      out.kind = Kind::kText;
      out.unicode = byte >= 0x20 ? char32_t{byte} : char32_t{0xFFFD};
      return out;
  }
  if (e == nullptr) {
    if (byte == 0x20) {
      out.kind = Kind::kText;
      out.unicode = ' ';
    }
    return out;  // kUnknown
  }
  out.kind = e->kind;
  out.unicode = e->unicode;
  out.confidence = e->confidence;
  return out;
}

std::optional<GlyphTick> ClassifyGlyph(char32_t c) {
  switch (c) {
    case 0x2612:  // ☒ ballot box with X
    case 0x2611:  // ☑ ballot box with check
    case 0x2713:  // ✓ check mark
    case 0x2714:  // ✔ heavy check mark
    case 0x25A0:  // ■ black square
    case 0x2327:  // ⌧ X in a rectangle box
    case 0x1F5F5:  // 🗵 ballot box with script X
    case 0x1F5F7:  // 🗷 ballot box with bold script X
    case 0x1F5F9:  // 🗹 ballot box with bold check
      return GlyphTick{true, 1.0};
    case 0x25A3:  // ▣ white square containing black small square
      return GlyphTick{true, 0.9};
    case 0x2717:  // ✗ ballot X
    case 0x2718:  // ✘ heavy ballot X
      return GlyphTick{true, 0.75};
    case 0x2610:  // ☐ ballot box
    case 0x25A1:  // □ white square
    case 0x274F:  // ❏ lower right drop-shadowed white square
    case 0x2751:  // ❑ lower right shadowed white square
    case 0x2752:  // ❒ upper right shadowed white square
    case 0x25FB:  // ◻ white medium square
    case 0x25A2:  // ▢ white square with rounded corners
    case 0x2B1C:  // ⬜ white large square
      return GlyphTick{false, 1.0};
    default:
      return std::nullopt;
  }
}

}  // namespace vareport::docx
