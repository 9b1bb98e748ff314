#include "core/sanitizers.h"
#include "cli/commands.h"

#include <openssl/evp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <new>

#include "analysis/analyzer.h"
#include "core/result.h"
#include "document/document_json.h"
#include "extractors/extractor.h"
#include "report/report_json.h"
#include "report/report_text.h"
#include "rules/rule_loader.h"
#include "service/evidence_pages.h"
#include "service/extract_options.h"

namespace vareport::cli {
namespace {

constexpr auto kJsonReplace = nlohmann::json::error_handler_t::replace;

int ExitFor(const Error& e) {
  switch (e.kind) {
    case ErrorKind::kRuleError: return kExitRuleError;
    case ErrorKind::kUnavailable: return kExitUnavailable;
    case ErrorKind::kInternal: return kExitInternal;
    default: return kExitBadInput;
  }
}


// SHA-256 of the bytes, lower-case hex (OpenSSL EVP).
std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

// ---- per-document limits (RunLimits) -------------------------------------------

using vareport::kAddressSanitizer;  // core/sanitizers.h

// The watchdog's line, formatted before the timer is armed: the SIGALRM
// handler only calls write(2) and _exit(2), which are async-signal-safe.
char g_time_limit_line[1024];
std::size_t g_time_limit_length = 0;

extern "C" void OnTimeLimit(int /*signal*/) {
  ssize_t ignored = ::write(STDERR_FILENO, g_time_limit_line, g_time_limit_length);
  (void)ignored;
  ::_exit(kExitBadInput);
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// Arms the wall-clock watchdog (setitimer ITIMER_REAL → SIGALRM; timers are
// not inherited by child processes) and caps the address space.
void ArmLimits(const std::string& file, const RunLimits& limits) {
  if (limits.time_limit_seconds > 0) {
    std::string line = "vareport: " + file + ": time limit of " + Seconds(limits.time_limit_seconds) + " s exceeded";
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    line = line.substr(0, sizeof g_time_limit_line - 2) + "\n";
    std::copy(line.begin(), line.end(), g_time_limit_line);
    g_time_limit_length = line.size();
    struct sigaction sa = {};
    sa.sa_handler = OnTimeLimit;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGALRM, &sa, nullptr);
    struct itimerval timer = {};
    const double whole = std::floor(limits.time_limit_seconds);
    timer.it_value.tv_sec = static_cast<time_t>(whole);
    timer.it_value.tv_usec = static_cast<suseconds_t>((limits.time_limit_seconds - whole) * 1e6);
    ::setitimer(ITIMER_REAL, &timer, nullptr);
  }
  if (limits.memory_limit_mb > 0 && !kAddressSanitizer) {  // ASan reserves terabytes of address space
    struct rlimit rl = {};
    ::getrlimit(RLIMIT_AS, &rl);
    const rlim_t cap = static_cast<rlim_t>(limits.memory_limit_mb) << 20;
    if (rl.rlim_max == RLIM_INFINITY || cap < rl.rlim_max) rl.rlim_max = cap;
    rl.rlim_cur = std::min(cap, rl.rlim_max);
    ::setrlimit(RLIMIT_AS, &rl);
  }
}

// Once the result is complete the watchdog must not cut the output short.
void DisarmWatchdog() {
  struct itimerval zero = {};
  ::setitimer(ITIMER_REAL, &zero, nullptr);
}

int OutOfMemory(const std::string& file, const RunLimits& limits) {
  std::string msg = "out of memory";
  if (limits.memory_limit_mb > 0) msg += " (limit of " + std::to_string(limits.memory_limit_mb) + " MiB)";
  return Fail(file, MakeError(ErrorKind::kLimitExceeded, msg));
}

ExtractOptions OptionsFor(const RunLimits& limits, const RuleSet& rules) {
  ExtractOptions options;
  if (limits.time_limit_seconds > 0) options.time_limit_seconds = limits.time_limit_seconds;
  return service::ExtractOptionsFor(rules, options);
}

// Reads FILE, or standard input when FILE is "-" (a pipe: `cat r.pdf |
// vareport extract -`), up to the extractors' file-size limit.
Status ReadInput(const std::string& file, std::string& bytes) {
  if (file != "-") return ReadFileBytes(file, bytes);
  const std::size_t max = ExtractOptions{}.max_file_bytes;
  bytes.clear();
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return MakeError(ErrorKind::kUnreadableInput, std::string("cannot read standard input: ") + std::strerror(errno));
    }
    bytes.append(buf, static_cast<std::size_t>(n));
    if (bytes.size() > max)
      return MakeError(ErrorKind::kLimitExceeded, "input is larger than the limit of " + std::to_string(max >> 20) + " MiB");
  }
  if (bytes.empty()) return MakeError(ErrorKind::kUnreadableInput, "standard input is empty: not a PDF or Word document");
  return Ok{};
}

// The report's source.file: the base name, or "stdin".
std::string SourceName(const std::string& file) {
  return file == "-" ? std::string("stdin") : std::filesystem::path(file).filename().string();
}

int ExtractUnguarded(const ExtractArgs& args) {
  const auto started = std::chrono::steady_clock::now();
  std::string rules_dir = args.rules_dir.empty() ? DefaultRulesDir() : args.rules_dir;
  Result<RuleSet> rules = LoadRules(rules_dir);
  if (!rules) return Fail("", rules.error());
  std::string bytes;
  if (Status s = ReadInput(args.file, bytes); !s) return Fail(args.file, s.error());
  Result<Document> doc = ExtractDocument(bytes, OptionsFor(args.limits, *rules));
  if (!doc) return Fail(args.file, doc.error());
  Report report = Analyze(*doc, *rules);
  report.file = SourceName(args.file);
  report.sha256 = Sha256Hex(bytes);
  report.format = FormatName(doc->format);
  report.pages = doc->pages;
  report.ocr = doc->ocr;
  // Pages and evidence boxes: from the PDF itself, or from the Word file's
  // rendering, within what is left of the time limit (the watchdog ends the
  // run at the limit; the rendering stops a few seconds before it).
  std::optional<std::string> rendering;
  std::string why_not;
  if (service::IsWordFamily(doc->format)) {
    if (args.render) {
      double seconds = 120;
      if (args.limits.time_limit_seconds > 0) {
        const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        seconds = std::max(1.0, args.limits.time_limit_seconds - used - 3);
      }
      Result<std::string> pdf = service::RenderWordFamily(bytes, doc->format, seconds);
      if (pdf) rendering = std::move(*pdf);
      else why_not = "the document could not be rendered to PDF (" + pdf.error().message + ")";
    } else {
      why_not = "Word files are rendered with extract --render (or --pages), by ingest and by serve";
    }
  }
  service::PlacePages(report, bytes, doc->format, rendering, why_not, &doc->text_layer);
  const std::string out = args.format == "json" ? ToJson(report).dump(1, ' ', false, kJsonReplace) + "\n"
                                                : ToText(report);
  DisarmWatchdog();
  std::cout << out;
  std::cout.flush();
  return std::cout ? kExitOk : kExitInternal;
}

int DumpUnguarded(const std::string& file, const RunLimits& limits) {
  // The document as extract reads it: the default rules' reading data too.
  Result<RuleSet> rules = LoadRules(DefaultRulesDir());
  if (!rules) return Fail("", rules.error());
  std::string bytes;
  if (Status s = ReadInput(file, bytes); !s) return Fail(file, s.error());
  Result<Document> doc = ExtractDocument(bytes, OptionsFor(limits, *rules));
  if (!doc) return Fail(file, doc.error());
  const std::string out = ToJson(*doc).dump(1, ' ', false, kJsonReplace) + "\n";
  DisarmWatchdog();
  std::cout << out;
  return kExitOk;
}

}  // namespace

int Fail(const std::string& file, const Error& e) {
  std::string msg = e.message;
  for (char& c : msg)
    if (c == '\n' || c == '\r') c = ' ';
  std::cerr << "vareport: " << (file.empty() ? "" : file + ": ") << msg << "\n";
  return ExitFor(e);
}

int Extract(const ExtractArgs& args) {
  ArmLimits(args.file, args.limits);
  try {
    return ExtractUnguarded(args);
  } catch (const std::bad_alloc&) {
    return OutOfMemory(args.file, args.limits);
  }
}

int Dump(const std::string& file, const RunLimits& limits) {
  ArmLimits(file, limits);
  try {
    return DumpUnguarded(file, limits);
  } catch (const std::bad_alloc&) {
    return OutOfMemory(file, limits);
  }
}

int RulesCheck(const std::string& dir) {
  std::string d = dir.empty() ? DefaultRulesDir() : dir;
  Result<RuleSet> rules = LoadRules(d);
  if (!rules) return Fail("", rules.error());
  std::size_t phrases = 0, cues = 0;
  for (const ComponentRule& c : rules->components)
    for (const QuestionRule& q : c.questions) {
      phrases += q.phrases.size();
      cues += q.cues.size();
    }
  std::cout << d << ": ok (" << rules->components.size() << " components, " << rules->QuestionCount()
            << " questions, " << phrases << " phrasings, " << cues << " narrative cues, " << rules->lexicons.size()
            << " languages, " << rules->states.size() << " States, " << rules->plans.size()
            << " plans; version " << rules->version << ")\n";
  return kExitOk;
}

}  // namespace vareport::cli
