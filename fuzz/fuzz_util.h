// Checks shared by the fuzz harnesses: what every entry point promises about
// its result, turned into aborts so that libFuzzer records the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/result.h"
#include "core/text.h"
#include "document/document.h"
#include "document/document_json.h"

namespace vareport::fuzz {

[[noreturn]] inline void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz check failed: %s: %s\n", what, detail.c_str());
  std::abort();
}

// An error is one non-empty line, and never kInternal (a bug, not bad input).
inline void CheckError(const Error& e) {
  if (e.message.empty()) Fail("empty error message", "");
  if (e.message.find('\n') != std::string::npos) Fail("multi-line error message", e.message);
  if (e.kind == ErrorKind::kInternal) Fail("internal error on input", e.message);
}

// A document serialises to JSON (the `dump` path) and all of its text is
// valid UTF-8 with ticks inside their paragraph.
inline void CheckBlocks(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kParagraph) {
      const Paragraph& p = b.paragraph;
      if (!IsValidUtf8(p.text)) Fail("invalid UTF-8 in a paragraph", "");
      for (const Tick& t : p.ticks) {
        if (t.offset + t.length > p.text.size()) Fail("tick outside its paragraph", p.text);
      }
    } else if (b.kind == BlockKind::kTable && b.table) {
      for (const Row& r : b.table->rows) {
        for (const Cell& c : r.cells) CheckBlocks(c.blocks);
      }
    }
  }
}

inline void CheckResult(const Result<Document>& doc) {
  if (!doc.ok()) {
    CheckError(doc.error());
    return;
  }
  CheckBlocks(doc->body);
  CheckBlocks(doc->furniture);
  CheckBlocks(doc->notes);
  (void)ToJson(doc.value()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vareport::fuzz
