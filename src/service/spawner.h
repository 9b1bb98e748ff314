// vareport/service/spawner.h — child processes behind a seam.
//
// The batch runner parses every document in a child process so that a crash,
// a hang or a runaway allocation costs one file, not the batch. It sees
// children only through Spawner, so its scheduling (limits, failures,
// progress) is tested with a scripted fake; PosixSpawner is the real one.
//
// Thread-safety: a Spawner is used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace vareport::service {

struct ChildSpec {
  std::vector<std::string> argv;        // argv[0]: the executable's path
  std::size_t memory_limit_bytes = 0;   // RLIMIT_AS of the child; 0: none
  int cpu_limit_seconds = 0;            // RLIMIT_CPU of the child (SIGXCPU past it); 0: none
  std::vector<std::string> env;         // "NAME=VALUE" set in the child's environment (replacing NAME)
};

// How a child ended and what it printed.
struct ChildExit {
  int exit_code = -1;  // when it exited; -1 when killed by a signal
  int signal = 0;      // the signal that killed it, else 0
  std::string out;     // its standard output (capped, see PosixSpawner)
  std::string err;     // the end of its standard error
  long max_rss_kb = 0; // its peak resident set size (wait4), 0 when unknown
};

class Spawner {
 public:
  using Id = std::uint64_t;
  virtual ~Spawner() = default;

  // Starts a child in its own process group. Errors: kInternal when it cannot
  // be started (fork/pipe failure); an exec failure shows as exit code 127.
  virtual Result<Id> Start(const ChildSpec& spec) = 0;

  // Waits up to `max_seconds` for children to end and returns those that did
  // (none when the time ran out first). Every started child is returned once.
  virtual std::vector<std::pair<Id, ChildExit>> Wait(double max_seconds) = 0;

  // Sends SIGKILL to the child's process group; its end is still reported by Wait.
  virtual void Kill(Id id) = 0;

  // Children started and not yet returned by Wait.
  virtual std::size_t running() const = 0;
};

// fork + exec. The child gets its own process group, the resource limits of
// its ChildSpec, stdin from /dev/null and PR_SET_PDEATHSIG=SIGKILL (it dies
// with the parent, so a killed batch leaves no orphan parsing on). Output
// beyond `max_output_bytes` is dropped; only the last 4 KiB of stderr is kept.
std::unique_ptr<Spawner> MakePosixSpawner(std::size_t max_output_bytes = 256u << 20);

// The running executable (readlink /proc/self/exe).
std::string SelfExecutable();

// Reads what the non-blocking pipe `fd` holds now into `dst`: its first
// `max_head` bytes when `head` (a worker's stdout, the report), else its last
// 4 KiB (stderr, whose end says why a worker failed). At end of file or on an
// error the pipe is closed and `fd` set to -1. For the spawners' event loops.
void DrainPipe(int& fd, std::string& dst, bool head, std::size_t max_head);

}  // namespace vareport::service
