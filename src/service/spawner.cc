#include "service/spawner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>

namespace vareport::service {
namespace {


double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

class PosixSpawner final : public Spawner {
 public:
  explicit PosixSpawner(std::size_t max_out) : max_out_(max_out) {}
  ~PosixSpawner() override {
    for (auto& [id, c] : children_) {
      ::kill(-c.pid, SIGKILL);
      CloseFds(c);
      int st;
      ::waitpid(c.pid, &st, 0);
    }
  }

  Result<Id> Start(const ChildSpec& spec) override {
    if (spec.argv.empty()) return MakeError(ErrorKind::kInternal, "no program to start");
    std::vector<char*> argv;
    for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    // The environment, built before fork (the child may only exec).
    std::vector<std::string> env_strings;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
      const std::string entry = *e;
      const std::string name = entry.substr(0, entry.find('='));
      bool replaced = false;
      for (const std::string& x : spec.env) replaced = replaced || x.substr(0, x.find('=')) == name;
      if (!replaced) env_strings.push_back(entry);
    }
    env_strings.insert(env_strings.end(), spec.env.begin(), spec.env.end());
    std::vector<char*> envp;
    for (const std::string& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return Fail("pipe");
    if (::pipe2(err, O_CLOEXEC) != 0) {
      ::close(out[0]);
      ::close(out[1]);
      return Fail("pipe");
    }
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {out[0], out[1], err[0], err[1]}) ::close(fd);
      return Fail("fork");
    }
    if (pid == 0) {
      // Child: async-signal-safe calls only until exec.
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(137);
      int devnull = ::open("/dev/null", O_RDONLY);
      if (devnull >= 0) ::dup2(devnull, 0);
      ::dup2(out[1], 1);
      ::dup2(err[1], 2);
      if (spec.memory_limit_bytes > 0) {
        struct rlimit rl = {spec.memory_limit_bytes, spec.memory_limit_bytes};
        ::setrlimit(RLIMIT_AS, &rl);
      }
      if (spec.cpu_limit_seconds > 0) {
        struct rlimit rl = {static_cast<rlim_t>(spec.cpu_limit_seconds), static_cast<rlim_t>(spec.cpu_limit_seconds + 5)};
        ::setrlimit(RLIMIT_CPU, &rl);
      }
      ::execve(argv[0], argv.data(), envp.data());
      const char msg[] = "error:internal:cannot start the worker program\n";
      ssize_t ignored = ::write(2, msg, sizeof msg - 1);
      (void)ignored;
      ::_exit(127);
    }
    ::setpgid(pid, pid);  // also from the parent, so Kill works before the child ran
    ::close(out[1]);
    ::close(err[1]);
    ::fcntl(out[0], F_SETFL, O_NONBLOCK);
    ::fcntl(err[0], F_SETFL, O_NONBLOCK);
    Id id = next_++;
    Child& c = children_[id];
    c.pid = pid;
    c.out_fd = out[0];
    c.err_fd = err[0];
    return id;
  }

  std::vector<std::pair<Id, ChildExit>> Wait(double max_seconds) override {
    std::vector<std::pair<Id, ChildExit>> done;
    const double deadline = Now() + (max_seconds > 0 ? max_seconds : 0);
    for (;;) {
      // Reap the children whose pipes are closed (or that were killed).
      for (auto it = children_.begin(); it != children_.end();) {
        Child& c = it->second;
        if (c.out_fd < 0 && c.err_fd < 0) {
          int st = 0;
          struct rusage ru {};
          pid_t r = ::wait4(c.pid, &st, WNOHANG, &ru);
          if (r == c.pid) {
            c.exit.max_rss_kb = ru.ru_maxrss;
            if (WIFEXITED(st)) c.exit.exit_code = WEXITSTATUS(st);
            if (WIFSIGNALED(st)) c.exit.signal = WTERMSIG(st);
            done.emplace_back(it->first, std::move(c.exit));
            it = children_.erase(it);
            continue;
          }
        }
        ++it;
      }
      if (!done.empty() || children_.empty()) return done;
      const double left = deadline - Now();
      if (left <= 0) return done;
      std::vector<pollfd> fds;
      std::vector<std::pair<Child*, bool>> who;  // child, is-stdout
      bool waiting_exit = false;
      for (auto& [id, c] : children_) {
        if (c.out_fd >= 0) {
          fds.push_back({c.out_fd, POLLIN, 0});
          who.emplace_back(&c, true);
        }
        if (c.err_fd >= 0) {
          fds.push_back({c.err_fd, POLLIN, 0});
          who.emplace_back(&c, false);
        }
        if (c.out_fd < 0 && c.err_fd < 0) waiting_exit = true;
      }
      int timeout_ms = static_cast<int>(left * 1000) + 1;
      if (waiting_exit) timeout_ms = std::min(timeout_ms, 5);
      int n = ::poll(fds.data(), fds.size(), timeout_ms);
      if (n < 0 && errno != EINTR) return done;
      for (std::size_t i = 0; i < fds.size() && n > 0; ++i) {
        if (fds[i].revents == 0) continue;
        Drain(*who[i].first, who[i].second);
      }
    }
  }

  void Kill(Id id) override {
    auto it = children_.find(id);
    if (it == children_.end()) return;
    ::kill(-it->second.pid, SIGKILL);
    ::kill(it->second.pid, SIGKILL);
    // Its pipes may be held open by grandchildren a moment longer: stop reading.
    CloseFds(it->second);
  }

  std::size_t running() const override { return children_.size(); }

 private:
  struct Child {
    pid_t pid = -1;
    int out_fd = -1, err_fd = -1;
    ChildExit exit;
  };

  static Error Fail(const char* what) {
    return MakeError(ErrorKind::kInternal, std::string("cannot start a worker: ") + what + ": " + std::strerror(errno));
  }

  static void CloseFds(Child& c) {
    if (c.out_fd >= 0) ::close(c.out_fd);
    if (c.err_fd >= 0) ::close(c.err_fd);
    c.out_fd = c.err_fd = -1;
  }

  void Drain(Child& c, bool is_out) {
    DrainPipe(is_out ? c.out_fd : c.err_fd, is_out ? c.exit.out : c.exit.err, is_out, max_out_);
  }

  std::size_t max_out_;
  Id next_ = 1;
  std::map<Id, Child> children_;
};

}  // namespace

std::unique_ptr<Spawner> MakePosixSpawner(std::size_t max_output_bytes) {
  return std::make_unique<PosixSpawner>(max_output_bytes);
}

std::string SelfExecutable() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "/proc/self/exe";
  return std::string(buf, static_cast<std::size_t>(n));
}

void DrainPipe(int& fd, std::string& dst, bool head, std::size_t max_head) {
  constexpr std::size_t kErrTail = 4096;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      if (head) {
        if (dst.size() < max_head) dst.append(buf, std::min<std::size_t>(static_cast<std::size_t>(n), max_head - dst.size()));
      } else {
        dst.append(buf, static_cast<std::size_t>(n));
        if (dst.size() > 2 * kErrTail) dst.erase(0, dst.size() - kErrTail);
      }
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    ::close(fd);  // EOF or error
    fd = -1;
    return;
  }
}

}  // namespace vareport::service
