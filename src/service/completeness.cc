#include "service/completeness.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/report_codec.h"

namespace vareport::service {
namespace {

int StatusRank(std::string_view s) { return s == "reported" ? 2 : s == "partial" ? 1 : 0; }

// What a report says, without where it came from: two files with the same
// content key (a .docx and its PDF export) count as one submission.
std::string ContentKey(const Report& r) {
  std::vector<std::string> parts;
  for (const Answer& a : r.answers) {
    parts.push_back("a|" + a.question + "=" +
                    (a.value.kind == AnswerValue::Kind::kInteger ? std::to_string(a.value.integer) : a.value.text));
  }
  for (const Objective& o : r.objectives) parts.push_back("o|" + o.component + "|" + o.text);
  std::sort(parts.begin(), parts.end());
  std::string key = r.kind + "|" + r.state.value_or("") + "|" +
                    (r.reporting_year ? std::to_string(*r.reporting_year) : std::string());
  for (const std::string& p : parts) key += "\n" + p;
  return key;
}

}  // namespace

Result<CompletenessMatrix> BuildCompleteness(store::Store& db, const RuleSet& rules, int year) {
  CompletenessMatrix m;
  m.year = year;
  for (const ComponentRule& c : rules.components) m.components.push_back({c.id, c.title});
  std::map<std::string, std::size_t> row_of;  // iso3 → index in m.rows
  for (const StatePartyRule& p : rules.states_parties) {
    CompletenessRow row;
    row.iso3 = p.iso3;
    row.name = p.name_en;
    row.on_roster = true;
    row.cells.resize(m.components.size());
    row_of[p.iso3] = m.rows.size();
    m.rows.push_back(std::move(row));
  }
  m.roster_size = static_cast<int>(m.rows.size());

  store::SubmissionFilter filter;
  filter.year = year;
  Result<std::vector<store::SubmissionRow>> subs = db.ListSubmissions(filter);
  if (!subs) return subs.error();
  std::map<std::string, std::set<std::string>> contents;  // iso3 → content keys
  std::vector<CompletenessRow> others;
  std::map<std::string, std::size_t> other_of;
  for (const store::SubmissionRow& s : *subs) {
    if (!s.state || !s.reporting_year || *s.reporting_year != year) continue;
    Result<std::optional<store::StoredSubmission>> loaded = db.LoadSubmission(s.id);
    if (!loaded) return loaded.error();
    if (!*loaded) continue;
    const Report& rep = (*loaded)->report;
    CompletenessRow* row = nullptr;
    if (auto it = row_of.find(*s.state); it != row_of.end()) {
      row = &m.rows[it->second];
    } else {
      auto [oit, added] = other_of.emplace(*s.state, others.size());
      if (added) {
        CompletenessRow r;
        r.iso3 = *s.state;
        r.name = *s.state;
        r.cells.resize(m.components.size());
        others.push_back(std::move(r));
      }
      row = &others[oit->second];
    }
    row->submission_ids.push_back(s.id);
    row->files.push_back(s.file);
    contents[*s.state].insert(ContentKey(rep));
    row->submissions = static_cast<int>(contents[*s.state].size());
    for (const ComponentSummary& c : rep.components) {
      auto pos = std::find_if(m.components.begin(), m.components.end(),
                              [&](const CompletenessComponent& k) { return k.id == c.id; });
      if (pos == m.components.end()) continue;  // a component the current rules no longer have
      CompletenessCell& cell = row->cells[static_cast<std::size_t>(pos - m.components.begin())];
      const std::string_view st = store::ComponentStatus(c);
      if (StatusRank(st) == 0) continue;
      if (StatusRank(st) > StatusRank(cell.status)) cell.status = std::string(st);
      cell.submission_ids.push_back(s.id);
      cell.files.push_back(s.file);
    }
  }
  std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.iso3 < b.iso3; });
  for (CompletenessRow& r : others) m.rows.push_back(std::move(r));
  for (const CompletenessRow& r : m.rows)
    if (r.on_roster && r.sent_nothing()) ++m.roster_silent;
  return m;
}

Result<std::optional<int>> LatestReportingYear(store::Store& db) {
  Result<std::vector<store::SubmissionRow>> subs = db.ListSubmissions({});
  if (!subs) return subs.error();
  std::optional<int> year;
  for (const store::SubmissionRow& s : *subs)
    if (s.state && s.reporting_year && (!year || *s.reporting_year > *year)) year = s.reporting_year;
  return year;
}

}  // namespace vareport::service
