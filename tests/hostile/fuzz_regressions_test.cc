// Every input the fuzzers found a bug with (fuzz/regressions/<harness>/, one
// file each, named after the bug) replayed through the same entry point and
// the same promises as the harness, so a fixed bug stays fixed without a
// fuzzing build: docx and pdf → a Document or a one-line non-internal Error;
// rules → loads or a one-line kRuleError; text → figures inside the text, on
// UTF-8 boundaries.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "extractors/docx/docx_extractor.h"
#include "extractors/pdf/pdf_extractor.h"
#include "fuzz/docx_input.h"
#include "hostile/hostile_util.h"
#include "rules/dates.h"
#include "rules/numbers.h"
#include "rules/rule_loader.h"
#include "rules/rules_fixture.h"

namespace {

namespace fs = std::filesystem;
using vareport::test::hostile::ReadBytes;

fs::path RegressionDir(const std::string& harness) {
  return fs::path(VAREPORT_SAMPLES_DIR).parent_path() / "fuzz" / "regressions" / harness;
}

std::vector<fs::path> Inputs(const std::string& harness) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(RegressionDir(harness), ec)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  BOOST_TEST_MESSAGE(harness << ": " << out.size() << " regression inputs");
  BOOST_TEST(true);  // none yet is a pass, not a missing check
  return out;
}

void CheckError(const vareport::Error& e, const std::string& name) {
  BOOST_TEST(!e.message.empty(), name);
  BOOST_TEST(e.message.find('\n') == std::string::npos, name << ": " << e.message);
  BOOST_TEST((e.kind != vareport::ErrorKind::kInternal), name << ": " << e.message);
}

void CheckDocument(const vareport::Result<vareport::Document>& r, const std::string& name) {
  if (!r.ok()) return CheckError(r.error(), name);
  for (const vareport::Block& b : r->body) {
    if (b.kind != vareport::BlockKind::kParagraph) continue;
    BOOST_TEST(vareport::IsValidUtf8(b.paragraph.text), name);
    for (const vareport::Tick& t : b.paragraph.ticks) BOOST_TEST(t.offset + t.length <= b.paragraph.text.size(), name);
  }
}

bool Boundary(const std::string& s, std::size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile)
BOOST_AUTO_TEST_SUITE(fuzz_regressions)

BOOST_AUTO_TEST_CASE(docx) {
  for (const fs::path& p : Inputs("docx")) {
    CheckDocument(vareport::ExtractDocx(vareport::fuzz::DocxFuzzInput(ReadBytes(p.string())), {}), p.filename());
  }
}

BOOST_AUTO_TEST_CASE(pdf) {
  for (const fs::path& p : Inputs("pdf")) {
    vareport::ExtractOptions options;
    options.ocr.enabled = false;
    CheckDocument(vareport::ExtractPdf(ReadBytes(p.string()), options), p.filename());
  }
}

// fuzz_rules: the first byte picks the rule file, the rest replaces it.
BOOST_AUTO_TEST_CASE(rules) {
  static const char* const kFiles[] = {"catalogue.xml", "lexicon/en.xml", "lexicon/fr.xml", "lexicon/es.xml",
                                       "states.xml",    "plans.xml",      "document.xml"};
  const std::vector<fs::path> inputs = Inputs("rules");
  if (inputs.empty()) return;
  const fs::path dir = fs::temp_directory_path() / ("vareport_fuzz_regressions_rules_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(VAREPORT_SOURCE_RULES_DIR, dir, fs::copy_options::recursive);
  for (const fs::path& p : inputs) {
    const std::string bytes = ReadBytes(p.string());
    if (bytes.empty()) continue;
    const fs::path file = dir / kFiles[static_cast<unsigned char>(bytes[0]) % 7];
    const std::string original = ReadBytes(file.string());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(1);
    vareport::Result<vareport::RuleSet> r = vareport::LoadRules(dir.string());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << original;
    if (r.ok()) continue;
    CheckError(r.error(), p.filename());
    BOOST_TEST((r.error().kind == vareport::ErrorKind::kRuleError), p.filename());
  }
  fs::remove_all(dir);
}

// fuzz_text: the first byte picks the language (and bare years), the rest is the text.
BOOST_AUTO_TEST_CASE(text) {
  static const char* const kLangs[] = {"en", "fr", "es", "de"};
  for (const fs::path& p : Inputs("text")) {
    const std::string bytes = ReadBytes(p.string());
    if (bytes.empty()) continue;
    const std::string lang = kLangs[static_cast<unsigned char>(bytes[0]) & 3];
    const std::string text = bytes.substr(1);
    const bool valid = vareport::IsValidUtf8(text);  // in invalid UTF-8 a stray byte is a code point of its own
    for (const vareport::NumberMatch& m : vareport::FindNumbers(text, lang)) {
      BOOST_TEST_REQUIRE((m.begin < m.end && m.end <= text.size()), p.filename());
      BOOST_TEST((text[m.begin] >= '0' && text[m.begin] <= '9'), p.filename());
      if (valid) BOOST_TEST((Boundary(text, m.begin) && Boundary(text, m.end)), p.filename());
    }
    (void)vareport::ParseInteger(text, lang);
    const vareport::Deadline d = vareport::FindDeadline(
        text, *vareport::test::SourceRules().LexiconFor(lang), (static_cast<unsigned char>(bytes[0]) & 4) != 0);
    if (d.date) BOOST_TEST(d.date->size() == 10u, p.filename());
    BOOST_TEST(vareport::IsValidUtf8(vareport::FoldForMatch(text)), p.filename());
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
