// vareport/report/finding_codes.h — the finding codes of the catalogue
// (shared/spec/catalogue.json "findings"), for checking user input such as
// `vareport list --flag CODE`. A test keeps the list equal to the catalogue.
#pragma once

#include <string>
#include <vector>

namespace vareport {

// MISSING_COMPONENT, MISSING_ANSWER, NO_OBJECTIVES, OBJECTIVE_NOT_MEASURABLE,
// OBJECTIVE_NOT_TIME_BOUND, FIGURES_INCONSISTENT, PLAN_EXPIRED,
// CONFLICTING_ANSWERS — in the catalogue's order.
const std::vector<std::string>& FindingCodes();

}  // namespace vareport
