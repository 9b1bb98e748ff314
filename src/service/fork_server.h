// vareport/service/fork_server.h — a Spawner that forks document workers
// from a process that has loaded the program, its libraries and the rules
// once (a fork server), instead of executing vareport afresh per document.
//
// Starting `vareport worker …` costs a process start: the dynamic loader
// mapping and relocating some forty shared libraries, static initialisers,
// the rule files read and validated against their XSDs. A batch pays it per
// document. The fork server pays it once:
//
//   batch (RunJobs) ──socket──▶ `vareport fork-server --rules DIR` ──fork──▶ worker
//
// The server is started by fork + exec on the first Start (so it is a clean,
// single-threaded process even when the caller has threads, as `serve` has),
// in its own process group, dying with its caller (PR_SET_PDEATHSIG). For each
// Start it receives the ChildSpec and the write ends of the child's stdout and
// stderr pipes (SCM_RIGHTS), forks, and the child sets up exactly what
// PosixSpawner's child sets up before its exec — its own process group,
// PR_SET_PDEATHSIG=SIGKILL (it dies with the server, which dies with the
// batch), stdin from /dev/null, RLIMIT_AS and RLIMIT_CPU, the environment
// entries — and then runs the command line in-process (the RunCommand given
// to RunForkServer: vareport's own main) when argv[0] is the server's own
// executable, or execs argv[0] otherwise. The server reaps its children and
// sends back each one's wait status and peak RSS (wait4), so ChildExit is
// what PosixSpawner reports: exit code or signal, output, stderr's tail,
// max_rss_kb. Kill goes through the server, which signals the child's process
// group only while the child is unreaped (no PID reuse race).
//
// Start does not wait for the server's answer (the batch goes on at once);
// a fork the server could not make is that child's end: exit status 70 and
// "error:internal:cannot start a worker: fork: …" on its stderr. If the
// server dies, its children die with it (PDEATHSIG); they are reported killed
// by SIGKILL and the next Start starts a new server.
//
// Thread-safety: as Spawner (one thread). The server itself is one thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "service/spawner.h"

namespace vareport::service {

// The fork server's command line after the executable: `fork-server
// [--rules DIR]`, file descriptor 3 the socket to the batch.
inline constexpr const char* kForkServerCommand = "fork-server";

// A Spawner whose children are forked by a fork server running `exe`
// (SelfExecutable()) with `server_args` after kForkServerCommand (e.g.
// {"--rules", DIR}, for the server to load them before forking). Output
// beyond `max_output_bytes` is dropped, as for MakePosixSpawner.
std::unique_ptr<Spawner> MakeForkServerSpawner(std::string exe, std::vector<std::string> server_args,
                                               std::size_t max_output_bytes = 256u << 20);

// The spawner a batch uses: the fork server running `exe`, unless
// VAREPORT_FORK_SERVER=0 is in the environment or `exe` is not the running
// program (then fork + exec per document: MakePosixSpawner).
std::unique_ptr<Spawner> MakeWorkerSpawner(const std::string& exe, const std::string& rules_dir,
                                           std::size_t max_output_bytes = 256u << 20);

// The server side: serves the batch on socket `fd` until it closes. A child
// whose argv[0] is this executable runs `run(argv)` and exits with its
// result (stdout and stderr flushed, no static destructors). Returns 0 when
// the batch closed the socket, 70 on a setup failure.
using RunCommand = std::function<int(std::vector<std::string> argv)>;
int RunForkServer(int fd, const RunCommand& run);

}  // namespace vareport::service
