#include "rules/dates.h"

#include <boost/test/unit_test.hpp>

#include "rules/rules_fixture.h"

using vareport::Deadline;
using vareport::FindDeadline;

namespace {

Deadline In(const std::string& lang, const std::string& text, bool bare = false) {
  return FindDeadline(text, *vareport::test::SourceRules().LexiconFor(lang), bare);
}

std::string Date(const Deadline& d) { return d.date.value_or("none"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(english_deadlines) {
  BOOST_TEST(Date(In("en", "By the end of 2027, fit 1,200 survivors with prostheses.")) == "2027-12-31");
  BOOST_TEST(Date(In("en", "In Q3 2026, equip 6 health centres.")) == "2026-09-30");
  BOOST_TEST(Date(In("en", "By December 2026, open 10 new centres.")) == "2026-12-31");
  BOOST_TEST(Date(In("en", "Adopt the strategy before 31 March 2025.")) == "2025-03-31");
  BOOST_TEST(Date(In("en", "Implement the plan (2025–2027).")) == "2027-12-31");
  BOOST_TEST(Date(In("en", "By 2025, hold 6 meetings.")) == "2025-12-31");
  BOOST_TEST(In("en", "Ensure needs are considered no later than June 2025.").time_bound);
}

BOOST_AUTO_TEST_CASE(french_and_spanish_deadlines) {
  BOOST_TEST(Date(In("fr", "D'ici fin 2025, former 4 agents.")) == "2025-12-31");
  BOOST_TEST(Date(In("fr", "Former 3 techniciens au cours du deuxième trimestre 2022.")) == "2022-06-30");
  BOOST_TEST(Date(In("fr", "Avant le 31 décembre 2021, inscrire 300 survivants.")) == "2021-12-31");
  BOOST_TEST(Date(In("es", "Antes de finales de 2026, registrar 300 sobrevivientes.")) == "2026-12-31");
  BOOST_TEST(Date(In("es", "A más tardar en diciembre de 2023, dotar a 5 centros.")) == "2023-12-31");
  BOOST_TEST(Date(In("es", "Dotar a 20 centros de salud para 2024.")) == "2024-12-31");
}

BOOST_AUTO_TEST_CASE(relative_periods_need_a_start) {
  BOOST_TEST(!In("en", "Set up 20 committees within 24 months of the adoption of the plan.").time_bound);
  BOOST_TEST(!In("en", "Establish the system within two years.").time_bound);
  Deadline d = In("en", "Within 24 months of the adoption of the plan in June 2022, set up 6 committees.");
  BOOST_TEST(d.time_bound);
  BOOST_TEST(Date(d) == "2024-06-30");
  BOOST_TEST(In("fr", "Dans les 24 mois suivant l'adoption du plan en janvier 2021, mettre en place 20 comités.").time_bound);
  BOOST_TEST(!In("es", "Establecer el sistema en un plazo de dos años.").time_bound);
}

BOOST_AUTO_TEST_CASE(vague_timing_is_not_time_bound) {
  BOOST_TEST(!In("en", "Register 900 survivors in the coming years.").time_bound);
  BOOST_TEST(!In("en", "Train 200 first responders progressively.").time_bound);
  BOOST_TEST(!In("fr", "Former 600 secouristes dès que possible.").time_bound);
  BOOST_TEST(!In("es", "Progresivamente, fortalecer la coordinación.").time_bound);
  BOOST_TEST(!In("en", "Train 2000 staff.").time_bound);  // a quantity, not a year
}

BOOST_AUTO_TEST_CASE(deadline_cells_accept_a_bare_year) {
  BOOST_TEST(Date(In("en", "2024", true)) == "2024-12-31");
  BOOST_TEST(Date(In("en", "Dec. 2024", true)) == "2024-12-31");
  BOOST_TEST(Date(In("en", "2024–2025", true)) == "2025-12-31");
  BOOST_TEST(!In("en", "Annually", true).time_bound);
  BOOST_TEST(!In("en", "Continuous", true).time_bound);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// Kind 9 of the issue "layouts it has never seen": sentences from States' own
// plans and statements, each with the deadline a careful reader gives it.
BOOST_AUTO_TEST_CASE(deadlines_as_a_careful_reader_gives_them) {
  // A relative period counts from the start it names.
  BOOST_TEST(Date(In("en", "Within 24 months of the plan's adoption in June 2024, set up 2 committees.")) == "2026-06-30");
  BOOST_TEST(Date(In("fr", "Dans les 24 mois suivant l'adoption du plan en juin 2024, créer 2 comités.")) == "2026-06-30");
  // A past or reference year is not a deadline.
  BOOST_TEST(!In("en", "Implement the disability law adopted in 2011.").time_bound);
  BOOST_TEST(!In("en", "Continue the peer support programme run since 2015.").time_bound);
  BOOST_TEST(!In("fr", "Appliquer la loi adoptée en 2011 sur les droits des personnes handicapées.").time_bound);
  BOOST_TEST(!In("es", "Aplicar la ley aprobada en 2011.").time_bound);
  // A plan's name is not a deadline; a period in brackets is.
  BOOST_TEST(!In("en", "Implement the National Plan on Disability 2009–2018 in all provinces.").time_bound);
  BOOST_TEST(!In("es", "Ejecutar el Plan Nacional de Discapacidad 2009-2018 en todas las provincias.").time_bound);
  BOOST_TEST(Date(In("en", "Implement the plan (2025–2027).")) == "2027-12-31");
  // A deadline after a past year still counts.
  BOOST_TEST(Date(In("en", "Revise the law adopted in 2011 by 2026.")) == "2026-12-31");
}

BOOST_AUTO_TEST_CASE(a_date_without_a_year_takes_the_year_of_its_context) {
  const auto& en = *vareport::test::SourceRules().LexiconFor("en");
  BOOST_TEST(FindDeadline("Train 20 nurses by 30 June.", en, false, 2024).date.value_or("none") == "2024-06-30");
  BOOST_TEST(FindDeadline("Open 2 centres before the end of September.", en, false, 2025).date.value_or("none") ==
             "2025-09-30");
  BOOST_TEST(!FindDeadline("Train 20 nurses by 30 June.", en).time_bound);  // no context: no year to take
}
