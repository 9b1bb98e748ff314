// vareport/service/review.h — the review layer over a report: reviewers'
// decisions on findings and corrections of answers (store/access.h Review),
// matched to a report by keys that survive reprocessing, and carried into the
// exports.
//
// Keys (never row numbers):
//   finding  "CODE:component:question" with "-" for an absent part, and for a
//            finding about an objective ":o" + the first 8 hex digits of the
//            SHA-256 of the objective's text — so a decision follows its
//            finding when the document is read again and the rows move;
//   answer   the question id ("coordination.focal_point").
// A finding decision whose key the current report no longer has is "stale":
// shown, never dropped. A correction is never stale (it may answer a question
// the machine left blank).
//
// Thread-safety: pure functions, except AddReviewColumns (reads the Store).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "report/report.h"
#include "service/export.h"
#include "store/store.h"

namespace vareport::service {

// The key of `finding` within `report` (see above).
std::string FindingKey(const Report& report, const Finding& finding);

// An answer's value as text: "yes", "1200", the prose.
std::string AnswerText(const AnswerValue& value);

// The machine's current value of `question` in `report`, or "" when unanswered.
std::string MachineValue(const Report& report, const std::string& question);

// The review layer of one submission as JSON:
//   {"findings": [{"key","code","component","question","decision","note","user","at","stale"}],
//    "answers":  [{"question","value","machine_value","note","user","at"}],
//    "finding_keys": [key of report.findings[i], …]}   (parallel to the report's findings)
nlohmann::json ReviewLayer(const Report& report, const std::vector<store::Review>& reviews);

// Adds the review columns to the tables of BuildTables (export.h):
//   answers   + reviewed_value, review_note, reviewed_by (and one row per
//               correction of a question the machine left unanswered);
//   findings  + key, decision, decision_note, decided_by (and one row per
//               stale decision, its message "no longer raised").
// Reads the reports and reviews from `db`.
Status AddReviewColumns(store::Store& db, std::vector<Table>& tables);

// Keeps only the rows of submissions in `ids` in the per-submission tables
// (submissions, answers, objectives, findings); the others are left as they are.
void FilterTables(std::vector<Table>& tables, const std::set<std::int64_t>& ids);

}  // namespace vareport::service
