// A RuleSet loaded once from the source tree's rules/, shared by tests.
#pragma once

#include <boost/test/unit_test.hpp>

#include "rules/rule_loader.h"

namespace vareport::test {

inline const RuleSet& SourceRules() {
  static const RuleSet rules = [] {
    Result<RuleSet> r = LoadRules(VAREPORT_SOURCE_RULES_DIR);
    if (!r) BOOST_FAIL("rules do not load: " + r.error().message);
    return std::move(r).value();
  }();
  return rules;
}

}  // namespace vareport::test
