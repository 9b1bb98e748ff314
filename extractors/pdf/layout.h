// vareport/extractors/pdf/layout.h — page geometry to document blocks, for the
// PDF extractor. Kept free of Poppler so it can be tested on hand-made words.
//
// Input: the words of each page with their boxes, as a PDF text layer gives
// them (Poppler's TextOutputDev words). Output: Document::body blocks in reading
// order, Document::furniture for running headers/footers, warnings.
//
// What it does, in order (each step is documented at its function in layout.cc):
//   1. glyph clean-up per word: ligatures (U+FB00–FB06) expanded, spacing
//      accents (´ ` ¨ ˆ ˜ ¸ ˚ ˇ) merged into the letter they sit on, symbol-font
//      code points (Wingdings, Wingdings 2, ZapfDingbats private-use or ASCII
//      codes) mapped, tick glyphs normalised to ☒ / ☐ (document.h), text NFC;
//   2. page turned so that its dominant text direction reads left to right
//      (a /Rotate 90 page whose text is sideways is read as text); boxes in the
//      output are turned back to displayed coordinates;
//   3. words → lines (vertical-centre clustering) → segments (runs of words
//      separated by gaps narrower than ~1 em);
//   4. running headers/footers: lines in the top/bottom 12% of the page whose
//      text, digits replaced by '#', repeats on at least two pages and half
//      the document's pages (or that are a bare page number such as "Page 3
//      of 5") → furniture; on OCR'd pages the same line read a little
//      differently ("Page lof 5", "3 of 5 Page", or split in two lines) counts;
//   5. two-column bands: a vertical gutter near the middle that most lines do
//      not cross, with prose on both sides, is read left column then right;
//   6. tables rebuilt from aligned text: a header line of ≥3 separated short
//      labels (no ticks), or a run of ≥2 key/value lines. A second header
//      line right under it whose short labels split one label ("Yes  No
//      Partially" under a merged "Answer", as Word exports a numbered grid)
//      gives those options columns of their own and a second header row.
//      Column k starts a little left of its label (half the gap to the previous label, ≤ 1.2 em);
//      text is placed by its left edge, a lone tick by its centre, and
//      separate segments of one line go to increasing columns; a word that
//      starts at a column's label after a gap wider than ½ em starts a new
//      segment (a right-aligned figure close to the next column's text). The
//      table runs until a line is outdented, a gap exceeds 1.5 lines, a
//      heading or a bullet starts, or the text after the table begins
//      (LeavesTable in layout.cc): first-column text that lines up with none
//      of the table's text and runs across the column gutter, or introduces
//      lines that do ("Objectives:" before a lettered list; at the table's
//      edge, after a gap wider than its rows leave), or a paragraph
//      wrapping across the table's width with no row after it. The leading
//      counts lines whose boxes overlap slightly (Word's single spacing).
//      Rows: a gap wider than the document's leading + ¼ em, or
//      a capitalised first-column line after one ending with '?', starts a
//      new row (so a tick centred on a wrapped question's middle line stays in
//      its row); a row whose only text spans from column 0 across columns is
//      one cell with col_span = columns; a lone "X" under a label is a
//      kTypedX tick. A table reaching the page's end continues on the next
//      page (new Table block; a lower-case first row is merged back into the
//      previous page's last row, also past an opening bracket: "(cumulative)");
//      a repeated header starts a new block whose first row has header = true
//      and is never taken for a running header, and adds no block when the
//      page holds nothing more of the table;
//   7. the remaining lines → paragraphs (gaps, indents, bullets), headings
//      (font size, bold, numbering), hyphenated line ends joined by the rule
//      of DecideLineJoin.
// Scanned pages (words with tick_encoding kImage, from extractors/ocr) also
// get: tables from their ruled grid (PageText::rules) before step 3, each
// word in the cell under its centre, spans from missing rules; bullets as
// Tesseract reads them ("e", "°", "«", "+") followed by a wide gap start
// list items; a scanned sentence is never a heading by its (ink-estimated)
// size; a running header counts as repeated when its text starts, or is
// started by, another page's (OCR drops or misreads part of it).
//
// Units: PDF points; boxes top-left origin, y down (document.h Box).
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/document.h"

namespace vareport::pdf {

// One word of a page's text layer.
struct Word {
  std::string text;         // UTF-8 as the PDF maps it (may hold ligatures, PUA codes)
  Box box;                  // displayed coordinates (page rotation applied), points
  std::vector<Box> chars;   // one box per code point of `text`, or empty when unknown
  std::string font;         // font name; a subset prefix "ABCDEF+" is allowed
  double font_size = 0;     // points
  bool space_after = false; // the text layer puts a space after this word
  int rotation = 0;         // text direction: 0 →, 1 ↓, 2 ←, 3 ↑ (Poppler text_box::rotation)
  // Words that do not come from the text layer (OCR, AcroForm widgets, boxes
  // found on the rendered page) say so here; text-layer words keep the
  // defaults. A tick glyph ("☒"/"☐") in such a word becomes a Tick with this
  // encoding, confidence and field name instead of kGlyph.
  TickEncoding tick_encoding = TickEncoding::kGlyph;
  double confidence = 1.0;         // 0..1 (OCR word confidence, tick decision)
  std::string field_name;          // AcroForm field's full name, for kAcroForm ticks
  std::vector<Warning> warnings;   // attached to the block the word ends up in
};

// The words of one page.
struct PageText {
  int number = 0;             // 1-based
  double width = 0;           // displayed width, points
  double height = 0;          // displayed height, points
  std::vector<Word> words;    // any order
  // Table rules seen on the rendered page (scans: ocr::FindRules), as thin
  // boxes in displayed coordinates; a box wider than tall is horizontal.
  // Where they form a grid (≥ 2 horizontal and ≥ 2 vertical rules that meet),
  // the grid's cells decide the table (rows, columns, spans) instead of
  // aligned text: see BuildDocument. Empty for text-layer pages.
  std::vector<Box> rules;
};

// Appends to `doc` the blocks of `pages` (body, furniture) and page warnings
// ("no-text-layer" for a page without usable text). Does not touch the
// document's other fields. Never fails.
void BuildDocument(const std::vector<PageText>& pages, Document& doc);

// Frees the per-character boxes (Word::chars) of `page` unless BuildDocument
// needs them: only a word that is a lone spacing accent, merged into the
// letter under it, uses them. Memory on long documents (a third of a word).
void DropUnusedCharBoxes(PageText& page);

// ---- pieces exposed for tests -----------------------------------------------

// How two lines of one paragraph are joined (see DecideLineJoin).
enum class LineJoin {
  kSpace,          // "word" + " " + "next"
  kDropHyphen,     // "imple-" + "mentation" → "implementation" (also soft hyphen)
  kKeepHyphen,     // "co-" + "operation" → "co-operation"; "2020–" + "2024" → "2020–2024"
};

// The words of the whole document, folded with FoldForMatch, used to decide
// hyphenated line ends by what the document itself spells elsewhere.
using Vocabulary = std::unordered_set<std::string>;

// Decides how the line ending with `last_word` joins the line starting with
// `next_word` (both UTF-8, as printed, trailing punctuation included):
//   - a soft hyphen (U+00AD) at the end is always a break inside a word → kDropHyphen;
//   - an en/em dash or hyphen between digits ("2020–", "2024") → kKeepHyphen;
//   - a hyphen (U+002D / U+2010) after a letter, next word starting with a letter:
//       the document spells "left-right" elsewhere → kKeepHyphen;
//       the document spells "leftright" elsewhere → kDropHyphen;
//       the next word starts upper-case ("Jean-\nPierre") → kKeepHyphen;
//       both halves are words the document uses on their own and the joined
//       form is not ("prosthetic-\northotic") → kKeepHyphen;
//       the next word is a French enclitic ("font-\nils", "celle-\nci") → kKeepHyphen;
//       `left` is a prefix usually written with a hyphen (co, socio, non, self,
//       ex, anti, post, pre, semi, quasi, médico, psycho…) → kKeepHyphen;
//       otherwise (lower-case continuation) → kDropHyphen;
//   - anything else → kSpace.
LineJoin DecideLineJoin(std::string_view last_word, std::string_view next_word, const Vocabulary& vocabulary);

// Cleans one word's text: ligatures expanded, spacing accents merged into the
// adjacent letter, NFC. Tick glyphs are left as they are.
std::string CleanWordText(std::string_view text);

// Tick state of a code point: 1 checked, 0 unchecked, -1 not a tick glyph.
// When `font` names a symbol font (Wingdings, Wingdings 2, ZapfDingbats), its
// private-use (U+F0xx) and single-byte codes are read with that font's table.
// `confidence` (optional) receives 1.0, or less for ambiguous marks (■ 0.9, ✗ 0.8).
int TickState(char32_t cp, std::string_view font, double* confidence = nullptr);

}  // namespace vareport::pdf
