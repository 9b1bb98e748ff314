#include "rules/numbers.h"

#include <boost/test/unit_test.hpp>

using vareport::FindNumbers;
using vareport::ParseInteger;

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(numbers)

BOOST_AUTO_TEST_CASE(locale_separators_are_read_per_language) {
  BOOST_TEST(ParseInteger("1,234", "en") == 1234);
  BOOST_TEST(ParseInteger("1 234", "fr") == 1234);
  BOOST_TEST(ParseInteger("1.602", "fr") == 1602);  // a period groups in French too
  BOOST_TEST(ParseInteger("1\xC2\xA0" "234", "fr") == 1234);      // no-break space
  BOOST_TEST(ParseInteger("1\xE2\x80\xAF" "234", "fr") == 1234);  // narrow no-break space
  BOOST_TEST(ParseInteger("1.234", "es") == 1234);
  BOOST_TEST(ParseInteger("9.877", "es") == 9877);
  BOOST_TEST(ParseInteger("45,278", "en") == 45278);
  BOOST_TEST(ParseInteger("1234", "en") == 1234);
}

BOOST_AUTO_TEST_CASE(labels_and_text_around_a_figure) {
  BOOST_TEST(ParseInteger("Number: 2,299", "en") == 2299);
  BOOST_TEST(ParseInteger("Cantidad: 9.186", "es") == 9186);
  BOOST_TEST(ParseInteger("Nombre : 25", "fr") == 25);
  BOOST_TEST(ParseInteger("no figure here", "en") == -1);
}

BOOST_AUTO_TEST_CASE(decimals_percentages_and_action_numbers) {
  auto ms = FindNumbers("50 % of survivors, Action #38, 1.5 km", "en");
  BOOST_TEST_REQUIRE(ms.size() == 3u);
  BOOST_TEST(ms[0].percent);
  BOOST_TEST(ms[1].after_hash);
  BOOST_TEST(!ms[2].integer);
  auto fr = FindNumbers("Action n°35 et 12,5 %", "fr");
  BOOST_TEST_REQUIRE(fr.size() == 2u);
  BOOST_TEST(fr[0].after_hash);
  BOOST_TEST(fr[1].value == 12.5);
}

BOOST_AUTO_TEST_CASE(years_are_marked) {
  auto ms = FindNumbers("by 2026, 1,200 survivors", "en");
  BOOST_TEST_REQUIRE(ms.size() == 2u);
  BOOST_TEST(ms[0].year_like);
  BOOST_TEST(!ms[1].year_like);
  BOOST_TEST(ms[1].value == 1200);
}

// A figure spelled out in a number cell ("Five", "cinq", "veintitrés"), by
// ICU's spell-out rules of the document's language; anything more than the
// spelled number is none.
BOOST_AUTO_TEST_CASE(a_number_spelled_out_in_words) {
  BOOST_TEST(ParseInteger("Five", "en") == 5);
  BOOST_TEST(ParseInteger("twenty-three.", "en") == 23);
  BOOST_TEST(ParseInteger("cinq", "fr") == 5);
  BOOST_TEST(ParseInteger("Veintitrés", "es") == 23);
  BOOST_TEST(ParseInteger("None", "en") == -1);
  BOOST_TEST(ParseInteger("Un centre", "fr") == -1);
  BOOST_TEST(ParseInteger("Not known", "en") == -1);
  BOOST_TEST(ParseInteger("", "en") == -1);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
