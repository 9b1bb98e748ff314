// vareport/extractors/legacy/legacy_converter.cc — the LibreOffice-backed
// LegacyConverter (legacy_converter.h).
//
// Each call works in its own folder made with mkdtemp under $TMPDIR (or /tmp):
//   in/       the inputs, as symbolic links (ConvertMany) or written bytes
//             (ConvertOne), named by position ("0.doc", "1.rtf", …) so two
//             inputs with one stem never overwrite each other's output;
//   out/      what `soffice --convert-to docx --outdir out/` writes;
//   profile/  a private LibreOffice user profile
//             (-env:UserInstallation=file://…/profile), so concurrent
//             conversions never share or lock one profile.
// The child runs in its own process group; when the time limit passes, the
// whole group (soffice's launcher and soffice.bin) is killed with SIGKILL.
// The child is a small guard that starts soffice in that group and waits for
// it: when the process that asked for the conversion dies first (the CLI's
// watchdog, a batch killing a worker), the kernel sends the guard SIGTERM
// (PR_SET_PDEATHSIG) and the guard kills the whole group, so no LibreOffice
// is left running. The folder is removed afterwards, whatever happened
// (except when the process dies: then only the next run's mkdtemp differs).
#include "extractors/legacy/legacy_converter.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace vareport {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPackage = "libreoffice-writer-nogui";

const char* ExtensionFor(Format f) {
  switch (f) {
    case Format::kDoc: return "doc";
    case Format::kRtf: return "rtf";
    case Format::kOdt: return "odt";
    case Format::kDocx: return "docx";
    case Format::kPdf: return "pdf";
  }
  return "bin";
}

// Extension from the first bytes of a file (the input's own name may lie).
std::string ExtensionFromBytes(std::string_view head, std::string_view fallback_name) {
  if (head.substr(0, 5) == "{\\rtf") return "rtf";
  if (head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return "doc";
  if (head.substr(0, 2) == "PK") {
    if (head.find("opendocument.text") != std::string_view::npos) return "odt";
    return "docx";
  }
  const std::size_t dot = fallback_name.rfind('.');
  if (dot != std::string_view::npos && fallback_name.size() - dot <= 5) {
    return std::string(fallback_name.substr(dot + 1));
  }
  return "doc";
}

// The executable's absolute path: `name` itself when it holds a '/', else the
// first executable match on $PATH. Empty when none.
std::string FindExecutable(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : std::string();
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

// A private working folder, removed on destruction.
class TempDir {
 public:
  TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/vareport-lo-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    // Absolute: the profile folder is given to LibreOffice as a file:// URL.
    if (mkdtemp(buf.data()) != nullptr) {
      std::error_code ec;
      path_ = fs::absolute(buf.data(), ec).lexically_normal().string();
    }
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

enum class RunOutcome { kExited, kTimedOut, kCannotStart };

// The guard's SIGTERM handler: everything in its process group goes.
extern "C" void KillOwnGroup(int /*signal*/) { kill(0, SIGKILL); }

// Runs `argv` (argv[0] an absolute path) in a new process group with stdin,
// stdout and stderr on /dev/null / `log`, waiting at most `limit` seconds;
// on overrun the whole group is killed. `status` receives the exit status.
RunOutcome RunWithLimit(const std::vector<std::string>& argv, const std::string& log, double limit, int& status) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) return RunOutcome::kCannotStart;
  if (pid == 0) {
    // The guard: only async-signal-safe calls from here on.
    setpgid(0, 0);
    const int null_fd = open("/dev/null", O_RDONLY);
    const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (null_fd >= 0) dup2(null_fd, 0);
    if (log_fd >= 0) {
      dup2(log_fd, 1);
      dup2(log_fd, 2);
    }
    struct sigaction sa {};
    sa.sa_handler = KillOwnGroup;
    sigaction(SIGTERM, &sa, nullptr);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) kill(0, SIGKILL);  // the parent died before prctl
    const pid_t soffice = fork();
    if (soffice < 0) _exit(126);
    if (soffice == 0) {
      signal(SIGTERM, SIG_DFL);
      prctl(PR_SET_PDEATHSIG, 0);
      execv(args[0], args.data());
      _exit(127);
    }
    int st = 0;
    while (waitpid(soffice, &st, 0) < 0 && errno == EINTR) {
    }
    _exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
  }
  setpgid(pid, pid);  // also from the parent, so the group exists before any kill
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limit);
  auto sleep_for = std::chrono::milliseconds(5);
  for (;;) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      kill(-pid, SIGKILL);  // anything soffice left behind in its group
      return RunOutcome::kExited;
    }
    if (r < 0 && errno != EINTR) return RunOutcome::kExited;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return RunOutcome::kTimedOut;
    }
    std::this_thread::sleep_for(sleep_for);
    sleep_for = std::min(sleep_for * 2, std::chrono::milliseconds(50));
  }
}

bool ReadWhole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::string LogTail(const std::string& log) {
  std::string text;
  if (!ReadWhole(log, text)) return {};
  // The last non-empty line says most (e.g. "Error: source file could not be loaded").
  std::string last;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  if (last.size() > 160) last.resize(160);
  return last;
}

class SofficeConverter final : public LegacyConverter {
 public:
  explicit SofficeConverter(SofficeOptions options) : options_(std::move(options)) {}

  Result<std::string> ConvertOne(std::string_view bytes, Format from) override {
    TempDir dir;
    if (!dir.ok()) return MakeError(ErrorKind::kInternal, "cannot create a temporary folder for LibreOffice");
    fs::create_directories(dir.path() + "/in");
    const std::string input = dir.path() + "/in/0." + ExtensionFor(from);
    {
      std::ofstream out(input, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) return MakeError(ErrorKind::kInternal, "cannot write a temporary file for LibreOffice");
    }
    std::vector<Result<std::string>> r = Run(dir, {input}, options_.time_limit_seconds);
    return std::move(r.front());
  }

  Result<std::string> RenderPdf(std::string_view bytes, Format from) override {
    TempDir dir;
    if (!dir.ok()) return MakeError(ErrorKind::kInternal, "cannot create a temporary folder for LibreOffice");
    fs::create_directories(dir.path() + "/in");
    const std::string input = dir.path() + "/in/0." + ExtensionFor(from);
    {
      std::ofstream out(input, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) return MakeError(ErrorKind::kInternal, "cannot write a temporary file for LibreOffice");
    }
    std::vector<Result<std::string>> r = Run(dir, {input}, options_.time_limit_seconds, "pdf:writer_pdf_Export", "pdf");
    return std::move(r.front());
  }

  std::vector<Result<std::string>> ConvertMany(const std::vector<std::string>& paths) override {
    if (paths.empty()) return {};
    TempDir dir;
    if (!dir.ok()) {
      return std::vector<Result<std::string>>(
          paths.size(), MakeError(ErrorKind::kInternal, "cannot create a temporary folder for LibreOffice"));
    }
    fs::create_directories(dir.path() + "/in");
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      char head[64] = {};
      std::ifstream in(paths[i], std::ios::binary);
      in.read(head, sizeof head);
      const std::string_view h(head, static_cast<std::size_t>(in.gcount()));
      const std::string link = dir.path() + "/in/" + std::to_string(i) + "." + ExtensionFromBytes(h, paths[i]);
      std::error_code ec;
      fs::create_symlink(fs::absolute(paths[i], ec), link, ec);
      inputs.push_back(link);
    }
    return Run(dir, inputs, options_.time_limit_seconds * static_cast<double>(paths.size()));
  }

 private:
  // Runs soffice --convert-to `target` on `inputs`; reads out/<stem>.<ext>.
  std::vector<Result<std::string>> Run(const TempDir& dir, const std::vector<std::string>& inputs, double limit,
                                       const std::string& target = "docx:MS Word 2007 XML",
                                       const std::string& ext = "docx") {
    std::vector<Result<std::string>> results;
    const std::string exe = FindExecutable(options_.soffice);
    if (exe.empty()) {
      results.assign(inputs.size(), MakeError(ErrorKind::kUnsupportedFormat,
                                              std::string("LibreOffice is needed to read this format and was not "
                                                          "found (") + options_.soffice +
                                                  "): install the Debian package " + kPackage));
      return results;
    }
    fs::create_directories(dir.path() + "/out");
    fs::create_directories(dir.path() + "/profile");
    std::vector<std::string> argv = {exe,
                                     "-env:UserInstallation=file://" + dir.path() + "/profile",
                                     "--headless",
                                     "--invisible",
                                     "--nologo",
                                     "--nodefault",
                                     "--nolockcheck",
                                     "--norestore",
                                     "--convert-to",
                                     target,
                                     "--outdir",
                                     dir.path() + "/out"};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    int status = 0;
    const std::string log = dir.path() + "/soffice.log";
    const RunOutcome outcome = RunWithLimit(argv, log, limit, status);
    if (outcome == RunOutcome::kCannotStart) {
      results.assign(inputs.size(), MakeError(ErrorKind::kInternal, "cannot start LibreOffice (fork failed)"));
      return results;
    }
    if (outcome == RunOutcome::kExited && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      results.assign(inputs.size(), MakeError(ErrorKind::kUnsupportedFormat,
                                              "LibreOffice (" + exe + ") cannot be started: install the Debian "
                                              "package " + std::string(kPackage)));
      return results;
    }
    for (const std::string& input : inputs) {
      const std::string stem = fs::path(input).stem().string();
      std::string docx;
      if (ReadWhole(dir.path() + "/out/" + stem + "." + ext, docx) && !docx.empty()) {
        results.emplace_back(std::move(docx));
      } else if (outcome == RunOutcome::kTimedOut) {
        results.emplace_back(MakeError(ErrorKind::kLimitExceeded,
                                       "LibreOffice conversion exceeded the time limit of " +
                                           std::to_string(static_cast<int>(limit)) + " s"));
      } else {
        const std::string why = LogTail(log);
        results.emplace_back(MakeError(ErrorKind::kUnreadableInput,
                                       "LibreOffice could not convert the document" +
                                           (why.empty() ? std::string() : " (" + why + ")")));
      }
    }
    return results;
  }

  SofficeOptions options_;
};

}  // namespace

Result<std::string> LegacyConverter::RenderPdf(std::string_view, Format) {
  return MakeError(ErrorKind::kUnsupportedFormat, "this converter cannot render documents to PDF");
}

std::unique_ptr<LegacyConverter> MakeSofficeConverter(const SofficeOptions& options) {
  return std::make_unique<SofficeConverter>(options);
}

}  // namespace vareport
