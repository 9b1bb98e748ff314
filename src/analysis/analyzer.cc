#include "analysis/analyzer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"

namespace vareport {
namespace analysis {
namespace {

constexpr double kHeadingScore = 0.5;  // heading similarity that opens a component

bool IsNumberToken(const std::string& t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2.", "4.1", "III." at the start: a numbered heading.
bool StartsNumbered(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  return i > 0 && i < text.size() && text[i] == ' ' && text[i - 1] == '.';
}

// A row that only titles what follows: one cell with text (spanning, or the
// others left empty), no boxes, not a question.
bool IsTitleRow(const Unit& u) {
  int filled = 0;
  for (const UnitCell& c : u.cells) {
    if (!c.ticks.empty()) return false;
    if (!Trim(c.text).empty()) ++filled;
  }
  std::string t = Trim(UnitText(u));
  if (filled != 1 || t.empty() || t.find('?') != std::string::npos) return false;
  // A value after a label ("… / No.: 3 …", "Nombre : 12"): a question and its
  // answer that a scan's lost rule left in one cell, not a title.
  for (std::size_t i = t.find(':'); i != std::string::npos; i = t.find(':', i + 1)) {
    std::size_t j = i + 1;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j]))) return false;
  }
  return true;
}

// The column whose header names objectives ("Objective", "Objectif"), or -1.
int ObjectiveHeaderColumn(const Context& ctx, const Unit& u) {
  for (const UnitCell& c : u.cells) {
    std::string f = FoldForMatch(c.text);
    for (const auto& [lang, lx] : ctx.rules.lexicons)
      if (StartsWithAny(f, lx.plan_objective_headers) && MatchTokens(f).size() <= 3) return c.column;
  }
  return -1;
}

// "No. Objective", "N° | Objectif": a list's column headers printed as a line of their own.
bool IsObjectiveColumnHeader(const Context& ctx, const std::string& text) {
  std::vector<std::string> t = MatchTokens(FoldForMatch(text));
  if (t.empty() || t.size() > 4) return false;
  bool names = false;
  for (const std::string& w : t) {
    bool header = false;
    for (const auto& [lang, lx] : ctx.rules.lexicons)
      header = header || std::find(lx.plan_objective_headers.begin(), lx.plan_objective_headers.end(), w) != lx.plan_objective_headers.end();
    names = names || header;
    if (!header && w.size() > 2) return false;  // only numbering words besides ("no", "n", "nr")
  }
  return names;
}

// "Signature: …", "Date: …", "Contact person: …": a short label before a colon.
bool IsLabelLine(const std::string& text) {
  std::size_t colon = text.find(':');
  return colon != std::string::npos && colon < 40 && MatchTokens(text.substr(0, colon)).size() <= 3;
}

// A row of a list with no header: a number or label, and one sentence ("1 | Register 300 survivors …").
bool LooksLikeObjectiveRow(const Unit& u) {
  if (u.cells.size() < 2 || u.cells.size() > 3) return false;
  int sentences = 0, numbers = 0;
  for (const UnitCell& c : u.cells) {
    if (!c.ticks.empty()) return false;
    std::vector<std::string> t = MatchTokens(c.text);
    if (t.size() >= 4 && !IsLabelLine(c.text)) {
      ++sentences;
    } else if (t.size() == 1 && (IsNumberToken(t[0]) || t[0].size() == 1)) {
      ++numbers;  // "1", "2.", "a)"
    } else if (!t.empty()) {
      return false;
    }
  }
  return sentences == 1 && numbers >= 1;
}

// The column whose header names components ("Component", "Composante"), or -1.
int ComponentHeaderColumn(const Context& ctx, const Unit& u) {
  for (const UnitCell& c : u.cells) {
    std::string f = FoldForMatch(c.text);
    for (const auto& [lang, lx] : ctx.rules.lexicons)
      if (StartsWithAny(f, lx.plan_component_headers) && MatchTokens(f).size() <= 3) return c.column;
  }
  return -1;
}


// The numbers of a row's number cell ("1", "2.", "1 2": two rows a PDF
// export merged); empty when the row has no such cell. Cells of `skip` and
// `objective` columns are not number cells.
std::vector<int> RowNumbers(const Unit& u, int skip, int objective) {
  for (const UnitCell& c : u.cells) {
    if (c.column == skip || c.column == objective) continue;
    std::vector<std::string> t = MatchTokens(c.text);
    if (t.empty() || t.size() > 4) continue;
    std::vector<int> out;
    for (const std::string& w : t) {
      if (w.empty() || w.size() > 2 || !std::all_of(w.begin(), w.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
        out.clear();
        break;
      }
      out.push_back(std::stoi(w));
    }
    if (!out.empty()) return out;
  }
  return {};
}

}  // namespace

int RowNumberCount(const Context& ctx, const Unit& u) {
  auto oc = ctx.objective_column.find(u.table);
  return static_cast<int>(RowNumbers(u, -1, oc == ctx.objective_column.end() ? -1 : oc->second).size());
}

// A closing objectives table (Component | No. | Objective) numbered afresh
// for each component: the component's name, set in a cell merged down its
// rows and centred on them, may sit on any of its rows, not the first. The
// rows from one "1" to the next are one component's, named by whichever of
// them holds the name. Only when every row is numbered.
static void RegroupByNumbering(Context& ctx, int table, int component_column) {
  const int objective = ctx.objective_column.count(table) ? ctx.objective_column.at(table) : -1;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < ctx.units.size(); ++i)
    if (ctx.units[i].kind == Unit::Kind::kRow && ctx.units[i].table == table && ctx.role[i] == Role::kObjective)
      rows.push_back(i);
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i : rows) {
    std::vector<int> nums = RowNumbers(ctx.units[i], component_column, objective);
    if (nums.empty()) return;
    if (nums.front() == 1 || groups.empty()) groups.emplace_back();
    groups.back().push_back(i);
  }
  if (groups.size() < 2) return;
  for (const std::vector<std::size_t>& g : groups) {
    std::string id;
    for (std::size_t i : g) {
      for (const UnitCell& c : ctx.units[i].cells)
        if (c.column == component_column && !Trim(c.text).empty() && id.empty()) id = HeadingComponent(ctx, c.text, 0.4);
    }
    if (id.empty()) continue;
    for (std::size_t i : g) ctx.component[i] = id;
  }
}

std::vector<std::string> ComponentsByAction(const Context& ctx, const std::string& text) {
  static const std::set<std::string> kConnectors = {"n", "no", "o", "nos", "and", "et", "y", "to", "a", "au", "nr"};
  std::vector<std::string> t = MatchTokens(text);
  std::vector<std::string> numbers;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (std::find(ctx.rules.document.action_words.begin(), ctx.rules.document.action_words.end(), t[k]) ==
        ctx.rules.document.action_words.end()) {
      continue;
    }
    for (std::size_t j = k + 1; j < t.size(); ++j) {
      if (IsNumberToken(t[j])) numbers.push_back(t[j]);
      else if (!kConnectors.count(t[j])) break;
    }
  }
  if (numbers.empty()) return {};
  const std::string plan = ctx.plan.empty() ? "oslo-2019" : ctx.plan;
  // A number that is no action of the plan may be an action number with the
  // "#" before it misread as digits ("139" for #39): rules/document.xml.
  std::set<std::string> actions;
  for (const ComponentRule& c : ctx.rules.components)
    if (auto it = c.actions.find(plan); it != c.actions.end()) actions.insert(it->second.begin(), it->second.end());
  for (std::string& num : numbers) {
    if (actions.count(num)) continue;
    for (const std::string& sign : ctx.rules.document.action_sign_misreadings)
      if (num.size() > sign.size() && num.compare(0, sign.size(), sign) == 0 && actions.count(num.substr(sign.size()))) {
        num = num.substr(sign.size());
        break;
      }
  }
  // The components whose action list holds the most of the cited numbers.
  std::vector<std::pair<int, std::string>> scored;
  for (const ComponentRule& c : ctx.rules.components) {
    auto it = c.actions.find(plan);
    if (it == c.actions.end()) continue;
    int n = 0;
    for (const std::string& num : numbers)
      if (std::find(it->second.begin(), it->second.end(), num) != it->second.end()) ++n;
    if (n > 0) scored.emplace_back(n, c.id);
  }
  if (scored.empty()) return {};
  int best = 0;
  for (const auto& [n, id] : scored) best = std::max(best, n);
  std::vector<std::string> out;
  for (const auto& [n, id] : scored)
    if (n == best) out.push_back(id);
  return out;
}

void AssignSections(Context& ctx) {
  const std::size_t n = ctx.units.size();
  ctx.component.assign(n, "");
  ctx.role.assign(n, Role::kPlain);
  std::vector<std::string> objective_headings;
  for (const auto& [lang, lx] : ctx.rules.lexicons)
    objective_headings.insert(objective_headings.end(), lx.objective_headings.begin(), lx.objective_headings.end());

  std::string current;
  bool in_objectives = false;
  int objective_table = -1;
  int component_column = -1;      // of the objective table, when a column names each row's component
  std::string table_component;    // carried down that column's merged cells
  std::map<int, int> component_columns;  // objective table → its component column
  for (std::size_t i = 0; i < n; ++i) {
    const Unit& u = ctx.units[i];
    std::string text = UnitText(u);
    std::string folded = FoldForMatch(text);
    std::size_t words = MatchTokens(folded).size();

    // A heading candidate: a styled heading, a row with one cell, or a short
    // unstyled line that is numbered, cites action numbers or reads like a
    // component title. Under an objective heading only styled, numbered or
    // action-citing lines can open a section (objectives mention topics too).
    bool single_cell_row = u.kind == Unit::Kind::kRow && IsTitleRow(u) && words <= 16;
    bool text_unit = u.kind == Unit::Kind::kText && !u.list_item;
    if (single_cell_row || (text_unit && (u.heading_level > 0 || words <= 16))) {
      // Action numbers decide; else the title's similarity, at a bar that
      // depends on how much the line looks like a heading.
      bool numbered = StartsNumbered(text);
      bool sentence = !text.empty() && text.back() == '.';
      double bar = 2.0;  // above any similarity: only action numbers open a section
      if (u.heading_level > 0 || single_cell_row || numbered || u.run_in) bar = kHeadingScore;
      else if (!in_objectives && !sentence) bar = 0.7;
      std::string chosen = HeadingComponent(ctx, text, bar);
      if (!chosen.empty()) {
        if (u.run_in) ++ctx.run_in_headings;
        current = chosen;
        in_objectives = false;
        ctx.component[i] = current;
        ctx.role[i] = Role::kComponentHeading;
        ctx.headed.insert(current);
        continue;
      }
    }
    ctx.component[i] = current;
    if (u.kind == Unit::Kind::kText && words <= 10 && StartsWithAny(folded, objective_headings)) {
      ctx.role[i] = Role::kObjectiveHeading;
      in_objectives = !current.empty();
      objective_table = -1;
      continue;
    }
    if (u.kind == Unit::Kind::kRow) {
      // The first table under an objective heading lists objectives ("No. | Objective").
      // Only a table whose first row names an objective column qualifies.
      if (in_objectives && objective_table < 0) {
        int column = ObjectiveHeaderColumn(ctx, u);
        if (column >= 0) {
          objective_table = u.table;
          ctx.objective_column[u.table] = column;
          component_column = ComponentHeaderColumn(ctx, u);
          if (component_column >= 0) component_columns[u.table] = component_column;
          table_component.clear();
          continue;
        }
        if (LooksLikeObjectiveRow(u)) {  // its header was printed as a line ("No. Objective")
          objective_table = u.table;
          ctx.objective_column[u.table] = -1;  // the row's sentence
          component_column = -1;
          table_component.clear();
          ctx.role[i] = Role::kObjective;
          continue;
        }
      } else if (in_objectives && objective_table == u.table) {
        ctx.role[i] = Role::kObjective;
        // A closing objectives table (Component | No. | Objective): the row's component
        // is its component cell's, merged down the rows below it.
        int objective_column = ctx.objective_column[u.table];
        for (const UnitCell& c : u.cells) {
          bool named = component_column >= 0 ? c.column == component_column
                                             : c.column < objective_column && MatchTokens(c.text).size() <= 16;
          if (!named || Trim(c.text).empty()) continue;
          std::string id = HeadingComponent(ctx, c.text, component_column >= 0 ? 0.4 : 0.6);
          if (!id.empty()) table_component = id;
        }
        if (!table_component.empty()) ctx.component[i] = table_component;
        continue;
      }
      in_objectives = false;
      continue;
    }
    objective_table = -1;
    if (in_objectives && IsObjectiveColumnHeader(ctx, text)) continue;  // "No. Objective", even set bold
    if (in_objectives) {
      // A heading or a "Label: value" line (signature block, contact) ends the list.
      if (u.heading_level > 0 || IsLabelLine(text)) {
        in_objectives = false;
        continue;
      }
      ctx.role[i] = Role::kObjective;
    }
  }
  for (const auto& [table, column] : component_columns) RegroupByNumbering(ctx, table, column);
}

void DebugUnits(const Context& ctx) {
  static const char* kRoles[] = {"plain", "COMPONENT", "OBJ-HEAD", "objective", "answer-line"};
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    const Unit& u = ctx.units[i];
    std::fprintf(stderr, "%3zu p%d %-11s %-14s %s%s\n", i, u.page, kRoles[static_cast<int>(ctx.role[i])],
                 ctx.component[i].substr(0, 14).c_str(), u.kind == Unit::Kind::kRow ? "ROW " : (u.list_item ? "LI " : ""),
                 TruncateUtf8(UnitText(u), 150).c_str());
  }
}

}  // namespace analysis

Report Analyze(const Document& doc, const RuleSet& rules) {
  Report report;
  analysis::Context ctx(doc, rules, report);
  ctx.units = analysis::Linearize(doc);
  ctx.lang = analysis::DetectLanguage(ctx.units, rules);
  ctx.lx = rules.LexiconFor(ctx.lang);
  report.language = ctx.lang;
  report.rules_version = rules.version;
  analysis::DetectDocumentFields(ctx);
  analysis::SplitRunIns(ctx);
  analysis::AssignSections(ctx);
  analysis::LocateQuestionSpans(ctx);
  analysis::ReadChecklist(ctx);
  if (std::getenv("VAREPORT_DEBUG_UNITS") != nullptr) analysis::DebugUnits(ctx);
  analysis::ReadNarrative(ctx);
  analysis::AnswerPlanPeriod(ctx);
  analysis::ReadObjectives(ctx);
  analysis::RecogniseReport(ctx);
  analysis::ComputeFindings(ctx);
  analysis::AssessExtraction(ctx);
  for (const Warning& w : doc.warnings) {
    if (report.warnings.size() >= 20) break;
    report.warnings.push_back(w.code + ": " + w.message);
  }
  return report;
}

}  // namespace vareport
