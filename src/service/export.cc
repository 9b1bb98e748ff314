#include "service/export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/text.h"
#include "store/report_codec.h"

namespace vareport::service {
namespace {

using Style = Cell::Style;

Cell Text(std::string s, Style style = Style::kPlain) {
  Cell c;
  c.text = std::move(s);
  c.style = style;
  return c;
}
Cell Number(double v) {
  Cell c;
  c.is_number = true;
  c.number = v;
  return c;
}
template <typename T>
Cell Opt(const std::optional<T>& v) {
  if (!v) return Cell{};
  if constexpr (std::is_arithmetic_v<T>) return Number(static_cast<double>(*v));
  else return Text(*v);
}
Cell Page(int page) { return page > 0 ? Number(page) : Cell{}; }
Cell Bool(bool b) { return Text(b ? "yes" : "no", b ? Style::kGood : Style::kWarn); }

Style StatusStyle(std::string_view s) {
  if (s == "reported" || s == "done") return Style::kGood;
  if (s == "partial" || s == "queued" || s == "running") return Style::kWarn;
  if (s == "missing" || s == "failed") return Style::kBad;
  return Style::kPlain;
}
Style SeverityStyle(Severity s) {
  return s == Severity::kError ? Style::kBad : s == Severity::kWarning ? Style::kWarn : Style::kPlain;
}

std::string ValueText(const AnswerValue& v) {
  return v.kind == AnswerValue::Kind::kInteger ? std::to_string(v.integer) : v.text;
}

int StatusRank(std::string_view s) { return s == "reported" ? 2 : s == "partial" ? 1 : 0; }

}  // namespace

Result<std::vector<Table>> BuildTables(store::Store& db, std::optional<int> year) {
  Result<std::vector<store::SubmissionRow>> rows = db.ListSubmissions({});
  if (!rows) return rows.error();
  Table subs{"submissions",
             {"id", "file", "state", "reporting_year", "kind", "framework", "format", "language", "pages",
              "components_reported", "components_total", "questions_answered", "questions_total", "findings",
              "rules_version", "processed_at", "sha256", "path"},
             {}};
  Table answers{"answers",
                {"submission_id", "state", "reporting_year", "file", "component", "question", "value", "page",
                 "confidence", "source", "evidence"},
                {}};
  Table objectives{"objectives",
                   {"submission_id", "state", "reporting_year", "component", "objective", "measurable", "time_bound",
                    "deadline", "quantities", "page", "evidence"},
                   {}};
  Table findings{"findings",
                 {"submission_id", "state", "reporting_year", "code", "severity", "component", "question",
                  "objective", "page", "message"},
                 {}};
  // Completeness: State → component → best status, for the chosen year.
  std::vector<std::pair<std::string, std::string>> components;  // id, title, in rule order
  std::map<std::string, std::map<std::string, std::string>> matrix;
  std::map<std::string, int> submissions_per_state;
  if (!year) {
    for (const store::SubmissionRow& r : *rows)
      if (r.reporting_year && (!year || *r.reporting_year > *year)) year = r.reporting_year;
  }
  for (const store::SubmissionRow& r : *rows) {
    Result<std::optional<store::StoredSubmission>> s = db.LoadSubmission(r.id);
    if (!s) return s.error();
    if (!*s) continue;
    const Report& rep = (*s)->report;
    const Cell state = Opt(r.state), ry = Opt(r.reporting_year);
    subs.rows.push_back({Number(static_cast<double>(r.id)), Text(r.file), state, ry, Text(r.kind), Opt(r.framework),
                         Text(r.format), Text(r.language), Opt(r.pages),
                         Number(r.completeness.components_reported), Number(r.completeness.components_total),
                         Number(r.completeness.questions_answered), Number(r.completeness.questions_total),
                         Number(r.findings), Text(r.rules_version), Text(r.processed_at), Text(r.sha256),
                         Text(r.path)});
    const Cell id = Number(static_cast<double>(r.id));
    for (const Answer& a : rep.answers) {
      Cell value = a.value.kind == AnswerValue::Kind::kInteger ? Number(static_cast<double>(a.value.integer))
                                                               : Text(ValueText(a.value));
      if (a.value.kind == AnswerValue::Kind::kWord)
        value.style = a.value.text == "yes" ? Style::kGood : a.value.text == "no" ? Style::kBad : Style::kWarn;
      answers.rows.push_back({id, state, ry, Text(r.file), Text(a.question.substr(0, a.question.find('.'))),
                              Text(a.question), value, Page(a.evidence.page), Number(a.confidence), Text(a.source),
                              Text(a.evidence.text)});
    }
    for (const Objective& o : rep.objectives) {
      std::string q;
      for (const Quantity& x : o.quantities) q += (q.empty() ? "" : "; ") + std::to_string(x.value) + " " + x.unit;
      objectives.rows.push_back({id, state, ry, Text(o.component), Text(o.text), Bool(o.measurable),
                                 Bool(o.time_bound), Opt(o.deadline), Text(q), Page(o.evidence.page),
                                 Text(o.evidence.text)});
    }
    for (const Finding& f : rep.findings) {
      findings.rows.push_back({id, state, ry, Text(f.code), Text(SeverityName(f.severity), SeverityStyle(f.severity)),
                               Opt(f.component), Opt(f.question), Opt(f.objective), Page(f.page), Text(f.message)});
    }
    for (const ComponentSummary& c : rep.components) {
      if (std::none_of(components.begin(), components.end(), [&](const auto& p) { return p.first == c.id; }))
        components.emplace_back(c.id, c.title);
    }
    if (year && r.reporting_year == year && r.state) {
      ++submissions_per_state[*r.state];
      auto& row = matrix[*r.state];
      for (const ComponentSummary& c : rep.components) {
        std::string st(store::ComponentStatus(c));
        auto it = row.find(c.id);
        if (it == row.end() || StatusRank(st) > StatusRank(it->second)) row[c.id] = st;
      }
    }
  }
  Table matrix_table{"completeness" + (year ? " " + std::to_string(*year) : std::string()), {"state", "submissions"}, {}};
  for (const auto& [id, title] : components) matrix_table.headers.push_back(id);
  for (const auto& [state, row] : matrix) {
    std::vector<Cell> cells = {Text(state), Number(submissions_per_state[state])};
    for (const auto& [id, title] : components) {
      auto it = row.find(id);
      std::string st = it == row.end() ? "missing" : it->second;
      cells.push_back(Text(st, StatusStyle(st)));
    }
    matrix_table.rows.push_back(std::move(cells));
  }
  Result<std::vector<store::Job>> jobs = db.ListJobs(std::nullopt);
  if (!jobs) return jobs.error();
  Table files{"files", {"job", "kind", "path", "state", "error_kind", "error", "submission_id", "duplicate_of_job", "attempts", "finished_at"}, {}};
  for (const store::Job& j : *jobs) {
    std::string st(store::JobStateName(j.state));
    files.rows.push_back({Number(static_cast<double>(j.id)), Text(std::string(store::JobKindName(j.kind))),
                          Text(j.path), Text(st, StatusStyle(st)), Text(j.error_kind), Text(j.error),
                          Opt(j.submission_id), Opt(j.duplicate_of), Number(j.attempts), Text(j.finished_at)});
  }
  std::vector<Table> out;
  out.push_back(std::move(subs));
  out.push_back(std::move(answers));
  out.push_back(std::move(objectives));
  out.push_back(std::move(findings));
  out.push_back(std::move(matrix_table));
  out.push_back(std::move(files));
  return out;
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

namespace {

// Text as a spreadsheet can hold it: valid UTF-8 (a file name may not be),
// without the C0 control characters XML 1.0 forbids (tab and line breaks stay).
std::string SafeText(const std::string& s) {
  std::string out = SanitizeUtf8(s);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') c = '?';
  }
  return out;
}

std::string CellText(const Cell& c) {
  if (!c.is_number) return SafeText(c.text);
  char buf[64];
  if (c.number == static_cast<double>(static_cast<long long>(c.number)))
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(c.number));
  else
    std::snprintf(buf, sizeof buf, "%g", c.number);
  return buf;
}

// Cuts at a UTF-8 boundary to at most `max` bytes (Excel: 32,767 characters per cell).
std::string Clip(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

Status WriteCsv(const std::vector<Table>& tables, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const Table& t : tables) {
    std::string stem = t.name.substr(0, t.name.find(' '));  // "completeness 2024" → completeness.csv
    const std::string path = dir + "/" + stem + ".csv";
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF" << CsvRecord(t.headers);
    for (const auto& row : t.rows) {
      std::vector<std::string> f;
      for (const Cell& c : row) f.push_back(CellText(c));
      out << CsvRecord(f);
    }
    out.close();
    if (!out) return MakeError(ErrorKind::kInternal, "cannot write " + path);
  }
  return Ok{};
}

Status WriteXlsx(const std::vector<Table>& tables, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return MakeError(ErrorKind::kInternal, "cannot write " + path);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDE4EE);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  std::map<Style, lxw_format*> styles;
  auto colour = [&](Style s, lxw_color_t bg, lxw_color_t fg) {
    lxw_format* f = workbook_add_format(wb);
    format_set_bg_color(f, bg);
    format_set_font_color(f, fg);
    styles[s] = f;
  };
  styles[Style::kPlain] = nullptr;
  colour(Style::kGood, 0xC6EFCE, 0x006100);
  colour(Style::kWarn, 0xFFEB9C, 0x9C5700);
  colour(Style::kBad, 0xFFC7CE, 0x9C0006);
  for (const Table& t : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, Clip(t.name, 31).c_str());
    if (!ws) {
      workbook_close(wb);
      return MakeError(ErrorKind::kInternal, "cannot add sheet " + t.name);
    }
    std::vector<std::size_t> width(t.headers.size(), 8);
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), header);
      width[c] = std::max(width[c], t.headers[c].size() + 2);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto row_i = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < t.rows[r].size() && c < t.headers.size(); ++c) {
        const Cell& cell = t.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.is_number) {
          worksheet_write_number(ws, row_i, col, cell.number, styles[cell.style]);
          width[c] = std::max<std::size_t>(width[c], CellText(cell).size() + 2);
        } else if (!cell.text.empty()) {
          std::string s = Clip(SafeText(cell.text), 32767);
          worksheet_write_string(ws, row_i, col, s.c_str(), styles[cell.style]);
          width[c] = std::max(width[c], std::min<std::size_t>(s.size(), 60) + 2);
        }
      }
    }
    for (std::size_t c = 0; c < width.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(std::min<std::size_t>(width[c], 62)), nullptr);
    worksheet_freeze_panes(ws, 1, t.name.rfind("completeness", 0) == 0 ? 1 : 0);
    if (!t.headers.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), static_cast<lxw_col_t>(t.headers.size() - 1));
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    return MakeError(ErrorKind::kInternal, "cannot write " + path + ": " + lxw_strerror(err));
  return Ok{};
}

Status WriteJson(store::Store& db, std::ostream& out) {
  Result<std::vector<store::SubmissionRow>> rows = db.ListSubmissions({});
  if (!rows) return rows.error();
  nlohmann::json subs = nlohmann::json::array();
  for (const store::SubmissionRow& r : *rows) {
    Result<std::optional<store::StoredSubmission>> s = db.LoadSubmission(r.id);
    if (!s) return s.error();
    if (!*s) continue;
    subs.push_back({{"id", r.id}, {"path", SanitizeUtf8(r.path)}, {"processed_at", r.processed_at},
                    {"report", store::EncodeReport((*s)->report)}});
  }
  Result<std::vector<store::Job>> jobs = db.ListJobs(std::nullopt);
  if (!jobs) return jobs.error();
  nlohmann::json files = nlohmann::json::array();
  for (const store::Job& j : *jobs) {
    nlohmann::json f = {{"job", j.id}, {"kind", store::JobKindName(j.kind)}, {"path", j.path},
                        {"sha256", j.sha256}, {"state", store::JobStateName(j.state)}};
    f["error"] = j.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(j.error);
    f["error_kind"] = j.error_kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(j.error_kind);
    f["submission_id"] = j.submission_id ? nlohmann::json(*j.submission_id) : nlohmann::json(nullptr);
    f["duplicate_of_job"] = j.duplicate_of ? nlohmann::json(*j.duplicate_of) : nlohmann::json(nullptr);
    files.push_back(std::move(f));
  }
  nlohmann::json j = {{"schema", "vareport-export/1"}, {"submissions", std::move(subs)}, {"files", std::move(files)}};
  out << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  out.flush();
  if (!out) return MakeError(ErrorKind::kInternal, "cannot write the JSON export");
  return Ok{};
}

}  // namespace vareport::service
