// vareport/rules/numbers.h — figures in text, read with the separators of the
// document's language (ICU DecimalFormatSymbols / NumberFormat): "1,234" in
// English, "1 234" or "1 234" in French, "1.234" in Spanish all read 1234.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vareport {

// One figure found in a text.
struct NumberMatch {
  double value = 0;          // the number read
  bool integer = true;       // no decimal part was written
  bool percent = false;      // followed by "%" (or "per cent", "pour cent", "por ciento")
  std::size_t begin = 0;     // byte offsets of the figure in the text
  std::size_t end = 0;
  bool year_like = false;    // a plain four-digit 1900..2100 with no separator
  bool after_hash = false;   // written as "#38", "n°38", "n.º 38" (an action or item number)
};

// Finds every figure in `text` (UTF-8), reading separators as `lang` (ISO
// 639-1) writes them; spaces and no-break spaces are always group separators
// when followed by exactly three digits. Thread-safe.
std::vector<NumberMatch> FindNumbers(std::string_view text, const std::string& lang);

// Parses `text` as one non-negative integer after an optional label ("Number:
// 2,299" → 2299), else as a number spelled out in words (ParseSpelledInteger).
// Returns -1 when no single integer is there.
long long ParseInteger(std::string_view text, const std::string& lang);

// The integer that `text` spells out, whole, in `lang` by ICU's spell-out
// rules (CLDR): "Five" → 5, "cinq" → 5, "veintitrés" → 23; case and a final
// full stop aside. -1 when the text is not one spelled number.
long long ParseSpelledInteger(std::string_view text, const std::string& lang);

}  // namespace vareport
