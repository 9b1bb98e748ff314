// Objectives: lines under an objective heading ("Objectives for 2024",
// "Objectifs prévus :", "Objetivos para 2023") and rows of national-plan
// results tables (Objective | Indicator | Baseline | Target | Deadline), each
// judged by the catalogue's SMART criteria (catalogue.json "objective"):
// measurable = a quantity, or a single verifiable act (adopt, establish,
// ratify, publish) on a named instrument; time_bound = a year, date or period
// end (rules/dates.h).
#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"
#include "rules/dates.h"
#include "rules/numbers.h"

namespace vareport::analysis {
namespace {

// The folded word that follows byte offset `end` in `text`.
std::string NextWord(const std::string& text, std::size_t end) {
  std::vector<std::string> t = MatchTokens(text.substr(end, 80));
  return t.empty() ? std::string() : t.front();
}

bool IsStopword(const std::string& w) {
  static const std::set<std::string> kCommon = {"and", "or", "to", "of", "et", "ou", "y", "o", "e", "de", "du", "del", "a", "the"};
  return kCommon.count(w) > 0;
}

// True when the figure `m` is followed by a noun it counts, not preceded by a
// deadline word ("by 2025") nor followed by a month, dash or punctuation.
bool CountsANoun(const Lexicon& lx, const std::string& text, const NumberMatch& m) {
  std::vector<std::string> before = MatchTokens(text.substr(0, m.begin));
  if (!before.empty()) {
    const std::string& prev = before.back();
    for (const auto* list : {&lx.deadline_prepositions, &lx.end_of, &lx.mid_of})
      if (std::find(list->begin(), list->end(), prev) != list->end()) return false;
  }
  if (m.end >= text.size() || text[m.end] != ' ') return false;  // "2025," "2025–2027" "2026."
  std::string next = NextWord(text, m.end);
  if (next.empty() || IsStopword(next) || MonthNumber(next, lx.lang) > 0) return false;
  return std::all_of(next.begin(), next.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
}

// The noun a figure counts: the noun phrase after it, up to a stop word,
// another figure or punctuation, at most four words, modifiers ("new",
// "nouveaux") left out; its head is the phrase's last word in English ("3 new
// health centres") and its first in French and Spanish ("3 centres de santé",
// "500 secouristes communautaires"): lexicon noun-head.
std::string CountedNoun(const Lexicon& lx, const std::string& text, std::size_t end) {
  std::string after = text.substr(end, 120);
  std::size_t stop = after.find_first_of(",.;:()[]");
  if (stop != std::string::npos) after = after.substr(0, stop);
  std::vector<std::string> words;
  for (const std::string& w : MatchTokens(after)) {
    if (words.size() >= 4 || IsStopword(w) || std::isdigit(static_cast<unsigned char>(w[0]))) break;
    if (std::find(lx.stopwords.begin(), lx.stopwords.end(), w) != lx.stopwords.end()) break;
    if (std::find(lx.deadline_prepositions.begin(), lx.deadline_prepositions.end(), w) != lx.deadline_prepositions.end()) break;
    if (std::find(lx.noun_modifiers.begin(), lx.noun_modifiers.end(), w) != lx.noun_modifiers.end()) continue;
    words.push_back(w);
  }
  if (words.empty()) return NextWord(text, end);
  return lx.noun_head_last ? words.back() : words.front();
}

// Quantities stated in `text`: figures that are not years, days of a date,
// action numbers, ordinals, lengths of a period ("24 months") or numbers of
// laws and articles ("Article 32 of Law No. 14").
std::vector<Quantity> Quantities(const Lexicon& lx, const std::string& text) {
  std::vector<Quantity> out;
  for (const NumberMatch& m : FindNumbers(text, lx.lang)) {
    if (m.after_hash) continue;
    {
      std::vector<std::string> before = MatchTokens(text.substr(0, m.begin));
      if (!before.empty() && std::find(lx.law_nouns.begin(), lx.law_nouns.end(), before.back()) != lx.law_nouns.end()) continue;
      // "n° 2011-15", "No. 14": the sign before the figure.
      std::string raw = Trim(text.substr(m.begin >= 4 ? m.begin - 4 : 0, m.begin >= 4 ? 4 : m.begin));
      if (raw.size() >= 2 && raw.substr(raw.size() - 2) == "\xC2\xB0") continue;
      // "2011-15", "14/2019": the second part of an identifier.
      if (m.begin >= 2 && (text[m.begin - 1] == '-' || text[m.begin - 1] == '/') &&
          std::isdigit(static_cast<unsigned char>(text[m.begin - 2])))
        continue;
    }
    // A four-digit 1900..2100 is a year unless a noun counts it ("enrol 2000 survivors").
    if (m.year_like && !CountsANoun(lx, text, m)) continue;
    if (m.end < text.size() && std::isalpha(static_cast<unsigned char>(text[m.end]))) continue;  // "2nd", "1er"
    std::string next = NextWord(text, m.end);
    if (!m.percent && std::find(lx.non_units.begin(), lx.non_units.end(), next) != lx.non_units.end()) continue;
    if (!m.percent && MonthNumber(next, lx.lang) > 0) continue;  // "31 December"
    if (!m.percent && (next == "de" || next == "of" || next == "del")) {
      std::vector<std::string> after = MatchTokens(text.substr(m.end, 40));
      if (after.size() >= 2 && MonthNumber(after[1], lx.lang) > 0) continue;  // "31 de diciembre"
    }
    Quantity q;
    q.value = static_cast<long long>(std::llround(m.value));
    q.unit = m.percent ? "%" : CountedNoun(lx, text, m.end);
    out.push_back(q);
  }
  return out;
}

// A single verifiable act on a named instrument ("Adopt the national strategy").
bool IsDeliverable(const Lexicon& lx, const std::string& text) {
  std::string f = FoldForMatch(text);
  for (const std::string& v : lx.deliverable_verbs) {
    std::size_t at = (" " + f + " ").find(" " + v + " ");
    if (at == std::string::npos) continue;
    std::string after = f.substr(std::min(f.size(), at + v.size()));
    for (const std::string& n : lx.instrument_nouns)
      if (ContainsPhrase(after, n)) return true;
  }
  return false;
}

struct PlanColumns {
  int objective = -1, target = -1, deadline = -1;
  int component = -1;     // a column naming each row's component, merged down its rows ("Component", "Pilier")
  std::string current;    // the component of the rows below the last component cell read
};

std::optional<PlanColumns> ReadPlanHeader(const Lexicon& lx, const Unit& u) {
  if (u.kind != Unit::Kind::kRow || u.cells.size() < 3) return std::nullopt;
  PlanColumns pc;
  int action = -1;  // a column of planned actions ("Activity", "Mesure", "Actividad")
  for (const UnitCell& c : u.cells) {
    std::string f = FoldForMatch(c.text);
    if (pc.objective < 0 && StartsWithAny(f, lx.plan_objective_headers)) pc.objective = c.column;
    else if (pc.target < 0 && StartsWithAny(f, lx.plan_target_headers)) pc.target = c.column;
    else if (pc.deadline < 0 && StartsWithAny(f, lx.plan_deadline_headers)) pc.deadline = c.column;
    else if (pc.component < 0 && StartsWithAny(f, lx.plan_component_headers) && MatchTokens(f).size() <= 3) pc.component = c.column;
    else if (action < 0 && StartsWithAny(f, lx.plan_action_headers) && MatchTokens(f).size() <= 3) action = c.column;
  }
  // With no objective column, the planned actions are the table's objectives.
  if (pc.objective < 0) pc.objective = action;
  if (pc.objective >= 0 && (pc.target >= 0 || pc.deadline >= 0)) return pc;
  return std::nullopt;
}

const UnitCell* CellAt(const Unit& u, int column) {
  for (const UnitCell& c : u.cells)
    if (c.column <= column && column < c.column + c.col_span) return &c;
  return nullptr;
}

// Strips list labels typed into the text ("1.", "a)", "-", "•").
std::string StripBullet(const std::string& text) {
  std::string t = Trim(text);
  static const char* kBullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xEF\x82\xB7", "-", "*", "\xE2\x97\x8F"};
  for (const char* b : kBullets) {
    std::string bs(b);
    if (t.rfind(bs, 0) == 0) return Trim(t.substr(bs.size()));
  }
  // A typed label closed by ")" or "." and a space: one letter, up to three
  // digits or roman numerals ("a) ", "B. ", "12. ", "iv) "; "1.200 survivors"
  // and "Dr. " are none).
  std::size_t n = 0;
  while (n < t.size() && n < 4 && std::isalnum(static_cast<unsigned char>(t[n]))) ++n;
  std::string label = t.substr(0, n);
  bool digits = std::all_of(label.begin(), label.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  bool roman = label.find_first_not_of("ivxIVX") == std::string::npos;
  if (n >= 1 && n <= 3 && (n == 1 || digits || roman) && n + 1 < t.size() && (t[n] == ')' || t[n] == '.') && t[n + 1] == ' ')
    return Trim(t.substr(n + 2));
  return t;
}

// Splits a paragraph into sentences of at least three words ("By 2025, do X.
// By 2026, do Y." is two objectives); "n°35." or "1." inside do not split.
std::vector<std::string> SplitObjectives(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    cur += text[i];
    bool end = (text[i] == '.' || text[i] == ';') && (i + 1 == text.size() || text[i + 1] == ' ');
    if (end && i >= 1 && std::isdigit(static_cast<unsigned char>(text[i - 1])) && i + 2 < text.size() &&
        std::islower(static_cast<unsigned char>(text[i + 2]))) {
      end = false;  // "… n°35. with …"
    }
    if (end) {
      std::string t = Trim(cur);
      if (MatchTokens(t).size() >= 3) out.push_back(t);
      else if (!out.empty()) out.back() += " " + t;
      cur.clear();
    }
  }
  std::string t = Trim(cur);
  if (MatchTokens(t).size() >= 3) out.push_back(t);
  else if (!t.empty() && !out.empty()) out.back() += " " + t;
  return out;
}

}  // namespace

bool IsPlanHeader(const Context& ctx, const Unit& u) { return ReadPlanHeader(*ctx.lx, u).has_value(); }

bool ReportsAchievement(const Lexicon& lx, const std::string& sentence) {
  std::string f = FoldForMatch(sentence);
  bool reports = false;
  // A marker that a year follows names a period to come, not the one reported
  // on ("durante el período 2025-2029", "au cours de la période 2026-2028").
  auto names_period = [&](const std::string& m) {
    std::string padded = " " + f + " ";
    for (std::size_t at = padded.find(" " + m + " "); at != std::string::npos; at = padded.find(" " + m + " ", at + 1)) {
      std::vector<std::string> next = MatchTokens(padded.substr(at + m.size() + 2, 8));
      bool year = !next.empty() && next[0].size() == 4 &&
                  std::all_of(next[0].begin(), next[0].end(), [](unsigned char c) { return std::isdigit(c); });
      if (!year) return false;
    }
    return true;
  };
  for (const std::string& m : lx.report_markers) reports = reports || (ContainsPhrase(f, m) && !names_period(m));
  if (!reports) return false;
  for (const auto* list : {&lx.future_markers, &lx.target_markers})
    for (const std::string& m : *list)
      if (ContainsPhrase(f, m)) return false;
  return true;
}

bool IsCrossReference(const Lexicon& lx, const std::string& sentence) {
  std::vector<std::string> t = MatchTokens(FoldForMatch(sentence));
  // A note's marker before it: "1", "*", or a superscript OCR read as "l".
  std::size_t from = !t.empty() && (t[0].size() == 1 || std::all_of(t[0].begin(), t[0].end(), [](unsigned char c) { return std::isdigit(c); })) ? 1 : 0;
  std::string rest;
  for (std::size_t k = from; k < t.size(); ++k) rest += (rest.empty() ? "" : " ") + t[k];
  return StartsWithAny(rest, lx.reference_cues);
}

bool NotAnObjective(const Lexicon& lx, const std::string& sentence) {
  return ReportsAchievement(lx, sentence) || IsCrossReference(lx, sentence);
}

void JudgeObjective(const Lexicon& lx, Objective& o, const std::string& target, const std::string& deadline,
                    int context_year) {
  o.quantities = Quantities(lx, o.text);
  std::vector<Quantity> target_q = Quantities(lx, target);
  bool quantity_word = false;
  std::string folded = FoldForMatch(o.text);
  for (const std::string& w : lx.quantity_words) quantity_word = quantity_word || ContainsPhrase(folded, w);
  // A frequency is a quantity: "quarterly meetings" can be counted.
  for (const std::string& w : lx.frequency_words) quantity_word = quantity_word || ContainsPhrase(folded, w);
  o.measurable = !o.quantities.empty() || !target_q.empty() || quantity_word || IsDeliverable(lx, o.text);
  if (o.quantities.empty()) o.quantities = target_q;
  Deadline d = FindDeadline(o.text, lx, false, context_year);
  Deadline cell = FindDeadline(deadline, lx, /*bare_year_ok=*/true, context_year);
  o.time_bound = d.time_bound || cell.time_bound;
  o.deadline = cell.time_bound ? cell.date : d.date;
}

void ReadObjectives(Context& ctx) {
  const Lexicon& lx = *ctx.lx;
  std::map<int, PlanColumns> plan_tables;
  // The year a date without one belongs to: the objective heading's ("Objectives
  // for 2023"), else the reporting year.
  int heading_year = 0;
  auto context_year = [&] { return heading_year > 0 ? heading_year : ctx.report.reporting_year.value_or(0); };
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    const Unit& u = ctx.units[i];
    if (ctx.role[i] == Role::kComponentHeading) heading_year = 0;
    if (ctx.role[i] == Role::kObjectiveHeading) {
      heading_year = 0;
      for (const NumberMatch& m : FindNumbers(u.text, ctx.lang))
        if (m.year_like) heading_year = static_cast<int>(m.value);
    }
    if (u.kind == Unit::Kind::kRow && ctx.role[i] != Role::kObjective) {
      if (auto pc = ReadPlanHeader(lx, u)) {
        plan_tables[u.table] = *pc;
        continue;
      }
      auto it = plan_tables.find(u.table);
      if (it == plan_tables.end()) continue;
      // The row's component: its own component cell (a merged cell is read once, at its
      // first row, and carried down), else the section the table stands in.
      std::string component = ctx.role[i] == Role::kComponentHeading ? std::string() : ctx.component[i];
      if (it->second.component >= 0) {
        const UnitCell* cc = CellAt(u, it->second.component);
        if (cc != nullptr && cc->column == it->second.component && !Trim(cc->text).empty()) {
          std::string id = HeadingComponent(ctx, cc->text, 0.4);
          if (!id.empty()) it->second.current = id;
        }
        if (!it->second.current.empty()) component = it->second.current;
      } else {
        // No header names it: a cell left of the objective column that titles a component.
        for (const UnitCell& c : u.cells) {
          if (c.column >= it->second.objective || MatchTokens(c.text).size() > 16) continue;
          std::string id = HeadingComponent(ctx, c.text, 0.6);
          if (!id.empty()) it->second.current = id;
        }
        if (!it->second.current.empty()) component = it->second.current;
      }
      if (component.empty()) continue;
      const UnitCell* oc = CellAt(u, it->second.objective);
      if (oc == nullptr || MatchTokens(oc->text).size() < 3 || u.cells.size() < 2) continue;
      const UnitCell* tc = it->second.target >= 0 ? CellAt(u, it->second.target) : nullptr;
      const UnitCell* dc = it->second.deadline >= 0 ? CellAt(u, it->second.deadline) : nullptr;
      Objective o;
      o.component = component;
      o.text = StripBullet(oc->text);
      o.evidence = {u.page, TruncateUtf8(UnitText(u), 400)};
      JudgeObjective(lx, o, tc && tc != oc ? tc->text : "", dc && dc != oc ? dc->text : "", context_year());
      ctx.with_content.insert(o.component);
      ++ctx.plan_rows;
      if (it->second.component >= 0 || !it->second.current.empty()) ++ctx.grouped_plan_rows;
      ctx.report.objectives.push_back(std::move(o));
      continue;
    }
    if (ctx.component[i].empty()) continue;
    if (u.kind == Unit::Kind::kRow && ctx.role[i] == Role::kObjective) {
      // A row of an objective list table: the objective column, else its longest cell.
      const UnitCell* best = nullptr;
      auto col = ctx.objective_column.find(u.table);
      for (const UnitCell& c : u.cells) {
        if (col != ctx.objective_column.end() && c.column == col->second) {
          best = &c;
          break;
        }
        if (!best || c.text.size() > best->text.size()) best = &c;
      }
      if (best == nullptr || MatchTokens(best->text).size() < 3 || NotAnObjective(lx, best->text)) continue;
      // Two numbered rows merged into one ("1 2" | "Sentence one. Sentence two."):
      // one objective per sentence when they are as many as the numbers.
      std::vector<std::string> texts = {StripBullet(best->text)};
      if (const int k = RowNumberCount(ctx, u); k >= 2) {
        std::vector<std::string> parts = SplitObjectives(texts.front());
        if (static_cast<int>(parts.size()) == k) texts = parts;
      }
      for (const std::string& text : texts) {
        if (NotAnObjective(lx, text)) continue;
        Objective o;
        o.component = ctx.component[i];
        o.text = text;
        o.evidence = {u.page, TruncateUtf8(UnitText(u), 400)};
        JudgeObjective(lx, o, "", "", context_year());
        ctx.with_content.insert(o.component);
        ctx.report.objectives.push_back(std::move(o));
      }
      continue;
    }
    if (u.kind != Unit::Kind::kText) continue;
    if (ctx.role[i] == Role::kObjective) {
      // One objective per sentence: a paragraph may list several.
      for (const std::string& sentence : SplitObjectives(StripBullet(u.text))) {
        if (NotAnObjective(lx, sentence)) continue;  // "In 2021, 24 technicians were trained."
        Objective o;
        o.component = ctx.component[i];
        o.text = sentence;
        o.evidence = {u.page, TruncateUtf8(u.text, 400)};
        JudgeObjective(lx, o, "", "", context_year());
        ctx.with_content.insert(o.component);
        ctx.report.objectives.push_back(std::move(o));
      }
    } else if (ctx.role[i] == Role::kPlain) {
      // A target sentence in the narrative: "By 2026 the Ministry will open 3 centres."
      for (const std::string& sentence : SplitObjectives(u.text)) {
        std::string f = FoldForMatch(sentence);
        bool target = false;
        for (const std::string& m : lx.target_markers) target = target || ContainsPhrase(f, m);
        if (!target || !FindDeadline(sentence, lx).time_bound || NotAnObjective(lx, sentence)) continue;
        Objective o;
        o.component = ctx.component[i];
        o.text = sentence;
        o.evidence = {u.page, TruncateUtf8(sentence, 400)};
        JudgeObjective(lx, o, "", "", context_year());
        ctx.report.objectives.push_back(std::move(o));
      }
    }
  }
}

}  // namespace vareport::analysis
