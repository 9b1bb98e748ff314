#include "service/export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/text.h"
#include "service/completeness.h"
#include "service/review.h"
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

}  // namespace

std::string StateName(const RuleSet& rules, const std::string& iso3) {
  if (const StatePartyRule* p = rules.FindStateParty(iso3)) return p->name_en;
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
    icu::Locale region("", *c);
    if (iso3 != region.getISO3Country()) continue;
    icu::UnicodeString display;
    region.getDisplayCountry(icu::Locale("en"), display);
    std::string name;
    display.toUTF8String(name);
    return name;
  }
  return "";
}

namespace {

// A table's columns: machine name (CSV), words (XLSX), technical or not.
struct Column {
  const char* name;
  const char* title;
  bool technical = false;
};

Table MakeTable(std::string name, std::string title, const std::vector<Column>& columns) {
  Table t;
  t.name = std::move(name);
  t.title = std::move(title);
  for (const Column& c : columns) {
    t.headers.push_back(c.name);
    t.titles.push_back(c.title);
    t.technical.push_back(c.technical);
  }
  return t;
}

Cell Date(const std::optional<std::string>& v) {
  if (!v || v->empty()) return Cell{};
  Cell c = Text(*v);
  c.is_date = true;
  return c;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

Result<std::vector<Table>> BuildTables(store::Store& db, const RuleSet& rules, std::optional<int> year) {
  Result<std::vector<store::SubmissionRow>> rows = db.ListSubmissions({});
  if (!rows) return rows.error();
  Table subs = MakeTable("submissions", "Submissions",
                         {{"id", "Submission"}, {"file", "File"}, {"state", "ISO3"}, {"state_name", "State"},
                          {"reporting_year", "Reporting year"}, {"kind", "Kind of document"},
                          {"framework", "Action plan"}, {"format", "Format"}, {"language", "Language"},
                          {"pages", "Pages"}, {"components_reported", "Components reported"},
                          {"components_total", "Components in total"}, {"questions_answered", "Questions answered"},
                          {"questions_total", "Questions in total"}, {"findings", "Flags"},
                          {"processed_at", "Read on"}, {"rules_version", "Rules version", true},
                          {"sha256", "SHA-256", true}, {"path", "Full path", true}});
  Table answers = MakeTable("answers", "Answers",
                            {{"submission_id", "Submission"}, {"state", "ISO3"}, {"state_name", "State"},
                             {"reporting_year", "Reporting year"}, {"file", "File"}, {"component", "Component"},
                             {"component_title", "Component title"}, {"question", "Question"},
                             {"question_text", "Question asked"}, {"value", "Answer"}, {"page", "Page"},
                             {"confidence", "Confidence"}, {"source", "Read from"}, {"evidence", "Evidence"}});
  Table objectives = MakeTable("objectives", "Objectives",
                               {{"submission_id", "Submission"}, {"state", "ISO3"}, {"state_name", "State"},
                                {"reporting_year", "Reporting year"}, {"component", "Component"},
                                {"component_title", "Component title"}, {"objective", "Objective"},
                                {"measurable", "Measurable"}, {"time_bound", "Time-bound"},
                                {"deadline", "Deadline"}, {"quantities", "Quantities"}, {"page", "Page"},
                                {"evidence", "Evidence"}});
  Table findings = MakeTable("findings", "Findings",
                             {{"submission_id", "Submission"}, {"state", "ISO3"}, {"state_name", "State"},
                              {"reporting_year", "Reporting year"}, {"file", "File"}, {"code", "Flag"},
                              {"severity", "Severity"}, {"component", "Component"},
                              {"component_title", "Component title"}, {"question", "Question"},
                              {"objective", "Objective no."}, {"page", "Page"}, {"message", "What to chase"}});
  auto component_title = [&](const std::string& id) -> Cell {
    const ComponentRule* c = rules.FindComponent(id);
    return c ? Text(c->title) : Cell{};
  };
  auto question_text = [&](const std::string& id) -> Cell {
    const QuestionRule* q = rules.FindQuestion(id);
    return q ? Text(q->meaning) : Cell{};
  };
  std::map<std::string, std::string> names;  // ISO3 → name, looked up once
  auto state_name = [&](const std::optional<std::string>& iso3) -> Cell {
    if (!iso3) return Cell{};
    auto it = names.find(*iso3);
    if (it == names.end()) it = names.emplace(*iso3, StateName(rules, *iso3)).first;
    return Text(it->second);
  };
  for (const store::SubmissionRow& r : *rows) {
    Result<std::optional<store::StoredSubmission>> s = db.LoadSubmission(r.id);
    if (!s) return s.error();
    if (!*s) continue;
    const Report& rep = (*s)->report;
    const Cell state = Opt(r.state), name = state_name(r.state), ry = Opt(r.reporting_year);
    subs.rows.push_back({Number(static_cast<double>(r.id)), Text(r.file), state, name, ry, Text(r.kind),
                         Opt(r.framework), Text(r.format), Text(r.language), Opt(r.pages),
                         Number(r.completeness.components_reported), Number(r.completeness.components_total),
                         Number(r.completeness.questions_answered), Number(r.completeness.questions_total),
                         Number(r.findings), Date(r.processed_at), Text(r.rules_version), Text(r.sha256),
                         Text(r.path)});
    const Cell id = Number(static_cast<double>(r.id));
    for (const Answer& a : rep.answers) {
      Cell value = a.value.kind == AnswerValue::Kind::kInteger ? Number(static_cast<double>(a.value.integer))
                                                               : Text(ValueText(a.value));
      if (a.value.kind == AnswerValue::Kind::kWord)
        value.style = a.value.text == "yes" ? Style::kGood : a.value.text == "no" ? Style::kBad : Style::kWarn;
      const std::string component = a.question.substr(0, a.question.find('.'));
      answers.rows.push_back({id, state, name, ry, Text(r.file), Text(component), component_title(component),
                              Text(a.question), question_text(a.question), value, Page(a.evidence.page),
                              Number(a.confidence), Text(a.source), Text(a.evidence.text)});
    }
    for (const Objective& o : rep.objectives) {
      std::string q;
      for (const Quantity& x : o.quantities) q += (q.empty() ? "" : "; ") + std::to_string(x.value) + " " + x.unit;
      objectives.rows.push_back({id, state, name, ry, Text(o.component), component_title(o.component), Text(o.text),
                                 Bool(o.measurable), Bool(o.time_bound), Date(o.deadline), Text(q),
                                 Page(o.evidence.page), Text(o.evidence.text)});
    }
    for (const Finding& f : rep.findings) {
      findings.rows.push_back({id, state, name, ry, Text(r.file), Text(f.code),
                               Text(SeverityName(f.severity), SeverityStyle(f.severity)), Opt(f.component),
                               f.component ? component_title(*f.component) : Cell{}, Opt(f.question),
                               f.objective ? Number(*f.objective + 1) : Cell{}, Page(f.page), Text(f.message)});
    }
  }

  // Completeness: one function (service/completeness.h) for every consumer.
  if (!year) {
    Result<std::optional<int>> latest = LatestReportingYear(db);
    if (!latest) return latest.error();
    year = *latest;
  }
  std::vector<Column> mcols = {{"state", "ISO3"}, {"state_name", "State Party"}, {"on_roster", "Expected to report"},
                               {"received", "Received"}, {"submissions", "Submissions"}, {"files", "Files"}};
  Table matrix_table = MakeTable("completeness" + (year ? " " + std::to_string(*year) : std::string()),
                                 "Completeness" + (year ? " " + std::to_string(*year) : std::string()), mcols);
  Table cell_files = MakeTable("completeness_files", "",
                               {{"state", ""}, {"reporting_year", ""}, {"component", ""}, {"status", ""},
                                {"submission_id", ""}, {"file", ""}});
  cell_files.csv_only = true;
  if (year) {
    Result<CompletenessMatrix> m = BuildCompleteness(db, rules, *year);
    if (!m) return m.error();
    for (const CompletenessComponent& c : m->components) {
      matrix_table.headers.push_back(c.id);
      matrix_table.titles.push_back(c.title);
      matrix_table.technical.push_back(false);
    }
    for (const CompletenessRow& row : m->rows) {
      std::vector<Cell> cells = {Text(row.iso3), Text(row.on_roster ? row.name : StateName(rules, row.iso3)),
                                 Bool(row.on_roster),
                                 row.sent_nothing() ? Text("nothing received", Style::kBad) : Text("received", Style::kGood),
                                 Number(row.submissions), Text(Join(row.files, "; "))};
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const CompletenessCell& c = row.cells[i];
        Cell cell = Text(c.status, StatusStyle(c.status));
        if (!c.files.empty()) cell.note = "From: " + Join(c.files, ", ");
        cells.push_back(std::move(cell));
        for (std::size_t k = 0; k < c.files.size(); ++k)
          cell_files.rows.push_back({Text(row.iso3), Number(*year), Text(m->components[i].id), Text(c.status),
                                     Number(static_cast<double>(c.submission_ids[k])), Text(c.files[k])});
      }
      if (!row.on_roster) cells[2].style = Style::kPlain;
      matrix_table.rows.push_back(std::move(cells));
    }
  }

  Result<std::vector<store::Job>> jobs = db.ListJobs(std::nullopt);
  if (!jobs) return jobs.error();
  Table files = MakeTable("files", "Files",
                          {{"job", "Job"}, {"kind", "Job kind"}, {"file", "File"}, {"state", "Result"},
                           {"error_kind", "Kind of failure"}, {"error", "Why it failed"},
                           {"submission_id", "Submission"}, {"duplicate_of_job", "Same content as job"},
                           {"attempts", "Attempts"}, {"finished_at", "Finished on"}, {"sha256", "SHA-256", true},
                           {"path", "Full path", true}});
  for (const store::Job& j : *jobs) {
    std::string st(store::JobStateName(j.state));
    files.rows.push_back({Number(static_cast<double>(j.id)), Text(std::string(store::JobKindName(j.kind))),
                          Text(j.path.substr(j.path.find_last_of("/!") + 1)), Text(st, StatusStyle(st)),
                          Text(j.error_kind), Text(j.error), Opt(j.submission_id), Opt(j.duplicate_of),
                          Number(j.attempts), Date(j.finished_at), Text(j.sha256), Text(j.path)});
  }
  std::vector<Table> out;
  out.push_back(std::move(subs));
  out.push_back(std::move(answers));
  out.push_back(std::move(objectives));
  out.push_back(std::move(findings));
  out.push_back(std::move(matrix_table));
  out.push_back(std::move(cell_files));
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

namespace {

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS…" as a spreadsheet date; nullopt when
// the text is neither (then it is written as text).
std::optional<lxw_datetime> ParseDate(const std::string& s, bool& with_time) {
  lxw_datetime d = {};
  with_time = false;
  if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3) return std::nullopt;
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  if (s.size() >= 19 && s[10] == 'T') {
    double sec = 0;
    if (std::sscanf(s.c_str() + 11, "%2d:%2d:%lf", &d.hour, &d.min, &sec) == 3) {
      d.sec = sec;
      with_time = true;
    }
  }
  return d;
}

// Writes one sheet: `columns` are the table's column indexes to show.
Status WriteSheet(lxw_workbook* wb, const std::string& sheet_name, const std::vector<std::string>& titles,
                  const std::vector<std::vector<Cell>>& rows, const std::vector<std::size_t>& columns,
                  lxw_format* header, std::map<Style, lxw_format*>& styles, lxw_format* date_format,
                  lxw_format* time_format, bool freeze_first_column) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, Clip(SafeText(sheet_name), 31).c_str());
  if (!ws) return MakeError(ErrorKind::kInternal, "cannot add sheet " + sheet_name);
  std::vector<std::size_t> width(columns.size(), 8);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& title = titles[columns[c]];
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), title.c_str(), header);
    width[c] = std::max(width[c], title.size() + 2);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto row_i = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns[c] >= rows[r].size()) continue;
      const Cell& cell = rows[r][columns[c]];
      const auto col = static_cast<lxw_col_t>(c);
      bool with_time = false;
      std::optional<lxw_datetime> date = cell.is_date ? ParseDate(cell.text, with_time) : std::nullopt;
      if (cell.is_number) {
        worksheet_write_number(ws, row_i, col, cell.number, styles[cell.style]);
        width[c] = std::max<std::size_t>(width[c], CellText(cell).size() + 2);
      } else if (date) {
        worksheet_write_datetime(ws, row_i, col, &*date, with_time ? time_format : date_format);
        width[c] = std::max<std::size_t>(width[c], with_time ? 18 : 12);
      } else if (!cell.text.empty()) {
        std::string s = Clip(SafeText(cell.text), 32767);
        worksheet_write_string(ws, row_i, col, s.c_str(), styles[cell.style]);
        width[c] = std::max(width[c], std::min<std::size_t>(s.size(), 60) + 2);
      }
      if (!cell.note.empty()) worksheet_write_comment(ws, row_i, col, Clip(SafeText(cell.note), 30000).c_str());
    }
  }
  for (std::size_t c = 0; c < width.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<std::size_t>(width[c], 62)), nullptr);
  worksheet_freeze_panes(ws, 1, freeze_first_column ? 2 : 0);
  if (!columns.empty())
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), static_cast<lxw_col_t>(columns.size() - 1));
  return Ok{};
}

}  // namespace

Status WriteXlsx(const std::vector<Table>& tables, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return MakeError(ErrorKind::kInternal, "cannot write " + path);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDE4EE);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "yyyy-mm-dd");
  lxw_format* time_format = workbook_add_format(wb);
  format_set_num_format(time_format, "yyyy-mm-dd hh:mm");
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
  // The "Technical" sheet: per row of a table with technical columns, the
  // table, the row's first cell (its id), its file, and those columns.
  const std::vector<std::string> tech_titles = {"Sheet", "Row", "File", "SHA-256", "Rules version", "Full path"};
  std::vector<std::vector<Cell>> tech_rows;
  for (const Table& t : tables) {
    if (t.csv_only) continue;
    const std::vector<std::string>& titles = t.titles.size() == t.headers.size() ? t.titles : t.headers;
    std::vector<std::size_t> shown, hidden;
    for (std::size_t c = 0; c < t.headers.size(); ++c)
      (c < t.technical.size() && t.technical[c] ? hidden : shown).push_back(c);
    const std::string sheet = t.title.empty() ? t.name : t.title;
    Status s = WriteSheet(wb, sheet, titles, t.rows, shown, header, styles, date_format, time_format,
                          t.name.rfind("completeness", 0) == 0);
    if (!s) {
      workbook_close(wb);
      return s;
    }
    if (hidden.empty()) continue;
    auto column = [&](const char* name) -> std::optional<std::size_t> {
      for (std::size_t c = 0; c < t.headers.size(); ++c)
        if (t.headers[c] == name) return c;
      return std::nullopt;
    };
    const auto file = column("file"), sha = column("sha256"), rules = column("rules_version"), full = column("path");
    for (const auto& row : t.rows) {
      auto at = [&](std::optional<std::size_t> c) { return c && *c < row.size() ? row[*c] : Cell{}; };
      tech_rows.push_back({Text(sheet), row.empty() ? Cell{} : row[0], at(file), at(sha), at(rules), at(full)});
    }
  }
  if (!tech_rows.empty()) {
    std::vector<std::size_t> all = {0, 1, 2, 3, 4, 5};
    if (Status s = WriteSheet(wb, "Technical", tech_titles, tech_rows, all, header, styles, date_format, time_format,
                              false);
        !s) {
      workbook_close(wb);
      return s;
    }
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
                    {"rendering_sha256", r.rendering_sha256 ? nlohmann::json(*r.rendering_sha256) : nlohmann::json(nullptr)},
                    {"report", store::EncodeReport((*s)->report)}});
    // The review layer (service/review.h): decisions, corrections, stale ones.
    Result<std::vector<store::Review>> reviews = db.ListReviews(r.id);
    if (!reviews) return reviews.error();
    subs.back()["review"] = ReviewLayer((*s)->report, *reviews);
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
