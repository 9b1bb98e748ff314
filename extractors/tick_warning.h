// vareport/extractors/tick_warning.h — the warning a drawn check box gets
// when its ink decides nothing: the same words whether the box was found in a
// scan's image (ocr/ocr.cc) or among a page's vector paths
// (pdf/drawn_boxes.cc). Header-only: the OCR module links no extractor code.
#pragma once

#include <cstdio>
#include <string>

#include "document/document.h"

namespace vareport {

// "tick-unclear" for a box whose ink covers `density` (0..1) of its inside:
// more than an empty box has, less than a tick. No answer is read from it.
inline Warning UnclearTickWarning(double density) {
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", density * 100);
  return Warning{"tick-unclear", std::string("a check box whose ink (") + pct +
                                     " of its inside) is neither empty nor clearly ticked; no answer was read from it"};
}

}  // namespace vareport
