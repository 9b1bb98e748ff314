// vareport/service/export.h — the store as files staff open: CSV, XLSX, JSON.
//
// Tables (the same in CSV and XLSX):
//   submissions   one row per distinct document, the report's scalar fields
//   answers       one row per answer (question, value, page, evidence, …)
//   objectives    one row per objective (SMART flags, deadline, quantities)
//   findings      one row per finding (code, severity, component, message)
//   completeness  States × components for one reporting year: "reported"
//                 (content, every printed question answered), "partial",
//                 "missing"; a State's best status over its submissions that
//                 year; States with no submission that year are not listed
//   files         one row per job: path, state, reason of a failure
// CSV (RFC 4180): one file per table, `<out>/<table>.csv`, UTF-8 with a BOM
// (so Excel reads accents right), CRLF line ends, fields quoted when needed.
// XLSX (libxlsxwriter): one sheet per table ("completeness 2024"), frozen
// header row, autofilter, column widths, statuses coloured.
// JSON: one object {"schema": "vareport-export/1", "submissions": [{…row,
// "report": the report model}], "files": […]}.
//
// Side effects: reads the Store, writes files. Thread-safety: one thread.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace vareport::service {

struct Cell {
  enum class Style { kPlain, kGood, kWarn, kBad };
  bool is_number = false;
  double number = 0;
  std::string text;  // when !is_number; empty text is an empty cell
  Style style = Style::kPlain;
};

struct Table {
  std::string name;  // the CSV file's stem and the sheet's name
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

// Reads the store into the tables above. `year`: the completeness matrix's
// reporting year; nullopt: the latest year any submission has.
Result<std::vector<Table>> BuildTables(store::Store& db, std::optional<int> year);

// One RFC 4180 record (fields joined by ',', ending CRLF).
std::string CsvRecord(const std::vector<std::string>& fields);

// Writes `<dir>/<table>.csv` for each table (dir created). Errors: kInternal.
Status WriteCsv(const std::vector<Table>& tables, const std::string& dir);
// Writes one workbook. Errors: kInternal "cannot write PATH: <libxlsxwriter's reason>".
Status WriteXlsx(const std::vector<Table>& tables, const std::string& path);
// Writes the JSON export to `out`.
Status WriteJson(store::Store& db, std::ostream& out);

}  // namespace vareport::service
