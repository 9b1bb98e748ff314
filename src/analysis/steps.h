// vareport/analysis/steps.h — internal: the steps of Analyze and the state
// they share. Not a public header.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/matcher.h"
#include "analysis/units.h"
#include "report/report.h"
#include "rules/rule_set.h"

namespace vareport::analysis {

// What a unit is, once sections are known.
enum class Role {
  kPlain,             // ordinary text or row
  kComponentHeading,  // opens a component's section
  kObjectiveHeading,  // "Objectives for 2024", "Objectifs prévus :"
  kObjective,         // one objective (a line under an objective heading)
  kAnswerLine,        // a line that answers the question printed above it (question_spans.cc)
};

struct Context {
  Context(const Document& d, const RuleSet& r, Report& rep) : doc(d), rules(r), matcher(r), report(rep) {}
  const Document& doc;
  const RuleSet& rules;
  QuestionMatcher matcher;
  Report& report;
  const Lexicon* lx = nullptr;  // the document's language
  std::string lang = "en";
  std::string plan;             // framework used to map action numbers
  std::optional<int> plan_period_end;  // a national plan's last year, from its title
  int plan_period_unit = -1;           // the unit that states it

  std::vector<Unit> units;
  std::vector<std::string> component;  // per unit: the section's component id, or ""
  std::vector<Role> role;              // per unit
  std::map<int, int> objective_column;  // table → column holding objectives, for objective lists
  std::set<std::string> headed;        // components with a heading in the document
  std::set<std::string> with_content;  // components with narrative or answers

  std::set<std::string> printed;       // checklist questions found printed in the document
  std::set<std::string> conflicting;   // questions answered twice, differently
  std::map<std::string, int> conflict_page;

  // What the reader relied on, for the extraction block (extraction.cc).
  bool state_labelled = false;  // the State came from a labelled cover field ("Country: …")
  bool year_labelled = false;   // the reporting year from a labelled field or period sentence
  int run_in_headings = 0;      // sections opened by a run-in title (memo layout)
  int span_answers = 0;         // answers read from questions printed outside tables
  int table_answers = 0;        // answers read from table rows
  int plan_rows = 0;            // objectives read from results-framework rows
  int grouped_plan_rows = 0;    // of those, with the component from a merged component column
};

// document_fields.cc
std::string DetectLanguage(const std::vector<Unit>& units, const RuleSet& rules);
void DetectDocumentFields(Context& ctx);
// A national plan's own period ("Strategy 2022–2025") answers the plan's end year.
void AnswerPlanPeriod(Context& ctx);

// Prints every unit with its role and component to stderr (VAREPORT_DEBUG_UNITS=1).
void DebugUnits(const Context& ctx);

// run_in.cc
// Cuts run-in titles, inline objective headings and inline lettered lists out
// of their paragraphs (memo layouts), before sections are assigned.
void SplitRunIns(Context& ctx);
// The component `text` titles (action numbers, else heading similarity ≥ min_score), or "".
std::string HeadingComponent(const Context& ctx, const std::string& text, double min_score);
// True for "Objectives for 2024", "Priorités pour 2023", "Objetivos previstos" (≤ 10 words).
bool IsObjectiveHeadingText(const Context& ctx, const std::string& text);

// sections (analyzer.cc)
void AssignSections(Context& ctx);
// Component ids named by action numbers in `text` ("Actions #33 and #34"), for ctx.plan.
std::vector<std::string> ComponentsByAction(const Context& ctx, const std::string& text);

// How many numbers the number cell of objective-table row `u` holds ("1 2":
// two rows a PDF export merged into one); 0 when it has none.
int RowNumberCount(const Context& ctx, const Unit& u);

// question_spans.cc
// Turns each catalogue question printed outside a table, with the answer on
// its own line or the lines below it, into a row unit (marking those lines
// kAnswerLine), so that ReadChecklist reads every layout as table rows.
void LocateQuestionSpans(Context& ctx);

// checklist.cc
void ReadChecklist(Context& ctx);
// Reads a yes/no/partial/unknown word at the start of `text`; "" when none.
std::string AnswerWord(const Lexicon& lx, const std::string& text);

// narrative.cc
void ReadNarrative(Context& ctx);

// objectives.cc
void ReadObjectives(Context& ctx);
// True for the header row of a results table (Objective | … | Target | Deadline).
bool IsPlanHeader(const Context& ctx, const Unit& u);
// Judges one objective's SMART criteria; `target` and `deadline` hold a
// results table's Target and Deadline cells, which count as part of the
// objective; `context_year` (0: none) is the year a date without one belongs
// to (the objective heading's, else the reporting year).
void JudgeObjective(const Lexicon& lx, Objective& o, const std::string& target = {},
                    const std::string& deadline = {}, int context_year = 0);
// True when a sentence only reports what was done ("were trained", "met its
// objective"), with no future or target cue: not an objective.
bool ReportsAchievement(const Lexicon& lx, const std::string& sentence);

// True when `sentence` only points elsewhere ("See the Oslo Action Plan,
// APLC/CONF/2019/5/Add.1", "Véase …", "Voir …"), a note marker before it
// aside: lexicon reference_cues. Such a line is never an objective.
bool IsCrossReference(const Lexicon& lx, const std::string& sentence);

// ReportsAchievement or IsCrossReference.
bool NotAnObjective(const Lexicon& lx, const std::string& sentence);

// extraction.cc
// Tells a victim-assistance report from any other document (kind "other":
// no component findings, State and year kept only when labelled).
void RecogniseReport(Context& ctx);
// Fills Report::extraction: questions located / expected, unusable pages,
// the layout family, and needs_review with its reasons.
void AssessExtraction(Context& ctx);

// findings.cc
void ComputeFindings(Context& ctx);

}  // namespace vareport::analysis
