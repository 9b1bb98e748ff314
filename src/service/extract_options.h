// vareport/service/extract_options.h — the extraction options a run uses:
// the extractors' safety limits (extractors/extractor.h) with what the rules
// say about reading a document before analysis — today the OCR confusions
// of rules/document.xml <ocr-confusions> ("2O26" → "2026" in figures and
// dates of OCR'd pages). Every command that extracts for analysis (extract,
// the batch and service worker) takes its options from here, so a rule
// folder given with --rules changes reading and analysis alike.
#pragma once

#include "extractors/extractor.h"
#include "rules/rule_set.h"

namespace vareport::service {

// `base` with the rules' reading data filled in (base's limits kept).
ExtractOptions ExtractOptionsFor(const RuleSet& rules, ExtractOptions base = {});

}  // namespace vareport::service
