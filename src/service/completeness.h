// vareport/service/completeness.h — who reported what for one reporting year:
// the States × components matrix staff read first, computed in one place for
// the XLSX / CSV export and the HTTP API.
//
// Rows: every State Party of the roster (rules/states_parties.xml), in roster
// order, whether it sent anything or not; then any other State that sent a
// submission for the year (on_roster = false), by ISO3.
// Submissions taken: those whose report found both a State and this reporting
// year, whatever their kind (a document of kind "other" / "unknown" without a
// State or year never enters; the analysis leaves both empty unless it found
// them with confidence).
// Cells: a component's best status over the State's submissions that year —
// "reported" (content, every printed question answered) > "partial" >
// "missing" — with the files whose own status for that component is not
// "missing" (the files that fed the cell).
// Same content, several files: submissions of one State and year of the same
// kind whose file names differ only in their extension, or whose answers and
// objectives are at least 80% the same (the same report sent as .docx and as
// PDF, or again under another name) are one submission in `submissions`,
// every file still listed.
//
// Side effects: reads the Store. Errors: the Store's. Thread-safety: one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "rules/rule_set.h"
#include "store/store.h"

namespace vareport::service {

struct CompletenessCell {
  std::string status = "missing";          // "reported" | "partial" | "missing"
  std::vector<std::int64_t> submission_ids;  // submissions that fed it (status not missing), id order
  std::vector<std::string> files;            // their file names, same order
};

struct CompletenessRow {
  std::string iso3;                        // ISO 3166-1 alpha-3
  std::string name;                        // English name (roster), else the ISO3
  bool on_roster = false;                  // in rules/states_parties.xml
  int submissions = 0;                     // distinct contents received for the year (0: sent nothing)
  std::vector<std::int64_t> submission_ids;  // every submission of the State that year, id order
  std::vector<std::string> files;            // their file names, same order
  std::vector<CompletenessCell> cells;       // one per CompletenessMatrix::components, same order
  bool sent_nothing() const { return submission_ids.empty(); }
};

struct CompletenessComponent {
  std::string id;     // catalogue component id ("rehabilitation")
  std::string title;  // its English title
};

struct CompletenessMatrix {
  int year = 0;
  std::vector<CompletenessComponent> components;  // catalogue order
  std::vector<CompletenessRow> rows;              // roster first, then others
  int roster_size = 0;                            // rows with on_roster
  int roster_silent = 0;                          // roster States that sent nothing
};

// Builds the matrix for `year` (see above). Errors: the Store's.
Result<CompletenessMatrix> BuildCompleteness(store::Store& db, const RuleSet& rules, int year);

// The latest reporting year of any submission with a State, or nullopt.
Result<std::optional<int>> LatestReportingYear(store::Store& db);

}  // namespace vareport::service
