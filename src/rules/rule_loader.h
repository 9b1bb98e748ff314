// vareport/rules/rule_loader.h — reads and validates a rule folder.
//
// Layout of a rule folder (rules/README.md documents each file):
//   catalogue.xml          components, questions, phrasings, narrative cues
//   lexicon/<lang>.xml     the words of one language
//   states.xml             States and their name variants (ICU adds en/fr/es names)
//   plans.xml              action plans and their names
//   document.xml           document kinds and front-matter labels
//   states_parties.xml     the States Parties expected to report on victim assistance (ISO3, en/fr/es names)
//   schema/*.xsd           one XSD per file kind; every file is validated at load
#pragma once

#include <string>

#include "core/result.h"
#include "rules/rule_set.h"

namespace vareport {

// Loads every rule file under `dir`. Broken rules stop the load: the error is
// kRuleError with "FILE:LINE: message" (schema violation, unknown component or
// question, duplicate id, DOCTYPE present). Never returns a partial RuleSet.
Result<RuleSet> LoadRules(const std::string& dir);

// The rule folder to use when none is given: $VAREPORT_RULES if set; else the
// source tree's rules/ when the executable runs from its build tree (a
// CMakeCache.txt above it); else the installed share/vareport/rules; else the
// source tree's rules/.
std::string DefaultRulesDir();

}  // namespace vareport
