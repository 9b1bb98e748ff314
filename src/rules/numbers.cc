#include "rules/numbers.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <map>

#include "core/text.h"

namespace vareport {
namespace {

struct Separators {
  char32_t group = ',';
  char32_t decimal = '.';
};

// The locale's separators, from ICU's DecimalFormatSymbols (cached per language).
Separators SeparatorsFor(const std::string& lang) {
  static std::mutex mu;
  static std::map<std::string, Separators> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  Separators s;
  UErrorCode status = U_ZERO_ERROR;
  icu::DecimalFormatSymbols sym(icu::Locale(lang.c_str()), status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString g = sym.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol);
    icu::UnicodeString d = sym.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol);
    if (g.length() > 0) s.group = static_cast<char32_t>(g.char32At(0));
    if (d.length() > 0) s.decimal = static_cast<char32_t>(d.char32At(0));
  }
  cache[lang] = s;
  return s;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSpaceSep(char32_t c) { return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007; }

}  // namespace

std::vector<NumberMatch> FindNumbers(std::string_view text, const std::string& lang) {
  const Separators sep = SeparatorsFor(lang);
  // Code points and the byte offset of each in `text` itself, so that the
  // offsets reported stay right when `text` holds invalid UTF-8 (each invalid
  // sequence reads as one U+FFFD but keeps its own length in bytes).
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) text = text.substr(0, INT32_MAX);
  std::u32string u;
  std::vector<std::size_t> at;
  u.reserve(text.size());
  at.reserve(text.size() + 1);
  {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::int32_t n = static_cast<std::int32_t>(text.size());
    std::int32_t b = 0;
    while (b < n) {
      at.push_back(static_cast<std::size_t>(b));
      UChar32 c;
      U8_NEXT(s, b, n, c);
      u.push_back(c < 0 ? static_cast<char32_t>(0xFFFD) : static_cast<char32_t>(c));
    }
    at.push_back(text.size());
  }
  std::vector<NumberMatch> out;
  std::size_t i = 0;
  while (i < u.size()) {
    if (!IsDigit(u[i]) || (i > 0 && (IsDigit(u[i - 1]) || u_isalpha(static_cast<UChar32>(u[i - 1]))))) {
      ++i;
      continue;
    }
    std::size_t start = i;
    double value = 0;
    std::size_t j = i;
    int first_group_len = 0;
    while (j < u.size() && IsDigit(u[j])) {
      value = value * 10 + (u[j] - '0');
      ++j;
      ++first_group_len;
    }
    bool grouped = false;
    // Group separators, followed by exactly three digits: the locale's, a
    // space or an apostrophe, or whichever of "." and "," is not the locale's
    // decimal separator ("1,234" in English; "1 234" and "1.234" in French).
    while (j < u.size() && first_group_len <= 3) {
      char32_t c = u[j];
      bool is_group = c != sep.decimal && (c == sep.group || IsSpaceSep(c) || c == '\'' || c == 0x2019 ||
                                           c == '.' || c == ',');
      if (!is_group || j + 3 >= u.size()) break;
      if (!(IsDigit(u[j + 1]) && IsDigit(u[j + 2]) && IsDigit(u[j + 3]))) break;
      if (j + 4 < u.size() && IsDigit(u[j + 4])) break;
      value = value * 1000 + (u[j + 1] - '0') * 100 + (u[j + 2] - '0') * 10 + (u[j + 3] - '0');
      j += 4;
      grouped = true;
    }
    bool integer = true;
    if (j + 1 < u.size() && u[j] == sep.decimal && IsDigit(u[j + 1])) {
      double frac = 0, scale = 1;
      std::size_t k = j + 1;
      while (k < u.size() && IsDigit(u[k])) {
        frac = frac * 10 + (u[k] - '0');
        scale *= 10;
        ++k;
      }
      value += frac / scale;
      integer = false;
      j = k;
    }
    NumberMatch m;
    m.value = value;
    m.integer = integer;
    m.begin = at[start];
    m.end = at[j];
    m.year_like = !grouped && integer && (j - start) == 4 && value >= 1900 && value <= 2100;
    // "%" or "per cent" right after.
    std::size_t k = j;
    while (k < u.size() && IsSpaceSep(u[k])) ++k;
    if (k < u.size() && (u[k] == '%' || u[k] == 0xFF05)) m.percent = true;
    // "#38", "n°38", "n.º 38", "No. 38" right before.
    std::size_t b = start;
    while (b > 0 && IsSpaceSep(u[b - 1])) --b;
    if (b > 0 && (u[b - 1] == '#' || u[b - 1] == 0x00B0 || u[b - 1] == 0x00BA)) m.after_hash = true;
    out.push_back(m);
    i = j;
  }
  return out;
}

long long ParseInteger(std::string_view text, const std::string& lang) {
  std::vector<NumberMatch> ms = FindNumbers(text, lang);
  for (const NumberMatch& m : ms) {
    if (m.integer && !m.after_hash && !m.percent) return static_cast<long long>(std::llround(m.value));
  }
  return ParseSpelledInteger(text, lang);
}

long long ParseSpelledInteger(std::string_view text, const std::string& lang) {
  if (text.size() > 80) return -1;
  icu::Locale locale(lang.c_str());
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.trim().toLower(locale);
  while (s.length() > 0 && (s.endsWith(icu::UnicodeString(u".")) || s.endsWith(icu::UnicodeString(u";")))) s.truncate(s.length() - 1);
  if (s.isEmpty()) return -1;
  // ICU's spell-out rules of the language (CLDR): "five", "cinq",
  // "veintitrés". Building them parses the rule text (about half a
  // millisecond): once per language and thread (a format is not thread-safe).
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> formats;
  auto it = formats.find(lang);
  if (it == formats.end()) {
    UErrorCode built = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, locale, built);
    it = formats.emplace(lang, U_FAILURE(built) ? nullptr : std::move(f)).first;
  }
  if (!it->second) return -1;
  const icu::RuleBasedNumberFormat& rbnf = *it->second;
  UErrorCode status = U_ZERO_ERROR;
  icu::Formattable value;
  icu::ParsePosition pos(0);
  rbnf.parse(s, value, pos);
  if (pos.getIndex() != s.length() || pos.getErrorIndex() >= 0) return -1;
  status = U_ZERO_ERROR;
  int64_t v = value.getInt64(status);
  if (U_FAILURE(status) || v < 0) return -1;
  return static_cast<long long>(v);
}

}  // namespace vareport
