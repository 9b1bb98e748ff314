// Article 7 narrative, national-plan front matter and other kinds of failure
// met on real reports, each with its right value.
#include <boost/test/unit_test.hpp>

#include "analysis/analyzer.h"
#include "analysis/doc_builder.h"
#include "rules/rules_fixture.h"

using vareport::Report;
using vareport::test::DocBuilder;
using vareport::test::Value;

namespace {


Report Run(DocBuilder& b) {
  vareport::Document d = b.Build();
  return vareport::Analyze(d, vareport::test::SourceRules());
}

DocBuilder Art7(const std::string& lang_title) {
  DocBuilder b;
  b.Para(lang_title, 1);
  return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(narrative)

BOOST_AUTO_TEST_CASE(polarity_of_english_sentences) {
  DocBuilder b = Art7("ARTICLE 7 TRANSPARENCY REPORT");
  b.Para("Republic of Tajikistan submits this report. Reporting for time period from 01/01/2020 to 31/12/2020.");
  b.Para("1. National ownership, coordination and planning (Actions #33 and #34)", 1);
  b.Para("No government entity has yet been formally designated to coordinate victim assistance. "
         "No national budget has been allocated to the implementation of the plan. "
         "A directory of services exists but is available only in the capital.");
  b.Para("2. Data collection and information management (Action #35)", 1);
  b.Para("Casualty data are collected by the mine action centre, but survivors' needs are not yet recorded in a "
         "single national database. The national database records 2,103 survivors, of whom 168 are women and "
         "girls and 1,935 men and boys. In 2020, 15 new mine/ERW casualties were recorded.2");
  Report r = Run(b);
  BOOST_TEST(r.kind == "article7_report");
  BOOST_TEST(Value(r, "coordination.focal_point") == "no");
  BOOST_TEST(Value(r, "coordination.focal_point_name") == "(none)");  // nothing to name
  BOOST_TEST(Value(r, "coordination.plan_budget") == "no");
  BOOST_TEST(Value(r, "coordination.services_directory") == "partial");
  BOOST_TEST(Value(r, "data.central_database") == "partial");
  BOOST_TEST(Value(r, "data.survivors_total") == "2103");
  BOOST_TEST(Value(r, "data.survivors_female") == "168");
  BOOST_TEST(Value(r, "data.survivors_male") == "1935");
  BOOST_TEST(Value(r, "data.casualties_period") == "15");  // footnote mark after the period
}

BOOST_AUTO_TEST_CASE(polarity_of_french_and_spanish_sentences) {
  DocBuilder fr = Art7("RAPPORT DE TRANSPARENCE (ARTICLE 7)");
  fr.Para("Action n°40 : Inclusion sociale et économique", 1);
  fr.Para("Seuls les survivants enregistrés avant 2010 perçoivent une pension. "
          "Il n'existe pas de programme d'éducation inclusive pour les enfants survivants.");
  Report r = Run(fr);
  BOOST_TEST(r.language == "fr");
  BOOST_TEST(Value(r, "economic.social_protection") == "partial");
  BOOST_TEST(Value(r, "economic.education") == "no");

  DocBuilder es = Art7("INFORME EN VIRTUD DEL ARTÍCULO 7");
  es.Para("Apropiación nacional, coordinación y planificación", 1);
  es.Para("El CONADIS coordina la asistencia a las víctimas de manera provisional, a la espera de una "
          "designación oficial. Todavía no existe un mecanismo de seguimiento y evaluación de la aplicación del plan. "
          "La asistencia se ejecuta en el marco del Plan de Acción 2020-2025, actualmente vigente.");
  r = Run(es);
  BOOST_TEST(r.language == "es");
  BOOST_TEST(Value(r, "coordination.focal_point") == "partial");
  BOOST_TEST(Value(r, "coordination.monitoring") == "no");
  BOOST_TEST(Value(r, "coordination.plan_end_year") == "2025");
}

BOOST_AUTO_TEST_CASE(intentions_and_titles_are_not_answers) {
  DocBuilder b;
  b.Para("KINGDOM OF CAMBODIA").Para("National Strategy for Mine Survivors 2022–2025", 1);
  b.Para("This plan was prepared under the coordination of the Cambodian Mine Action and Victim Assistance "
         "Authority (CMAA), the national focal point for victim assistance. Progress will be reviewed by the "
         "coordination committee every year.");
  Report r = Run(b);
  BOOST_TEST(r.kind == "national_plan");
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");
  BOOST_TEST(Value(r, "coordination.focal_point_name").find("Cambodian Mine Action") != std::string::npos);
  BOOST_TEST(Value(r, "coordination.coordination_mechanism") == "(none)");  // "will be reviewed"
  BOOST_TEST(Value(r, "coordination.national_plan") == "(none)");           // the title states nothing
  BOOST_TEST(Value(r, "coordination.plan_end_year") == "2025");             // the plan's own period
}

BOOST_AUTO_TEST_CASE(priorities_are_objectives) {
  DocBuilder b = Art7("ARTICLE 7 TRANSPARENCY REPORT");
  b.Para("4. Action #38: Physical rehabilitation, prosthetics and assistive devices", 4);
  b.Para("Physical rehabilitation services are delivered through 4 centres across the country.");
  b.Para("Priorities for 2021:", 4);
  b.Para("By 2021, provide 350 prosthetic and orthotic devices to survivors.");
  b.Para("Reduce waiting times for prosthetic fitting by half by mid-2026.");
  Report r = Run(b);
  BOOST_TEST_REQUIRE(r.objectives.size() == 2u);
  BOOST_TEST(r.objectives[0].component == "rehabilitation");
  BOOST_TEST(r.objectives[1].measurable);  // "by half"
  BOOST_TEST(r.objectives[1].deadline.value_or("") == "2026-06-30");
  BOOST_TEST(Value(r, "rehabilitation.centres") == "4");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layouts)

BOOST_AUTO_TEST_CASE(a_numbering_column_is_not_an_answer) {
  DocBuilder b;
  b.Para("Cuestionario sobre asistencia a las víctimas", 1);
  b.Para("1. Acciones #33 y #34: Apropiación nacional, coordinación y planificación", 1);
  b.Table({{"N.º", "Indicador", "Respuesta", "Observaciones"},
           {"1.2", "Nombre de la entidad designada", "Nombre: Consejo Nacional (CONADIS)", ""},
           {"2.4", "Número total de sobrevivientes de minas registrados", "Número: 399", ""}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "coordination.focal_point_name") == "Consejo Nacional (CONADIS)");
  BOOST_TEST(Value(r, "data.survivors_total") == "399");
}

BOOST_AUTO_TEST_CASE(printed_options_without_a_mark_are_no_answer) {
  DocBuilder b;
  b.Para("Questionnaire sur l'assistance aux victimes", 1);
  b.Para("Appropriation nationale, coordination et planification (Actions #33 et #34)", 1);
  b.Table({{"Question", "Réponse", "Commentaires"},
           {"1.1 Une entité gouvernementale a-t-elle été désignée pour coordonner l'assistance aux victimes ?",
            "Oui Non En cours", ""}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "coordination.focal_point") == "(none)");
  bool missing = false;
  for (const auto& f : r.findings) missing = missing || f.question.value_or("") == "coordination.focal_point";
  BOOST_TEST(missing);
}

BOOST_AUTO_TEST_CASE(a_title_row_with_empty_cells_opens_a_component) {
  DocBuilder b;
  b.Para("National Strategy for Mine Survivors 2018–2022", 1);
  b.Table({{"Objective", "Indicator", "Baseline", "Target", "Deadline", "Responsible"},
           {"5. Psychological support and social reintegration", "", "", "", "", ""},
           {"Enrol 2000 survivors in peer support groups.", "Survivors enrolled", "0", "2,000", "Continuous", "MoSA"}});
  Report r = Run(b);
  BOOST_TEST_REQUIRE(r.objectives.size() == 1u);
  BOOST_TEST(r.objectives[0].component == "psychosocial");
  BOOST_TEST(r.objectives[0].measurable);
  BOOST_TEST(!r.objectives[0].time_bound);  // 2000 counts survivors, it is not a year
}

BOOST_AUTO_TEST_CASE(forms_list_rows_do_not_answer_questions) {
  DocBuilder b = Art7("ARTICLE 7 TRANSPARENCY REPORT");
  b.Table({{"Forms", ""},
           {"H: Technical characteristics", "not applicable"},
           {"I: Measures to provide warning", "unchanged (last reporting: 2021)"}});
  Report r = Run(b);
  BOOST_TEST(r.answers.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(objectives)

BOOST_AUTO_TEST_CASE(target_sentences_in_a_narrative_are_objectives) {
  DocBuilder b;
  b.Para("ARTICLE 7 TRANSPARENCY REPORT", 1);
  b.Para("Action #38: Physical rehabilitation, prosthetics and assistive devices", 2);
  b.Para("Four centres operate across the country. By the end of 2026, the Ministry of Health will open "
         "3 new orthopaedic workshops. This section reports on progress made in 2020.");
  Report r = Run(b);
  BOOST_TEST_REQUIRE(r.objectives.size() == 1u);
  BOOST_TEST(r.objectives[0].component == "rehabilitation");
  BOOST_TEST(r.objectives[0].text == "By the end of 2026, the Ministry of Health will open 3 new orthopaedic workshops.");
  BOOST_TEST(r.objectives[0].measurable);
  BOOST_TEST(r.objectives[0].deadline.value_or("") == "2026-12-31");
}

BOOST_AUTO_TEST_CASE(a_table_under_an_objective_heading_lists_objectives) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist", 1);
  b.Para("2. Data collection and information management (Action #35)", 1);
  b.Para("Objectives for 2022");
  b.Table({{"No.", "Objective"},
           {"1", "Register 900 survivors in the national database by the end of 2023."},
           {"2", "Improve the quality of casualty data."}});
  Report r = Run(b);
  BOOST_TEST_REQUIRE(r.objectives.size() == 2u);
  BOOST_TEST(r.objectives[0].component == "data");
  BOOST_TEST(r.objectives[0].text == "Register 900 survivors in the national database by the end of 2023.");
  BOOST_TEST(!r.objectives[1].measurable);
  BOOST_TEST(Value(r, "data.survivors_total") == "(none)");  // an objective row is not an answer
}

BOOST_AUTO_TEST_CASE(a_paragraph_of_objectives_gives_one_per_sentence) {
  DocBuilder b;
  b.Para("Rapport de transparence (article 7)", 1);
  b.Para("Action n°39 : Soutien psychologique et réinsertion sociale", 2);
  b.Para("Objectifs prévus :");
  b.Para("D'ici fin 2025, former 20 pairs aidants. Renforcer le soutien psychosocial dès que possible.");
  Report r = Run(b);
  BOOST_TEST_REQUIRE(r.objectives.size() == 2u);
  BOOST_TEST(r.objectives[0].time_bound);
  BOOST_TEST(!r.objectives[1].measurable);
  BOOST_TEST(!r.objectives[1].time_bound);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(layouts)

BOOST_AUTO_TEST_CASE(a_typed_x_before_a_printed_option_answers) {
  DocBuilder b;
  b.Para("Liste de contrôle sur l'assistance aux victimes", 1);
  b.Para("Progrès accomplis dans la mise en œuvre des engagements du Plan d'action de", 3);
  b.Para("Maputo en matière d'assistance aux victimes", 3);
  b.Para("1. Appropriation nationale, coordination et planification", 2);
  b.Table({{"Indicateur", "Réponse", "Précisions"},
           {"1.1 Une entité gouvernementale a-t-elle été désignée pour coordonner l'assistance aux victimes ?", "X Oui Non En cours", ""},
           {"1.3 L'État dispose-t-il d'un plan national répondant aux besoins des victimes des mines ?", "Oui X Non En cours", ""}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");
  BOOST_TEST(Value(r, "coordination.national_plan") == "no");
  BOOST_TEST(r.framework.value_or("") == "maputo-2014");  // the plan's name wraps over two title lines
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(layouts)

// A PDF table rebuild can push the second line of a wrapped header ("In /
// progress") into the previous column: "No progress" | "In".
BOOST_AUTO_TEST_CASE(a_wrapped_header_split_across_columns_is_repaired) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist", 1);
  b.Para("1. National ownership, coordination and planning (Actions #33 and #34)", 1);
  b.Table({{"Questions", "Yes", "No progress", "In", "Remarks"},
           {"1.5 Has a budget been allocated for the implementation of the plan?", "[ ]", "[ ]", "[x]", ""},
           {"1.6 Is progress in implementing the plan monitored and reported on regularly?", "[ ]", "[x]", "[ ]", ""}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "coordination.plan_budget") == "partial");
  BOOST_TEST(Value(r, "coordination.monitoring") == "no");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
