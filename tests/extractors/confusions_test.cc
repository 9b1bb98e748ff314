// Tests for extractors/ocr/confusions.h (issue 9, kind 11): OCR confusions
// undone inside figures and dates only, with the pairs of the project's rule
// files (rules/document.xml <ocr-confusions>, through
// service/extract_options.h as every command takes them).
#include "extractors/ocr/confusions.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "rules/rule_loader.h"
#include "service/extract_options.h"

namespace vareport::ocr {
namespace {

pdf::Word W(const std::string& text, double x) {
  pdf::Word w;
  w.text = text;
  w.box = Box{x, 100, x + 6.0 * static_cast<double>(text.size()), 112};
  w.tick_encoding = TickEncoding::kImage;
  return w;
}

// The confusions of rules/document.xml, as extract and the workers get them.
const OcrConfusions& RuleConfusions() {
  static const OcrConfusions k = [] {
    Result<RuleSet> rules = LoadRules(VAREPORT_SOURCE_RULES_DIR);
    BOOST_REQUIRE_MESSAGE(rules.ok(), (rules ? "" : rules.error().message));
    return service::ExtractOptionsFor(*rules).ocr.confusions;
  }();
  return k;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ocr)
BOOST_AUTO_TEST_SUITE(confusions)

BOOST_AUTO_TEST_CASE(figures_and_dates_are_repaired) {
  const OcrConfusions& k = RuleConfusions();
  BOOST_TEST(FixNumberToken("2O26", k) == "2026");
  BOOST_TEST(FixNumberToken("l,234", k) == "1,234");
  BOOST_TEST(FixNumberToken("(2O27).", k) == "(2027).");
  BOOST_TEST(FixNumberToken("3l/12/2O27", k) == "31/12/2027");
  BOOST_TEST(FixNumberToken("1O%", k) == "10%");
  BOOST_TEST(FixNumberToken("4|5", k) == "415");
}

BOOST_AUTO_TEST_CASE(words_are_never_touched) {
  const OcrConfusions& k = RuleConfusions();
  for (const char* w : {"Ol", "lo", "Io", "of", "No.", "COVID-19", "2nd", "1st", "Oslo", "I", "l", "O", "IOl"}) {
    BOOST_TEST(FixNumberToken(w, k) == w, w);
  }
}

BOOST_AUTO_TEST_CASE(a_quarter_before_a_year_is_repaired) {
  std::vector<pdf::Word> words = {W("In", 10), W("Ql", 30), W("2O26,", 50), W("ensure", 90)};
  BOOST_TEST(FixOcrConfusions(words, RuleConfusions()) == 2);
  BOOST_TEST(words[1].text == "Q1");
  BOOST_TEST(words[2].text == "2026,");
  // Not before a year, or not a period prefix: left alone.
  std::vector<pdf::Word> other = {W("Ql", 10), W("results", 30), W("Al", 90), W("2026", 110)};
  BOOST_TEST(FixOcrConfusions(other, RuleConfusions()) == 0);
  BOOST_TEST(other[0].text == "Ql");
  BOOST_TEST(other[2].text == "Al");
}

BOOST_AUTO_TEST_CASE(the_confusions_are_data) {
  BOOST_TEST(OcrConfusions{}.pairs.empty());  // without rules nothing is changed
  BOOST_TEST(FixNumberToken("2O26", OcrConfusions{}) == "2O26");
  OcrConfusions k;
  k.pairs = {{"S", "5"}};
  BOOST_TEST(FixNumberToken("1S0", k) == "150");
  BOOST_TEST(FixNumberToken("2O26", k) == "2O26");  // O is not in this list
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport::ocr
