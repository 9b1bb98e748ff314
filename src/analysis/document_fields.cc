// Document fields: language, kind, State, reporting year and action plan,
// read from the front matter with the words of rules/document.xml,
// rules/states.xml and rules/plans.xml.
#include <algorithm>
#include <ctime>
#include <map>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"

namespace vareport::analysis {
namespace {

constexpr std::size_t kFrontUnits = 25;  // how far the front matter reaches

// The last year a report can be about: next year (a plan may be dated ahead).
int LatestReportingYear() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900 + 1;
}

// Years from 1997 (the Convention's adoption) to `latest` (by default next
// year: the last a report can be about; a plan's period may run further).
std::vector<int> Years(const std::string& folded, int latest = LatestReportingYear()) {
  std::vector<int> out;
  for (const std::string& t : MatchTokens(folded)) {
    if (t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int y = std::stoi(t);
      if (y >= 1997 && y <= latest) out.push_back(y);
    }
  }
  return out;
}

// The State named in `folded` text: the longest name found wins.
std::optional<std::string> FindState(const RuleSet& rules, const std::string& folded, std::size_t* length = nullptr) {
  std::optional<std::string> best;
  std::size_t best_len = 0;
  for (const StateRule& s : rules.states) {
    for (const std::string& n : s.names) {
      if (n.size() <= best_len) break;  // names are sorted longest first
      if (ContainsPhrase(folded, n)) {
        best = s.iso3;
        best_len = n.size();
        break;
      }
    }
  }
  if (length) *length = best_len;
  return best;
}

// Label/value pairs of the front matter: cover-table rows and "Label: value" lines.
std::vector<std::pair<std::string, std::string>> LabelledValues(const std::vector<Unit>& units) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < units.size() && i < kFrontUnits * 2; ++i) {
    const Unit& u = units[i];
    if (u.kind == Unit::Kind::kRow && u.cells.size() >= 2) {
      out.emplace_back(FoldForMatch(u.cells[0].text), u.cells[1].text);
    } else if (u.kind == Unit::Kind::kText) {
      std::size_t colon = u.text.find(':');
      if (colon != std::string::npos && colon < 40) out.emplace_back(FoldForMatch(u.text.substr(0, colon)), u.text.substr(colon + 1));
    }
  }
  return out;
}

}  // namespace

std::string DetectLanguage(const std::vector<Unit>& units, const RuleSet& rules) {
  std::map<std::string, std::set<std::string>> stop;
  for (const auto& [lang, lx] : rules.lexicons) stop[lang] = {lx.stopwords.begin(), lx.stopwords.end()};
  std::map<std::string, int> hits;
  std::size_t words = 0;
  for (const Unit& u : units) {
    for (const std::string& w : MatchTokens(UnitText(u))) {
      for (const auto& [lang, set] : stop)
        if (set.count(w)) ++hits[lang];
      if (++words > 20000) break;
    }
  }
  std::string best = "en";
  int best_n = -1;
  for (const auto& [lang, n] : hits) {
    if (n > best_n) {
      best = lang;
      best_n = n;
    }
  }
  return best;
}

void DetectDocumentFields(Context& ctx) {
  const RuleSet& rules = ctx.rules;
  Report& rep = ctx.report;
  const std::vector<Unit>& units = ctx.units;

  // Kind: the first front-matter unit that names one. A question ("Is there
  // a national plan?") names none: it is what a checklist asks.
  std::string title_folded = FoldForMatch(ctx.doc.title);
  std::size_t kind_unit = units.size();  // the unit that named the kind: the title line
  for (std::size_t i = 0; i < units.size() && i < kFrontUnits && rep.kind == "unknown"; ++i) {
    if (UnitText(units[i]).find('?') != std::string::npos) continue;
    std::string f = FoldForMatch(UnitText(units[i]));
    for (const auto& [kind, phrases] : rules.document.kinds) {
      if (std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return ContainsPhrase(f, p); })) {
        rep.kind = kind;
        kind_unit = i;
        break;
      }
    }
  }
  // A title no kind phrase names ("National Disability and Victim Assistance
  // Strategy 2025–2028") over a results table (Objective | … | Target |
  // Deadline, lexicon plan_*_headers): a national plan.
  if (rep.kind == "unknown" &&
      std::any_of(units.begin(), units.end(), [&](const Unit& u) { return IsPlanHeader(ctx, u); })) {
    rep.kind = "national_plan";
  }

  auto values = LabelledValues(units);

  // State: a labelled cover field, else the first name in the front matter, else anywhere.
  for (const auto& [label, value] : values) {
    if (rep.state) break;
    for (const std::string& l : rules.document.state_labels) {
      if (StartsWithPhrase(label, l)) {
        rep.state = FindState(rules, FoldForMatch(value));
        ctx.state_labelled = rep.state.has_value();
        if (rep.state) break;
      }
    }
  }
  if (!rep.state) {
    std::size_t best_len = 0;
    for (std::size_t i = 0; i < units.size() && i < kFrontUnits; ++i) {
      std::size_t len = 0;
      auto s = FindState(rules, FoldForMatch(UnitText(units[i])), &len);
      if (s) {
        rep.state = s;
        best_len = len;
        break;
      }
    }
    (void)best_len;
  }
  if (!rep.state) {
    std::map<std::string, int> count;
    for (const Unit& u : units) {
      auto s = FindState(rules, FoldForMatch(UnitText(u)));
      if (s) ++count[*s];
    }
    int best = 0;
    for (const auto& [iso, n] : count)
      if (n > best) {
        best = n;
        rep.state = iso;
      }
  }

  // Reporting year. National plans: the first year of the plan period in the title.
  if (rep.kind == "national_plan") {
    for (std::size_t i = 0; i < units.size() && i < kFrontUnits && !rep.reporting_year; ++i) {
      std::vector<int> ys = Years(FoldForMatch(UnitText(units[i])), 2100);
      if (ys.size() >= 2 && ys[1] > ys[0] && ys[0] <= LatestReportingYear()) {
        rep.reporting_year = ys[0];
        ctx.plan_period_end = ys[1];
        ctx.plan_period_unit = static_cast<int>(i);
      }
    }
  }
  for (const auto& [label, value] : values) {
    if (rep.reporting_year) break;
    for (const std::string& l : rules.document.year_labels) {
      if (StartsWithPhrase(label, l)) {
        std::vector<int> ys = Years(FoldForMatch(value));
        if (!ys.empty()) {
          rep.reporting_year = ys.front();
          ctx.year_labelled = true;
          break;
        }
      }
    }
  }
  if (!rep.reporting_year) {
    // A period sentence ("covering the period 01/01/2020 to 31/12/2020") or the title's year.
    for (std::size_t i = 0; i < units.size() && i < kFrontUnits && !rep.reporting_year; ++i) {
      std::string f = FoldForMatch(UnitText(units[i]));
      std::vector<int> ys = Years(f);
      if (ys.empty()) continue;
      for (const std::string& l : rules.document.year_labels) {
        if (ContainsPhrase(f, l)) {
          rep.reporting_year = ys.front();
          ctx.year_labelled = true;
          break;
        }
      }
    }
  }
  if (!rep.reporting_year && kind_unit < units.size()) {
    // The one year of the title line ("Questionnaire … – Mali – 2025"): the
    // years of objectives and deadlines further down may outnumber it.
    std::vector<int> ys = Years(FoldForMatch(UnitText(units[kind_unit])));
    if (ys.size() == 1) rep.reporting_year = ys.front();
  }
  if (!rep.reporting_year) {
    std::map<int, int> count;
    for (std::size_t i = 0; i < units.size() && i < kFrontUnits; ++i)
      for (int y : Years(FoldForMatch(UnitText(units[i])))) ++count[y];
    int best = 0;
    for (const auto& [y, n] : count)
      if (n > best) {
        best = n;
        rep.reporting_year = y;
      }
  }

  // Framework: a named plan; else, for reports citing action numbers, the plan
  // that governs the reporting year. National plans follow a plan only when they name it.
  std::map<std::string, int> named;
  bool cites_actions = false;
  {
    // A plan's name may wrap over two title lines: search the front matter as one text.
    std::string front;
    for (std::size_t i = 0; i < units.size() && i < kFrontUnits; ++i) front += " " + FoldForMatch(UnitText(units[i]));
    for (const PlanRule& p : rules.plans)
      for (const std::string& n : p.names)
        if (ContainsPhrase(front, n)) ++named[p.id];
  }
  for (const Unit& u : units) {
    std::string f = FoldForMatch(UnitText(u));
    for (const PlanRule& p : rules.plans)
      for (const std::string& n : p.names)
        if (ContainsPhrase(f, n)) ++named[p.id];
    for (const std::string& a : rules.document.action_words) {
      std::vector<std::string> t = MatchTokens(f);
      for (std::size_t k = 0; k + 1 < t.size(); ++k)
        if (t[k] == a && (std::isdigit(static_cast<unsigned char>(t[k + 1][0])) || t[k + 1] == "n" || t[k + 1] == "no"))
          cites_actions = true;
    }
  }
  if (!named.empty()) {
    rep.framework = std::max_element(named.begin(), named.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  } else if (rep.kind != "national_plan" && cites_actions && rep.reporting_year) {
    for (const PlanRule& p : rules.plans)
      if (*rep.reporting_year >= p.first_year && *rep.reporting_year <= p.last_year) rep.framework = p.id;
  }
  if (!rep.framework && rep.kind == "national_plan") rep.framework = "none";
  ctx.plan = rep.framework && *rep.framework != "none" ? *rep.framework : "";
  if (ctx.plan.empty() && rep.reporting_year) {
    for (const PlanRule& p : rules.plans)
      if (*rep.reporting_year >= p.first_year && *rep.reporting_year <= p.last_year) ctx.plan = p.id;
  }
  (void)title_folded;
}

void AnswerPlanPeriod(Context& ctx) {
  if (!ctx.plan_period_end || ctx.plan_period_unit < 0) return;
  for (const Answer& a : ctx.report.answers)
    if (a.question == "coordination.plan_end_year") return;
  const Unit& u = ctx.units[static_cast<std::size_t>(ctx.plan_period_unit)];
  Answer a;
  a.question = "coordination.plan_end_year";
  a.value.kind = AnswerValue::Kind::kInteger;
  a.value.integer = *ctx.plan_period_end;
  a.evidence = {u.page, TruncateUtf8(UnitText(u), 400)};
  a.source = "title";
  a.confidence = 0.9;
  ctx.report.answers.push_back(std::move(a));
}

}  // namespace vareport::analysis
