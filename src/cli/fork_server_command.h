// vareport/cli/fork_server_command.h — the hidden `vareport fork-server
// [--rules DIR]` command that a batch starts (service/fork_server.h): loads
// the rules once, then forks a child per document, each running the command
// line it was sent (`worker …`) with `run`, vareport's own main.
#pragma once

namespace vareport::cli {

using CommandLineFn = int (*)(int argc, char** argv);

// Serves on file descriptor 3. Returns 0 when the batch closed it, 3 when
// the rules are broken, 70 on an internal error; 2 for a wrong command line.
int RunForkServerCommand(int argc, char** argv, CommandLineFn run);

}  // namespace vareport::cli
