// vareport/analysis/analyzer.h — maps a Document onto the report model with a
// RuleSet: document fields (kind, State, reporting year, plan, language),
// checklist answers, narrative answers, objectives judged SMART, findings and
// completeness. Language- and plan-neutral: every word it looks for comes from
// the rules.
#pragma once

#include "document/document.h"
#include "report/report.h"
#include "rules/rule_set.h"

namespace vareport {

// Fills the document, answers, objectives, findings, completeness and
// component summaries of a Report. The caller fills the source fields (file,
// sha256, format, pages, ocr). Never fails: an unreadable layout gives an
// empty report with MISSING_COMPONENT findings. Thread-safe for distinct
// documents sharing one RuleSet.
Report Analyze(const Document& doc, const RuleSet& rules);

}  // namespace vareport
