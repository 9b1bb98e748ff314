// service/evidence_pages.h: Word-family files get their pages and evidence
// boxes from a LibreOffice rendering (the project's own samples/*/input.docx
// and tests/data/legacy/checklist.rtf); PDF input gets boxes from its own
// words; without a rendering nothing is guessed. The real-rendering cases need
// LibreOffice (libreoffice-writer-nogui, scripts/deps) and say so when absent.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <set>
#include <fstream>

#include "analysis/analyzer.h"
#include "extractors/extractor.h"
#include "rules/rule_loader.h"
#include "service/evidence_pages.h"
#include "test_util.h"

using namespace vareport;

namespace {

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const RuleSet& Rules() {
  static const RuleSet rules = [] {
    Result<RuleSet> r = LoadRules(test::RulesDir());
    BOOST_TEST_REQUIRE(r.ok());
    return std::move(r.value());
  }();
  return rules;
}

Report Read(const std::string& bytes, Format& format) {
  Result<Document> doc = ExtractDocument(bytes);
  BOOST_TEST_REQUIRE(doc.ok());
  format = doc->format;
  Report r = Analyze(*doc, Rules());
  r.pages = doc->pages;
  return r;
}

bool HaveSoffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

void CheckBoxesOnTheirPages(const Report& r) {
  auto check = [&](const Evidence& e, const std::string& what) {
    if (e.page == 0) {
      BOOST_TEST(!e.box.has_value(), what);
      return;
    }
    BOOST_TEST(e.page <= r.pages.value_or(0), what);
    BOOST_TEST_REQUIRE(e.box.has_value(), what);
    BOOST_TEST(e.box->x0 < e.box->x1, what);
    BOOST_TEST(e.box->y0 < e.box->y1, what);
    BOOST_TEST(e.box->x1 <= e.box->page_width + 1, what);
    BOOST_TEST(e.box->y1 <= e.box->page_height + 1, what);
  };
  for (const Answer& a : r.answers) check(a.evidence, a.question);
  for (const Objective& o : r.objectives) check(o.evidence, o.text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(evidence_pages)

BOOST_AUTO_TEST_CASE(a_docx_gets_its_pages_and_boxes_from_its_rendering) {
  if (!HaveSoffice()) {
    BOOST_TEST_MESSAGE("soffice not installed: skipped");
    return;
  }
  const std::string bytes = ReadAll(std::string(VAREPORT_SAMPLES_DIR) + "/en-grid-checklist/input.docx");
  Format format;
  Report r = Read(bytes, format);
  Result<std::string> pdf = service::RenderWordFamily(bytes, format, 60);
  BOOST_TEST_REQUIRE(pdf.ok(), (pdf.ok() ? "" : pdf.error().message));
  service::PlacePages(r, bytes, format, *pdf, "");
  BOOST_TEST(r.pages.value_or(0) > 1);  // the checklist runs over several pages
  int located = 0;
  std::set<int> pages;
  for (const Answer& a : r.answers) {
    if (a.evidence.page > 0) ++located;
    pages.insert(a.evidence.page);
  }
  BOOST_TEST(located == static_cast<int>(r.answers.size()));  // every answer found in the rendering
  BOOST_TEST(pages.size() > 1u);                              // not "page 1 for all"
  CheckBoxesOnTheirPages(r);
  // Answers come in the document's order: their pages never go back.
  int last = 0;
  for (const Answer& a : r.answers) {
    BOOST_TEST(a.evidence.page >= last, a.question);
    last = a.evidence.page;
  }
}

BOOST_AUTO_TEST_CASE(an_rtf_is_rendered_too) {
  if (!HaveSoffice()) {
    BOOST_TEST_MESSAGE("soffice not installed: skipped");
    return;
  }
  const std::string bytes = ReadAll(test::DataPath("legacy/checklist.rtf"));
  Result<std::string> pdf = service::RenderWordFamily(bytes, Format::kRtf, 60);
  BOOST_TEST_REQUIRE(pdf.ok());
  BOOST_TEST(pdf->rfind("%PDF-", 0) == 0u);
  Report r;
  r.answers.push_back({"coordination.focal_point", {AnswerValue::Kind::kWord, "yes", 0},
                       Evidence(7, "The national focal point is the Ministry of Health."), 1.0, "prose"});
  service::PlacePages(r, bytes, Format::kRtf, *pdf, "");
  BOOST_TEST(r.pages.value_or(0) == 1);
  BOOST_TEST(r.answers[0].evidence.page == 1);  // the guess (7) replaced by the rendering's page
  BOOST_TEST(r.answers[0].evidence.box.has_value());
}

BOOST_AUTO_TEST_CASE(without_a_rendering_pages_are_unknown_and_the_report_says_why) {
  const std::string bytes = ReadAll(std::string(VAREPORT_SAMPLES_DIR) + "/fr-single-word/input.docx");
  Format format;
  Report r = Read(bytes, format);
  BOOST_TEST_REQUIRE(!r.answers.empty());
  service::PlacePages(r, bytes, format, std::nullopt, "rendering skipped (--no-render)");
  for (const Answer& a : r.answers) {
    BOOST_TEST(a.evidence.page == 0, a.question);
    BOOST_TEST(!a.evidence.box.has_value());
  }
  for (const Finding& f : r.findings) BOOST_TEST(f.page == 0, f.code);
  BOOST_TEST_REQUIRE(!r.warnings.empty());
  BOOST_TEST(r.warnings.back() ==
             "rendering-unavailable: rendering skipped (--no-render); evidence pages are unknown");
}

BOOST_AUTO_TEST_CASE(pdf_input_keeps_its_pages_and_gains_boxes) {
  const std::string bytes = ReadAll(test::DataPath("pdf/checklist_grid.pdf"));
  Format format;
  Report r = Read(bytes, format);
  BOOST_TEST_REQUIRE(!r.answers.empty());
  std::vector<int> before;
  for (const Answer& a : r.answers) before.push_back(a.evidence.page);
  service::PlacePages(r, bytes, format, std::nullopt, "");
  int boxed = 0;
  for (std::size_t i = 0; i < r.answers.size(); ++i) {
    BOOST_TEST(r.answers[i].evidence.page == before[i]);
    if (r.answers[i].evidence.box) ++boxed;
  }
  BOOST_TEST(boxed == static_cast<int>(r.answers.size()));
  CheckBoxesOnTheirPages(r);
  BOOST_TEST(r.answers[0].evidence.box->page_width == 595);
}

BOOST_AUTO_TEST_SUITE_END()
