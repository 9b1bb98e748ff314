// vareport/cli/commands.h — the subcommands of the `vareport` executable.
// Each returns the process exit status: 0 success, 2 bad input (the file
// cannot be read as a report), 3 rule error, 70 internal error. Errors are one
// line on stderr; nothing partial goes to stdout.
#pragma once

#include <string>

namespace vareport::cli {

enum ExitCode { kExitOk = 0, kExitBadInput = 2, kExitRuleError = 3, kExitInternal = 70 };

struct ExtractArgs {
  std::string file;
  std::string format = "text";  // json | text
  std::string rules_dir;        // empty: DefaultRulesDir()
};

int Extract(const ExtractArgs& args);
int Dump(const std::string& file);
int RulesCheck(const std::string& dir);

}  // namespace vareport::cli
