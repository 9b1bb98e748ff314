// Questions printed outside tables: a catalogue question is found wherever
// its text is printed — a paragraph, a list item, a label line — and its
// answer is looked for in its neighbourhood, in reading order: the rest of
// its own line ("La CDPH a-t-elle été ratifiée ? Oui", "… agency Name:
// Ministry of …", "Nombre total de survivants : 1 234"), then the lines that
// follow it up to the next question ("☒ Yes ☐ No", "Answer: Yes", "Réponse :
// ☐ Oui ☒ Non", "x Yes  No  Partly", "Number: 2,292"). Comment lines
// ("Details / comments: …") are never answers. Each question with its answer
// lines becomes one row unit (question cell, one cell per answer part), so the
// checklist reads every layout the way it reads a table row. Which lines are
// labels, answers and comments comes from the lexicon (answer_labels,
// value_labels, comment_headers, answer words), not from C++.
#include <algorithm>
#include <cstdio>
#include <map>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"
#include "rules/numbers.h"

namespace vareport::analysis {
namespace {

constexpr double kSpanThreshold = 0.4;   // a paragraph must look like a question more than a row must
constexpr double kSectionBonus = 0.15;
constexpr double kOtherSectionMalus = 0.2;
constexpr std::size_t kMaxAnswerLines = 3;
constexpr std::size_t kMaxQuestionWords = 45;

const char* const kBoxes[] = {"\u2612", "\u2610"};  // ☒ ☐ as the extractors show ticks

bool AnyLabel(const Context& ctx, const std::string& folded_label, bool comments) {
  for (const auto& [lang, lx] : ctx.rules.lexicons) {
    const std::vector<std::string>* lists[] = {&lx.value_labels, &lx.answer_labels};
    if (comments) {
      if (StartsWithAny(folded_label, lx.comment_headers)) return true;
      continue;
    }
    for (const auto* l : lists)
      for (const std::string& w : *l)
        if (folded_label == w || folded_label.rfind(w + " ", 0) == 0) return true;
  }
  return false;
}

// "Label: …" at the start of a line, with a label of at most four words: the
// folded label, or "" when the line has none.
std::string LeadingLabel(const std::string& text) {
  std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon > 60) return {};
  std::string label = FoldForMatch(text.substr(0, colon));
  std::size_t words = MatchTokens(label).size();
  return words >= 1 && words <= 4 ? label : std::string();
}

bool IsCommentLine(const Context& ctx, const Unit& u) {
  std::string label = LeadingLabel(u.text);
  return !label.empty() && AnyLabel(ctx, label, /*comments=*/true);
}

// A line that holds an answer: boxes, "Answer: …"/"Number: …", a typed X
// before printed options, or a bare answer word or figure.
bool IsAnswerLine(const Context& ctx, const Unit& u) {
  if (u.kind != Unit::Kind::kText || u.heading_level > 0 || u.run_in) return false;
  std::size_t words = MatchTokens(u.text).size();
  if (!u.ticks.empty()) {
    // Options, perhaps after a label ("Answer: ☒ Yes ☐ No"), never after a question.
    std::size_t box = std::string::npos;
    for (const char* b : kBoxes) box = std::min(box, u.text.find(b));
    std::size_t before = box == std::string::npos ? words : MatchTokens(u.text.substr(0, box)).size();
    return before <= 4 && u.text.find('?') == std::string::npos && words <= 6 * u.ticks.size() + 4;
  }
  std::string label = LeadingLabel(u.text);
  if (!label.empty() && AnyLabel(ctx, label, false)) return true;
  if (!label.empty() && MatchTokens(label).size() <= 2) {
    // "Nb : 719", "Qty: 12": a short label before nothing but a figure.
    std::string value = Trim(u.text.substr(u.text.find(':') + 1));
    std::vector<NumberMatch> ms = FindNumbers(value, ctx.lang);
    if (ms.size() == 1 && ms[0].begin == 0 && ms[0].end == value.size()) return true;
  }
  if (words > 8) return false;
  std::string f = FoldForMatch(u.text);
  std::vector<std::string> t = MatchTokens(f);
  if (std::find(t.begin(), t.end(), "x") != t.end()) return true;  // "x Yes  No  Partly"
  if (!AnswerWord(*ctx.lx, u.text).empty()) return true;
  for (const NumberMatch& m : FindNumbers(u.text, ctx.lang))
    if (m.begin == 0 && m.integer) return true;
  return false;
}

struct Split {
  std::string question;  // the printed question
  std::string rest;      // what follows it on its own line (an inline answer), may be empty
  bool asks = false;     // ends with "?": a question even with no answer after it
};

// Where the question ends on its own line: at "?" (the rest is the answer),
// before the first box, or before a trailing "Label: value".
Split SplitLine(const Context& ctx, const Unit& u) {
  Split s;
  const std::string& t = u.text;
  std::size_t q = t.find('?');
  if (q != std::string::npos) {
    s.question = Trim(t.substr(0, q + 1));
    s.rest = Trim(t.substr(q + 1));
    s.asks = true;
    return s;
  }
  std::size_t box = std::string::npos;
  for (const char* b : kBoxes) box = std::min(box, t.find(b));
  if (box != std::string::npos) {
    s.question = Trim(t.substr(0, box));
    s.rest = Trim(t.substr(box));
    return s;
  }
  std::size_t colon = t.rfind(':');
  if (colon != std::string::npos && colon + 1 < t.size()) {
    std::string before = Trim(t.substr(0, colon));
    std::string after = Trim(t.substr(colon + 1));
    if (!after.empty() && MatchTokens(after).size() <= 20) {
      // A value label right before the colon ("… agency Name: Ministry …") is the answer's.
      std::vector<std::string> words = MatchTokens(before);
      for (std::size_t n = std::min<std::size_t>(3, words.size()); n >= 1; --n) {
        std::string label;
        for (std::size_t k = words.size() - n; k < words.size(); ++k) label += (label.empty() ? "" : " ") + words[k];
        if (!AnyLabel(ctx, label, false)) continue;
        // Cut the label's words off the end of the question.
        std::size_t cut = before.size();
        for (std::size_t k = 0; k < n; ++k) {
          std::size_t sp = before.find_last_of(" \t", cut > 0 ? cut - 1 : 0);
          cut = sp == std::string::npos ? 0 : sp;
          while (cut > 0 && before[cut - 1] == ' ') --cut;
        }
        s.question = Trim(before.substr(0, cut));
        s.rest = Trim(t.substr(cut));
        return s;
      }
      s.question = before;
      s.rest = after;
      return s;
    }
  }
  s.question = Trim(t);
  return s;
}

// A sentence that states its own figures ("… holds records on 3,412
// survivors, of whom 512 are women."): it ends with a full stop and holds a
// figure that is neither a year nor its leading item number. It is narrative
// (read by its cues), not a printed question whose answer is below it.
bool StatesFigures(const std::string& line, const std::string& lang) {
  std::string t = Trim(line);
  if (t.empty() || t.back() != '.') return false;
  for (const NumberMatch& m : FindNumbers(t, lang))
    if (m.begin > 0 && m.integer && !m.year_like && !m.after_hash && !m.percent) return true;
  return false;
}

// The best score of `text` as a question of unit `i`'s section (0 when none).
double QuestionScore(const Context& ctx, std::size_t i, const std::string& text) {
  double best = 0;
  for (const QuestionMatch& m : ctx.matcher.Rank(text)) {
    double score = m.score;
    if (!ctx.component[i].empty()) score += m.question->component == ctx.component[i] ? kSectionBonus : -kOtherSectionMalus;
    best = std::max(best, score);
  }
  return best;
}

UnitCell Cell(int column, std::string text, std::vector<UnitTick> ticks = {}) {
  UnitCell c;
  c.column = column;
  c.text = std::move(text);
  c.ticks = std::move(ticks);
  for (UnitTick& k : c.ticks) k.column = column;
  return c;
}

// The integer a cell holds when it holds nothing else ("3,590", "1 234"), or -1.
long long LoneFigure(const std::string& text, const std::string& lang) {
  std::string t = Trim(text);
  std::vector<NumberMatch> ms = FindNumbers(t, lang);
  if (ms.size() != 1 || !ms[0].integer || ms[0].percent || ms[0].begin != 0 || ms[0].end != t.size()) return -1;
  return static_cast<long long>(ms[0].value);
}

// A synthetic two-cell row "label | figure" (its own table) that the
// checklist reads like a printed question and its answer.
Unit FigureRow(int page, int table, const std::string& label, const std::string& figure) {
  Unit row;
  row.kind = Unit::Kind::kRow;
  row.synthetic = true;
  row.page = page;
  row.table = table;
  row.columns = 2;
  row.cells.push_back(Cell(0, label));
  row.cells.push_back(Cell(1, figure));
  return row;
}

// A figures table (cross-tabulation): a header row of short column labels
// ("Indicator | Total | Female | Male | Source") and rows of a label and
// figures ("Survivors recorded (cumulative) | 3,590 | 503 | 3,087"). Each
// figure is the answer to "row label + column label", so each row becomes one
// row unit per figure ("Survivors recorded (cumulative) Female" | "503"),
// which the checklist matches like any printed question.
void SplitFigureTables(Context& ctx, int& next_table) {
  std::vector<Unit> units;
  std::vector<std::string> component;
  std::vector<Role> role;
  std::map<int, std::map<int, std::string>> labels;  // table → column → header label
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    Unit& u = ctx.units[i];
    bool split = false;
    if (u.kind == Unit::Kind::kRow && !u.synthetic && ctx.role[i] == Role::kPlain && u.cells.size() >= 3) {
      if (!labels.count(u.table)) {
        // The table's first row: short labels after the first cell, none a figure or an answer word.
        std::map<int, std::string> h;
        bool ok = true;
        for (std::size_t k = 1; k < u.cells.size() && ok; ++k) {
          const UnitCell& c = u.cells[k];
          std::size_t words = MatchTokens(c.text).size();
          ok = c.ticks.empty() && words >= 1 && words <= 4 && LoneFigure(c.text, ctx.lang) < 0 &&
               AnswerWord(*ctx.lx, c.text).empty();
          h[c.column] = c.text;
        }
        // A results framework (Objective | … | Target | Deadline) holds objectives, not figures.
        labels[u.table] = ok && !IsPlanHeader(ctx, u) ? h : std::map<int, std::string>{};
      } else if (!labels[u.table].empty() && MatchTokens(u.cells[0].text).size() >= 2) {
        std::vector<Unit> rows;
        for (std::size_t k = 1; k < u.cells.size(); ++k) {
          const UnitCell& c = u.cells[k];
          auto it = labels[u.table].find(c.column);
          if (it == labels[u.table].end() || LoneFigure(c.text, ctx.lang) < 0) continue;
          rows.push_back(FigureRow(u.page, next_table++, u.cells[0].text + " " + it->second, c.text));
        }
        if (rows.size() >= 2) {
          for (Unit& r : rows) {
            units.push_back(std::move(r));
            component.push_back(ctx.component[i]);
            role.push_back(Role::kPlain);
          }
          split = true;
        }
      }
    }
    // A row of figures alone under a question row that ends with as many
    // short labels ("2.4 | Number of survivors (total and by sex) | Total |
    // Women and girls | Men and boys" over "3 766 | 527 | 3 239": a nested
    // table a scan's rules flattened into the grid): each figure answers
    // the question with its label.
    auto filled = [](const Unit& r) {
      std::vector<const UnitCell*> out;
      for (const UnitCell& c : r.cells)
        if (!Trim(c.text).empty() || !c.ticks.empty()) out.push_back(&c);
      return out;
    };
    if (!split && u.kind == Unit::Kind::kRow && !u.synthetic && ctx.role[i] == Role::kPlain && !units.empty() &&
        units.back().kind == Unit::Kind::kRow && units.back().table == u.table) {
      const std::vector<const UnitCell*> figures = filled(u), above = filled(units.back());
      bool labelled = figures.size() >= 2 && std::all_of(figures.begin(), figures.end(), [&](const UnitCell* c) {
                        return c->ticks.empty() && LoneFigure(c->text, ctx.lang) >= 0;
                      });
      // Each figure's label: the cell above it, in its column.
      std::vector<const UnitCell*> labels;
      for (const UnitCell* f : figures) {
        if (!labelled) break;
        const UnitCell* label = nullptr;
        for (const UnitCell* a : above)
          if (a->column == f->column) label = a;
        const std::size_t words = label ? MatchTokens(label->text).size() : 0;
        labelled = label && label->ticks.empty() && words >= 1 && words <= 4 && LoneFigure(label->text, ctx.lang) < 0 &&
                   AnswerWord(*ctx.lx, label->text).empty();
        labels.push_back(label);
      }
      // The question: the longest other cell of the labels' row, else the
      // row or line just above it (the labels and figures a table nested
      // under the question).
      std::string question;
      std::size_t carried = 1;  // units the rows made here replace
      for (const UnitCell* a : above)
        if (labelled && std::find(labels.begin(), labels.end(), a) == labels.end() && MatchTokens(a->text).size() > 4 &&
            a->text.size() > question.size())
          question = a->text;  // not a label of a figure left blank ("Men and boys")
      if (labelled && question.empty() && units.size() >= 2) {
        const Unit& q = units[units.size() - 2];
        const std::vector<const UnitCell*> qc = filled(q);
        if (q.kind == Unit::Kind::kText && q.ticks.empty()) question = q.text;
        else if (q.kind == Unit::Kind::kRow && qc.size() == 1 && qc.front()->ticks.empty()) question = qc.front()->text;
        carried = 2;
      }
      if (labelled && MatchTokens(question).size() >= 3) {
        std::vector<std::string> label_texts;
        for (const UnitCell* l : labels) label_texts.push_back(l->text);
        // The question row (and its labels) are carried by the rows made here.
        for (std::size_t k = 0; k < carried; ++k) {
          units.pop_back();
          component.pop_back();
          role.pop_back();
        }
        for (std::size_t k = 0; k < figures.size(); ++k) {
          units.push_back(FigureRow(u.page, next_table++, question + " " + label_texts[k], figures[k]->text));
          component.push_back(ctx.component[i]);
          role.push_back(Role::kPlain);
        }
        split = true;
      }
    }
    if (!split) {
      units.push_back(std::move(u));
      component.push_back(ctx.component[i]);
      role.push_back(ctx.role[i]);
    }
  }
  ctx.units = std::move(units);
  ctx.component = std::move(component);
  ctx.role = std::move(role);
}

}  // namespace

void LocateQuestionSpans(Context& ctx) {
  int next_table = 0;
  for (const Unit& u : ctx.units) next_table = std::max(next_table, u.table + 1);
  SplitFigureTables(ctx, next_table);
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    Unit& u = ctx.units[i];
    if (u.kind != Unit::Kind::kText || ctx.role[i] != Role::kPlain || u.heading_level > 0 || u.run_in) continue;
    if (IsCommentLine(ctx, u) || IsAnswerLine(ctx, u)) continue;
    Split s = SplitLine(ctx, u);
    std::size_t words = MatchTokens(s.question).size();
    if (words < 3 || words > kMaxQuestionWords) continue;
    // The lines after it that answer it.
    std::vector<std::size_t> lines;
    std::size_t comments_end = i;
    for (std::size_t j = i + 1; j < ctx.units.size() && lines.size() < kMaxAnswerLines; ++j) {
      const Unit& v = ctx.units[j];
      if (ctx.role[j] != Role::kPlain || ctx.component[j] != ctx.component[i]) break;
      if (IsCommentLine(ctx, v)) {
        comments_end = j;
        break;
      }
      if (!IsAnswerLine(ctx, v)) break;
      lines.push_back(j);
    }
    if (s.rest.empty() && lines.empty() && !s.asks) continue;
    if (!s.rest.empty() && !s.asks && u.ticks.empty() && lines.empty() && MatchTokens(s.rest).size() > 12) continue;
    if (!s.asks && s.rest.empty() && StatesFigures(s.question, ctx.lang)) continue;
    // Is it a catalogue question? (The checklist ranks it again, with every other candidate.)
    if (QuestionScore(ctx, i, s.question) < kSpanThreshold) continue;

    Unit row;
    row.kind = Unit::Kind::kRow;
    row.synthetic = true;
    row.page = u.page;
    row.table = next_table++;
    row.row = 0;
    row.cells.push_back(Cell(0, s.question));
    int column = 1;
    if (!s.rest.empty() || !u.ticks.empty()) row.cells.push_back(Cell(column++, s.rest, u.ticks));
    for (std::size_t j : lines) {
      row.cells.push_back(Cell(column++, ctx.units[j].text, ctx.units[j].ticks));
      ctx.role[j] = Role::kAnswerLine;
    }
    for (std::size_t j = i + 1; j <= comments_end; ++j) ctx.role[j] = Role::kAnswerLine;
    row.columns = column;
    u = std::move(row);
  }
  // A "Label: value" line that no question above took as its answer, whose
  // label itself words a question ("Survivors recorded: 3,412", "Number of
  // rehabilitation centres: 6"): the label is the question, the value its
  // answer. A one-word label ("Number:", "Total:") never is; nor is a line
  // outside every component section, or a cover field's label
  // (rules/document.xml state and year labels: "Reporting year: 2025").
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    Unit& u = ctx.units[i];
    if (u.kind != Unit::Kind::kText || ctx.role[i] != Role::kPlain || u.heading_level > 0 || u.run_in) continue;
    if (ctx.component[i].empty() || !u.ticks.empty() || IsCommentLine(ctx, u)) continue;
    std::string label = LeadingLabel(u.text);
    if (MatchTokens(label).size() < 2 || StartsWithAny(label, ctx.rules.document.year_labels) ||
        StartsWithAny(label, ctx.rules.document.state_labels))
      continue;
    std::size_t colon = u.text.find(':');
    std::string question = Trim(u.text.substr(0, colon));
    std::string value = Trim(u.text.substr(colon + 1));
    if (FoldForMatch(value).empty() || MatchTokens(value).size() > 12) continue;
    if (QuestionScore(ctx, i, question) < kSpanThreshold) continue;
    Unit row;
    row.kind = Unit::Kind::kRow;
    row.synthetic = true;
    row.page = u.page;
    row.table = next_table++;
    row.cells.push_back(Cell(0, question));
    row.cells.push_back(Cell(1, value));
    row.columns = 2;
    u = std::move(row);
  }
}

}  // namespace vareport::analysis
