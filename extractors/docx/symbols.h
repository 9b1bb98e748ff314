// vareport/extractors/docx/symbols.h — private to the .docx extractor: what a
// symbol-font character or a Unicode glyph means as a tick box.
//
// Word writes a symbol inserted from a "symbol font" (Wingdings, Wingdings 2,
// Wingdings 3, Symbol) either as <w:sym w:font="Wingdings" w:char="F0FE"/>
// (ECMA-376 Part 1 §17.3.3.30; the char is the font's byte, usually shifted
// into the private-use area U+F000–U+F0FF) or as ordinary run text in a run
// whose w:rFonts names the symbol font. The tables in symbols.cc map the byte
// to a tick state; they are documented there with the glyph each byte draws.
#pragma once

#include <optional>
#include <string_view>

namespace vareport::docx {

enum class SymbolFont { kNone, kWingdings, kWingdings2, kWingdings3, kSymbol };

// Classifies a font name case-insensitively ("WINGDINGS 2" → kWingdings2).
SymbolFont ClassifySymbolFont(std::string_view font_name);

// What one character of a symbol font stands for.
struct SymbolMeaning {
  enum class Kind {
    kChecked,    // a ticked / crossed box or a tick mark
    kUnchecked,  // an empty box
    kText,       // a known non-box symbol (bullet, arrow…), written as `unicode`
    kUnknown,    // a character the table does not know
  };
  Kind kind = Kind::kUnknown;
  char32_t unicode = 0xFFFD;  // Unicode equivalent for kText
  double confidence = 1.0;    // for kChecked / kUnchecked
};

// `code` is the w:char value or the run character: U+F020–U+F0FF or U+0020–U+00FF.
SymbolMeaning LookupSymbol(SymbolFont font, char32_t code);

// A Unicode character drawn as a tick box (kGlyph encoding).
struct GlyphTick {
  bool checked = false;
  double confidence = 1.0;
};

// Checked: ☒ U+2612, ☑ U+2611, ✓ U+2713, ✔ U+2714, ■ U+25A0, ⌧ U+2327,
// ▣ U+25A3 (0.9), ✗ U+2717 / ✘ U+2718 (0.75: a cross may also mean "no");
// unchecked: ☐ U+2610, □ U+25A1, ❏ U+274F, ❑ U+2751, ❒ U+2752, ◻ U+25FB,
// ▢ U+25A2, ⬜ U+2B1C. Anything else → nullopt.
std::optional<GlyphTick> ClassifyGlyph(char32_t c);

}  // namespace vareport::docx
