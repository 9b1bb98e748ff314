// vareport/extractors/ocr/confusions.h — OCR confusions in figures and dates,
// undone by data, never per file.
//
// Tesseract reads a digit as a letter of the same shape now and then: "2O26"
// for 2026, "l,234" for 1,234, "Ql 2026" for Q1 2026. A figure or a deadline
// read that way is lost to the analysis (a reviewer would chase a State for
// data it sent). The fix is a list of confusion pairs (what OCR read → what
// was printed) applied only inside tokens that are already number- or
// date-like, so words are never touched:
//   - a token (surrounding brackets and punctuation aside) with at least one
//     digit, made only of digits, separators (. , / - : ' %) and confusable
//     characters, with no more confusable characters than digits → each
//     confusable replaced ("2O26" → "2026", "l,234" → "1,234", "3l/12/2O27");
//   - a period prefix (Q, T, S, H: quarter, trimestre, semester, half) followed
//     by one confusable character, when the next token is a year → "Q1".
// The pairs and prefixes are rule data (rules/document.xml <ocr-confusions>,
// handed over in ExtractOptions::ocr.confusions and applied by the PDF
// extractor to every OCR'd page), so a new confusion is one more pair, not
// code.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/extractor.h"
#include "extractors/pdf/layout.h"

namespace vareport::ocr {

using vareport::OcrConfusions;  // extractors/extractor.h

// Returns `token` with confusions undone when it is number- or date-like (see
// the header comment), else `token` unchanged.
std::string FixNumberToken(std::string_view token, const OcrConfusions& confusions);

// Applies FixNumberToken to every word, and the period-prefix rule to each
// word followed (next word on the same line) by a year. Words keep their boxes.
// Returns how many words changed.
int FixOcrConfusions(std::vector<pdf::Word>& words, const OcrConfusions& confusions);

}  // namespace vareport::ocr
