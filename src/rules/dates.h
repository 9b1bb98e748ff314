// vareport/rules/dates.h — deadlines in objectives, per the catalogue's
// "time_bound" criterion: a year, a date or a period end ("by 2027", "before
// the end of 2026", "d'ici fin 2025", "a más tardar en diciembre de 2026",
// "Q3 2026", "2025–2027") makes an objective time-bound and gives its deadline;
// "within 24 months" counts only when the start is given; "as soon as
// possible", "progressively" do not count. Month names come from ICU
// (DateFormatSymbols) for the document's language; the other words from the
// lexicon (rules/lexicon/<lang>.xml).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/rule_set.h"

namespace vareport {

struct Deadline {
  bool time_bound = false;
  std::optional<std::string> date;  // ISO 8601 YYYY-MM-DD: the end of the stated period
  bool relative = false;            // a "within N months" period was stated
};

// Reads the deadline stated in `text`. `bare_year_ok` accepts a lone year with
// no preposition before it (a results table's Deadline cell). A year after a
// past or reference cue ("adopted in 2011", "since 2015": lexicon
// not_deadline_cues) or in an instrument's name ("the National Plan
// 2009–2018", not in brackets) is no deadline. `context_year` (0: none) is
// the year a date without one belongs to ("by 30 June" under "Objectives for
// 2024"). Thread-safe.
Deadline FindDeadline(std::string_view text, const Lexicon& lexicon, bool bare_year_ok = false, int context_year = 0);

// Month number 1..12 of a folded month name or abbreviation in `lang` (ICU's
// wide and abbreviated names, English always accepted), or 0.
int MonthNumber(const std::string& folded_word, const std::string& lang);

}  // namespace vareport
