// vareport/store/report_codec.h — a Report as one JSON object and back.
//
// The encoding is the report model of shared/spec/report-model.md (what
// report/report_json.h writes) plus a "components" array of the per-component
// summaries ({id, title, reported, answered, total, objectives}) that the
// completeness matrix needs. It is what the worker child prints on stdout and
// what the store keeps in submissions.report.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "report/report.h"

namespace vareport::store {

// The report model JSON of `report` plus its "components".
nlohmann::json EncodeReport(const Report& report);

// Reads what EncodeReport (or `vareport extract --format json`, without
// components) wrote. Errors: kInternal "invalid report JSON: …" when the text
// is not JSON or a field has the wrong type.
Result<Report> DecodeReport(std::string_view json_text);
Result<Report> DecodeReportJson(const nlohmann::json& j);

// "reported" when a component has content and every printed question of it is
// answered, "partial" when it has content but some answers are missing,
// "missing" when nothing is reported.
std::string_view ComponentStatus(const ComponentSummary& c);

}  // namespace vareport::store
