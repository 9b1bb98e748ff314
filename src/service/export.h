// vareport/service/export.h — the store as files staff open: CSV, XLSX, JSON.
//
// Tables (the same rows in CSV and XLSX):
//   submissions   one row per distinct document, the report's scalar fields
//   answers       one row per answer (component and question with their titles,
//                 value, page, evidence, …)
//   objectives    one row per objective (SMART flags, deadline, quantities)
//   findings      one row per finding (code, severity, component, message, page)
//   completeness  service/completeness.h for one reporting year: every State
//                 Party of the roster (those that sent nothing marked), then any
//                 other State; a cell per component, "reported" / "partial" /
//                 "missing"
//   completeness_files  (CSV only) the files that fed each cell, one per line
//   files         one row per job: file, state, reason of a failure
// CSV (RFC 4180) is for programs: one file per table, `<out>/<table>.csv`,
// machine column names (`reporting_year`), every column, UTF-8 with a BOM (so
// Excel reads accents right), CRLF line ends, fields quoted when needed.
// XLSX (libxlsxwriter) is for people: one sheet per table ("Completeness 2024")
// with headers in words ("Reporting year"), States by name beside ISO3, dates
// as dates, frozen header row, autofilter, column widths, statuses and
// severities shaded; the files that fed a completeness cell are its comment;
// technical columns (SHA-256, rules version, full path) are left out of those
// sheets and gathered on a last sheet, "Technical".
// JSON: one object {"schema": "vareport-export/1", "submissions": [{"id",
// "path", "processed_at", "rendering_sha256" (or null), "report": the report
// model, "review": its review layer (service/review.h ReviewLayer)}], "files": […]}.
//
// Side effects: reads the Store, writes files. Thread-safety: one thread.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "rules/rule_set.h"
#include "store/store.h"

namespace vareport::service {

struct Cell {
  enum class Style { kPlain, kGood, kWarn, kBad };
  bool is_number = false;
  double number = 0;
  std::string text;  // when !is_number; empty text is an empty cell
  // The text is a date "YYYY-MM-DD" or a UTC time "YYYY-MM-DDTHH:MM:SSZ":
  // XLSX writes a date cell, CSV the text as it is.
  bool is_date = false;
  Style style = Style::kPlain;
  std::string note;  // XLSX: the cell's comment (empty: none); CSV: not written
};

struct Table {
  std::string name;  // the CSV file's stem ("completeness 2024" → completeness.csv)
  std::vector<std::string> headers;  // machine names, for CSV ("reporting_year")
  std::vector<std::string> titles;   // headers in words, for XLSX ("Reporting year"); empty: headers
  std::vector<bool> technical;       // per column: XLSX moves it to the "Technical" sheet; empty: none
  std::string title;                 // the XLSX sheet's name ("Answers"); empty: name
  bool csv_only = false;             // not a sheet of the workbook
  std::vector<std::vector<Cell>> rows;
};

// Reads the store into the tables above. `rules`: titles of components and
// questions, the States Parties roster. `year`: the completeness matrix's
// reporting year; nullopt: the latest year any submission with a State has.
Result<std::vector<Table>> BuildTables(store::Store& db, const RuleSet& rules, std::optional<int> year);

// A State's English name (the roster's, else ICU's region name), or "" when unknown.
std::string StateName(const RuleSet& rules, const std::string& iso3);

// One RFC 4180 record (fields joined by ',', ending CRLF).
std::string CsvRecord(const std::vector<std::string>& fields);

// Writes `<dir>/<table>.csv` for each table (dir created). Errors: kInternal.
Status WriteCsv(const std::vector<Table>& tables, const std::string& dir);
// Writes one workbook. Errors: kInternal "cannot write PATH: <libxlsxwriter's reason>".
Status WriteXlsx(const std::vector<Table>& tables, const std::string& path);
// Writes the JSON export to `out`.
Status WriteJson(store::Store& db, std::ostream& out);

}  // namespace vareport::service
