#include "core/text.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace vareport {
namespace {

bool IsSpaceCp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x202F || c == 0x2007 || c == 0x2009 || c == 0x200A || c == 0x3000 || (c >= 0x2000 && c <= 0x2006) ||
         c == 0x2028 || c == 0x2029 || c == 0x0085;
}

std::string Normalize(std::string_view s, const icu::Normalizer2* n) {
  if (n == nullptr) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string result;
  out.toUTF8String(result);
  return result;
}

}  // namespace

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out += c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(out, c);
  return out;
}

std::string Trim(std::string_view s) {
  std::u32string u = DecodeUtf8(s);
  std::size_t b = 0, e = u.size();
  while (b < e && IsSpaceCp(u[b])) ++b;
  while (e > b && IsSpaceCp(u[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) AppendUtf8(out, u[i]);
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char32_t c : DecodeUtf8(s)) {
    if (IsSpaceCp(c) || u_isUWhiteSpace(static_cast<UChar32>(c))) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    AppendUtf8(out, c);
  }
  return out;
}

std::string Nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  return Normalize(s, icu::Normalizer2::getNFCInstance(status));
}

std::string Nfkc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  return Normalize(s, icu::Normalizer2::getNFKCInstance(status));
}

std::string FoldForMatch(std::string_view s) {
  // ASCII alone (most of an English report): NFKD leaves it as it is, no
  // character is a mark, alphanumerics are [0-9A-Za-z] and case folding is
  // tolower — the same result as below without ICU, byte by byte.
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
      const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum) {
        pending = true;
        continue;
      }
      if (pending && !out.empty()) out += ' ';
      pending = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::string decomposed = Normalize(s, icu::Normalizer2::getNFKDInstance(status));
  std::string out;
  bool pending = false;
  for (char32_t c : DecodeUtf8(decomposed)) {
    auto uc = static_cast<UChar32>(c);
    int8_t type = u_charType(uc);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) continue;
    if (u_isalnum(uc)) {
      if (pending && !out.empty()) out += ' ';
      pending = false;
      AppendUtf8(out, static_cast<char32_t>(u_foldCase(uc, U_FOLD_CASE_DEFAULT)));
    } else {
      pending = true;  // white space and punctuation separate words
    }
  }
  return out;
}

std::vector<std::string> MatchTokens(std::string_view s) {
  std::vector<std::string> out;
  std::string folded = FoldForMatch(s);
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) out.push_back(folded.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace vareport

namespace vareport {

std::string TruncateUtf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace vareport
