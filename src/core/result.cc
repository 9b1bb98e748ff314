#include "core/result.h"

namespace vareport {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUnreadableInput: return "unreadable-input";
    case ErrorKind::kUnsupportedFormat: return "unsupported-format";
    case ErrorKind::kEncrypted: return "encrypted";
    case ErrorKind::kLimitExceeded: return "limit-exceeded";
    case ErrorKind::kRuleError: return "rule-error";
    case ErrorKind::kUnavailable: return "unavailable";
    case ErrorKind::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace vareport
