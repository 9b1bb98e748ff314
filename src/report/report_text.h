// vareport/report/report_text.h — the reviewer's summary printed by
// `vareport extract FILE` (default --format text). In this order: the file;
// "NEEDS REVIEW" with its reasons when extraction.needs_review is set (before
// anything that could look confident); kind, State, year, plan, language,
// format, pages; one line per component (answered / total, objectives,
// flags); every answer with its value and page; every flag with its page and
// message — a page read by OCR or whose text was unusable says so; "page
// unknown" rather than a guess; counts in words ("1 flag", "2 flags").
#pragma once

#include <string>

#include "report/report.h"

namespace vareport {

std::string ToText(const Report& report);

}  // namespace vareport
