// service::BuildCompleteness on stores the test writes: every roster State is
// listed, silent ones marked, files per cell, the same content sent twice
// (.docx and its PDF) counted once, documents without a State or year left out.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "rules/rule_loader.h"
#include "service/completeness.h"
#include "store/sqlite_store.h"
#include "store/test_store_util.h"
#include "test_util.h"

using namespace vareport;
using vareport::test::SampleReport;
using vareport::test::TempDir;

namespace {

const RuleSet& Rules() {
  static const RuleSet rules = [] {
    Result<RuleSet> r = LoadRules(test::RulesDir());
    BOOST_TEST_REQUIRE(r.ok());
    return std::move(r.value());
  }();
  return rules;
}

// Stores each report as a done job of its own (distinct SHA-256 each).
std::unique_ptr<store::Store> StoreOf(const std::string& path, const std::vector<Report>& reports) {
  auto s = store::OpenSqliteStore(path);
  BOOST_TEST_REQUIRE(s.ok());
  std::vector<store::NewJob> jobs;
  for (const Report& r : reports) {
    store::NewJob j;
    j.path = "/in/" + r.file;
    j.sha256 = r.sha256;
    j.format = r.format;
    jobs.push_back(j);
  }
  BOOST_TEST_REQUIRE((*s)->Enqueue(jobs).ok());
  auto claimed = (*s)->Claim(reports.size(), std::nullopt);
  BOOST_TEST_REQUIRE(claimed->size() == reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i)
    BOOST_TEST_REQUIRE((*s)->CompleteJob(claimed->at(i).id, {reports[i], 1}).ok());
  return std::move(*s);
}

Report Named(Report r, const std::string& file, const std::string& sha, const std::string& format) {
  r.file = file;
  r.sha256 = std::string(60, '0') + sha;
  r.format = format;
  return r;
}

const service::CompletenessRow* Row(const service::CompletenessMatrix& m, const std::string& iso3) {
  for (const auto& r : m.rows)
    if (r.iso3 == iso3) return &r;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(completeness)

BOOST_AUTO_TEST_CASE(roster_has_the_states_with_significant_numbers_of_survivors) {
  const RuleSet& rules = Rules();
  BOOST_TEST(rules.states_parties.size() >= 30u);
  for (const char* iso3 : {"AFG", "ALB", "DZA", "AGO", "BIH", "KHM", "COL", "COD", "IRQ", "MOZ", "PER", "SEN",
                           "SSD", "THA", "TUR", "UKR", "YEM"}) {
    const StatePartyRule* p = rules.FindStateParty(iso3);
    BOOST_TEST_REQUIRE(p != nullptr, iso3);
    BOOST_TEST(!p->name_en.empty());
    BOOST_TEST(!p->name_fr.empty());
    BOOST_TEST(!p->name_es.empty());
  }
  BOOST_TEST(rules.FindStateParty("COD")->name_fr == "République démocratique du Congo");
  BOOST_TEST(rules.FindStateParty("PER")->name_es == "Perú");
  BOOST_TEST(rules.FindStateParty("FRA") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_roster_entry_that_is_no_state_or_breaks_the_schema_stops_the_rules) {
  TempDir dir("roster");
  std::filesystem::copy(test::RulesDir(), dir / "rules", std::filesystem::copy_options::recursive);
  const std::string roster = dir / "rules/states_parties.xml";
  std::string xml;
  {
    std::ifstream in(roster);
    xml.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& text) { std::ofstream(roster, std::ios::trunc) << text; };
  std::string unknown = xml;
  unknown.replace(unknown.find("iso3=\"AFG\""), 10, "iso3=\"ZZZ\"");
  write(unknown);
  auto r = LoadRules(dir / "rules");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error().message.find("states_parties.xml: 'ZZZ'") != std::string::npos, r.error().message);
  std::string no_spanish = xml;
  no_spanish.erase(no_spanish.find("<es>Afganistán</es>"), std::string("<es>Afganistán</es>").size());
  write(no_spanish);
  r = LoadRules(dir / "rules");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error().message.find("states_parties.xml:") != std::string::npos, r.error().message);
}

BOOST_AUTO_TEST_CASE(every_roster_state_listed_silent_ones_marked_same_content_once) {
  TempDir dir("completeness");
  Report docx = Named(SampleReport("x", "KHM", 2024), "KHM_checklist_2024.docx", "a1", "docx");
  Report pdf = Named(docx, "KHM_checklist_2024.pdf", "a2", "pdf");  // the same report, exported to PDF
  Report plan = Named(SampleReport("x", "KHM", 2024), "KHM_plan.docx", "a3", "docx");
  plan.kind = "national_plan";
  plan.components[1].reported = true;
  Report other_year = Named(SampleReport("x", "SEN", 2023), "SEN_2023.docx", "a4", "docx");
  Report off_roster = Named(SampleReport("x", "FRA", 2024), "FRA.docx", "a5", "docx");
  Report other = Named(SampleReport("x", "SEN", 2024), "form.pdf", "a6", "pdf");
  other.kind = "other";
  other.state.reset();  // not recognised: no State found
  auto db = StoreOf(dir / "v.db", {docx, pdf, plan, other_year, off_roster, other});

  auto m = service::BuildCompleteness(*db, Rules(), 2024);
  BOOST_TEST_REQUIRE(m.ok());
  BOOST_TEST(m->year == 2024);
  BOOST_TEST(m->components.size() == Rules().components.size());
  BOOST_TEST(m->roster_size == static_cast<int>(Rules().states_parties.size()));
  BOOST_TEST(m->rows.size() == Rules().states_parties.size() + 1);  // + FRA, not on the roster
  BOOST_TEST(m->rows.front().iso3 == Rules().states_parties.front().iso3);
  BOOST_TEST(m->rows.back().iso3 == "FRA");
  BOOST_TEST(!m->rows.back().on_roster);
  BOOST_TEST(m->roster_silent == m->roster_size - 1);  // only KHM sent something for 2024

  const service::CompletenessRow* khm = Row(*m, "KHM");
  BOOST_TEST_REQUIRE(khm != nullptr);
  BOOST_TEST(khm->name == "Cambodia");
  BOOST_TEST(khm->submission_ids.size() == 3u);
  BOOST_TEST(khm->submissions == 2);  // the .docx and its PDF are one submission; the plan another
  BOOST_TEST(khm->cells[0].status == "partial");
  const std::vector<std::string> coordination_files = {"KHM_checklist_2024.docx", "KHM_checklist_2024.pdf",
                                                       "KHM_plan.docx"};
  BOOST_TEST(khm->cells[0].files == coordination_files, boost::test_tools::per_element());
  std::size_t rehab = 0;
  while (m->components[rehab].id != "rehabilitation") ++rehab;
  BOOST_TEST(khm->cells[rehab].status == "reported");
  BOOST_TEST(khm->cells[rehab].files == std::vector<std::string>{"KHM_plan.docx"}, boost::test_tools::per_element());
  BOOST_TEST(khm->cells[1].status == "missing");
  BOOST_TEST(khm->cells[1].files.empty());

  const service::CompletenessRow* sen = Row(*m, "SEN");
  BOOST_TEST_REQUIRE(sen != nullptr);
  BOOST_TEST(sen->sent_nothing());  // 2023 only, and the "other" form found no State
  BOOST_TEST(sen->submissions == 0);
  for (const auto& c : sen->cells) BOOST_TEST(c.status == "missing");

  auto latest = service::LatestReportingYear(*db);
  BOOST_TEST_REQUIRE(latest.ok());
  BOOST_TEST(latest->value() == 2024);
}

BOOST_AUTO_TEST_CASE(a_pdf_export_read_a_little_differently_is_still_the_same_submission) {
  TempDir dir("completeness");
  Report docx = Named(SampleReport("x", "PER", 2024), "Cuestionario AV 2024.docx", "b1", "docx");
  for (int i = 0; i < 9; ++i) {  // ten answers in all
    Answer a = docx.answers[0];
    a.question = "data.q" + std::to_string(i);
    docx.answers.push_back(a);
  }
  Report pdf = Named(docx, "PER_2024_signed.pdf", "b2", "pdf");  // another name
  pdf.answers.pop_back();                                      // one answer not read from the PDF: 9 of 10
  Report other = Named(SampleReport("x", "PER", 2024), "Informe articulo 7.docx", "b3", "docx");
  other.kind = "article7_report";  // a different report of the same year
  Report v2 = Named(docx, "Cuestionario AV 2024.pdf", "b4", "pdf");  // same name, other extension
  v2.answers.resize(2);
  auto db = StoreOf(dir / "v.db", {docx, pdf, other, v2});
  auto m = service::BuildCompleteness(*db, Rules(), 2024);
  BOOST_TEST_REQUIRE(m.ok());
  const service::CompletenessRow* per = Row(*m, "PER");
  BOOST_TEST_REQUIRE(per != nullptr);
  BOOST_TEST(per->files.size() == 4u);
  BOOST_TEST(per->submissions == 2);  // the questionnaire (three files) and the Article 7 report
}

BOOST_AUTO_TEST_SUITE_END()
