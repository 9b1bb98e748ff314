#include "analysis/analyzer.h"

#include <boost/test/unit_test.hpp>

#include "analysis/doc_builder.h"
#include "rules/rules_fixture.h"

using vareport::Report;
using vareport::test::DocBuilder;

namespace {

const vareport::Answer* Find(const Report& r, const std::string& q) {
  for (const auto& a : r.answers)
    if (a.question == q) return &a;
  return nullptr;
}

std::string Value(const Report& r, const std::string& q) {
  const vareport::Answer* a = Find(r, q);
  if (!a) return "(none)";
  return a->value.kind == vareport::AnswerValue::Kind::kInteger ? std::to_string(a->value.integer) : a->value.text;
}

int Count(const Report& r, const std::string& code, const std::string& component = "", const std::string& question = "") {
  int n = 0;
  for (const auto& f : r.findings) {
    if (f.code != code) continue;
    if (!component.empty() && f.component.value_or("") != component) continue;
    if (!question.empty() && f.question.value_or("") != question) continue;
    ++n;
  }
  return n;
}

Report Run(vareport::Document d) { return vareport::Analyze(d, vareport::test::SourceRules()); }

// A grid checklist (English): option columns named by the header row.
Report GridChecklist() {
  DocBuilder b;
  b.Para("Anti-Personnel Mine Ban Convention").Para("Victim Assistance Checklist", 1);
  b.Para("Progress in implementing the victim assistance commitments of the Oslo Action Plan");
  b.Table({{"State Party", "Republic of Mozambique"}, {"Reporting year", "2023"}}, false);
  b.Para("1. National ownership, coordination and planning (Actions #33 and #34)", 1);
  b.Table({{"Question", "Yes", "No", "In progress", "Comments"},
           {"1.1 Has a government entity been designated to coordinate victim assistance?", "[ ]", "[ ]", "[x]", ""},
           {"1.2 Name of the designated entity", "Entity: Ministry of Social Action", "", "", ""},
           {"1.3 Is there a national victim assistance action plan currently in force?", "[x]", "[ ]", "[ ]", "Yes, see annex"},
           {"1.4 Until which year does the plan run?", "Year: 2021", "", "", ""},
           {"1.5 Are national funds earmarked for victim assistance activities under the plan?", "[x]", "[x]", "[ ]", ""},
           {"1.6 Is there a mechanism to monitor and evaluate the implementation of the plan?", "[ ]", "[ ]", "[ ]", ""}});
  b.Para("Objectives for 2024");
  b.Para("Adopt the new National Victim Assistance Action Plan.");
  b.Para("By the end of 2025, hold 6 meetings of the coordination committee.");
  b.Para("2. Data collection and information management (Action #35)", 1);
  b.Table({{"Question", "Yes", "No", "In progress", "Comments"},
           {"2.1 Is there a centralised database on mine victims?", "[x]", "[ ]", "[ ]", ""},
           {"2.4 Total number of mine survivors recorded", "Number: 2,299", "", "", ""},
           {"2.5 Number of female survivors (women and girls)", "Number: 460", "", "", ""},
           {"2.6 Number of male survivors (men and boys)", "Number: 1,900", "", "", ""}});
  b.Para("Objectives for 2024");
  b.Para("Strengthen the quality of data on mine victims in the coming years.");
  b.Para("3. Emergency and continuing medical care (Action #36)", 1);
  b.Table({{"Question", "Yes", "No", "In progress", "Comments"},
           {"3.1 Is first-aid and emergency response capacity available in mine-affected areas?", "[x]", "[ ]", "[ ]", ""}});
  return Run(b.Build());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(analyzer)

BOOST_AUTO_TEST_CASE(grid_ticks_are_read_by_their_column) {
  Report r = GridChecklist();
  BOOST_TEST(Value(r, "coordination.focal_point") == "partial");
  BOOST_TEST(Value(r, "coordination.national_plan") == "yes");
  BOOST_TEST(Value(r, "data.central_database") == "yes");
  BOOST_TEST(Value(r, "medical.first_aid") == "yes");
}

BOOST_AUTO_TEST_CASE(cells_give_numbers_years_and_names) {
  Report r = GridChecklist();
  BOOST_TEST(Value(r, "coordination.focal_point_name") == "Ministry of Social Action");
  BOOST_TEST(Value(r, "coordination.plan_end_year") == "2021");
  BOOST_TEST(Value(r, "data.survivors_total") == "2299");
  BOOST_TEST(Value(r, "data.survivors_female") == "460");
}

BOOST_AUTO_TEST_CASE(two_boxes_conflict_and_no_box_is_missing) {
  Report r = GridChecklist();
  BOOST_TEST(Find(r, "coordination.plan_budget") == nullptr);
  BOOST_TEST(Count(r, "CONFLICTING_ANSWERS", "coordination", "coordination.plan_budget") == 1);
  BOOST_TEST(Count(r, "MISSING_ANSWER", "coordination", "coordination.monitoring") == 1);
  BOOST_TEST(Count(r, "MISSING_ANSWER", "coordination", "coordination.plan_budget") == 0);
}

BOOST_AUTO_TEST_CASE(absent_components_are_missing_not_their_questions) {
  Report r = GridChecklist();
  BOOST_TEST(Count(r, "MISSING_COMPONENT", "rehabilitation") == 1);
  BOOST_TEST(Count(r, "MISSING_ANSWER", "rehabilitation") == 0);
  BOOST_TEST(Count(r, "MISSING_COMPONENT", "medical") == 0);
  BOOST_TEST(r.completeness.components_total == 8);
  BOOST_TEST(r.completeness.components_reported == 3);
  BOOST_TEST(r.completeness.questions_total == 34);
}

BOOST_AUTO_TEST_CASE(document_fields_from_the_front_matter) {
  Report r = GridChecklist();
  BOOST_TEST(r.kind == "va_checklist");
  BOOST_TEST(r.state.value_or("") == "MOZ");
  BOOST_TEST(r.reporting_year.value_or(0) == 2023);
  BOOST_TEST(r.framework.value_or("") == "oslo-2019");
  BOOST_TEST(r.language == "en");
}

BOOST_AUTO_TEST_CASE(objectives_are_found_and_judged) {
  Report r = GridChecklist();
  BOOST_TEST_REQUIRE(r.objectives.size() == 3u);
  BOOST_TEST(r.objectives[0].component == "coordination");
  BOOST_TEST(r.objectives[0].measurable);  // adopt + named instrument
  BOOST_TEST(!r.objectives[0].time_bound);
  BOOST_TEST(r.objectives[1].measurable);
  BOOST_TEST(r.objectives[1].time_bound);
  BOOST_TEST(r.objectives[1].deadline.value_or("") == "2025-12-31");
  BOOST_TEST(r.objectives[2].component == "data");
  BOOST_TEST(!r.objectives[2].measurable);
  BOOST_TEST(Count(r, "NO_OBJECTIVES", "medical") == 1);
  BOOST_TEST(Count(r, "NO_OBJECTIVES", "coordination") == 0);
  BOOST_TEST(Count(r, "OBJECTIVE_NOT_MEASURABLE", "data") == 1);
  BOOST_TEST(Count(r, "OBJECTIVE_NOT_TIME_BOUND", "coordination") == 1);
}

BOOST_AUTO_TEST_CASE(figures_that_do_not_add_up_and_an_expired_plan) {
  Report r = GridChecklist();
  BOOST_TEST(Count(r, "FIGURES_INCONSISTENT") == 1);  // 460 + 1,900 != 2,299
  BOOST_TEST(Count(r, "PLAN_EXPIRED", "coordination") == 1);  // 2021 < 2023
}

BOOST_AUTO_TEST_CASE(inline_options_in_spanish) {
  DocBuilder b;
  b.Para("Lista de verificación sobre asistencia a las víctimas", 1);
  b.Table({{"Estado", "Colombia"}, {"Período abarcado", "Del 01/01/2022 al 31/12/2022"}}, false);
  b.Para("1. Acciones n.º 33 y 34: Apropiación nacional, coordinación y planificación", 1);
  b.Table({{"Indicador", "Respuesta", "Detalles / observaciones"},
           {"1.1 ¿Existe un punto focal nacional encargado de supervisar la asistencia a las víctimas?", "[x] Sí [ ] No [ ] En curso", ""},
           {"1.3 ¿Cuenta el Estado con un plan nacional que atienda las necesidades de las víctimas de minas?", "[ ] Sí / [ ] No / [x] En curso", ""}});
  b.Para("Acción n.º 35: Recopilación de datos y gestión de la información", 1);
  b.Table({{"Indicador", "Respuesta", "Detalles / observaciones"},
           {"2.4 Número total de sobrevivientes de minas registrados", "Cantidad: 9.877", "Cifra de 1.234 no"}});
  Report r = Run(b.Build());
  BOOST_TEST(r.language == "es");
  BOOST_TEST(r.state.value_or("") == "COL");
  BOOST_TEST(r.reporting_year.value_or(0) == 2022);
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");
  BOOST_TEST(Value(r, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(r, "data.survivors_total") == "9877");
}

BOOST_AUTO_TEST_CASE(typed_words_in_french) {
  DocBuilder b;
  b.Para("Liste de contrôle sur l'assistance aux victimes", 1);
  b.Table({{"État partie", "République démocratique du Congo"}, {"Année de référence", "2021"}}, false);
  b.Para("Appropriation nationale, coordination et planification (Actions #33 et #34)", 1);
  b.Table({{"Question", "Réponse", "Commentaires"},
           {"1.1 Une entité gouvernementale a-t-elle été désignée pour coordonner l'assistance aux victimes ?", "Oui.", ""},
           {"1.3 L'État dispose-t-il d'un plan national répondant aux besoins des victimes des mines ?", "En partie", "Oui, en 2019"},
           {"1.5 Un budget a-t-il été alloué à la mise en œuvre du plan ?", "NON", ""},
           {"1.6 Existe-t-il un mécanisme de suivi et d'évaluation de la mise en œuvre du plan ?", "Inconnu", ""}});
  Report r = Run(b.Build());
  BOOST_TEST(r.language == "fr");
  BOOST_TEST(r.state.value_or("") == "COD");
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");
  BOOST_TEST(Value(r, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(r, "coordination.plan_budget") == "no");
  BOOST_TEST(Value(r, "coordination.monitoring") == "unknown");
}

BOOST_AUTO_TEST_CASE(results_table_objectives_use_target_and_deadline) {
  DocBuilder b;
  b.Para("KINGDOM OF CAMBODIA").Para("National Strategy for Mine Survivors 2022–2025", 1);
  b.Table({{"Objective", "Indicator", "Baseline", "Target", "Deadline", "Responsible"},
           {"1. National ownership, coordination and planning"},
           {"Adopt the new National Victim Assistance Action Plan.", "Plan adopted", "0", "1", "Annually", "Focal point"},
           {"Strengthen the legal protection of persons with disabilities.", "Laws", "480 (2021)", "520", "2024", "Justice"},
           {"Improve access to assistive devices in rural areas.", "Centres", "20", "TBD", "Continuous", "Health"}});
  Report r = Run(b.Build());
  BOOST_TEST(r.kind == "national_plan");
  BOOST_TEST(r.reporting_year.value_or(0) == 2022);
  BOOST_TEST(r.framework.value_or("") == "none");
  BOOST_TEST_REQUIRE(r.objectives.size() == 3u);
  BOOST_TEST(r.objectives[0].measurable);
  BOOST_TEST(!r.objectives[0].time_bound);
  BOOST_TEST(r.objectives[1].measurable);
  BOOST_TEST(r.objectives[1].time_bound);
  BOOST_TEST(!r.objectives[2].measurable);
  BOOST_TEST(!r.objectives[2].time_bound);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
