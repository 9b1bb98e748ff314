// libFuzzer harness for the text readers of the rules module: figures
// (src/rules/numbers.h FindNumbers, ParseInteger), deadlines (src/rules/dates.h
// FindDeadline, MonthNumber) and the matching form (src/core/text.h
// FoldForMatch, MatchTokens, Nfc, Nfkc, SanitizeUtf8, TruncateUtf8).
//
// The first byte picks the language (en, fr, es, or one the rules do not
// have, which falls back to English) and whether a bare year counts; the rest
// is the text, arbitrary bytes (the functions promise to accept invalid
// UTF-8). Checked: byte offsets stay inside the text and point at UTF-8
// boundaries, dates are well-formed YYYY-MM-DD, output text is valid UTF-8.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"
#include "fuzz_util.h"
#include "rules/dates.h"
#include "rules/numbers.h"
#include "rules/rule_loader.h"

namespace {

const vareport::RuleSet* g_rules = nullptr;

bool Boundary(std::string_view s, std::size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

void CheckDate(const std::string& d) {
  auto digit = [&](std::size_t i) { return d[i] >= '0' && d[i] <= '9'; };
  bool ok = d.size() == 10 && d[4] == '-' && d[7] == '-';
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) ok = ok && digit(i);
  if (!ok) vareport::fuzz::Fail("malformed deadline date", d);
  const int month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) vareport::fuzz::Fail("impossible deadline date", d);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  static vareport::Result<vareport::RuleSet> rules = vareport::LoadRules(VAREPORT_SOURCE_RULES_DIR);
  if (!rules) vareport::fuzz::Fail("the source rules do not load", rules.error().message);
  g_rules = &rules.value();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 4096) return 0;  // the functions see sentences and cells, not books
  static const char* const kLangs[] = {"en", "fr", "es", "de"};
  const std::string lang = kLangs[data[0] & 3];
  const bool bare_year = (data[0] & 4) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  // Offsets are byte offsets into `text` at code-point starts; in invalid
  // UTF-8 a stray continuation byte is a code point of its own (U+FFFD), so
  // the boundary check only applies to valid text. A figure starts with a digit.
  const bool valid = vareport::IsValidUtf8(text);
  for (const vareport::NumberMatch& m : vareport::FindNumbers(text, lang)) {
    if (m.begin >= m.end || m.end > text.size()) vareport::fuzz::Fail("number outside the text", std::string(text));
    if (text[m.begin] < '0' || text[m.begin] > '9') vareport::fuzz::Fail("number not starting at a digit", std::string(text));
    if (valid && (!Boundary(text, m.begin) || !Boundary(text, m.end))) {
      vareport::fuzz::Fail("number offsets split a UTF-8 sequence", std::string(text));
    }
    if (std::isnan(m.value)) vareport::fuzz::Fail("NaN figure", std::string(text));
  }
  (void)vareport::ParseInteger(text, lang);

  const vareport::Deadline d = vareport::FindDeadline(text, *g_rules->LexiconFor(lang), bare_year);
  if (d.date) CheckDate(*d.date);

  const std::string folded = vareport::FoldForMatch(text);
  if (!vareport::IsValidUtf8(folded)) vareport::fuzz::Fail("FoldForMatch gave invalid UTF-8", folded);
  for (const std::string& w : vareport::MatchTokens(text)) (void)vareport::MonthNumber(w, lang);
  if (!vareport::IsValidUtf8(vareport::Nfc(text))) vareport::fuzz::Fail("Nfc gave invalid UTF-8", "");
  if (!vareport::IsValidUtf8(vareport::Nfkc(text))) vareport::fuzz::Fail("Nfkc gave invalid UTF-8", "");
  if (!vareport::IsValidUtf8(vareport::SanitizeUtf8(text))) vareport::fuzz::Fail("SanitizeUtf8 left invalid UTF-8", "");
  const std::string cut = vareport::TruncateUtf8(vareport::SanitizeUtf8(text), text.size() / 2);
  if (!vareport::IsValidUtf8(cut)) vareport::fuzz::Fail("TruncateUtf8 split a sequence", cut);
  return 0;
}
