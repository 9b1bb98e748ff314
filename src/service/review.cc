#include "service/review.h"

#include <algorithm>

#include "store/blob_store.h"

namespace vareport::service {
namespace {

int Column(const Table& t, const std::string& name) {
  for (std::size_t i = 0; i < t.headers.size(); ++i)
    if (t.headers[i] == name) return static_cast<int>(i);
  return -1;
}

std::string CellText(const Cell& c) {
  if (!c.is_number) return c.text;
  const auto n = static_cast<long long>(c.number);
  return static_cast<double>(n) == c.number ? std::to_string(n) : std::to_string(c.number);
}

Cell NumberCell(double v) {
  Cell c;
  c.is_number = true;
  c.number = v;
  return c;
}

// Appends a column (machine name, title in words, technical or not) to `t`.
void AddColumn(Table& t, const std::string& name, const std::string& title, bool technical = false) {
  if (!t.titles.empty() || t.headers.empty()) t.titles.push_back(title);
  if (!t.technical.empty()) t.technical.push_back(technical);
  t.headers.push_back(name);
}

Cell TextCell(std::string s) {
  Cell c;
  c.text = std::move(s);
  return c;
}

std::int64_t RowId(const Table& t, const std::vector<Cell>& row, int col) {
  if (col < 0 || static_cast<std::size_t>(col) >= row.size()) return -1;
  const Cell& c = row[static_cast<std::size_t>(col)];
  if (c.is_number) return static_cast<std::int64_t>(c.number);
  try {
    return std::stoll(c.text);
  } catch (...) {
    return -1;
  }
}

}  // namespace

std::string FindingKey(const Report& report, const Finding& f) {
  std::string key = f.code + ":" + f.component.value_or("-") + ":" + f.question.value_or("-");
  if (f.objective && *f.objective >= 0 && static_cast<std::size_t>(*f.objective) < report.objectives.size()) {
    key += ":o" + store::Sha256Hex(report.objectives[static_cast<std::size_t>(*f.objective)].text).substr(0, 8);
  }
  return key;
}

std::string AnswerText(const AnswerValue& v) {
  return v.kind == AnswerValue::Kind::kInteger ? std::to_string(v.integer) : v.text;
}

std::string MachineValue(const Report& report, const std::string& question) {
  for (const Answer& a : report.answers)
    if (a.question == question) return AnswerText(a.value);
  return "";
}

nlohmann::json ReviewLayer(const Report& report, const std::vector<store::Review>& reviews) {
  nlohmann::json keys = nlohmann::json::array();
  std::set<std::string> present;
  for (const Finding& f : report.findings) {
    std::string k = FindingKey(report, f);
    keys.push_back(k);
    present.insert(k);
  }
  nlohmann::json findings = nlohmann::json::array(), answers = nlohmann::json::array();
  for (const store::Review& r : reviews) {
    if (r.target == "finding") {
      // "CODE:component:question[:oHASH]"
      std::vector<std::string> parts;
      std::size_t start = 0;
      for (;;) {
        std::size_t colon = r.key.find(':', start);
        parts.push_back(r.key.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
      auto part = [&](std::size_t i) -> nlohmann::json {
        return i < parts.size() && parts[i] != "-" ? nlohmann::json(parts[i]) : nlohmann::json(nullptr);
      };
      findings.push_back({{"key", r.key}, {"code", part(0)}, {"component", part(1)}, {"question", part(2)},
                          {"decision", r.decision ? nlohmann::json(*r.decision) : nlohmann::json(nullptr)},
                          {"note", r.note}, {"user", r.user}, {"at", r.at},
                          {"stale", present.count(r.key) == 0}});
    } else {
      answers.push_back({{"question", r.key}, {"value", r.value ? nlohmann::json(*r.value) : nlohmann::json(nullptr)},
                         {"machine_value", MachineValue(report, r.key)}, {"note", r.note}, {"user", r.user},
                         {"at", r.at}});
    }
  }
  return {{"findings", findings}, {"answers", answers}, {"finding_keys", keys}};
}

Status AddReviewColumns(store::Store& db, std::vector<Table>& tables) {
  Result<std::vector<store::Review>> reviews = db.ListReviews(std::nullopt);
  if (!reviews) return reviews.error();
  // submission → key → review
  std::map<std::int64_t, std::map<std::string, const store::Review*>> decisions, corrections;
  for (const store::Review& r : *reviews) (r.target == "finding" ? decisions : corrections)[r.submission_id][r.key] = &r;
  std::map<std::int64_t, Report> reports;
  auto report_of = [&](std::int64_t id) -> const Report* {
    auto it = reports.find(id);
    if (it != reports.end()) return &it->second;
    Result<std::optional<store::StoredSubmission>> s = db.LoadSubmission(id);
    if (!s || !*s) return nullptr;
    return &reports.emplace(id, std::move((*s)->report)).first->second;
  };
  for (Table& t : tables) {
    const int sub = Column(t, "submission_id");
    if (t.name == "answers") {
      const int q = Column(t, "question");
      AddColumn(t, "reviewed_value", "Reviewed answer");
      AddColumn(t, "review_note", "Reviewer's note");
      AddColumn(t, "reviewed_by", "Reviewed by");
      std::map<std::int64_t, std::set<std::string>> seen;
      std::vector<Cell> first_of;  // state, year, file of a submission's first answer row
      for (auto& row : t.rows) {
        const std::int64_t id = RowId(t, row, sub);
        const std::string question = q >= 0 ? CellText(row[static_cast<std::size_t>(q)]) : "";
        seen[id].insert(question);
        const store::Review* r = nullptr;
        if (auto it = corrections.find(id); it != corrections.end())
          if (auto jt = it->second.find(question); jt != it->second.end()) r = jt->second;
        row.push_back(TextCell(r && r->value ? *r->value : ""));
        row.push_back(TextCell(r ? r->note : ""));
        row.push_back(TextCell(r ? r->user : ""));
      }
      for (const auto& [id, by_key] : corrections) {
        for (const auto& [question, r] : by_key) {
          if (seen[id].count(question)) continue;
          std::vector<Cell> row(t.headers.size());
          row[static_cast<std::size_t>(sub)] = NumberCell(static_cast<double>(id));
          if (const Report* rep = report_of(id)) {
            if (int c = Column(t, "state"); c >= 0 && rep->state) row[static_cast<std::size_t>(c)] = TextCell(*rep->state);
            if (int c = Column(t, "file"); c >= 0) row[static_cast<std::size_t>(c)] = TextCell(rep->file);
            if (int c = Column(t, "reporting_year"); c >= 0 && rep->reporting_year)
              row[static_cast<std::size_t>(c)] = NumberCell(static_cast<double>(*rep->reporting_year));
          }
          if (int c = Column(t, "component"); c >= 0) row[static_cast<std::size_t>(c)] = TextCell(question.substr(0, question.find('.')));
          if (q >= 0) row[static_cast<std::size_t>(q)] = TextCell(question);
          const std::size_t n = t.headers.size();
          row[n - 3] = TextCell(r->value.value_or(""));
          row[n - 2] = TextCell(r->note);
          row[n - 1] = TextCell(r->user);
          t.rows.push_back(std::move(row));
        }
      }
    } else if (t.name == "findings") {
      const int code = Column(t, "code"), comp = Column(t, "component"), question = Column(t, "question"),
                obj = Column(t, "objective"), msg = Column(t, "message");
      AddColumn(t, "key", "Flag key", /*technical=*/true);
      AddColumn(t, "decision", "Decision");
      AddColumn(t, "decision_note", "Decision note");
      AddColumn(t, "decided_by", "Decided by");
      std::map<std::int64_t, std::set<std::string>> seen;
      for (auto& row : t.rows) {
        const std::int64_t id = RowId(t, row, sub);
        Finding f;
        f.code = code >= 0 ? CellText(row[static_cast<std::size_t>(code)]) : "";
        if (comp >= 0 && !CellText(row[static_cast<std::size_t>(comp)]).empty()) f.component = CellText(row[static_cast<std::size_t>(comp)]);
        if (question >= 0 && !CellText(row[static_cast<std::size_t>(question)]).empty()) f.question = CellText(row[static_cast<std::size_t>(question)]);
        // "Objective no." is 1-based in the tables.
        if (obj >= 0 && !CellText(row[static_cast<std::size_t>(obj)]).empty()) f.objective = static_cast<int>(RowId(t, row, obj)) - 1;
        std::string key;
        if (const Report* rep = report_of(id)) key = FindingKey(*rep, f);
        seen[id].insert(key);
        const store::Review* r = nullptr;
        if (auto it = decisions.find(id); it != decisions.end())
          if (auto jt = it->second.find(key); jt != it->second.end()) r = jt->second;
        row.push_back(TextCell(key));
        Cell d = TextCell(r && r->decision ? *r->decision : "");
        if (r && r->decision) d.style = *r->decision == "dismissed" ? Cell::Style::kGood : Cell::Style::kWarn;
        row.push_back(d);
        row.push_back(TextCell(r ? r->note : ""));
        row.push_back(TextCell(r ? r->user : ""));
      }
      for (const auto& [id, by_key] : decisions) {
        for (const auto& [key, r] : by_key) {
          if (seen[id].count(key) || !report_of(id)) continue;
          std::vector<Cell> row(t.headers.size());
          row[static_cast<std::size_t>(sub)] = NumberCell(static_cast<double>(id));
          if (code >= 0) row[static_cast<std::size_t>(code)] = TextCell(key.substr(0, key.find(':')));
          if (msg >= 0) row[static_cast<std::size_t>(msg)] = TextCell("no longer raised (stale decision)");
          const std::size_t n = t.headers.size();
          row[n - 4] = TextCell(key);
          row[n - 3] = TextCell(r->decision.value_or(""));
          row[n - 2] = TextCell(r->note);
          row[n - 1] = TextCell(r->user);
          t.rows.push_back(std::move(row));
        }
      }
    }
  }
  return Ok{};
}

void FilterTables(std::vector<Table>& tables, const std::set<std::int64_t>& ids) {
  for (Table& t : tables) {
    int col = -1;
    if (t.name == "submissions") col = Column(t, "id");
    else if (t.name == "answers" || t.name == "objectives" || t.name == "findings") col = Column(t, "submission_id");
    if (col < 0) continue;
    t.rows.erase(std::remove_if(t.rows.begin(), t.rows.end(),
                                [&](const std::vector<Cell>& row) { return ids.count(RowId(t, row, col)) == 0; }),
                 t.rows.end());
  }
}

}  // namespace vareport::service
