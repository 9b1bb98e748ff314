// Layouts the reader had not seen (issue "layouts it has never seen"): each
// kind of failure measured on unseen reports, written here as a small
// document with its right value. None of these inputs comes from a corpus.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "analysis/analyzer.h"
#include "analysis/doc_builder.h"
#include "rules/rules_fixture.h"

using vareport::Report;
using vareport::test::DocBuilder;
using vareport::test::Value;

namespace {


bool HasFinding(const Report& r, const std::string& code, const std::string& component, const std::string& question = "") {
  return std::any_of(r.findings.begin(), r.findings.end(), [&](const vareport::Finding& f) {
    return f.code == code && f.component.value_or("") == component && f.question.value_or("") == question;
  });
}

std::vector<std::string> ObjectivesOf(const Report& r, const std::string& component) {
  std::vector<std::string> out;
  for (const auto& o : r.objectives)
    if (o.component == component) out.push_back(o.text);
  return out;
}

Report Run(DocBuilder& b) {
  vareport::Document d = b.Build();
  return vareport::Analyze(d, vareport::test::SourceRules());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(layouts)

// Kind 1: an Article 7 Form J written as a note verbale. Section titles run
// into their paragraphs, objectives are announced at the end of a paragraph
// or as a lettered list inside it.
BOOST_AUTO_TEST_CASE(article7_memo_with_run_in_titles_and_lettered_objectives) {
  DocBuilder b;
  b.Para("Permanent Mission of the Republic of Zambia to the United Nations Office at Geneva");
  b.Para("Subject: Article 7 report for 2021 – Form J: victim assistance");
  b.Para("The Permanent Mission presents its compliments to the Implementation Support Unit and has the honour to "
         "transmit the following information on victim assistance, in line with the Oslo Action Plan.");
  b.Item("Actions #33 and #34: National ownership, coordination and planning. The Ministry of Community "
         "Development serves as the national focal point for victim assistance. No national budget has been "
         "allocated to the implementation of the plan. Planned objectives: a) Hold 4 meetings of the coordination "
         "committee by December 2022; b) Strengthen coordination between ministries.", "1.");
  b.Item("Data collection and information management. There is no centralised database on mine victims; "
         "information is scattered among service providers. In 2021, 12 survivors were registered by the "
         "mine action centre. Objectives for 2022:", "2.");
  b.Item("Register 300 survivors in the national database by the end of 2023.", "a)");
  b.Item("Physical rehabilitation, prosthetics and assistive devices. Physical rehabilitation services are delivered "
         "through 3 centres across the country. The Government thanks its partners for their support.", "3.");
  Report r = Run(b);
  BOOST_TEST(r.kind == "article7_report");
  BOOST_TEST(Value(r, "coordination.plan_budget") == "no");
  BOOST_TEST(Value(r, "data.central_database") == "no");  // read in the data section, not coordination's
  BOOST_TEST(Value(r, "rehabilitation.centres") == "3");
  auto coordination = ObjectivesOf(r, "coordination");
  BOOST_REQUIRE_EQUAL(coordination.size(), 2u);
  BOOST_TEST(coordination[0].find("Hold 4 meetings") != std::string::npos);
  BOOST_TEST(coordination[1].find("Strengthen coordination") != std::string::npos);
  auto data = ObjectivesOf(r, "data");
  BOOST_REQUIRE_EQUAL(data.size(), 1u);  // the narrative sentences are not objectives
  BOOST_TEST(data[0].find("Register 300 survivors") != std::string::npos);
  BOOST_TEST(ObjectivesOf(r, "rehabilitation").empty());
  BOOST_TEST(HasFinding(r, "NO_OBJECTIVES", "rehabilitation"));
  BOOST_TEST(r.extraction.layout == "memo");
}

// Kind 2: a results framework grouped by component — the first column names
// the component, merged down over its rows; the second holds the objectives.
BOOST_AUTO_TEST_CASE(results_framework_grouped_by_a_merged_component_column) {
  DocBuilder b;
  b.Para("National Strategy for Mine Survivors 2023–2027", 1);
  b.Para("Results framework", 2);
  b.Table({{"Pillar", "Objective", "Indicator", "Baseline", "Target", "Deadline", "Responsible"},
           {"1. Coordination and national planning", "Hold 8 meetings of the coordination committee.",
            "Meetings held", "2", "8", "2024", "Ministry"},
           {"^", "Strengthen coordination between ministries.", "Meetings", "0", "—", "Continuous", "Ministry"},
           {"2. Physical rehabilitation", "Open 2 new rehabilitation centres.", "Centres", "3", "5", "Dec. 2025",
            "Ministry of Health"},
           {"^", "Train 4 prosthetic technicians.", "Technicians", "0", "4", "2026", "Ministry of Health"}});
  Report r = Run(b);
  BOOST_TEST(r.kind == "national_plan");
  auto coordination = ObjectivesOf(r, "coordination");
  BOOST_REQUIRE_EQUAL(coordination.size(), 2u);
  BOOST_TEST(coordination[1] == "Strengthen coordination between ministries.");
  auto rehabilitation = ObjectivesOf(r, "rehabilitation");
  BOOST_REQUIRE_EQUAL(rehabilitation.size(), 2u);
  BOOST_TEST(rehabilitation[1] == "Train 4 prosthetic technicians.");
  // The row's Target and Deadline cells count: measurable and time-bound.
  for (const auto& o : r.objectives)
    if (o.text == "Open 2 new rehabilitation centres.") BOOST_TEST(o.deadline.value_or("") == "2025-12-31");
  BOOST_TEST(r.extraction.layout == "results-framework-grouped");
}

// A closing objectives table in a checklist: Component | No. | Objective,
// the component merged down its rows.
BOOST_AUTO_TEST_CASE(closing_objectives_table_takes_the_merged_component) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist 2024", 1);
  b.Para("1. Coordination and national planning", 2);
  b.Table({{"Question", "Yes", "No"}, {"Has a government entity been designated to coordinate victim assistance?", "[x]", "[ ]"}});
  b.Para("5. Psychological support and social reintegration", 2);
  b.Table({{"Question", "Yes", "No"}, {"Do peer-to-peer support programmes exist?", "[ ]", "[x]"}});
  b.Para("Objectives for the coming period", 2);
  b.Table({{"Component", "No.", "Objective"},
           {"Coordination and national planning", "1", "Hold 4 coordination meetings by 2025."},
           {"^", "2", "Adopt the national victim assistance plan by June 2025."},
           {"Psychological support and social reintegration", "1", "Train 12 peer supporters by 2026."}});
  Report r = Run(b);
  BOOST_TEST(ObjectivesOf(r, "coordination").size() == 2u);
  BOOST_TEST(ObjectivesOf(r, "psychosocial").size() == 1u);
  BOOST_TEST(Value(r, "psychosocial.peer_support") == "no");
}

// Kind 3: a checklist in paragraph form — each question a paragraph, the
// answer on its own line after a label, comments on the next line.
BOOST_AUTO_TEST_CASE(paragraph_form_checklist_in_three_languages) {
  DocBuilder en;
  en.Para("Victim Assistance Checklist", 1);
  en.Para("1. Coordination and national planning", 2);
  en.Item("Has a government entity been designated to coordinate victim assistance?", "1.1");
  en.Para("Answer: [x] Yes [ ] No [ ] Partly");
  en.Para("Comments: the entity was designated in 2019.");
  en.Item("Does the State have a national plan that addresses the needs of mine victims?", "1.2");
  en.Para("x Yes   No   Partly");
  en.Item("Has a budget been allocated for the implementation of the plan?", "1.3");
  en.Para("Answer: No");
  en.Item("Is there a mechanism to monitor and evaluate the implementation of the plan?", "1.4");
  en.Para("[ ] Yes [ ] No [ ] Partly");
  en.Para("Comments: no information was received.");
  Report r = Run(en);
  BOOST_TEST(r.kind == "va_checklist");
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");
  BOOST_TEST(Value(r, "coordination.national_plan") == "yes");
  BOOST_TEST(Value(r, "coordination.plan_budget") == "no");
  BOOST_TEST(Value(r, "coordination.monitoring") == "(none)");
  BOOST_TEST(HasFinding(r, "MISSING_ANSWER", "coordination", "coordination.monitoring"));
  BOOST_TEST(!HasFinding(r, "MISSING_ANSWER", "coordination", "coordination.focal_point"));

  DocBuilder fr;
  fr.Para("Questionnaire sur l'assistance aux victimes", 1);
  fr.Para("1. Coordination et planification nationale", 2);
  fr.Item("Une entité gouvernementale a-t-elle été désignée pour coordonner l'assistance aux victimes ?", "1.1");
  fr.Para("Réponse : [ ] Oui [x] Non [ ] En partie");
  fr.Item("Existe-t-il un plan national qui répond aux besoins des victimes des mines ?", "1.2");
  fr.Para("Réponse : Oui");
  Report rf = Run(fr);
  BOOST_TEST(Value(rf, "coordination.focal_point") == "no");
  BOOST_TEST(Value(rf, "coordination.national_plan") == "yes");

  DocBuilder es;
  es.Para("Cuestionario sobre asistencia a las víctimas", 1);
  es.Para("1. Coordinación y planificación nacional", 2);
  es.Item("¿Se ha designado una entidad gubernamental para coordinar la asistencia a las víctimas?", "1.1");
  es.Para("Respuesta: [ ] Sí [ ] No [x] En curso");
  Report rs = Run(es);
  BOOST_TEST(Value(rs, "coordination.focal_point") == "partial");
}

// Kind 4: figures as "label : value" lines outside any table, with a narrow
// no-break space as the thousands separator (French) or a period (Spanish).
BOOST_AUTO_TEST_CASE(figures_on_label_value_lines) {
  DocBuilder fr;
  fr.Para("Questionnaire sur l'assistance aux victimes", 1);
  fr.Para("2. Collecte de données et gestion de l'information", 2);
  fr.Para("Nombre total de survivants enregistrés : 1\u202F234");
  fr.Para("dont femmes et filles : 210");
  Report r = Run(fr);
  BOOST_TEST(Value(r, "data.survivors_total") == "1234");
  BOOST_TEST(Value(r, "data.survivors_female") == "210");

  DocBuilder es;
  es.Para("Cuestionario sobre asistencia a las víctimas", 1);
  es.Para("2. Recopilación de datos y gestión de la información", 2);
  es.Para("Número total de sobrevivientes registrados: 12.345");
  Report rs = Run(es);
  BOOST_TEST(Value(rs, "data.survivors_total") == "12345");
}

// A figures table in an Article 7 report: each figure answers "row label +
// column label" (Survivors recorded … Female → the female survivors).
BOOST_AUTO_TEST_CASE(figures_table_answers_row_and_column_labels) {
  DocBuilder b;
  b.Para("ARTICLE 7 TRANSPARENCY REPORT", 1);
  b.Para("Data collection and information management (Action #35)", 2);
  b.Para("Casualty data are recorded by the mine action centre in a national database.");
  b.Table({{"Indicator", "Total", "Female", "Male", "Source"},
           {"New casualties (killed and injured) in 2021", "61", "3", "58", "National database"},
           {"Survivors recorded (cumulative)", "3,590", "503", "3,087", "Mine action centre"}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "3590");
  BOOST_TEST(Value(r, "data.survivors_female") == "503");
  BOOST_TEST(Value(r, "data.survivors_male") == "3087");
  BOOST_TEST(Value(r, "data.casualties_period") == "61");
}

// The same table in French: "Survivants enregistrés" by "Femmes" / "Hommes".
BOOST_AUTO_TEST_CASE(figures_table_in_french_splits_survivors_by_sex) {
  DocBuilder b;
  b.Para("Rapport au titre de l'article 7", 1);
  b.Para("Action n°35 : Collecte de données et gestion de l'information", 2);
  b.Para("Les données sont enregistrées par le centre de lutte antimines dans une base nationale.");
  b.Table({{"Indicateur", "Total", "Femmes", "Hommes", "Source"},
           {"Nouvelles victimes (tuées et blessées) en 2020", "55", "12", "43", "Base de données nationale"},
           {"Survivants enregistrés (cumul)", "1 581", "300", "1 278", "Centre de lutte antimines"}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "1581");
  BOOST_TEST(Value(r, "data.survivors_female") == "300");
  BOOST_TEST(Value(r, "data.survivors_male") == "1278");
}

// A closing objectives table exported to PDF: the component's name, in a cell
// merged down its rows and centred on them, lands on its second row; two rows
// of one component merged into one ("1 2" | two sentences). The numbering
// restarts at 1 for each component: that groups the rows.
BOOST_AUTO_TEST_CASE(closing_objectives_table_grouped_by_numbering_restarts) {
  DocBuilder b;
  b.Para("Questionnaire sur l'assistance aux victimes", 1);
  b.Para("7. Situations de risque et urgences humanitaires (Action #41)", 2);
  b.Para("Les plans de réponse humanitaire tiennent compte des besoins des survivants.");
  b.Para("Objectifs pour la période à venir", 2);
  b.Table({{"Composante", "N°", "Objectif"},
           {"Appropriation nationale, coordination et planification", "1 2",
            "Adopter le plan national d'ici 2024. Tenir 4 réunions du comité de coordination par an."},
           {"", "1", "Renforcer le partage des données avec les prestataires de services."},
           {"Données sur les victimes", "2", "Réaliser une évaluation des besoins couvrant 80 % des survivants d'ici 2024."},
           {"", "3", "Former 24 agents provinciaux à la collecte de données."},
           {"Réadaptation", "1", "Former 30 techniciens orthoprothésistes d'ici 2025."}});
  Report r = Run(b);
  BOOST_TEST(ObjectivesOf(r, "coordination").size() == 2u);
  BOOST_TEST(ObjectivesOf(r, "data").size() == 3u);
  BOOST_TEST(ObjectivesOf(r, "rehabilitation").size() == 1u);
}

// Kind 11 (scans): a nested "Total | Women and girls | Men and boys" table
// whose rules the scan flattened into the checklist's grid: the labels end
// the question's row, the figures are a row of their own below it.
BOOST_AUTO_TEST_CASE(figures_row_under_the_labels_that_end_a_question_row) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist 2025", 1);
  b.Para("2. Data collection and information management", 2);
  b.Table({{"No.", "Questions", "Response", "", ""},
           {"2.4", "Number of mine survivors recorded (total and by sex)", "Total", "Women and girls", "Men and boys"},
           {"", "", "3 766", "527", "3 239"},
           {"2.7", "New mine/ERW casualties in the reporting year (killed and injured)", "No.: 48", "", ""}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "3766");
  BOOST_TEST(Value(r, "data.survivors_female") == "527");
  BOOST_TEST(Value(r, "data.survivors_male") == "3239");
  BOOST_TEST(Value(r, "data.casualties_period") == "48");
}

// The same nested table kept as a table under its question's row; one figure
// left blank: its question is not answered, and is flagged.
BOOST_AUTO_TEST_CASE(figures_row_under_a_nested_labels_row_with_a_blank) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist 2025", 1);
  b.Para("2. Data collection and information management", 2);
  b.Table({{"Number of mine survivors recorded (total and by sex)"}}, false);
  b.Table({{"Total", "Women and girls", "Men and boys"}, {"10,417", "1,458", ""}}, false);
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "10417");
  BOOST_TEST(Value(r, "data.survivors_female") == "1458");
  BOOST_TEST(Value(r, "data.survivors_male") == "(none)");
}

// Kind 11 (scans): OCR glues a misread "#" to the action number ("Acción
// +139", "Acción 1133" for #39, #37). After an objective list only an action
// number opens the next section, so the misreading put the next section's
// objectives under the previous component.
BOOST_AUTO_TEST_CASE(action_numbers_with_a_misread_number_sign_open_their_section) {
  DocBuilder b;
  b.Para("Informe en virtud del artículo 7 – Formulario J", 1);
  b.Para("Acción #38: Rehabilitación física, prótesis y ayudas técnicas");
  b.Para("Los servicios de rehabilitación física se prestan a través de 34 centros en todo el país.");
  b.Para("Objetivos previstos:");
  b.Item("Antes del 31 de diciembre de 2023, abrir 2 nuevos centros de rehabilitación física.", "1.");
  b.Para("Acción +139: Apoyo psicológico y reintegración social");
  b.Para("Los sobrevivientes disponen de apoyo psicosocial en los centros de salud públicos.");
  b.Para("Objetivos previstos:");
  b.Item("Ofrecer apoyo psicosocial a 200 sobrevivientes en el tercer trimestre de 2023.", "1.");
  b.Para("Acción 1133: Leyes y políticas públicas");
  b.Para("La legislación nacional sobre discapacidad protege a todas las personas con discapacidad.");
  b.Para("Objetivos previstos:");
  b.Item("Adoptar la norma nacional de accesibilidad para edificios públicos antes de 2025.", "-");
  Report r = Run(b);
  BOOST_TEST(ObjectivesOf(r, "rehabilitation").size() == 1u);
  BOOST_TEST(ObjectivesOf(r, "psychosocial").size() == 1u);
  BOOST_TEST(ObjectivesOf(r, "laws_policies").size() == 1u);
}

// A note that points elsewhere ("See …", "Véase …", a superscript read "l"
// before it) is not an objective even under an objective heading.
BOOST_AUTO_TEST_CASE(a_cross_reference_under_objectives_is_not_an_objective) {
  DocBuilder b;
  b.Para("Informe en virtud del artículo 7 – Formulario J", 1);
  b.Para("Acción #36: Atención médica de emergencia y continua");
  b.Para("En todos los distritos afectados hay socorristas capacitados y protocolos de emergencia.");
  b.Para("Objetivos previstos:");
  b.Item("Capacitar a 900 socorristas comunitarios antes de diciembre de 2024.", "1.");
  b.Para("l Véase el Plan de Acción de Oslo, documento APLC/CONF/2019/5/Add.1.");
  Report r = Run(b);
  BOOST_REQUIRE_EQUAL(ObjectivesOf(r, "medical").size(), 1u);
  BOOST_TEST(ObjectivesOf(r, "medical").front().rfind("Capacitar", 0) == 0);
}

// A figure after a cue's anchor counts the noun that follows it: "ces
// centres ont fourni 32 prothèses" gives no number of centres; "1 234
// personnes" still counts the survivors named before.
BOOST_AUTO_TEST_CASE(a_figure_that_counts_another_noun_does_not_answer) {
  DocBuilder b;
  b.Para("Rapport au titre de l'article 7", 1);
  b.Para("Action n°35 : Collecte de données et gestion de l'information", 2);
  b.Para("En 2020, les survivants enregistrés étaient au total 1 234 personnes.");
  b.Para("Action n°38 : Réadaptation physique, appareillage et aides techniques", 2);
  b.Para("Il n'existe pas de plan national de réadaptation. En 2020, ces centres ont fourni 32 prothèses, "
         "orthèses et autres aides techniques.");
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "1234");
  BOOST_TEST(Value(r, "rehabilitation.centres") != "32");
}

// Kind 10: the answer word on the question's own line, after the question mark.
BOOST_AUTO_TEST_CASE(answer_word_after_the_question_mark) {
  DocBuilder b;
  b.Para("Questionnaire sur l'assistance aux victimes", 1);
  b.Para("7. Lois et politiques publiques", 2);
  b.Para("La CDPH a-t-elle été ratifiée ? Oui");
  b.Para("Existe-t-il des normes nationales d'accessibilité ? Non");
  Report r = Run(b);
  BOOST_TEST(Value(r, "laws_policies.crpd") == "yes");
  BOOST_TEST(Value(r, "laws_policies.accessibility") == "no");
  BOOST_TEST(!HasFinding(r, "MISSING_ANSWER", "laws_policies", "laws_policies.crpd"));
}

// The reader says how well it read: a checklist with most questions located is
// trusted; one with a handful is marked for review, with the reason.
BOOST_AUTO_TEST_CASE(extraction_block_marks_what_was_not_understood) {
  DocBuilder good;
  good.Para("Victim Assistance Checklist", 1);
  good.Para("1. Coordination and national planning", 2);
  good.Table({{"Question", "Yes", "No"},
              {"Has a government entity been designated to coordinate victim assistance?", "[x]", "[ ]"}});
  Report r = Run(good);
  BOOST_TEST(r.extraction.questions_expected > 30);
  BOOST_TEST(r.extraction.questions_located == 1);
  BOOST_TEST(r.extraction.needs_review);  // 1 of 34 located: not understood
  BOOST_REQUIRE(!r.extraction.reasons.empty());
  BOOST_TEST(r.extraction.reasons[0].find("of 34 checklist questions were located") != std::string::npos);

  DocBuilder other;
  other.Para("Quarterly sales report", 1);
  other.Para("Revenue grew by 12 % in the third quarter of 2048; the board met four times.");
  Report o = Run(other);
  BOOST_TEST(o.kind == "other");
  BOOST_TEST(o.findings.empty());  // nothing of the model applies: no component findings
  BOOST_TEST(!o.reporting_year.has_value());  // 2048 is no reporting year
  BOOST_TEST(o.extraction.needs_review);
}

// An objectives table whose header was printed as a bold line of its own
// ("No. Objective", as a PDF export leaves it): the rows below are objectives;
// a signature block after them is not.
BOOST_AUTO_TEST_CASE(objective_list_whose_header_is_a_line_of_its_own) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist", 1);
  b.Para("2. Data collection and information management", 2);
  b.Table({{"Question", "Yes", "No"}, {"Are data disaggregated by sex, age and disability?", "[x]", "[ ]"}});
  b.Para("Objectives for the coming period", 3);
  b.Para("No. Objective", 4);
  b.Table({{"1", "Register 300 survivors in the national database by 2026."},
           {"2", "Train 3 provincial data officers in casualty data collection (2027–2030)."}},
          /*first_is_header=*/false);
  b.Table({{"Name and title: Dr. A. Rahimi, Deputy", "Official stamp:"}}, false);
  Report r = Run(b);
  auto data = ObjectivesOf(r, "data");
  BOOST_REQUIRE_EQUAL(data.size(), 2u);
  BOOST_TEST(data[0] == "Register 300 survivors in the national database by 2026.");
}

// The evidence shows what decided the value: the ticked box and its option,
// not the first (empty) answer cell of the row.
BOOST_AUTO_TEST_CASE(evidence_shows_the_box_that_decided) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist", 1);
  b.Para("1. Coordination and national planning", 2);
  b.Table({{"Question", "Yes", "No", "In progress"},
           {"Has a budget been allocated for the implementation of the plan?", "[ ]", "[ ]", "[x]"}});
  Report r = Run(b);
  BOOST_REQUIRE_EQUAL(Value(r, "coordination.plan_budget"), "partial");
  for (const auto& a : r.answers) {
    if (a.question != "coordination.plan_budget") continue;
    BOOST_TEST(a.evidence.text.find("\u2612 In progress") != std::string::npos);
    BOOST_TEST(a.evidence.text.find("\u2610") == std::string::npos);
  }
}

// Kind 12 (unseen phrasings, tests/data/make_unseen.py): a yes or no written
// in one answer cell and qualified after a separator by a partial word
// ("Yes (partially)", "Sí, parcialmente", "Oui – en cours") is "partial";
// a qualifier that is no partial word keeps the yes or no; options printed
// side by side with nothing chosen stay unanswered, and "N/A" is no "N".
BOOST_AUTO_TEST_CASE(a_yes_or_no_qualified_by_a_partial_word_is_partial) {
  DocBuilder en;
  en.Para("Victim Assistance Questionnaire 2025", 1);
  en.Para("I. Coordination", 2);
  en.Table({{"Question", "Answer", "Comments"},
            {"Has a national plan for victim assistance been adopted?", "Yes (partially)", "Draft under review"},
            {"Is there a national referral mechanism?", "Yes – in progress", ""},
            {"Does the plan have a budget?", "No, not yet", ""},
            {"Does your State have a focal point for victim assistance?", "Yes, since 2019", ""},
            {"Is there a directory of services?", "No, but one is being drafted", ""},
            {"Is implementation of the plan monitored and evaluated?", "Yes No In progress", ""},
            {"Do mine survivors participate in coordination and decision-making?", "N/A", ""}});
  Report r = Run(en);
  BOOST_TEST(Value(r, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(r, "coordination.referral_mechanism") == "partial");
  BOOST_TEST(Value(r, "coordination.plan_budget") == "no");
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");
  BOOST_TEST(Value(r, "coordination.services_directory") == "partial");
  BOOST_TEST(Value(r, "coordination.monitoring") == "(none)");  // printed options, none chosen
  BOOST_TEST(HasFinding(r, "MISSING_ANSWER", "coordination", "coordination.monitoring"));
  BOOST_TEST(Value(r, "coordination.survivor_participation") == "(none)");  // "N/A" is no "no"

  DocBuilder es;
  es.Para("Cuestionario sobre asistencia a las víctimas 2025", 1);
  es.Para("Componente 1 – Coordinación", 2);
  es.Table({{"Pregunta", "Respuesta", "Observaciones"},
            {"¿Se ha aprobado un plan nacional de asistencia a víctimas?", "Sí, parcialmente", ""},
            {"¿Tiene el plan un presupuesto asignado?", "No, todavía no", ""}});
  es.Para("Componente 4 – Inclusión económica", 2);
  es.Table({{"Pregunta", "Respuesta", "Observaciones"},
            {"¿Tienen los sobrevivientes acceso a la protección social?", "Sí (en curso)", ""}});
  Report rs = Run(es);
  BOOST_TEST(Value(rs, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(rs, "coordination.plan_budget") == "no");
  BOOST_TEST(Value(rs, "economic.social_protection") == "partial");

  DocBuilder fr;
  fr.Para("Questionnaire sur l'assistance aux victimes 2025", 1);
  fr.Para("Partie A – Coordination", 2);
  fr.Table({{"Question", "Réponse", "Commentaires"},
            {"Un plan national d'assistance aux victimes a-t-il été adopté ?", "Oui – en cours", ""},
            {"Le plan est-il financé par le budget national ?", "Réponse : Non (en préparation)", ""}});
  Report rf = Run(fr);
  BOOST_TEST(Value(rf, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(rf, "coordination.plan_budget") == "partial");
}

// Kind 13: "Label: value" lines whose label words the question itself
// ("Survivors recorded: 3,412", "Number of rehabilitation centres: 6"), after
// a sentence that states its own figures. The sentence is narrative (not a
// printed question whose answer is the line below it); each line answers
// the question its label words.
BOOST_AUTO_TEST_CASE(label_value_lines_whose_label_words_the_question) {
  DocBuilder b;
  b.Para("Article 7 report – Form J – Victim assistance", 1);
  b.Para("Reporting year: 2025");  // a cover field, no question's answer
  b.Para("Data collection", 2);
  b.Para("As of December 2025, the national database holds records on 3,412 survivors, of whom 512 are women "
         "and girls and 2,900 are men and boys.");
  b.Para("Survivors recorded: 3,412");
  b.Para("New casualties in 2025: 14");
  b.Para("Physical rehabilitation", 2);
  b.Para("Number of rehabilitation centres: 6");
  b.Para("Prostheses and orthoses delivered in 2025: 1,120");
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "3412");
  BOOST_TEST(Value(r, "data.survivors_female") == "512");
  BOOST_TEST(Value(r, "data.survivors_male") == "2900");
  BOOST_TEST(Value(r, "data.casualties_period") == "14");
  BOOST_TEST(Value(r, "rehabilitation.centres") == "6");
  BOOST_TEST(Value(r, "rehabilitation.devices_provided") == "1120");
  BOOST_TEST(Value(r, "coordination.plan_end_year") == "(none)");
  BOOST_TEST(r.reporting_year.value_or(0) == 2025);
  BOOST_TEST(!HasFinding(r, "FIGURES_INCONSISTENT", ""));
}

// Kind 14: a Form J memo that gives survivors by sex with the sexes named
// alone ("dont 412 femmes et 1 933 hommes", "210 son mujeres y 1.322
// hombres"), each language's separators.
BOOST_AUTO_TEST_CASE(survivors_by_sex_in_memo_prose_with_the_sexes_named_alone) {
  DocBuilder fr;
  fr.Para("Rapport au titre de l'article 7 – Formulaire J – Assistance aux victimes – 2025");
  fr.Item("Collecte de données. Au total, 2\u00A0345 survivants ont été enregistrés, dont 412 femmes et 1\u00A0933 "
          "hommes. Objectif : enregistrer 300 survivants supplémentaires d'ici fin 2026.", "II.");
  Report r = Run(fr);
  BOOST_TEST(Value(r, "data.survivors_total") == "2345");
  BOOST_TEST(Value(r, "data.survivors_female") == "412");
  BOOST_TEST(Value(r, "data.survivors_male") == "1933");

  DocBuilder es;
  es.Para("Informe con arreglo al artículo 7 – Formulario J – Asistencia a las víctimas – 2025");
  es.Item("Recopilación de datos. Se han registrado 1.532 sobrevivientes de minas, de los cuales 210 son mujeres "
          "y 1.322 hombres.", "2.");
  Report rs = Run(es);
  BOOST_TEST(Value(rs, "data.survivors_total") == "1532");
  BOOST_TEST(Value(rs, "data.survivors_female") == "210");
  BOOST_TEST(Value(rs, "data.survivors_male") == "1322");

  DocBuilder en;
  en.Para("Article 7 report – Form J – Victim assistance – 2025");
  en.Item("Data collection. The database records 980 survivors, of whom 130 women and 850 men.", "2.");
  Report re = Run(en);
  BOOST_TEST(Value(re, "data.survivors_female") == "130");
  BOOST_TEST(Value(re, "data.survivors_male") == "850");

  // Run-in titles with a colon ("Action 4 – Data: …") under a plan with no
  // action numbers yet: the short title is no printed question whose answer
  // is the rest of the line; the sentences are read as prose.
  DocBuilder sr;
  sr.Para("Note verbale – Article 7 report for calendar year 2025 – Form J");
  sr.Para("The Permanent Mission submits the information below in line with the Siem Reap-Angkor Action Plan.");
  sr.Para("Action 4 – Data: The national database records 25,000 survivors (including 1,250 women).");
  sr.Para("Action 6 – Rehabilitation: 14 centres operate; 2,300 assistive devices were provided in 2025.");
  Report rr = Run(sr);
  BOOST_TEST(Value(rr, "data.survivors_total") == "25000");
  BOOST_TEST(Value(rr, "data.survivors_female") == "1250");
  BOOST_TEST(Value(rr, "rehabilitation.centres") == "14");
}

// The reporting year of a checklist with no year field is the one year of
// its title line, though the objectives' deadlines name later years more
// often. Objective lines keep no typed list label ("b) ", "iv) ").
BOOST_AUTO_TEST_CASE(reporting_year_from_the_title_line_not_the_deadlines) {
  DocBuilder b;
  b.Para("Questionnaire sur l'assistance aux victimes – République du Mali – 2025", 1);
  b.Para("III. Réadaptation physique", 2);
  b.Table({{"Question", "Réponse", "Commentaires"}, {"Nombre de centres de réadaptation en activité", "4", ""}});
  b.Para("Objectifs pour 2026", 3);
  b.Para("b) Appareiller 300 survivants au cours du troisième trimestre 2027.");
  b.Para("Adopter la stratégie nationale de réadaptation avant juin 2027.");
  b.Para("iv) Former 20 kinésithérapeutes entre 2025 et 2027.");
  Report r = Run(b);
  BOOST_TEST(r.reporting_year.value_or(0) == 2025);
  BOOST_TEST(Value(r, "rehabilitation.centres") == "4");
  auto objectives = ObjectivesOf(r, "rehabilitation");
  BOOST_REQUIRE_EQUAL(objectives.size(), 3u);
  BOOST_TEST(objectives[0].find("Appareiller 300") == 0u);
  BOOST_TEST(objectives[2].find("Former 20") == 0u);
  for (const auto& o : r.objectives) BOOST_TEST(o.time_bound, o.text);
}

// Kind 15: a checklist titled "Reporting Form" whose first question asks
// about a national plan (a question names no document kind), with short
// questions that share one word with the rule phrasings, a word no other
// question uses ("Is counselling available?"); a figure spelled out in words.
BOOST_AUTO_TEST_CASE(short_questions_and_a_title_that_names_no_kind_of_its_own) {
  DocBuilder b;
  b.Para("Victim Assistance Reporting Form – 2025", 1);
  b.Para("Part III. Health and Rehabilitation", 2);
  b.Table({{"Question", "Yes", "No"},
           {"Is there a national strategy or plan?", "[x]", "[ ]"},
           {"How many centres provide prosthetic services?", "Five", ""}});  // spelled out
  b.Para("D) Mental health and peer support", 2);
  b.Table({{"Question", "Yes", "No"}, {"Is counselling available?", "[x]", "[ ]"}, {"Do survivor peer groups exist?", "[ ]", "[x]"}});
  Report r = Run(b);
  BOOST_TEST(r.kind == "va_checklist");
  BOOST_TEST(Value(r, "rehabilitation.national_plan") == "yes");
  BOOST_TEST(Value(r, "rehabilitation.centres") == "5");
  BOOST_TEST(Value(r, "psychosocial.services") == "yes");
  BOOST_TEST(Value(r, "psychosocial.peer_support") == "no");
}

// A row label that words the total and each sex equally well ("Survivors
// registered (cumulative)": no sex named) answers the total: equal scores
// keep the catalogue's order, however the weights were summed.
BOOST_AUTO_TEST_CASE(a_row_that_ties_the_total_and_each_sex_answers_the_total) {
  DocBuilder b;
  b.Para("Informe con arreglo al artículo 7 – 2025", 1);
  b.Para("Recopilación de datos y gestión de la información", 2);
  b.Table({{"Indicador", "Valor"}, {"Sobrevivientes registrados (acumulado)", "394"}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "data.survivors_total") == "394");
  BOOST_TEST(Value(r, "data.survivors_female") == "(none)");
}

// Kind 16: a results table with no "Objective" column — its planned actions
// headed "Activity", "Activités", "Mesure", "Actividad" (lexicon
// plan_action_headers) are the objectives; headings that carry a component
// label and number ("Axe 1 : Coordination", "Strategic area 3: …", "Eje 2:
// …") open their component; a title that names no kind over such a table is
// a national plan, whose reporting year is the first of its period.
BOOST_AUTO_TEST_CASE(results_tables_of_activities_under_labelled_headings) {
  DocBuilder en;
  en.Para("National Disability and Victim Assistance Strategy 2025-2028", 1);
  en.Para("Strategic area 3: Physical rehabilitation", 2);
  en.Table({{"Activity", "Output indicator", "Target 2027", "Timeline (year)", "Lead agency"},
            {"Train 30 physiotherapists", "Physiotherapists trained", "30", "2026", "Ministry of Health"},
            {"Open 2 regional orthopaedic workshops", "Workshops open", "2", "2027", "Ministry of Health"}});
  en.Para("Strategic area 4: Social and economic inclusion", 2);
  en.Table({{"Outcome", "Output", "Indicator", "Time frame"},
            {"Survivors earn an income", "Give 100 survivors small business grants", "Grants given", "2025-2026"}});
  Report r = Run(en);
  BOOST_TEST(r.kind == "national_plan");
  BOOST_TEST(r.reporting_year.value_or(0) == 2025);
  BOOST_TEST(ObjectivesOf(r, "rehabilitation").size() == 2u);
  auto economic = ObjectivesOf(r, "economic");
  BOOST_REQUIRE_EQUAL(economic.size(), 1u);
  BOOST_TEST(economic[0] == "Give 100 survivors small business grants");
  for (const auto& o : r.objectives) BOOST_TEST((o.measurable && o.time_bound), o.text);

  DocBuilder fr;
  fr.Para("Stratégie nationale d'assistance aux victimes 2025-2029", 1);
  fr.Para("Axe 1 : Coordination", 2);
  fr.Table({{"Activités", "Indicateurs", "Cible 2027", "Période de mise en œuvre", "Responsable"},
            {"Organiser 4 réunions du comité national", "Réunions tenues", "4", "2025-2029", "Ministère"}});
  fr.Para("Axe 2 : Réadaptation", 2);
  fr.Table({{"Mesure", "Indicateur", "Résultat visé", "Calendrier"},
            {"Équiper 3 centres de réadaptation", "Centres équipés", "3", "T4 2026"}});
  Report rf = Run(fr);
  BOOST_TEST(ObjectivesOf(rf, "coordination").size() == 1u);
  BOOST_TEST(ObjectivesOf(rf, "rehabilitation").size() == 1u);
  for (const auto& o : rf.objectives) BOOST_TEST(o.time_bound, o.text);

  DocBuilder es;
  es.Para("Plan Nacional de Asistencia a Víctimas 2025-2029", 1);
  es.Para("Eje 2: Rehabilitación", 2);
  es.Table({{"Actividad", "Indicador", "Meta al 2027", "Plazo de ejecución", "Responsable"},
            {"Capacitar a 25 técnicos ortoprotésicos", "Técnicos capacitados", "25", "2026", "Ministerio de Salud"}});
  Report rs = Run(es);
  auto rehabilitation = ObjectivesOf(rs, "rehabilitation");
  BOOST_REQUIRE_EQUAL(rehabilitation.size(), 1u);
  BOOST_TEST(rehabilitation[0] == "Capacitar a 25 técnicos ortoprotésicos");
}

// A printed option that qualifies a yes ("☒ Yes, partially", a "Yes,
// partially" or "Sí parcialmente" column) is the partial option, not a yes;
// an answer line "Answer: Yes – in progress" under a printed question too.
BOOST_AUTO_TEST_CASE(an_option_printed_as_a_qualified_yes_is_partial) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist 2025", 1);
  b.Para("1. Coordination", 2);
  b.Para("Has a national action plan for victim assistance been adopted?");
  b.Para("[ ] Yes  [x] Yes, partially  [ ] No");
  b.Para("Is there a national referral mechanism to refer mine victims to available services?");
  b.Para("Answer: Yes – in progress");
  b.Table({{"Question", "Yes", "Yes, partially", "No"},
           {"Is there a mechanism to monitor and evaluate the implementation of the plan?", "[ ]", "[x]", "[ ]"},
           {"Has a government entity been designated to coordinate victim assistance?", "[x]", "[ ]", "[ ]"}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(r, "coordination.referral_mechanism") == "partial");
  BOOST_TEST(Value(r, "coordination.monitoring") == "partial");
  BOOST_TEST(Value(r, "coordination.focal_point") == "yes");

  DocBuilder es;
  es.Para("Cuestionario sobre asistencia a las víctimas 2025", 1);
  es.Para("1. Coordinación", 2);
  es.Table({{"Pregunta", "Sí", "Sí parcialmente", "No"},
            {"¿Se ha aprobado un plan nacional de asistencia a víctimas?", "[ ]", "[x]", "[ ]"},
            {"¿Se ha asignado un presupuesto para la ejecución del plan?", "[ ]", "[ ]", "[x]"}});
  Report rs = Run(es);
  BOOST_TEST(Value(rs, "coordination.national_plan") == "partial");
  BOOST_TEST(Value(rs, "coordination.plan_budget") == "no");
}

// Narrative that says a thing is still to come ("has yet to be
// established", "reste à mettre en place", "queda por establecer", "n'a pas
// encore été", "todavía no") answers "no" (lexicon negation_markers).
BOOST_AUTO_TEST_CASE(a_thing_still_to_be_done_is_a_no_in_prose) {
  struct Case {
    const char* title;
    const char* heading;
    const char* sentence;
    const char* question;
  };
  const Case cases[] = {
      {"Article 7 report 2025", "Data collection and information management",
       "A centralised database on mine victims has yet to be established.", "data.central_database"},
      {"Article 7 report 2025", "Psychological support and social reintegration", "Peer support programmes do not exist yet.",
       "psychosocial.peer_support"},
      {"Rapport article 7 2025", "Collecte de données et gestion de l'information",
       "Une base de données centralisée sur les victimes des mines reste à mettre en place.", "data.central_database"},
      {"Rapport article 7 2025", "Soutien psychologique et réinsertion sociale",
       "Il n'existe pas encore de programmes de soutien par les pairs.", "psychosocial.peer_support"},
      {"Informe artículo 7 2025", "Recopilación de datos y gestión de la información",
       "Queda por establecer una base de datos centralizada sobre las víctimas de minas.", "data.central_database"},
      {"Informe artículo 7 2025", "Apoyo psicológico y reintegración social", "Todavía no existen programas de apoyo entre pares.",
       "psychosocial.peer_support"},
  };
  for (const Case& c : cases) {
    DocBuilder b;
    b.Para(c.title, 1);
    b.Para(c.heading, 2);
    b.Para(c.sentence);
    Report r = Run(b);
    BOOST_TEST(Value(r, c.question) == "no", c.sentence);
  }
}

// The plan's end year answered with the plan's period ("2021–2025",
// "Adopted in 2019, in force until 2023") is the period's last year.
BOOST_AUTO_TEST_CASE(a_period_answers_the_end_year_with_its_last_year) {
  DocBuilder b;
  b.Para("Victim Assistance Checklist 2024", 1);
  b.Para("1. Coordination and national planning", 2);
  b.Table({{"Question", "Answer", "Comments"}, {"Until which year does the plan run?", "2021\u20132025", ""}});
  Report r = Run(b);
  BOOST_TEST(Value(r, "coordination.plan_end_year") == "2025");

  DocBuilder c;
  c.Para("Victim Assistance Checklist 2024", 1);
  c.Para("1. Coordination and national planning", 2);
  c.Table({{"Question", "Answer", "Comments"},
           {"Until which year does the plan run?", "Adopted in 2019, in force until 2023", ""}});
  Report rc = Run(c);
  BOOST_TEST(Value(rc, "coordination.plan_end_year") == "2023");
}

// Kind 13 in French and Spanish: "Label : value" lines whose label words
// the question, each language's separators.
BOOST_AUTO_TEST_CASE(label_value_lines_in_french_and_spanish) {
  DocBuilder fr;
  fr.Para("Rapport au titre de l'article 7 – 2025", 1);
  fr.Para("Collecte de données", 2);
  fr.Para("La base de données nationale est tenue par le centre d'action antimines.");
  fr.Para("Survivants enregistrés : 1 234");
  fr.Para("Nouvelles victimes en 2025 : 12");
  fr.Para("Réadaptation physique", 2);
  fr.Para("Centres de réadaptation : 4");
  Report r = Run(fr);
  BOOST_TEST(Value(r, "data.survivors_total") == "1234");
  BOOST_TEST(Value(r, "data.casualties_period") == "12");
  BOOST_TEST(Value(r, "rehabilitation.centres") == "4");

  DocBuilder es;
  es.Para("Informe con arreglo al artículo 7 – 2025", 1);
  es.Para("Recopilación de datos", 2);
  es.Para("Sobrevivientes registrados: 2.345");
  es.Para("Rehabilitación física", 2);
  es.Para("Centros de rehabilitación en funcionamiento: 6");
  es.Para("Dispositivos entregados en 2025: 1.120");
  Report rs = Run(es);
  BOOST_TEST(Value(rs, "data.survivors_total") == "2345");
  BOOST_TEST(Value(rs, "rehabilitation.centres") == "6");
  BOOST_TEST(Value(rs, "rehabilitation.devices_provided") == "1120");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
