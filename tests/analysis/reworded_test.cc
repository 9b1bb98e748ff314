// Questions worded as no rule phrasing words them still map (the matcher
// generalises by weighted token similarity), and never to a wrong value.
#include <boost/test/unit_test.hpp>

#include "analysis/analyzer.h"
#include "analysis/doc_builder.h"
#include "rules/rules_fixture.h"

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(reworded)

BOOST_AUTO_TEST_CASE(reworded_english_questions_without_sections) {
  struct Q {
    const char* id;
    const char* text;
    const char* marks;  // one of xoo / oxo / oox
    const char* value;
  };
  const Q qs[] = {
      {"coordination.plan_budget", "Is the plan financed through the State budget?", "oxo", "no"},
      {"coordination.survivor_participation", "Are mine survivors involved in planning and decision-making processes?", "xoo", "yes"},
      {"coordination.coordination_mechanism", "Does an inter-agency body on victim assistance convene at regular intervals?", "oxo", "no"},
      {"coordination.referral_mechanism", "Is there a system for referring victims to the services they need?", "xoo", "yes"},
      {"data.central_database", "Does a single national database hold information on casualties and survivors?", "xoo", "yes"},
      {"data.disaggregated", "Is the information broken down by gender, age and impairment?", "oox", "partial"},
      {"data.needs_assessment", "Have survivors' needs been surveyed?", "xoo", "yes"},
      {"medical.first_aid", "Are trained first responders available in contaminated areas?", "xoo", "yes"},
      {"medical.continuing_care", "Can survivors obtain ongoing medical treatment after discharge?", "oxo", "no"},
      {"rehabilitation.rural_access", "Can people in remote rural areas reach rehabilitation services?", "oox", "partial"},
      {"psychosocial.services", "Is psychological counselling available to survivors and their families?", "xoo", "yes"},
      {"psychosocial.peer_support", "Are there peer-to-peer support groups for survivors?", "oxo", "no"},
      {"economic.social_protection", "Do survivors receive disability pensions or other social allowances?", "xoo", "yes"},
      {"economic.livelihoods", "Do survivors take part in job training or income-generating schemes?", "oox", "partial"},
      {"economic.education", "Is inclusive schooling available to survivors and victims' children?", "oxo", "no"},
      {"laws_policies.crpd", "Has the State ratified the CRPD?", "xoo", "yes"},
      {"laws_policies.disability_law", "Does legislation protect persons with disabilities against discrimination?", "xoo", "yes"},
      {"laws_policies.accessibility", "Are accessibility norms for public buildings adopted and applied?", "oox", "partial"},
      {"emergencies.inclusion", "Are persons with disabilities, including survivors, taken into account in humanitarian response planning?", "xoo", "yes"},
  };
  std::vector<std::vector<std::string>> rows = {{"Item", "Yes", "No", "Partly", "Remarks"}};
  for (const Q& q : qs) {
    std::vector<std::string> row = {q.text};
    for (const char* m = q.marks; *m; ++m) row.push_back(*m == 'x' ? "[x]" : "[ ]");
    row.push_back("");
    rows.push_back(row);
  }
  rows.push_back({"Number of survivors of whom female", "Number: 234", "", "", ""});
  rows.push_back({"How many persons were trained in trauma care or first aid?", "Number: 77", "", "", ""});
  rows.push_back({"How many rehabilitation facilities operate?", "Number: 5", "", "", ""});
  rows.push_back({"Name of the focal point entity", "Entity: Ministry of Social Welfare", "", "", ""});
  vareport::test::DocBuilder b;
  b.Para("Victim Assistance Questionnaire", 1).Table({{"Country", "Ukraine"}, {"Reporting year", "2024"}}, false).Table(rows);
  vareport::Report r = vareport::Analyze(b.Build(), vareport::test::SourceRules());
  std::map<std::string, std::string> got;
  for (const auto& a : r.answers)
    got[a.question] = a.value.kind == vareport::AnswerValue::Kind::kInteger ? std::to_string(a.value.integer) : a.value.text;
  int right = 0;
  for (const Q& q : qs) {
    auto it = got.find(q.id);
    if (it == got.end()) {
      BOOST_TEST_MESSAGE("not mapped: " << q.id);
      continue;
    }
    BOOST_TEST(it->second == q.value, q.id);
    right += it->second == q.value;
  }
  BOOST_TEST(right >= 17, right << " of 19 reworded yes/no questions read right");
  BOOST_TEST(got["medical.personnel_trained"] == "77");
  BOOST_TEST(got["rehabilitation.centres"] == "5");
  BOOST_TEST(got["coordination.focal_point_name"] == "Ministry of Social Welfare");
  BOOST_TEST(r.state.value_or("") == "UKR");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
