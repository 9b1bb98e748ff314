// The report JSON keeps to shared/spec/report-model.md: names, types, nulls.
#include "report/report_json.h"

#include <boost/test/unit_test.hpp>

#include "report/report_text.h"

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(an_empty_report_has_every_contract_field) {
  vareport::Report r;
  r.file = "x.pdf";
  nlohmann::json j = vareport::ToJson(r);
  BOOST_TEST(j["schema"] == "vareport/1");
  for (const char* k : {"file", "sha256", "format", "pages", "ocr", "language"}) BOOST_TEST(j["source"].contains(k), k);
  for (const char* k : {"kind", "state", "reporting_year", "framework"}) BOOST_TEST(j["document"].contains(k), k);
  BOOST_TEST(j["document"]["state"].is_null());
  BOOST_TEST(j["document"]["reporting_year"].is_null());
  BOOST_TEST(j["source"]["pages"].is_null());
  BOOST_TEST(j["answers"].is_array());
  BOOST_TEST(j["objectives"].is_array());
  BOOST_TEST(j["findings"].is_array());
  for (const char* k : {"components_reported", "components_total", "questions_answered", "questions_total"})
    BOOST_TEST(j["completeness"][k].is_number_integer(), k);
}

BOOST_AUTO_TEST_CASE(values_keep_their_types) {
  vareport::Report r;
  r.reporting_year = 2024;
  r.state = "KHM";
  vareport::Answer a;
  a.question = "data.survivors_total";
  a.value.kind = vareport::AnswerValue::Kind::kInteger;
  a.value.integer = 45278;
  a.evidence = {3, "45,278 survivors"};
  r.answers.push_back(a);
  vareport::Answer b;
  b.question = "coordination.focal_point";
  b.value.text = "yes";
  r.answers.push_back(b);
  vareport::Objective o;
  o.component = "rehabilitation";
  o.text = "By the end of 2026, fit 1,200 survivors with prostheses.";
  o.measurable = o.time_bound = true;
  o.deadline = "2026-12-31";
  o.quantities.push_back({1200, "survivors"});
  r.objectives.push_back(o);
  vareport::Finding f;
  f.code = "OBJECTIVE_NOT_MEASURABLE";
  f.component = "psychosocial";
  f.objective = 0;
  r.findings.push_back(f);
  nlohmann::json j = vareport::ToJson(r);
  BOOST_TEST(j["document"]["reporting_year"].is_number_integer());
  BOOST_TEST(j["answers"][0]["value"].is_number_integer());
  BOOST_TEST(j["answers"][0]["value"].get<long long>() == 45278);
  BOOST_TEST(j["answers"][0]["evidence"]["page"].get<int>() == 3);
  BOOST_TEST(j["answers"][1]["value"] == "yes");
  BOOST_TEST(j["answers"][1]["evidence"]["page"].is_null());  // unknown page
  BOOST_TEST(j["objectives"][0]["deadline"] == "2026-12-31");
  BOOST_TEST(j["objectives"][0]["measurable"].is_boolean());
  BOOST_TEST(j["objectives"][0]["quantities"][0]["value"].get<long long>() == 1200);
  BOOST_TEST(j["findings"][0]["question"].is_null());
  BOOST_TEST(j["findings"][0]["objective"].get<int>() == 0);
  BOOST_TEST(j["findings"][0]["severity"] == "warning");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_never_breaks_the_output) {
  vareport::Report r;
  vareport::Answer a;
  a.question = "coordination.focal_point_name";
  a.value.kind = vareport::AnswerValue::Kind::kText;
  a.value.text = "Minist\xE8re";  // Latin-1 byte
  r.answers.push_back(a);
  std::string out = vareport::ToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  BOOST_TEST(out.find("Minist\xEF\xBF\xBDre") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_text_summary_lists_components_and_flags) {
  vareport::Report r;
  r.file = "report.docx";
  r.state = "SEN";
  r.reporting_year = 2021;
  r.components.push_back({"coordination", "National ownership", true, 8, 10, 2});
  vareport::Finding f;
  f.code = "MISSING_ANSWER";
  f.component = "coordination";
  f.question = "coordination.monitoring";
  f.message = "Question left unanswered";
  f.page = 2;
  r.findings.push_back(f);
  std::string t = vareport::ToText(r);
  BOOST_TEST(t.find("State: SEN") != std::string::npos);
  BOOST_TEST(t.find("8/10") != std::string::npos);
  BOOST_TEST(t.find("MISSING_ANSWER coordination.monitoring (p. 2)") != std::string::npos, t);
}

BOOST_AUTO_TEST_SUITE_END()
