// vareport/cli/commands.h — the subcommands of the `vareport` executable.
// Each returns the process exit status: 0 success, 2 bad input (the file
// cannot be read as a report), 3 rule error, 70 internal error. Errors are one
// line on stderr; nothing partial goes to stdout.
#pragma once

#include <cstddef>
#include <string>

#include "core/result.h"

namespace vareport::cli {

enum ExitCode { kExitOk = 0, kExitBadInput = 2, kExitRuleError = 3, kExitUnavailable = 69, kExitInternal = 70, kExitInterrupted = 130 };

// Prints "vareport: FILE: message" (or "vareport: message" when `file` is
// empty) on one line of stderr and returns the exit status of the error's
// kind: 3 rule error, 70 internal error, 2 otherwise.
int Fail(const std::string& file, const Error& e);
inline int Fail(const Error& e) { return Fail(std::string(), e); }

// Limits of one `extract` or `dump` run, on top of the extractors' own
// (ExtractOptions). Past the time limit the run stops with one line on stderr,
// "vareport: FILE: time limit of N s exceeded", and exit status 2, whatever
// it was doing: the extractors check the clock between pages and parts, and a
// watchdog timer (SIGALRM) ends a run stuck inside one page or part (an
// endless loop in a malformed file). Past the memory limit an allocation
// fails: "vareport: FILE: out of memory (limit of N MiB)", exit status 2.
struct RunLimits {
  double time_limit_seconds = 120;  // wall clock for the whole run; 0: none
  std::size_t memory_limit_mb = 0;  // address space (RLIMIT_AS); 0: none. Ignored under AddressSanitizer.
};

struct ExtractArgs {
  std::string file;
  std::string format = "text";  // json | text
  std::string rules_dir;        // empty: DefaultRulesDir()
  RunLimits limits;
  // Word-family input: true (--render / --pages): render it to PDF with
  // LibreOffice for its pages and evidence boxes (service/evidence_pages.h,
  // 2-4 s); false (the default, or --no-render): no rendering, evidence pages
  // unknown (the report's warning says how to get them). ingest and serve
  // render in their workers and keep the rendering by content (store).
  bool render = false;
};

int Extract(const ExtractArgs& args);
int Dump(const std::string& file, const RunLimits& limits = {});
int RulesCheck(const std::string& dir);

}  // namespace vareport::cli
