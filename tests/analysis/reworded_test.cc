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

// French and Spanish checklists worded as no rule phrasing words them
// ("ministère chef de file", "stratégie nationale", "crédits budgétaires",
// "ministerio rector", "recursos presupuestarios"), with no sections: each
// maps to its question, and none to a wrong one.
BOOST_AUTO_TEST_CASE(reworded_french_and_spanish_questions_without_sections) {
  struct Q {
    const char* id;
    const char* fr;
    const char* es;
  };
  const Q qs[] = {
      {"coordination.focal_point", "Quel ministère chef de file a été désigné pour coordonner l'aide aux victimes ?",
       "¿Qué ministerio rector fue designado para coordinar la ayuda a las víctimas?"},
      {"coordination.national_plan", "Une stratégie nationale prenant en charge les survivants des mines existe-t-elle ?",
       "¿Cuenta el país con una estrategia nacional que atienda a los sobrevivientes de minas?"},
      {"coordination.plan_budget", "Le plan bénéficie-t-il de crédits budgétaires de l'État ?",
       "¿Dispone el plan de recursos presupuestarios del Estado?"},
      {"coordination.monitoring", "L'exécution du plan est-elle évaluée de façon périodique ?",
       "¿Se evalúa la ejecución del plan de manera periódica?"},
      {"data.disaggregated", "Les informations sont-elles ventilées selon le sexe, l'âge et le type de handicap ?",
       "¿La información está desglosada según sexo, edad y tipo de discapacidad?"},
      {"psychosocial.peer_support", "Des groupes d'entraide entre survivants fonctionnent-ils ?",
       "¿Funcionan grupos de apoyo mutuo entre sobrevivientes?"},
      {"laws_policies.crpd", "La Convention relative aux droits des personnes handicapées a-t-elle été ratifiée ?",
       "¿Se ratificó la Convención sobre los derechos de las personas con discapacidad?"},
      {"emergencies.inclusion", "Les survivants sont-ils pris en compte dans les plans d'intervention humanitaire ?",
       "¿Se toma en cuenta a los sobrevivientes en los planes de respuesta humanitaria?"},
  };
  for (bool french : {true, false}) {
    std::vector<std::vector<std::string>> rows = {french ? std::vector<std::string>{"Question", "Oui", "Non", "Commentaires"}
                                                         : std::vector<std::string>{"Pregunta", "Sí", "No", "Observaciones"}};
    for (const Q& q : qs) rows.push_back({french ? q.fr : q.es, "[x]", "[ ]", ""});
    vareport::test::DocBuilder b;
    b.Para(french ? "Questionnaire sur l'assistance aux victimes 2025" : "Cuestionario sobre asistencia a las víctimas 2025", 1)
        .Table(rows);
    vareport::Report r = vareport::Analyze(b.Build(), vareport::test::SourceRules());
    std::map<std::string, std::string> got;
    for (const auto& a : r.answers) got[a.question] = a.evidence.text;
    int right = 0;
    for (const Q& q : qs) {
      auto it = got.find(q.id);
      bool ok = it != got.end() && it->second.rfind(french ? q.fr : q.es, 0) == 0;
      if (!ok) BOOST_TEST_MESSAGE("not mapped: " << q.id << (french ? " (fr)" : " (es)"));
      right += ok;
    }
    BOOST_TEST(right >= 7, right << " of 8 reworded " << (french ? "French" : "Spanish") << " questions mapped");
    BOOST_TEST(got.size() == static_cast<std::size_t>(right), "no question maps to a wrong one");
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
