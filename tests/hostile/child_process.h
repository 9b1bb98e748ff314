// Runs a command as a child process with a wall-clock limit and an optional
// address-space limit, capturing stdout and stderr and measuring peak RSS —
// for the end-to-end hostile-input tests and the peer-corpus sweep, where a
// hang or a crash of `vareport` must be observed, not suffered.
//
// fork + exec (setrlimit in between), both pipes drained with poll(2), the
// child killed (SIGKILL) at the deadline, reaped with wait4(2) for its
// rusage. Thread-safe: the sweep runs several at once from worker threads.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace vareport::test {

struct ChildSpec {
  std::vector<std::string> argv;       // argv[0] is the program path
  double wall_limit_seconds = 60;      // killed (SIGKILL) past this
  std::size_t address_space_bytes = 0;  // RLIMIT_AS of the child; 0: none
  std::size_t max_output_bytes = 64u << 20;  // per stream; the rest is read and dropped
};

struct ChildResult {
  bool started = false;
  int exit_code = -1;    // when it exited
  int signal = 0;        // when a signal ended it (SIGKILL after a timeout too)
  bool timed_out = false;
  double seconds = 0;    // wall clock
  long max_rss_kb = 0;   // peak resident set size (ru_maxrss)
  std::string out, err;

  bool exited() const { return started && signal == 0 && exit_code >= 0; }
};

// True when this test binary runs under AddressSanitizer, whose shadow memory
// needs terabytes of address space: an RLIMIT_AS would only break it.
constexpr bool UnderAddressSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

inline ChildResult RunChild(const ChildSpec& spec) {
  ChildResult r;
  if (spec.argv.empty()) return r;
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return r;
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return r;
  }
  std::vector<char*> argv;
  for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {  // child: only async-signal-safe calls until exec
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    if (spec.address_space_bytes > 0) {
      struct rlimit rl = {spec.address_space_bytes, spec.address_space_bytes};
      ::setrlimit(RLIMIT_AS, &rl);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (pid < 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return r;
  }
  r.started = true;
  // Read both pipes until the child has exited — not until they close: a
  // grandchild (LibreOffice) may keep them open after `vareport` is gone.
  const auto deadline = start + std::chrono::duration<double>(spec.wall_limit_seconds);
  struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  for (auto& fd : fds) ::fcntl(fd.fd, F_SETFL, ::fcntl(fd.fd, F_GETFL) | O_NONBLOCK);
  char buf[65536];
  auto drain = [&] {
    for (int i = 0; i < 2; ++i) {
      while (fds[i].fd >= 0) {
        const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
        if (got > 0) {
          if (sinks[i]->size() < spec.max_output_bytes) sinks[i]->append(buf, static_cast<std::size_t>(got));
          continue;
        }
        if (got < 0 && errno == EINTR) continue;
        if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
          ::close(fds[i].fd);
          fds[i].fd = -1;
        }
        break;
      }
    }
  };
  int status = 0;
  struct rusage ru = {};
  bool reaped = false;
  while (!reaped) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    const int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left + 1, 50)));
    if (n < 0 && errno != EINTR) {
      ::kill(pid, SIGKILL);
      break;
    }
    drain();
    const pid_t w = ::wait4(pid, &status, WNOHANG, &ru);
    if (w == pid) reaped = true;
  }
  if (!reaped) {
    while (::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
  }
  drain();  // what the child wrote just before it ended
  for (auto& fd : fds) {
    if (fd.fd >= 0) ::close(fd.fd);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = ru.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

}  // namespace vareport::test
