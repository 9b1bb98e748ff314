#include "service/completeness.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "store/report_codec.h"

namespace vareport::service {
namespace {

int StatusRank(std::string_view s) { return s == "reported" ? 2 : s == "partial" ? 1 : 0; }

// What a report says, for telling whether two files are one submission.
struct Content {
  std::string kind;
  std::string stem;               // file name without extension, lower case
  std::set<std::string> answers;  // "question=value"
  std::set<std::string> objectives;
};

Content ContentOf(const Report& r, const std::string& file) {
  Content c;
  c.kind = r.kind;
  std::string stem = file.substr(0, file.rfind('.'));
  for (char& ch : stem) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  c.stem = stem;
  for (const Answer& a : r.answers)
    c.answers.insert(a.question + "=" +
                     (a.value.kind == AnswerValue::Kind::kInteger ? std::to_string(a.value.integer) : a.value.text));
  for (const Objective& o : r.objectives) c.objectives.insert(o.text);
  return c;
}

// |a ∩ b| / |a ∪ b|; 1 when both are empty.
double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 1;
  std::size_t common = 0;
  for (const std::string& x : a) common += b.count(x);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// The same report sent twice (as .docx and as its PDF, or again under
// another name): same kind, and the same file name but for its extension, or
// at least 80% of the same answers and objectives (what was read may differ
// a little between a Word file and its PDF export).
bool SameContent(const Content& a, const Content& b) {
  if (a.kind != b.kind) return false;
  if (!a.stem.empty() && a.stem == b.stem) return true;
  if (a.answers.empty() && a.objectives.empty()) return false;
  if (b.answers.empty() && b.objectives.empty()) return false;
  return Jaccard(a.answers, b.answers) >= 0.8 && Jaccard(a.objectives, b.objectives) >= 0.8;
}

// How many distinct submissions `contents` are: groups of SameContent.
int DistinctCount(const std::vector<Content>& contents) {
  std::vector<std::size_t> group(contents.size());
  for (std::size_t i = 0; i < contents.size(); ++i) {
    group[i] = i;
    for (std::size_t j = 0; j < i; ++j)
      if (SameContent(contents[i], contents[j])) {
        group[i] = group[j];
        break;
      }
  }
  return static_cast<int>(std::set<std::size_t>(group.begin(), group.end()).size());
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
  std::map<std::string, std::vector<Content>> contents;  // iso3 → what each submission says
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
    contents[*s.state].push_back(ContentOf(rep, s.file));
    row->submissions = DistinctCount(contents[*s.state]);
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
