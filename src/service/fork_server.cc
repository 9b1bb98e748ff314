#include "service/fork_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>

namespace vareport::service {
namespace {

// ---- the wire: one SOCK_SEQPACKET message per request or reply ----
//
// Header, then for kStart the strings argv… env… each NUL-terminated; kStart
// carries the child's stdout and stderr write ends as SCM_RIGHTS.
enum class Msg : std::uint32_t { kStart = 1, kKill = 2, kStarted = 3, kStartFailed = 4, kExited = 5 };

struct Header {
  Msg type;
  std::uint32_t argc = 0, envc = 0;
  std::uint64_t id = 0;
  std::int64_t a = 0;  // kStart: RLIMIT_AS bytes; kStarted: pid; kStartFailed: errno; kExited: wait status
  std::int64_t b = 0;  // kStart: RLIMIT_CPU seconds; kExited: max RSS, KiB
};

constexpr std::size_t kMaxMessage = 1 << 20;

bool SendMsg(int fd, const Header& h, const std::string& payload = {}, const int* fds = nullptr, int nfds = 0) {
  std::string buf(reinterpret_cast<const char*>(&h), sizeof h);
  buf += payload;
  iovec iov{buf.data(), buf.size()};
  msghdr m{};
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(2 * sizeof(int))] = {};
  if (nfds > 0) {
    m.msg_control = control;
    m.msg_controllen = CMSG_SPACE(static_cast<std::size_t>(nfds) * sizeof(int));
    cmsghdr* c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(static_cast<std::size_t>(nfds) * sizeof(int));
    std::memcpy(CMSG_DATA(c), fds, static_cast<std::size_t>(nfds) * sizeof(int));
  }
  for (;;) {
    const ssize_t n = ::sendmsg(fd, &m, MSG_NOSIGNAL);
    if (n == static_cast<ssize_t>(buf.size())) return true;
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

// Reads one message: 1 read, 0 the peer closed, -1 an error (EAGAIN included).
// Received descriptors go to `fds` (close-on-exec).
int RecvMsg(int fd, Header& h, std::string& payload, std::vector<int>* fds, bool block) {
  static thread_local std::string buf(kMaxMessage, '\0');
  iovec iov{buf.data(), buf.size()};
  msghdr m{};
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(4 * sizeof(int))] = {};
  m.msg_control = control;
  m.msg_controllen = sizeof control;
  ssize_t n;
  do {
    n = ::recvmsg(fd, &m, MSG_CMSG_CLOEXEC | (block ? 0 : MSG_DONTWAIT));
  } while (n < 0 && errno == EINTR);
  if (n == 0) return 0;
  if (n < 0) return -1;
  for (cmsghdr* c = CMSG_FIRSTHDR(&m); c != nullptr; c = CMSG_NXTHDR(&m, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    const std::size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (std::size_t i = 0; i < k; ++i) {
      int got;
      std::memcpy(&got, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
      if (fds != nullptr) fds->push_back(got);
      else ::close(got);
    }
  }
  if (static_cast<std::size_t>(n) < sizeof h) return -1;
  std::memcpy(&h, buf.data(), sizeof h);
  payload.assign(buf.data() + sizeof h, static_cast<std::size_t>(n) - sizeof h);
  return 1;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string SelfPath() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

// ---- the batch side ----

class ForkServerSpawner final : public Spawner {
 public:
  ForkServerSpawner(std::string exe, std::vector<std::string> server_args, std::size_t max_out)
      : exe_(std::move(exe)), server_args_(std::move(server_args)), max_out_(max_out) {}

  ~ForkServerSpawner() override {
    for (auto& [id, c] : children_) {
      if (!c.exited) Send(Header{Msg::kKill, 0, 0, id});
      CloseFds(c);
    }
    StopServer();
  }

  Result<Id> Start(const ChildSpec& spec) override {
    if (spec.argv.empty()) return MakeError(ErrorKind::kInternal, "no program to start");
    if (sock_ < 0) {
      if (Status s = StartServer(); !s) return s.error();
    }
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return Fail("pipe");
    if (::pipe2(err, O_CLOEXEC) != 0) {
      ::close(out[0]);
      ::close(out[1]);
      return Fail("pipe");
    }
    const Id id = next_++;
    Header h{Msg::kStart};
    h.id = id;
    h.argc = static_cast<std::uint32_t>(spec.argv.size());
    h.envc = static_cast<std::uint32_t>(spec.env.size());
    h.a = static_cast<std::int64_t>(spec.memory_limit_bytes);
    h.b = spec.cpu_limit_seconds;
    std::string payload;
    for (const std::string& s : spec.argv) payload.append(s.c_str(), s.size() + 1);
    for (const std::string& s : spec.env) payload.append(s.c_str(), s.size() + 1);
    const int fds[2] = {out[1], err[1]};
    const bool sent = payload.size() + sizeof h <= kMaxMessage && SendMsg(sock_, h, payload, fds, 2);
    ::close(out[1]);
    ::close(err[1]);
    if (!sent) {
      ::close(out[0]);
      ::close(err[0]);
      StopServer();  // a new one on the next Start
      return MakeError(ErrorKind::kInternal, "cannot start a worker: the fork server does not answer");
    }
    ::fcntl(out[0], F_SETFL, O_NONBLOCK);
    ::fcntl(err[0], F_SETFL, O_NONBLOCK);
    Child& c = children_[id];
    c.out_fd = out[0];
    c.err_fd = err[0];
    // The server's answer (started, or fork failed) is read by Wait: the
    // batch does not wait for the server to be scheduled before going on.
    return id;
  }

  std::vector<std::pair<Id, ChildExit>> Wait(double max_seconds) override {
    std::vector<std::pair<Id, ChildExit>> done;
    const double deadline = Now() + (max_seconds > 0 ? max_seconds : 0);
    for (;;) {
      for (auto it = children_.begin(); it != children_.end();) {
        Child& c = it->second;
        if (c.out_fd < 0 && c.err_fd < 0 && c.exited) {
          done.emplace_back(it->first, std::move(c.exit));
          it = children_.erase(it);
          continue;
        }
        ++it;
      }
      if (!done.empty() || children_.empty()) return done;
      const double left = deadline - Now();
      if (left <= 0) return done;
      std::vector<pollfd> fds;
      std::vector<std::pair<Child*, bool>> who;  // child, is-stdout
      if (sock_ >= 0) {
        fds.push_back({sock_, POLLIN, 0});
        who.emplace_back(nullptr, false);
      }
      for (auto& [id, c] : children_) {
        if (c.out_fd >= 0) {
          fds.push_back({c.out_fd, POLLIN, 0});
          who.emplace_back(&c, true);
        }
        if (c.err_fd >= 0) {
          fds.push_back({c.err_fd, POLLIN, 0});
          who.emplace_back(&c, false);
        }
      }
      const int timeout_ms = static_cast<int>(left * 1000) + 1;
      int n = ::poll(fds.data(), fds.size(), timeout_ms);
      if (n < 0 && errno != EINTR) return done;
      for (std::size_t i = 0; i < fds.size() && n > 0; ++i) {
        if (fds[i].revents == 0) continue;
        if (who[i].first == nullptr) {
          while (sock_ >= 0 && ReadServer(/*block=*/false)) {
          }
        } else {
          Drain(*who[i].first, who[i].second);
        }
      }
    }
  }

  void Kill(Id id) override {
    auto it = children_.find(id);
    if (it == children_.end()) return;
    if (!it->second.exited) Send(Header{Msg::kKill, 0, 0, id});
    // Its pipes may be held open by grandchildren a moment longer: stop reading.
    CloseFds(it->second);
  }

  std::size_t running() const override { return children_.size(); }

 private:
  struct Child {
    int out_fd = -1, err_fd = -1;
    bool answered = false, exited = false;
    ChildExit exit;
  };

  static Error Fail(const char* what) {
    return MakeError(ErrorKind::kInternal, std::string("cannot start a worker: ") + what + ": " + std::strerror(errno));
  }

  void Send(const Header& h) {
    if (sock_ >= 0 && !SendMsg(sock_, h)) StopServer();
  }

  Status StartServer() {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return Fail("socketpair");
    std::vector<std::string> args = {exe_, kForkServerCommand};
    args.insert(args.end(), server_args_.begin(), server_args_.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(sv[0]);
      ::close(sv[1]);
      return Fail("fork");
    }
    if (pid == 0) {
      // Async-signal-safe calls only until exec (the caller may have threads).
      ::setpgid(0, 0);  // terminal signals (Ctrl-C) are for the batch, which ends the children itself
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(137);
      int devnull = ::open("/dev/null", O_RDONLY);
      if (devnull >= 0) ::dup2(devnull, 0);
      ::dup2(sv[1], 3);  // without FD_CLOEXEC
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(sv[1]);
    sock_ = sv[0];
    server_pid_ = pid;
    return Ok{};
  }

  void StopServer() {
    if (sock_ >= 0) ::close(sock_);
    sock_ = -1;
    if (server_pid_ > 0) {
      // Closing the socket ends it; its children die with it (PDEATHSIG).
      int st;
      if (::waitpid(server_pid_, &st, WNOHANG) == 0) {
        const double until = Now() + 2;
        while (::waitpid(server_pid_, &st, WNOHANG) == 0 && Now() < until) ::usleep(2000);
        if (::waitpid(server_pid_, &st, WNOHANG) == 0) {
          ::kill(server_pid_, SIGKILL);
          ::waitpid(server_pid_, &st, 0);
        }
      }
    }
    server_pid_ = -1;
    MarkAllLost();
  }

  // Children of a server that is gone died with it.
  void MarkAllLost() {
    for (auto& [id, c] : children_) {
      if (!c.answered) c.answered = true;
      if (!c.exited) {
        c.exited = true;
        c.exit.exit_code = -1;
        c.exit.signal = SIGKILL;
      }
    }
  }

  // Handles one message from the server; false when none was waiting (or the server is gone).
  bool ReadServer(bool block) {
    Header h{};
    std::string payload;
    const int r = RecvMsg(sock_, h, payload, nullptr, block);
    if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
      StopServer();
      return false;
    }
    if (r < 0) return false;
    auto it = children_.find(h.id);
    if (it == children_.end()) return true;
    Child& c = it->second;
    switch (h.type) {
      case Msg::kStarted: c.answered = true; break;
      case Msg::kStartFailed:
        // No child: it ends at once, failed with the reason (the pipes close
        // with the server's copies of their write ends).
        c.answered = c.exited = true;
        c.exit.exit_code = 70;
        c.exit.err += "error:internal:cannot start a worker: fork: " + std::string(std::strerror(static_cast<int>(h.a))) + "\n";
        break;
      case Msg::kExited: {
        c.answered = c.exited = true;
        const int st = static_cast<int>(h.a);
        if (WIFEXITED(st)) c.exit.exit_code = WEXITSTATUS(st);
        if (WIFSIGNALED(st)) c.exit.signal = WTERMSIG(st);
        c.exit.max_rss_kb = static_cast<long>(h.b);
        break;
      }
      default: break;
    }
    return true;
  }

  static void CloseFds(Child& c) {
    if (c.out_fd >= 0) ::close(c.out_fd);
    if (c.err_fd >= 0) ::close(c.err_fd);
    c.out_fd = c.err_fd = -1;
  }

  void Drain(Child& c, bool is_out) {
    DrainPipe(is_out ? c.out_fd : c.err_fd, is_out ? c.exit.out : c.exit.err, is_out, max_out_);
  }

  std::string exe_;
  std::vector<std::string> server_args_;
  std::size_t max_out_;
  int sock_ = -1;
  pid_t server_pid_ = -1;
  Id next_ = 1;
  std::map<Id, Child> children_;
};

// ---- the server side ----

// In the forked child: PosixSpawner's set-up, then the command.
[[noreturn]] void RunChild(pid_t server, const sigset_t& old_mask, int out_fd, int err_fd, const Header& h,
                           std::vector<std::string> argv, const std::vector<std::string>& env, const RunCommand& run,
                           const std::string& self) {
  ::sigprocmask(SIG_SETMASK, &old_mask, nullptr);
  ::signal(SIGCHLD, SIG_DFL);
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != server) ::_exit(137);
  int devnull = ::open("/dev/null", O_RDONLY);
  if (devnull >= 0) ::dup2(devnull, 0);
  ::dup2(out_fd, 1);
  ::dup2(err_fd, 2);
  if (h.a > 0) {
    struct rlimit rl = {static_cast<rlim_t>(h.a), static_cast<rlim_t>(h.a)};
    ::setrlimit(RLIMIT_AS, &rl);
  }
  if (h.b > 0) {
    struct rlimit rl = {static_cast<rlim_t>(h.b), static_cast<rlim_t>(h.b + 5)};
    ::setrlimit(RLIMIT_CPU, &rl);
  }
  for (const std::string& e : env) {
    const std::size_t eq = e.find('=');
    if (eq != std::string::npos) ::setenv(e.substr(0, eq).c_str(), e.c_str() + eq + 1, 1);
  }
  if (!self.empty() && argv[0] == self) {
    int rc = 70;
    try {
      rc = run(std::move(argv));
    } catch (...) {
      const char msg[] = "error:internal:the worker failed\n";
      ssize_t ignored = ::write(2, msg, sizeof msg - 1);
      (void)ignored;
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    ::_exit(rc);
  }
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  const char msg[] = "error:internal:cannot start the worker program\n";
  ssize_t ignored = ::write(2, msg, sizeof msg - 1);
  (void)ignored;
  ::_exit(127);
}

}  // namespace

std::unique_ptr<Spawner> MakeForkServerSpawner(std::string exe, std::vector<std::string> server_args,
                                               std::size_t max_output_bytes) {
  return std::make_unique<ForkServerSpawner>(std::move(exe), std::move(server_args), max_output_bytes);
}

std::unique_ptr<Spawner> MakeWorkerSpawner(const std::string& exe, const std::string& rules_dir,
                                           std::size_t max_output_bytes) {
  const char* use = std::getenv("VAREPORT_FORK_SERVER");
  if (use != nullptr && std::string(use) == "0") return MakePosixSpawner(max_output_bytes);
  // Another program as the worker (a test's stand-in): executed per document.
  if (exe != SelfPath()) return MakePosixSpawner(max_output_bytes);
  std::vector<std::string> args;
  if (!rules_dir.empty()) args = {"--rules", rules_dir};
  return MakeForkServerSpawner(exe, std::move(args), max_output_bytes);
}

int RunForkServer(int fd, const RunCommand& run) {
  const pid_t self_pid = ::getpid();
  const std::string self = SelfPath();
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  sigset_t chld, old_mask;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  if (::sigprocmask(SIG_BLOCK, &chld, &old_mask) != 0) return 70;
  const int sfd = ::signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0) return 70;
  std::map<pid_t, std::uint64_t> live;  // unreaped children → their id
  std::map<std::uint64_t, pid_t> ids;
  auto reap = [&] {
    for (;;) {
      int st = 0;
      struct rusage ru {};
      const pid_t pid = ::wait4(-1, &st, WNOHANG, &ru);
      if (pid <= 0) return;
      auto it = live.find(pid);
      if (it == live.end()) continue;
      Header h{Msg::kExited};
      h.id = it->second;
      h.a = st;
      h.b = ru.ru_maxrss;
      ids.erase(it->second);
      live.erase(it);
      SendMsg(fd, h);
    }
  };
  for (;;) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {sfd, POLLIN, 0}};
    const int n = ::poll(fds, 2, -1);
    if (n < 0 && errno != EINTR) break;
    if (fds[1].revents != 0) {
      signalfd_siginfo info;
      while (::read(sfd, &info, sizeof info) == sizeof info) {
      }
      reap();
    }
    if (fds[0].revents == 0) continue;
    Header h{};
    std::string payload;
    std::vector<int> got;
    const int r = RecvMsg(fd, h, payload, &got, /*block=*/false);
    if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) break;  // the batch is gone
    if (r < 0) continue;
    if (h.type == Msg::kKill) {
      if (auto it = ids.find(h.id); it != ids.end()) {
        ::kill(-it->second, SIGKILL);
        ::kill(it->second, SIGKILL);
      }
      continue;
    }
    if (h.type != Msg::kStart || got.size() != 2) {
      for (int g : got) ::close(g);
      continue;
    }
    std::vector<std::string> strings;
    for (std::size_t at = 0; at < payload.size();) {
      const std::size_t end = payload.find('\0', at);
      if (end == std::string::npos) break;
      strings.push_back(payload.substr(at, end - at));
      at = end + 1;
    }
    Header reply{Msg::kStarted};
    reply.id = h.id;
    if (strings.size() != static_cast<std::size_t>(h.argc) + h.envc || h.argc == 0) {
      reply.type = Msg::kStartFailed;
      reply.a = EINVAL;
    } else {
      std::vector<std::string> argv(strings.begin(), strings.begin() + h.argc);
      std::vector<std::string> env(strings.begin() + h.argc, strings.end());
      const pid_t pid = ::fork();
      if (pid == 0) {
        ::close(fd);
        ::close(sfd);
        RunChild(self_pid, old_mask, got[0], got[1], h, std::move(argv), env, run, self);
      }
      if (pid < 0) {
        reply.type = Msg::kStartFailed;
        reply.a = errno;
      } else {
        ::setpgid(pid, pid);  // also from here, so a Kill reaches the group at once
        live[pid] = h.id;
        ids[h.id] = pid;
        reply.a = pid;
      }
    }
    for (int g : got) ::close(g);
    if (!SendMsg(fd, reply)) break;
  }
  // The batch is gone: so are the children (they would die with us anyway).
  for (const auto& [pid, id] : live) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
  }
  return 0;
}

}  // namespace vareport::service
