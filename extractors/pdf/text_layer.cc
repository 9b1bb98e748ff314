// vareport/extractors/pdf/text_layer.cc — see text_layer.h.
#include "extractors/pdf/text_layer.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/text.h"

namespace vareport::pdf {
namespace {

std::string Utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

bool IsUnmapped(char32_t c) {
  return c == 0xFFFD || c < 0x20 || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000);
}

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Latin letters of the report languages (ASCII and Latin-1/Extended-A letters).
bool IsLetter(char32_t c) { return IsAsciiLetter(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }

// Punctuation and marks any report prints on its own or inside words.
bool IsCommonSymbol(char32_t c) {
  static constexpr std::u32string_view kCommon =
      U"-\u2010\u2011\u2013\u2014\u2022\u00B7.,;:!?%/()[]\"'\u00AB\u00BB\u201C\u201D\u2018\u2019*+=&\u00A7\u00B0"
      U"\u2116#@_\u2026|\u2612\u2610\u2611\u2713\u2714\u25A0\u25A1\u25AA\u27A2<>$\u20AC\u00BA\u00AA~^{}\\";
  return kCommon.find(c) != std::u32string_view::npos;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Function words of English, French and Spanish, accents folded (FoldForMatch).
const std::unordered_set<std::string>& FunctionWords() {
  static const std::unordered_set<std::string> kWords = {
      // en
      "the", "of", "and", "to", "in", "for", "is", "are", "on", "with", "by", "an", "be", "has", "have", "at",
      "or", "as", "this", "that", "from", "not", "no", "yes", "it", "its", "was", "were", "will", "which",
      // fr
      "de", "la", "le", "les", "des", "du", "et", "en", "un", "une", "au", "aux", "pour", "par", "sur", "dans",
      "est", "sont", "que", "qui", "oui", "non", "ou", "ce", "il",
      // es
      "el", "los", "las", "del", "al", "por", "para", "con", "se", "es", "son", "si", "su", "sus", "lo"};
  return kWords;
}

// True when the letters-only piece `p` (original case) could be a word of the
// report languages or an acronym.
bool PlausibleLetters(std::u32string_view p) {
  if (p.size() <= 3) return true;
  bool all_upper = true;
  for (char32_t c : p) all_upper = all_upper && !(c >= 'a' && c <= 'z') && !(c >= 0xDF && c <= 0xFF);
  if (all_upper && p.size() <= 8) return true;  // acronyms: CRPD, UNMAS, ICRC
  std::string folded = FoldForMatch(Utf8(p));
  int vowels = 0, run = 0, worst = 0;
  for (char c : folded) {
    if (c < 'a' || c > 'z') continue;
    if (IsVowel(c)) {
      ++vowels;
      run = 0;
    } else {
      worst = std::max(worst, ++run);
    }
  }
  return vowels > 0 && worst < 6;
}

}  // namespace

TextLayerQuality AssessTextLayer(const std::vector<Word>& words) {
  std::size_t chars = 0, unmapped = 0, implausible = 0, letter_words = 0, function_words = 0;
  const auto& function = FunctionWords();
  for (const Word& w : words) {
    std::size_t cid = 0;
    for (std::size_t at = w.text.find("(cid:"); at != std::string::npos; at = w.text.find("(cid:", at + 1)) ++cid;
    const std::u32string cps = DecodeUtf8(w.text);
    chars += cps.size();
    if (cid > 0 || w.text.rfind("glyph", 0) == 0) {
      unmapped += cps.size();
      continue;
    }
    for (char32_t c : cps) unmapped += IsUnmapped(c) ? 1 : 0;
    // Pieces: maximal runs of letters and digits.
    std::size_t i = 0;
    while (i < cps.size()) {
      const char32_t c = cps[i];
      if (!IsLetter(c) && !IsDigit(c)) {
        if (!IsUnmapped(c) && !IsCommonSymbol(c) && TickState(c, w.font) < 0) ++implausible;
        ++i;
        continue;
      }
      std::size_t j = i;
      int switches = 0;
      bool letters = false;
      while (j < cps.size() && (IsLetter(cps[j]) || IsDigit(cps[j]))) {
        letters = letters || IsLetter(cps[j]);
        if (j > i && IsLetter(cps[j]) != IsLetter(cps[j - 1])) ++switches;
        ++j;
      }
      const std::u32string_view piece(cps.data() + i, j - i);
      bool ok = switches <= 2;
      if (ok && letters && switches == 0) ok = PlausibleLetters(piece);
      if (!ok) implausible += piece.size();
      bool lower = false;
      for (char32_t c : piece) lower = lower || (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF);
      // Acronyms, figures and one-letter words say nothing of the language
      // (a letter soup makes "a", "y", "o" as often as any letter).
      if (letters && switches == 0 && lower && piece.size() >= 2) {
        ++letter_words;
        if (function.count(FoldForMatch(Utf8(piece))) > 0) ++function_words;
      }
      i = j;
    }
  }
  if (chars < 4) return {false, "no text"};
  if (unmapped * 2 > chars) return {false, "unmapped glyphs (fonts without a Unicode map)"};
  if (implausible * 2 > chars) return {false, "nonsense letter sequences (fonts without a Unicode map)"};
  if (letter_words >= 30 && function_words * 100 < letter_words * 6) {
    return {false, "no word of English, French or Spanish (fonts without a Unicode map)"};
  }
  return {};
}

}  // namespace vareport::pdf
