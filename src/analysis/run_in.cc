// Run-in headings and inline lists: the layout of a note verbale or memo,
// where a paragraph opens with its section's title in bold ("Data collection
// and information management. There is no …", "2. Actions #33 and #34:
// Coordination …"), ends with the title of the list that follows ("…
// Priorités pour 2023 :"), or holds that list itself ("Planned objectives:
// a) … b) …"). Each such paragraph is cut into the units a styled document
// would have had — heading, body, objective heading, one unit per item — so
// that sections and objectives are found the same way in every layout. The
// words come from the rules: component headings and action numbers
// (catalogue.xml), objective headings (lexicon).
#include <algorithm>
#include <set>
#include <string>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"

namespace vareport::analysis {
namespace {

constexpr std::size_t kMaxLeadWords = 16;   // a run-in title is short
constexpr double kLeadHeadingScore = 0.6;   // stricter than a styled heading: body text follows

// Length of a list label at the start ("1. ", "2) ", "a) ", "(b) ", "IV. "), 0 when none.
std::size_t ListLabelLength(const std::string& t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == '(') ++i;
  std::size_t start = i;
  while (i < t.size() && i - start < 4 && (std::isdigit(static_cast<unsigned char>(t[i])) || std::isalpha(static_cast<unsigned char>(t[i]))))
    ++i;
  if (i == start || i - start > 4) return 0;
  // Letters only as one letter or a Roman numeral.
  std::string label = t.substr(start, i - start);
  bool digits = std::all_of(label.begin(), label.end(), [](unsigned char c) { return std::isdigit(c); });
  bool roman = std::all_of(label.begin(), label.end(), [](char c) { return std::string("ivxIVX").find(c) != std::string::npos; });
  if (!digits && !roman && label.size() != 1) return 0;
  if (i >= t.size() || (t[i] != '.' && t[i] != ')')) return 0;
  ++i;
  if (i >= t.size() || t[i] != ' ') return 0;
  return i + 1;
}

// The byte offset where a paragraph's lead ends: the first ". " or ": " (the
// punctuation included), or npos. A period inside "n°35." or "No. 3" does not
// end it when a digit follows.
std::size_t LeadEnd(const std::string& t, std::size_t from) {
  for (std::size_t i = from; i + 1 < t.size() && i < from + 240; ++i) {
    if ((t[i] == '.' || t[i] == ':') && t[i + 1] == ' ') {
      if (i + 2 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 2]))) continue;
      return i + 1;
    }
  }
  return std::string::npos;
}

Unit TextUnit(const Unit& like, std::string text) {
  Unit u;
  u.kind = Unit::Kind::kText;
  u.page = like.page;
  u.text = Trim(text);
  return u;
}

// Splits "a) … b) … c) …" (or "1) … 2) …", "i) … ii) …") into its items; one
// item (the whole text) when it is not such a list.
std::vector<std::string> InlineItems(const std::string& text) {
  std::string t = Trim(text);
  std::size_t first = ListLabelLength(t);
  if (first == 0 || t[first - 2] != ')') return {t};
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = first; i + 3 < t.size(); ++i) {
    if (t[i] != ' ' && t[i] != ';') continue;
    std::size_t j = i + 1;
    while (j < t.size() && t[j] == ' ') ++j;
    std::size_t len = ListLabelLength(t.substr(j, 8));
    if (len > 0 && t[j + len - 2] == ')') starts.push_back(j);
  }
  if (starts.size() < 2) return {t};
  std::vector<std::string> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : t.size();
    std::string item = Trim(t.substr(starts[k], end - starts[k]));
    while (!item.empty() && item.back() == ';') item.pop_back();
    out.push_back(Trim(item));
  }
  return out;
}

}  // namespace

namespace {

// The title after a component label and its number ("Axe 1 : Coordination",
// "Strategic area 3: Physical rehabilitation", "Componente 4 – Inclusión
// económica", "Part III. Health"): the lexicons' plan_component_headers,
// then one number, roman numeral or letter. "" when the text has no label.
std::string AfterComponentLabel(const Context& ctx, const std::string& text) {
  std::vector<std::string> t = MatchTokens(FoldForMatch(text));
  std::size_t skip = 0;
  for (const auto& [lang, lx] : ctx.rules.lexicons) {
    for (const std::string& h : lx.plan_component_headers) {
      std::vector<std::string> ht = MatchTokens(h);
      if (ht.size() > skip && ht.size() < t.size() && std::equal(ht.begin(), ht.end(), t.begin())) skip = ht.size();
    }
  }
  if (skip == 0) return {};
  const std::string& n = t[skip];
  bool number = std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); }) ||
                n.find_first_not_of("ivxl") == std::string::npos || n.size() == 1;
  if (!number || skip + 1 >= t.size()) return {};
  std::string rest;
  for (std::size_t k = skip + 1; k < t.size(); ++k) rest += (rest.empty() ? "" : " ") + t[k];
  return rest;
}

}  // namespace

std::string HeadingComponent(const Context& ctx, const std::string& text, double min_score) {
  std::string best_id;
  double best_score = 0;
  const std::string titled = AfterComponentLabel(ctx, text);
  const std::set<std::string> stems = ctx.matcher.StemSet(text);
  const std::set<std::string> titled_stems = ctx.matcher.StemSet(titled);
  for (const ComponentRule& c : ctx.rules.components) {
    double s = ctx.matcher.Similarity(stems, c.headings);
    if (!titled.empty()) s = std::max(s, ctx.matcher.Similarity(titled_stems, c.headings));
    if (s > best_score) {
      best_score = s;
      best_id = c.id;
    }
  }
  std::vector<std::string> by_action = ComponentsByAction(ctx, text);
  if (!by_action.empty()) {
    if (best_score >= 0.7) return best_id;
    for (const std::string& id : by_action)
      if (id == best_id) return id;
    return by_action.front();
  }
  return best_score >= min_score ? best_id : std::string();
}

bool IsObjectiveHeadingText(const Context& ctx, const std::string& text) {
  std::string f = FoldForMatch(text);
  if (MatchTokens(f).size() > 10) return false;
  for (const auto& [lang, lx] : ctx.rules.lexicons)
    if (StartsWithAny(f, lx.objective_headings)) return true;
  return false;
}

void SplitRunIns(Context& ctx) {
  std::vector<Unit> out;
  out.reserve(ctx.units.size());
  for (Unit& u : ctx.units) {
    if (u.kind != Unit::Kind::kText || u.heading_level > 0 || !u.ticks.empty()) {
      out.push_back(std::move(u));
      continue;
    }
    std::string text = u.text;
    std::vector<Unit> parts;
    // 1. A run-in title: "Title. Body…", "3. Actions #33 and #34: Body…".
    std::size_t label = ListLabelLength(text);
    std::size_t end = LeadEnd(text, label);
    if (end != std::string::npos && end < text.size()) {
      std::string lead = Trim(text.substr(label, end - label));
      std::string bare = lead;
      while (!bare.empty() && (bare.back() == '.' || bare.back() == ':')) bare.pop_back();
      if (MatchTokens(bare).size() <= kMaxLeadWords && !HeadingComponent(ctx, bare, kLeadHeadingScore).empty()) {
        Unit h = TextUnit(u, bare);
        h.heading_level = 0;
        h.run_in = true;
        parts.push_back(std::move(h));
        text = Trim(text.substr(end));
      }
    }
    // 2. An objective heading inside the body ("… Planned objectives: a) … b) …",
    //    "… Priorités pour 2023 :"): the body before it, the heading, the items after it.
    std::size_t cut = std::string::npos, after = std::string::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != ':') continue;
      // The sentence that ends with this colon.
      std::size_t s = text.rfind(". ", i);
      s = s == std::string::npos ? 0 : s + 2;
      // A paragraph that is only the heading ("Objectives for 2020:") is AssignSections' to see.
      if (s == 0 && parts.empty() && Trim(text.substr(i + 1)).empty()) continue;
      if (IsObjectiveHeadingText(ctx, text.substr(s, i - s))) {
        cut = s;
        after = i + 1;
        break;
      }
    }
    if (cut != std::string::npos) {
      if (cut > 0) parts.push_back(TextUnit(u, text.substr(0, cut)));
      parts.push_back(TextUnit(u, text.substr(cut, after - cut)));
      std::string rest = Trim(text.substr(after));
      if (!rest.empty())
        for (std::string& item : InlineItems(rest)) {
          Unit it = TextUnit(u, item);
          it.list_item = true;
          parts.push_back(std::move(it));
        }
    } else if (!parts.empty() && !text.empty()) {
      parts.push_back(TextUnit(u, text));
    }
    if (parts.empty()) {
      out.push_back(std::move(u));
      continue;
    }
    for (Unit& p : parts)
      if (!p.text.empty()) out.push_back(std::move(p));
  }
  ctx.units = std::move(out);
}

}  // namespace vareport::analysis
