// The review layer: finding keys that survive reprocessing, stale decisions,
// and the review columns of the exports.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "rules/rule_loader.h"
#include "service/export.h"
#include "service/review.h"
#include "store/sqlite_store.h"
#include "store/test_store_util.h"

using namespace vareport;
using namespace vareport::service;
using vareport::test::SampleReport;
using vareport::test::TempDir;

namespace {

int Col(const Table& t, const std::string& name) {
  for (std::size_t i = 0; i < t.headers.size(); ++i)
    if (t.headers[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

// In the "export" suite (a C++ keyword: opened as export_test.cc does).
namespace export_review_suite {
BOOST_AUTO_TU_REGISTRAR(export_review_suite)("export", __FILE__, __LINE__,
                                             boost::unit_test::decorator::collector_t::instance());
BOOST_AUTO_TEST_SUITE(review)

BOOST_AUTO_TEST_CASE(finding_keys_do_not_depend_on_rows) {
  Report r = SampleReport(std::string(64, 'a'), "KHM", 2024);
  Finding f;
  f.code = "OBJECTIVE_NOT_MEASURABLE";
  f.component = "rehabilitation";
  f.objective = 0;
  r.findings.push_back(f);
  const std::string key = FindingKey(r, r.findings.back());
  BOOST_TEST(key.rfind("OBJECTIVE_NOT_MEASURABLE:rehabilitation:-:o", 0) == 0u);
  // Another objective before it: the index moves, the key does not.
  Report moved = r;
  Objective extra;
  extra.text = "Another objective";
  moved.objectives.insert(moved.objectives.begin(), extra);
  moved.findings.back().objective = 1;
  BOOST_TEST(FindingKey(moved, moved.findings.back()) == key);
  Finding plain;
  plain.code = "MISSING_ANSWER";
  plain.component = "coordination";
  plain.question = "coordination.focal_point";
  BOOST_TEST(FindingKey(r, plain) == "MISSING_ANSWER:coordination:coordination.focal_point");
}

BOOST_AUTO_TEST_CASE(a_decision_on_a_finding_gone_is_stale_not_lost) {
  Report r = SampleReport(std::string(64, 'a'), "KHM", 2024);
  BOOST_TEST_REQUIRE(!r.findings.empty());
  store::Review live, gone, fix;
  live.target = gone.target = "finding";
  live.key = FindingKey(r, r.findings.front());
  live.decision = "confirmed";
  gone.key = "FIGURES_INCONSISTENT:data:-";
  gone.decision = "dismissed";
  gone.note = "totals match in annex";
  fix.target = "answer";
  fix.key = "coordination.focal_point";
  fix.value = "no";
  nlohmann::json j = ReviewLayer(r, {live, gone, fix});
  BOOST_TEST_REQUIRE(j["findings"].size() == 2u);
  BOOST_TEST(j["findings"][0]["stale"] == false);
  BOOST_TEST(j["findings"][1]["stale"] == true);
  BOOST_TEST(j["findings"][1]["code"] == "FIGURES_INCONSISTENT");
  BOOST_TEST(j["findings"][1]["note"] == "totals match in annex");
  BOOST_TEST(j["answers"][0]["machine_value"] == "yes");
  BOOST_TEST(j["answers"][0]["value"] == "no");
  BOOST_TEST(j["finding_keys"].size() == r.findings.size());
}

BOOST_AUTO_TEST_CASE(exports_carry_decisions_and_corrections) {
  TempDir dir("review_export");
  auto opened = store::OpenSqliteStore(dir / "v.db");
  BOOST_TEST_REQUIRE(opened.ok());
  store::Store& db = **opened;
  const std::string sha(64, 'c');
  store::NewJob nj;
  nj.path = "/in/c.docx";
  nj.sha256 = sha;
  nj.format = "docx";
  BOOST_TEST_REQUIRE(db.Enqueue({nj}).ok());
  auto claimed = db.Claim(1, std::nullopt);
  BOOST_TEST_REQUIRE(claimed.ok());
  store::JobResult res;
  res.report = SampleReport(sha, "KHM", 2024);
  BOOST_TEST_REQUIRE(db.CompleteJob(claimed->front().id, res).ok());
  const std::int64_t sub = **db.SubmissionForContent(sha);
  store::Review d;
  d.submission_id = sub;
  d.target = "finding";
  d.key = FindingKey(res.report, res.report.findings.front());
  d.decision = "dismissed";
  d.note = "seen in annex II";
  d.user = "amina";
  BOOST_TEST_REQUIRE(db.PutReview(d, "").ok());
  store::Review c;
  c.submission_id = sub;
  c.target = "answer";
  c.key = "coordination.focal_point";
  c.value = "no";
  c.note = "the ministry said no";
  c.user = "amina";
  BOOST_TEST_REQUIRE(db.PutReview(c, "yes").ok());
  store::Review filled = c;
  filled.key = "data.disaggregated";
  filled.value = "yes";
  BOOST_TEST_REQUIRE(db.PutReview(filled, "").ok());

  auto loaded = LoadRules(VAREPORT_SOURCE_RULES_DIR);
  BOOST_TEST_REQUIRE(loaded.ok());
  const RuleSet& rules = *loaded;
  auto tables = BuildTables(db, rules, std::nullopt);
  BOOST_TEST_REQUIRE(tables.ok());
  BOOST_TEST_REQUIRE(AddReviewColumns(db, *tables).ok());
  bool saw_correction = false, saw_filled = false, saw_decision = false;
  for (const Table& t : *tables) {
    if (t.name == "answers") {
      const int q = Col(t, "question"), v = Col(t, "reviewed_value"), n = Col(t, "review_note");
      BOOST_TEST_REQUIRE(v >= 0);
      for (const auto& row : t.rows) {
        if (row[q].text == "coordination.focal_point")
          saw_correction = row[v].text == "no" && row[n].text == "the ministry said no";
        if (row[q].text == "data.disaggregated") saw_filled = row[v].text == "yes";
      }
    }
    if (t.name == "findings") {
      const int dc = Col(t, "decision"), dn = Col(t, "decision_note");
      BOOST_TEST_REQUIRE(dc >= 0);
      for (const auto& row : t.rows)
        if (row[dc].text == "dismissed") saw_decision = row[dn].text == "seen in annex II";
    }
  }
  BOOST_TEST(saw_correction);
  BOOST_TEST(saw_filled);
  BOOST_TEST(saw_decision);

  std::ostringstream js;
  BOOST_TEST_REQUIRE(WriteJson(db, js).ok());
  nlohmann::json j = nlohmann::json::parse(js.str());
  BOOST_TEST_REQUIRE(j["submissions"].size() == 1u);
  BOOST_TEST(j["submissions"][0]["review"]["findings"][0]["note"] == "seen in annex II");
  BOOST_TEST(j["submissions"][0]["review"]["answers"].size() == 2u);

  FilterTables(*tables, {sub + 1});
  for (const Table& t : *tables)
    if (t.name == "answers" || t.name == "findings") BOOST_TEST(t.rows.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
