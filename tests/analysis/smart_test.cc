// SMART judgements on sentences of the kinds States write (issue "layouts it
// has never seen", kind 9): what is a quantity, what is a deadline, and what
// only reports what was done.
#include <boost/test/unit_test.hpp>

#include "analysis/analyzer.h"
#include "analysis/doc_builder.h"
#include "analysis/steps.h"
#include "rules/rules_fixture.h"

using vareport::Objective;
using vareport::test::DocBuilder;

namespace {

Objective Judge(const std::string& lang, const std::string& text) {
  Objective o;
  o.text = text;
  vareport::analysis::JudgeObjective(*vareport::test::SourceRules().LexiconFor(lang), o);
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)
BOOST_AUTO_TEST_SUITE(smart)

BOOST_AUTO_TEST_CASE(a_frequency_is_a_quantity) {
  BOOST_TEST(Judge("en", "Hold quarterly meetings of the coordination committee.").measurable);
  BOOST_TEST(Judge("fr", "Tenir des réunions trimestrielles du comité de coordination.").measurable);
  BOOST_TEST(Judge("es", "Celebrar reuniones trimestrales del comité de coordinación.").measurable);
  BOOST_TEST(!Judge("en", "Strengthen the coordination committee.").measurable);
}

BOOST_AUTO_TEST_CASE(a_law_or_article_number_is_not_a_quantity) {
  Objective o = Judge("en", "Apply Article 32 of Law No. 14 on persons with disabilities.");
  BOOST_TEST(o.quantities.empty());
  BOOST_TEST(!o.measurable);
  BOOST_TEST(Judge("fr", "Appliquer l'article 12 de la loi n° 2011-15.").quantities.empty());
  BOOST_TEST(Judge("en", "Train 40 nurses in 2 provinces.").quantities.size() == 2u);
}

BOOST_AUTO_TEST_CASE(quantities_carry_the_noun_they_count) {
  Objective o = Judge("en", "Provide 1,200 survivors with prostheses and open 3 new centres by 2026.");
  BOOST_REQUIRE_EQUAL(o.quantities.size(), 2u);
  BOOST_TEST(o.quantities[0].unit == "survivors");
  BOOST_TEST(o.quantities[1].unit == "centres");  // not "new"
  Objective h = Judge("en", "Equip 15 health centres with trauma kits.");
  BOOST_REQUIRE_EQUAL(h.quantities.size(), 1u);
  BOOST_TEST(h.quantities[0].unit == "centres");  // not "health"
}

// A sentence under an objectives heading that reports what was done is not an objective.
BOOST_AUTO_TEST_CASE(a_sentence_that_reports_an_achievement_is_not_an_objective) {
  DocBuilder b;
  b.Para("ARTICLE 7 TRANSPARENCY REPORT", 1);
  b.Para("4. Physical rehabilitation (Action #38)", 1);
  b.Para("Three centres provide physical rehabilitation services to survivors.");
  b.Para("Objectives for 2022:");
  b.Para("In 2021, the State met its objective of training 24 technicians.");
  b.Para("Open 2 new physical rehabilitation centres before 31 December 2022.");
  b.Para("During the reporting period, 320 assistive devices were provided to survivors.");
  vareport::Document d = b.Build();
  vareport::Report r = vareport::Analyze(d, vareport::test::SourceRules());
  BOOST_REQUIRE_EQUAL(r.objectives.size(), 1u);
  BOOST_TEST(r.objectives[0].text.find("Open 2 new") == 0u);
}

BOOST_AUTO_TEST_CASE(a_deadline_without_a_year_takes_the_heading_year) {
  DocBuilder b;
  b.Para("ARTICLE 7 TRANSPARENCY REPORT", 1);
  b.Para("4. Physical rehabilitation (Action #38)", 1);
  b.Para("Three centres provide physical rehabilitation services to survivors.");
  b.Para("Objectives for 2023:");
  b.Para("Train 20 prosthetic technicians by 30 June.");
  vareport::Document d = b.Build();
  vareport::Report r = vareport::Analyze(d, vareport::test::SourceRules());
  BOOST_REQUIRE_EQUAL(r.objectives.size(), 1u);
  BOOST_TEST(r.objectives[0].time_bound);
  BOOST_TEST(r.objectives[0].deadline.value_or("none") == "2023-06-30");
}

// A period written with words between its years ("between 2025 and 2027",
// "entre 2025 et 2027", "de 2026 a 2028"): time-bound, due at its end
// (lexicon range_joiners). A year alone after such a word is not a range.
BOOST_AUTO_TEST_CASE(a_period_written_with_words_is_time_bound_at_its_end) {
  Objective en = Judge("en", "Train 20 physiotherapists between 2025 and 2027.");
  BOOST_TEST(en.time_bound);
  BOOST_TEST(en.deadline.value_or("none") == "2027-12-31");
  Objective fr = Judge("fr", "Former 20 kinésithérapeutes entre 2025 et 2027.");
  BOOST_TEST(fr.time_bound);
  BOOST_TEST(fr.deadline.value_or("none") == "2027-12-31");
  Objective es = Judge("es", "Otorgar 150 microcréditos de 2026 a 2028.");
  BOOST_TEST(es.time_bound);
  BOOST_TEST(es.deadline.value_or("none") == "2028-12-31");
  BOOST_TEST(!Judge("en", "Train 20 physiotherapists and 2027 volunteers.").time_bound);
}

// A deadline written in figures keeps its day and month ("30/06/2026",
// "30.06.2026", "06/2026"; "06/30/2026" when the day comes second), and
// "June 30, 2026" its day.
BOOST_AUTO_TEST_CASE(a_deadline_in_figures_keeps_its_day_and_month) {
  BOOST_TEST(Judge("fr", "Former 20 secouristes avant le 30/06/2026.").deadline.value_or("none") == "2026-06-30");
  BOOST_TEST(Judge("es", "Capacitar a 20 socorristas antes del 30.06.2026.").deadline.value_or("none") == "2026-06-30");
  BOOST_TEST(Judge("en", "Train 20 first responders by 06/2026.").deadline.value_or("none") == "2026-06-30");
  BOOST_TEST(Judge("en", "Train 20 first responders by 06/30/2026.").deadline.value_or("none") == "2026-06-30");
  BOOST_TEST(Judge("en", "Train 20 first responders by June 30, 2026.").deadline.value_or("none") == "2026-06-30");
  BOOST_TEST(Judge("en", "Train 1.200 first responders by 2026.").deadline.value_or("none") == "2026-12-31");
}

// "durante el período" reports on the period covered, unless a year names
// the period: then it is the objective's own (a plan period to come).
BOOST_AUTO_TEST_CASE(a_period_named_by_its_years_is_no_report_of_the_past) {
  DocBuilder b;
  b.Para("Cuestionario sobre asistencia a las víctimas 2025", 1);
  b.Para("6. Inclusión social y económica", 1);
  b.Para("Los sobrevivientes acceden a programas de empleo.");
  b.Para("Objetivos:");
  b.Para("Otorgar 150 microcréditos a sobrevivientes durante el período 2025-2029.");
  b.Para("Durante el período, 40 sobrevivientes fueron capacitados.");
  vareport::Document d = b.Build();
  vareport::Report r = vareport::Analyze(d, vareport::test::SourceRules());
  BOOST_REQUIRE_EQUAL(r.objectives.size(), 1u);
  BOOST_TEST(r.objectives[0].text.find("Otorgar 150") == 0u);
  BOOST_TEST(r.objectives[0].time_bound);
  BOOST_TEST(r.objectives[0].deadline.value_or("none") == "2029-12-31");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
