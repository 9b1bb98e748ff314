// vareport/report/report_text.h — the reviewer's summary printed by
// `vareport extract FILE` (default --format text): State, year, plan, one line
// per component (answered / total, objectives, flags), then the flags with
// their pages.
#pragma once

#include <string>

#include "report/report.h"

namespace vareport {

std::string ToText(const Report& report);

}  // namespace vareport
