// document/locate.h LocateText on pages the test builds: line breaks,
// hyphenation, accents and case, the hint page, a span shortened or ordered
// differently (the longest unique run), and nothing guessed when not found.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "document/locate.h"

using namespace vareport;

namespace {

// A page of words laid out left to right, one line per string, 12 pt apart.
PlacedPage Page(int number, const std::vector<std::string>& lines) {
  PlacedPage p;
  p.number = number;
  p.width = 595;
  p.height = 842;
  double y = 72;
  for (const std::string& line : lines) {
    std::istringstream words(line);
    double x = 72;
    for (std::string w; words >> w;) {
      const double width = 6.0 * static_cast<double>(w.size());
      p.words.push_back({w, Box{x, y, x + width, y + 10}});
      x += width + 4;
    }
    y += 12;
  }
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(locate)

BOOST_AUTO_TEST_CASE(a_span_across_a_line_break_gets_its_page_and_the_union_box) {
  std::vector<PlacedPage> pages = {Page(1, {"Introduction", "nothing here"}),
                                   Page(2, {"1.1 Has a government entity been", "designated to coordinate?"})};
  auto spot = LocateText(pages, "Has a government entity been designated");
  BOOST_TEST_REQUIRE(spot.has_value());
  BOOST_TEST(spot->page == 2);
  BOOST_TEST(spot->page_width == 595);
  BOOST_TEST(spot->page_height == 842);
  BOOST_TEST(spot->box.y0 == 72);   // first line
  BOOST_TEST(spot->box.y1 == 94);   // second line's bottom: 72 + 12 + 10
  BOOST_TEST(spot->box.x0 == 72);   // "designated" starts the second line
}

BOOST_AUTO_TEST_CASE(hyphenation_accents_case_and_punctuation_are_ignored) {
  std::vector<PlacedPage> pages = {Page(1, {"Centres de réadap-", "tation physique : 9"})};
  auto spot = LocateText(pages, "centres de READAPTATION physique");
  BOOST_TEST_REQUIRE(spot.has_value());
  BOOST_TEST(spot->page == 1);
  // The other way round: the evidence hyphenated, the page not.
  std::vector<PlacedPage> plain = {Page(3, {"Centres de readaptation physique"})};
  auto back = LocateText(plain, "Centres de réadap- tation physique");
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST(back->page == 3);
}

BOOST_AUTO_TEST_CASE(the_hint_page_wins_when_the_span_repeats) {
  std::vector<PlacedPage> pages = {Page(1, {"Yes No Partial"}), Page(2, {"Yes No Partial"}), Page(3, {"Yes No Partial"})};
  BOOST_TEST(LocateText(pages, "Yes No Partial")->page == 1);
  BOOST_TEST(LocateText(pages, "Yes No Partial", 3)->page == 3);
}

BOOST_AUTO_TEST_CASE(a_span_found_only_in_part_uses_its_longest_unique_run) {
  // The rendering puts the tick column before the question: the span as the
  // reader wrote it ("question — ☒ Yes") is not contiguous on the page.
  std::vector<PlacedPage> pages = {
      Page(1, {"Yes No", "Yes No"}),
      Page(2, {"☒ Yes ☐ No", "2.3 Are survivors counted in a central database", "☐ Yes ☒ No"})};
  auto spot = LocateText(pages, "2.3 Are survivors counted in a central database? — ☒ Yes ☐ No");
  BOOST_TEST_REQUIRE(spot.has_value());
  BOOST_TEST(spot->page == 2);
  BOOST_TEST(spot->box.y0 == 84);  // the question's line
  // A short run that occurs twice decides nothing.
  BOOST_TEST(!LocateText(pages, "Yes No Maybe Later").has_value());
}

BOOST_AUTO_TEST_CASE(nothing_is_guessed) {
  std::vector<PlacedPage> pages = {Page(1, {"Completely different text"})};
  BOOST_TEST(!LocateText(pages, "national focal point designated").has_value());
  BOOST_TEST(!LocateText(pages, "— ☒ …").has_value());  // no word at all
  BOOST_TEST(!LocateText({}, "anything").has_value());
  std::vector<PlacedPage> empty = {Page(1, {})};  // a scan: no text layer
  BOOST_TEST(!LocateText(empty, "anything at all here").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
