// vareport/service/extract_options.cc — see extract_options.h.
#include "service/extract_options.h"

namespace vareport::service {

ExtractOptions ExtractOptionsFor(const RuleSet& rules, ExtractOptions base) {
  base.ocr.confusions.pairs = rules.document.ocr_confusions;
  base.ocr.confusions.period_prefixes = rules.document.ocr_period_prefixes;
  return base;
}

}  // namespace vareport::service
