// The reviewer's text summary (report/report_text.h) on reports the test
// builds: "NEEDS REVIEW" first with its reasons, answers with value and page,
// every flag with its page, OCR'd and unusable pages said, plurals right.
#include <boost/test/unit_test.hpp>

#include "report/report_text.h"

using namespace vareport;

namespace {

Report Base() {
  Report r;
  r.file = "scan.pdf";
  r.kind = "va_checklist";
  r.state = "SEN";
  r.reporting_year = 2024;
  r.language = "fr";
  r.format = "pdf";
  r.pages = 3;
  r.components.push_back({"coordination", "Coordination", true, 1, 2, 1});
  r.components.push_back({"medical", "Medical care", false, 0, 3, 0});
  Answer a;
  a.question = "coordination.focal_point";
  a.value.text = "yes";
  a.evidence = {2, "Point focal national — ☒ Oui"};
  r.answers.push_back(a);
  Answer n;
  n.question = "data.survivors_total";
  n.value.kind = AnswerValue::Kind::kInteger;
  n.value.integer = 1200;
  n.evidence = {0, "1 200 survivants"};
  r.answers.push_back(n);
  Finding f;
  f.code = "MISSING_ANSWER";
  f.component = "coordination";
  f.question = "coordination.plan";
  f.message = "Question left unanswered";
  f.page = 3;
  r.findings.push_back(f);
  Finding m;
  m.code = "MISSING_COMPONENT";
  m.component = "medical";
  m.message = "Nothing is reported for 'Medical care'";
  r.findings.push_back(m);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(text_summary_says_needs_review_first_with_its_reasons) {
  Report r = Base();
  r.extraction.needs_review = true;
  r.extraction.questions_expected = 34;
  r.extraction.questions_located = 3;
  r.extraction.reasons = {"only 3 of 34 questions were found", "page 2 has no usable text"};
  const std::string t = ToText(r);
  const std::size_t review = t.find("NEEDS REVIEW");
  BOOST_TEST_REQUIRE(review != std::string::npos, t);
  BOOST_TEST(review < t.find("State: SEN"), t);  // before anything that looks confident
  BOOST_TEST(t.find("3 of 34 questions located") != std::string::npos, t);
  BOOST_TEST(t.find("    - only 3 of 34 questions were found\n") != std::string::npos, t);
  BOOST_TEST(t.find("    - page 2 has no usable text\n") != std::string::npos, t);
  BOOST_TEST(ToText(Base()).find("NEEDS REVIEW") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_summary_lists_answers_and_flags_with_pages_and_plurals) {
  const std::string t = ToText(Base());
  BOOST_TEST(t.find("answers (2):\n") != std::string::npos, t);
  BOOST_TEST(t.find("  - coordination.focal_point: yes (p. 2)\n") != std::string::npos, t);
  BOOST_TEST(t.find("  - data.survivors_total: 1200 (page unknown)\n") != std::string::npos, t);
  BOOST_TEST(t.find("flags (2):\n") != std::string::npos, t);
  BOOST_TEST(t.find("  - MISSING_ANSWER coordination.plan (p. 3): Question left unanswered\n") != std::string::npos, t);
  BOOST_TEST(t.find("  - MISSING_COMPONENT medical: Nothing is reported") != std::string::npos, t);
  BOOST_TEST(t.find("1 objective ") != std::string::npos, t);
  BOOST_TEST(t.find("1 flag\n") != std::string::npos, t);
  BOOST_TEST(t.find("0 objectives") != std::string::npos, t);
  BOOST_TEST(t.find("1 flags") == std::string::npos, t);
  BOOST_TEST(t.find("1 objectives") == std::string::npos, t);
  BOOST_TEST(t.find("| 3 pages") != std::string::npos, t);
}

BOOST_AUTO_TEST_CASE(text_summary_says_when_a_flag_is_on_an_ocr_or_unusable_page) {
  Report r = Base();
  r.ocr = true;
  r.warnings = {"ocr-low-confidence: page 3: 41% of the words were read with low confidence"};
  std::string t = ToText(r);
  BOOST_TEST(t.find("coordination.plan (p. 3, a scanned page read by OCR: check the scan)") != std::string::npos, t);
  BOOST_TEST(t.find("coordination.focal_point: yes (p. 2)\n") != std::string::npos, t);  // page 2 had a text layer
  r.extraction.unusable_pages = {3};
  t = ToText(r);
  BOOST_TEST(t.find("coordination.plan (p. 3, a page whose text could not be used)") != std::string::npos, t);
}

BOOST_AUTO_TEST_SUITE_END()
