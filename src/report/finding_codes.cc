#include "report/finding_codes.h"

namespace vareport {

const std::vector<std::string>& FindingCodes() {
  static const std::vector<std::string> kCodes = {"MISSING_COMPONENT",        "MISSING_ANSWER",
                                                  "NO_OBJECTIVES",            "OBJECTIVE_NOT_MEASURABLE",
                                                  "OBJECTIVE_NOT_TIME_BOUND", "FIGURES_INCONSISTENT",
                                                  "PLAN_EXPIRED",             "CONFLICTING_ANSWERS"};
  return kCodes;
}

}  // namespace vareport
