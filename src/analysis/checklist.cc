// Checklist answers: a question row answered by the ticked column, a ticked
// inline option, a typed word, or a number / year / text cell. Questions are
// matched to the catalogue by token similarity (matcher.h); each row answers
// at most one question and each question is taken by its best row.
#include <algorithm>
#include <cmath>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"
#include "rules/numbers.h"

namespace vareport::analysis {
namespace {

constexpr double kMatchThreshold = 0.34;  // minimum similarity for a question row
constexpr double kSectionBonus = 0.15;    // the row sits in the question's component
constexpr double kOtherSectionMalus = 0.2;
constexpr double kNoSectionThreshold = 0.4;  // rows before any component section (cover, forms list)

// What a table's header row says about its columns.
struct Header {
  int columns = 0;
  std::map<int, std::string> value_of_column;  // grid column → yes|no|partial|unknown
  std::map<int, std::string> header_text;      // grid column → its header as printed ("In progress")
  std::set<int> comment_columns;
  int question_column = 0;
};

// The answer value whose word is the cell's whole text ("Yes", "En curso").
std::string ExactAnswerWord(const Lexicon& lx, const std::string& text) {
  std::string f = FoldForMatch(text);
  for (const auto& [value, words] : lx.answers)
    for (const std::string& w : words)
      if (f == w) return value;
  return {};
}

std::string QualifiedAnswer(const Lexicon& lx, const std::string& text);

std::optional<Header> ReadHeader(const Context& ctx, const Unit& u) {
  if (u.kind != Unit::Kind::kRow || u.cells.size() < 2) return std::nullopt;
  Header h;
  h.columns = u.columns;
  int answer_cells = 0, label_cells = 0;
  std::string leftover;  // a word a wrapped header pushed into the previous column
  for (const UnitCell& c : u.cells) {
    std::string f = FoldForMatch(c.text);
    if (f.empty()) continue;
    if (!c.ticks.empty()) return std::nullopt;  // a header has no boxes
    if (MatchTokens(f).size() > 8) return std::nullopt;  // a question, not a column name
    // "Yes, partially" / "Sí, parcialmente": an option of its own, partial.
    std::string v = QualifiedAnswer(*ctx.lx, c.text);
    if (v.empty()) v = ExactAnswerWord(*ctx.lx, c.text);
    // A two-line header ("In / progress") whose second line landed in the
    // previous column: "No progress" | "In" reads "No" | "In progress".
    if (v.empty() && !leftover.empty()) v = ExactAnswerWord(*ctx.lx, c.text + " " + leftover);
    std::string own_leftover;
    if (v.empty()) {
      std::vector<std::string> t = MatchTokens(f);
      if (t.size() == 2) {
        v = ExactAnswerWord(*ctx.lx, t[0]);
        if (!v.empty()) own_leftover = t[1];
        // "Yes partially" (no comma): the partial option, not a yes.
        if (!v.empty() && v != "partial" && ExactAnswerWord(*ctx.lx, t[1]) == "partial") {
          v = "partial";
          own_leftover.clear();
        }
      }
    }
    leftover = own_leftover;
    if (!v.empty()) {
      h.value_of_column[c.column] = v;
      h.header_text[c.column] = Trim(c.text);
      ++answer_cells;
      continue;
    }
    bool comment = false, question = false;
    for (const auto& [lang, lx] : ctx.rules.lexicons) {
      comment = comment || StartsWithAny(f, lx.comment_headers);
      question = question || StartsWithAny(f, lx.question_headers);
    }
    if (comment) {
      h.comment_columns.insert(c.column);
      ++label_cells;
    } else if (question) {
      h.question_column = c.column;
      ++label_cells;
    }
  }
  if (answer_cells >= 2 || (label_cells >= 1 && answer_cells + label_cells >= 2) || (u.header && label_cells >= 1)) return h;
  return std::nullopt;
}

// The cell holding the question: the first with at least three words. A row
// made from a printed line (question_spans.cc) holds it first, and a label of
// two words ("Survivors recorded") may word it.
int QuestionCell(const Unit& u) {
  if (u.synthetic && !u.cells.empty() && MatchTokens(u.cells[0].text).size() >= 2) return 0;
  for (std::size_t k = 0; k < u.cells.size(); ++k)
    if (MatchTokens(u.cells[k].text).size() >= 3) return static_cast<int>(k);
  return -1;
}

// Drops a leading "Label:" ("Number: 2,299", "Entité : CNAMS", "Hasta: 2026").
std::string StripLabel(const std::string& text) {
  std::size_t colon = text.find(':');
  if (colon == std::string::npos) return Trim(text);
  std::string before = text.substr(0, colon);
  if (MatchTokens(before).size() <= 4 && colon + 1 <= text.size()) return Trim(text.substr(colon + 1));
  return Trim(text);
}

struct Candidate {
  std::size_t unit;
  const QuestionRule* question;
  double score;
};

struct RowAnswer {
  std::set<std::string> values;  // yes/no words, or the one value read
  bool has_boxes = false;
  double confidence = 1.0;
  std::string source;
  std::string decisive;  // what decided the value, for the evidence ("☒ Partly")
};

// The year a year cell answers: its first year, or the end of the period it
// states ("2021–2025", "adopted 2019, until 2023": the catalogue's year
// question asks for the plan's last year).
std::string AnswerYear(const std::string& text) {
  std::vector<std::string> years;
  for (const std::string& t : MatchTokens(text)) {
    if (t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int y = std::stoi(t);
      if (y >= 1990 && y <= 2100) years.push_back(t);
    }
  }
  if (years.empty()) return {};
  if (years.size() >= 2 && years[1] > years[0]) return years[1];
  return years[0];
}

// How many different answer values have a word in `text` ("Oui Non En cours"
// names three: the options printed without a tick, not an answer).
int DistinctAnswerWords(const Lexicon& lx, const std::string& text) {
  std::string f = " " + FoldForMatch(text) + " ";
  int n = 0;
  for (const auto& [value, words] : lx.answers) {
    for (const std::string& w : words) {
      if (w.size() >= 2 && f.find(" " + w + " ") != std::string::npos) {
        ++n;
        break;
      }
    }
  }
  return n;
}

// A yes or no qualified after a separator by a partial word or marker:
// "Yes (partially)", "Yes – in progress", "Sí, parcialmente", "Oui – en
// cours", "No (being drafted)", "Yes, but only in the capital" are "partial"
// (catalogue: 'partial' covers 'partially', 'in progress', 'being drafted',
// 'some areas only'). The words are the lexicon's partial answers and
// partial_markers; "" when the text is not such an answer. Options printed
// side by side ("Oui Non En cours") have no separator and stay unread.
std::string QualifiedAnswer(const Lexicon& lx, const std::string& text) {
  static const char* const kSeparators[] = {"(", ",", ";", ":", "\u2013", "\u2014", " - ", "["};
  std::size_t cut = std::string::npos, width = 0;
  for (const char* s : kSeparators) {
    std::size_t at = text.find(s);
    if (at != std::string::npos && at < cut) {
      cut = at;
      width = std::char_traits<char>::length(s);
    }
  }
  if (cut == std::string::npos) return {};
  std::string head = ExactAnswerWord(lx, text.substr(0, cut));
  if (head != "yes" && head != "no") return {};
  std::string qualifier = FoldForMatch(text.substr(cut + width));
  if (qualifier.empty()) return {};
  if (AnswerWord(lx, qualifier) == "partial") return "partial";
  for (const std::string& m : lx.partial_markers)
    if (qualifier == m || qualifier.rfind(m + " ", 0) == 0) return "partial";
  return {};
}

}  // namespace

std::string AnswerWord(const Lexicon& lx, const std::string& text) {
  std::string f = FoldForMatch(text);
  if (f.empty()) return {};
  std::string best_value;
  std::size_t best_len = 0;
  for (const auto& [value, words] : lx.answers) {
    for (const std::string& w : words) {
      if (w.size() <= best_len) continue;
      // A one-letter word ("Y", "N", "O", "S") is the whole answer, never the
      // start of one ("N/A" is no "no").
      if (f == w || (w.size() > 1 && f.rfind(w + " ", 0) == 0)) {
        best_value = value;
        best_len = w.size();
      }
    }
  }
  return best_value;
}

void ReadChecklist(Context& ctx) {
  const Lexicon& lx = *ctx.lx;
  // Pass 1: headers per table, and question candidates per row.
  std::map<int, Header> header_of_table;
  std::optional<Header> last_header;
  std::vector<Candidate> candidates;
  std::map<std::size_t, Header> header_for_unit;
  std::set<int> plan_tables;  // results tables hold objectives, not answers
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    const Unit& u = ctx.units[i];
    if (u.kind != Unit::Kind::kRow) continue;
    if (IsPlanHeader(ctx, u)) plan_tables.insert(u.table);
    if (plan_tables.count(u.table)) continue;
    if (auto h = ReadHeader(ctx, u)) {
      header_of_table[u.table] = *h;
      last_header = *h;
      continue;
    }
    if (ctx.role[i] == Role::kComponentHeading || ctx.role[i] == Role::kObjective) continue;
    if (header_of_table.count(u.table)) header_for_unit[i] = header_of_table[u.table];
    else if (last_header && last_header->columns == u.columns && !u.synthetic) header_for_unit[i] = *last_header;
    int qc = QuestionCell(u);
    if (qc < 0 || (u.cells.size() < 2 && u.cells[0].ticks.empty() && !u.synthetic)) continue;
    for (const QuestionMatch& m : ctx.matcher.Rank(u.cells[qc].text)) {
      double score = m.score;
      if (!ctx.component[i].empty()) score += m.question->component == ctx.component[i] ? kSectionBonus : -kOtherSectionMalus;
      if (score < kMatchThreshold || (ctx.component[i].empty() && score < kNoSectionThreshold)) continue;
      candidates.push_back({i, m.question, score});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::set<std::size_t> used_units;
  std::set<std::string> used_questions;
  std::vector<Candidate> chosen;
  for (const Candidate& c : candidates) {
    if (used_units.count(c.unit) || used_questions.count(c.question->id)) continue;
    used_units.insert(c.unit);
    used_questions.insert(c.question->id);
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.unit < b.unit; });

  // Pass 2: read each chosen row's answer by the question's type.
  for (const Candidate& c : chosen) {
    const Unit& u = ctx.units[c.unit];
    const QuestionRule& q = *c.question;
    Header h;
    if (auto it = header_for_unit.find(c.unit); it != header_for_unit.end()) h = it->second;
    int qc = QuestionCell(u);
    std::vector<const UnitCell*> answer_cells;
    for (std::size_t k = 0; k < u.cells.size(); ++k) {
      if (static_cast<int>(k) <= qc) continue;  // the question and any numbering column before it
      if (h.comment_columns.count(u.cells[k].column)) continue;
      answer_cells.push_back(&u.cells[k]);
    }
    // Boxes may sit in the question cell itself ("☒ Yes ☐ No" under the question).
    std::vector<UnitTick> ticks;
    for (const UnitCell* cell : answer_cells) ticks.insert(ticks.end(), cell->ticks.begin(), cell->ticks.end());
    if (ticks.empty() && qc >= 0) ticks = u.cells[qc].ticks;

    ctx.printed.insert(q.id);
    RowAnswer ra;
    std::string answer_text;
    for (const UnitCell* cell : answer_cells) {
      if (!cell->text.empty()) {
        answer_text = cell->text;
        break;
      }
    }
    Answer a;
    a.question = q.id;
    a.evidence.page = u.page;
    std::string qtext = qc >= 0 ? u.cells[qc].text : std::string();
    qtext = TruncateUtf8(qtext, 160);

    if (q.type == AnswerType::kYesNo) {
      for (const UnitTick& t : ticks) {
        ra.has_boxes = true;
        if (!t.checked) continue;
        std::string v = QualifiedAnswer(lx, t.label);
        if (v.empty()) v = AnswerWord(lx, t.label);
        if (v.empty()) {
          auto it = h.value_of_column.find(t.column);
          if (it != h.value_of_column.end()) v = it->second;
        }
        if (v.empty()) continue;
        ra.values.insert(v);
        ra.confidence = std::min(ra.confidence, t.confidence);
        ra.source = "tick";
        // The evidence shows the box that decided: its label, else its column's header word.
        std::string shown = Trim(t.label);
        if (shown.empty()) {
          for (const auto& [column, word] : h.header_text)
            if (column == t.column) shown = word;
        }
        ra.decisive = "\u2612 " + (shown.empty() ? v : shown);
      }
      if (!ra.has_boxes) {
        // A typed "X" in an option column, else a typed word in the answer cell.
        for (const UnitCell* cell : answer_cells) {
          std::string f = FoldForMatch(cell->text);
          auto it = h.value_of_column.find(cell->column);
          if ((f == "x" || f == "xx") && it != h.value_of_column.end()) {
            ra.values.insert(it->second);
            ra.source = "typed-x";
          }
        }
        // A typed "X" before one of the printed options: "X Oui Non En cours", "Oui X Non".
        if (ra.values.empty() && !answer_text.empty()) {
          std::vector<std::string> t = MatchTokens(answer_text);
          for (std::size_t k = 0; k + 1 < t.size(); ++k) {
            if (t[k] != "x") continue;
            std::string rest;
            for (std::size_t m = k + 1; m < t.size(); ++m) rest += (rest.empty() ? "" : " ") + t[m];
            std::string v = AnswerWord(lx, rest);
            if (!v.empty()) {
              ra.values.insert(v);
              ra.source = "typed-x";
              ra.confidence = 0.8;
            }
          }
        }
        if (ra.values.empty() && !answer_text.empty()) {
          std::string v = QualifiedAnswer(lx, StripLabel(answer_text));
          if (!v.empty()) {
            ra.values.insert(v);
            ra.source = "word";
            ra.confidence = 0.85;
          }
        }
        if (ra.values.empty() && !answer_text.empty() && DistinctAnswerWords(lx, answer_text) < 2) {
          std::string v = AnswerWord(lx, StripLabel(answer_text));
          if (v.empty()) v = AnswerWord(lx, answer_text);
          if (!v.empty()) {
            ra.values.insert(v);
            ra.source = "word";
            ra.confidence = 0.9;
          }
        }
      }
      if (ra.values.size() > 1) {
        ctx.conflicting.insert(q.id);
        ctx.conflict_page[q.id] = u.page;
        ctx.with_content.insert(q.component);
        continue;
      }
      if (ra.values.empty()) continue;
      a.value.kind = AnswerValue::Kind::kWord;
      a.value.text = *ra.values.begin();
      a.source = ra.source;
      a.confidence = ra.confidence * std::min(1.0, 0.5 + c.score);
    } else if (q.type == AnswerType::kNumber) {
      long long v = -1;
      for (const UnitCell* cell : answer_cells) {
        v = ParseInteger(StripLabel(cell->text), ctx.lang);
        if (v >= 0) {
          answer_text = cell->text;
          break;
        }
      }
      if (v < 0) continue;
      a.value.kind = AnswerValue::Kind::kInteger;
      a.value.integer = v;
      a.source = "cell";
      a.confidence = 0.95 * std::min(1.0, 0.5 + c.score);
    } else if (q.type == AnswerType::kYear) {
      std::string y;
      for (const UnitCell* cell : answer_cells) {
        y = AnswerYear(cell->text);
        if (!y.empty()) {
          answer_text = cell->text;
          break;
        }
      }
      if (y.empty()) continue;
      a.value.kind = AnswerValue::Kind::kInteger;
      a.value.integer = std::stoll(y);
      a.source = "cell";
      a.confidence = 0.95 * std::min(1.0, 0.5 + c.score);
    } else {
      std::string v = StripLabel(answer_text);
      if (FoldForMatch(v).empty()) continue;
      a.value.kind = AnswerValue::Kind::kText;
      a.value.text = v;
      a.source = "cell";
      a.confidence = 0.9 * std::min(1.0, 0.5 + c.score);
    }
    if (!ra.decisive.empty()) answer_text = ra.decisive;
    a.evidence.text = qtext + (answer_text.empty() ? "" : " — " + answer_text);
    a.evidence.text = TruncateUtf8(a.evidence.text, 400);
    ctx.with_content.insert(q.component);
    (u.synthetic ? ctx.span_answers : ctx.table_answers) += 1;
    ctx.report.answers.push_back(std::move(a));
  }
}

}  // namespace vareport::analysis
