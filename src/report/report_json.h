// vareport/report/report_json.h — the report as the JSON of
// shared/spec/report-model.md ("schema": "vareport/1"), the contract the
// evaluation reads. Integers stay JSON integers; dates are YYYY-MM-DD strings.
#pragma once

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace vareport {

nlohmann::json ToJson(const Report& report);

}  // namespace vareport
