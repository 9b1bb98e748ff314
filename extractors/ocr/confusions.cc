// vareport/extractors/ocr/confusions.cc — see confusions.h.
#include "extractors/ocr/confusions.h"

#include "core/text.h"

namespace vareport::ocr {
namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSeparator(char32_t c) {
  return c == '.' || c == ',' || c == '/' || c == '-' || c == ':' || c == '\'' || c == '%' || c == 0x2019 ||
         c == 0x2013;
}
// Punctuation that may wrap a figure: "(2O26)", "l,234;".
bool IsWrapper(char32_t c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == ';' || c == ',' || c == '.' || c == ':' ||
         c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB;
}

// The replacement of `c`, or 0 when it is not a confusable character.
char32_t Meant(char32_t c, const OcrConfusions& k) {
  for (const auto& [read, meant] : k.pairs) {
    const std::u32string r = DecodeUtf8(read), m = DecodeUtf8(meant);
    if (r.size() == 1 && m.size() == 1 && r[0] == c) return m[0];
  }
  return 0;
}

bool IsYear(std::string_view token) {
  std::u32string t = DecodeUtf8(token);
  while (!t.empty() && IsWrapper(t.back())) t.pop_back();
  if (t.size() != 4) return false;
  for (char32_t c : t) {
    if (!IsDigit(c)) return false;
  }
  return (t[0] == '1' && t[1] == '9') || (t[0] == '2' && t[1] == '0');
}

}  // namespace

std::string FixNumberToken(std::string_view token, const OcrConfusions& confusions) {
  std::u32string t = DecodeUtf8(token);
  std::size_t b = 0, e = t.size();
  while (b < e && IsWrapper(t[b])) ++b;
  while (e > b && IsWrapper(t[e - 1])) --e;
  if (b == e) return std::string(token);
  std::size_t digits = 0, confusable = 0;
  for (std::size_t i = b; i < e; ++i) {
    const char32_t c = t[i];
    if (IsDigit(c)) ++digits;
    else if (Meant(c, confusions) != 0) ++confusable;
    else if (!IsSeparator(c)) return std::string(token);
  }
  if (digits == 0 || confusable == 0 || confusable > digits) return std::string(token);
  for (std::size_t i = b; i < e; ++i) {
    if (const char32_t m = Meant(t[i], confusions); m != 0) t[i] = m;
  }
  std::string out;
  for (char32_t c : t) AppendUtf8(out, c);
  return out;
}

int FixOcrConfusions(std::vector<pdf::Word>& words, const OcrConfusions& confusions) {
  int changed = 0;
  for (pdf::Word& w : words) {
    std::string fixed = FixNumberToken(w.text, confusions);
    if (fixed != w.text) {
      w.text = std::move(fixed);
      ++changed;
    }
  }
  // Period prefixes: "Ql" followed by a year on the same line.
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    pdf::Word& w = words[i];
    const pdf::Word& next = words[i + 1];
    const std::u32string t = DecodeUtf8(w.text);
    if (t.size() != 2 || !IsYear(next.text)) continue;
    const double cy = (w.box.y0 + w.box.y1) / 2;
    if (cy < next.box.y0 || cy > next.box.y1 || next.box.x0 < w.box.x1 - 1) continue;
    bool prefix = false;
    for (const std::string& p : confusions.period_prefixes) prefix = prefix || DecodeUtf8(p) == t.substr(0, 1);
    const char32_t m = Meant(t[1], confusions);
    if (!prefix || m == 0 || !IsDigit(m)) continue;
    std::u32string fixed = t;
    fixed[1] = m;
    w.text.clear();
    for (char32_t c : fixed) AppendUtf8(w.text, c);
    ++changed;
  }
  return changed;
}

}  // namespace vareport::ocr
