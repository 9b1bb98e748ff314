#include "service/worker.h"

#include <signal.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>

#include "analysis/analyzer.h"
#include "extractors/extractor.h"
#include "rules/rule_loader.h"
#include "service/extract_options.h"
#include "service/evidence_pages.h"
#include "store/blob_store.h"
#include "store/report_codec.h"

namespace vareport::service {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

int Fail(const Error& e) {
  std::cerr << "error:" << ErrorKindName(e.kind) << ":" << OneLine(e.message) << "\n" << std::flush;
  switch (e.kind) {
    case ErrorKind::kRuleError: return 3;
    case ErrorKind::kUnavailable: return 69;
    case ErrorKind::kInternal: return 70;
    default: return 2;
  }
}

// Rules loaded before the document (PreloadWorkerRules): their folder, the
// folder's files as they were then (RulesStamp), the rules.
struct Preloaded {
  std::string dir, stamp;
  RuleSet rules;
};
std::optional<Preloaded>& PreloadedRules() {
  static std::optional<Preloaded> rules;
  return rules;
}

// Every file under `dir` with its size and modification time: rules edited
// since they were preloaded are loaded afresh.
std::string RulesStamp(const std::string& dir) {
  std::string stamp;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != decltype(it)(); it.increment(ec)) {
    std::error_code e2;
    if (!it->is_regular_file(e2)) continue;
    stamp += it->path().string() + '\t' + std::to_string(it->file_size(e2)) + '\t' +
             std::to_string(it->last_write_time(e2).time_since_epoch().count()) + '\n';
  }
  return stamp;
}

int RunWorkerUnguarded(const WorkerArgs& args) {
  const std::string dir = args.rules_dir.empty() ? DefaultRulesDir() : args.rules_dir;
  std::optional<Result<RuleSet>> loaded;
  const RuleSet* rules = nullptr;
  if (PreloadedRules() && PreloadedRules()->dir == dir && PreloadedRules()->stamp == RulesStamp(dir)) {
    rules = &PreloadedRules()->rules;
  } else {
    loaded = LoadRules(dir);
    if (!*loaded) return Fail(loaded->error());
    rules = &**loaded;
  }
  std::string bytes;
  if (Status s = ReadFileBytes(args.file, bytes); !s) return Fail(s.error());
  Result<Document> doc = ExtractDocument(bytes, ExtractOptionsFor(*rules));
  if (!doc) return Fail(doc.error());
  Report report = Analyze(*doc, *rules);
  report.file = args.name.empty() ? std::filesystem::path(args.file).filename().string() : args.name;
  report.sha256 = store::Sha256Hex(bytes);
  report.format = FormatName(doc->format);
  report.pages = doc->pages;
  report.ocr = doc->ocr;
  std::optional<std::string> rendering;
  std::string why_not = "no rendering was made";
  if (IsWordFamily(doc->format)) {
    if (!args.rendering.empty()) {
      std::string pdf;
      ExtractOptions big;
      if (Status s = ReadFileBytes(args.rendering, pdf, big); s) rendering = std::move(pdf);
      else why_not = "the stored rendering cannot be read (" + s.error().message + ")";
    } else if (!args.render_out.empty()) {
      Result<std::string> pdf = RenderWordFamily(bytes, doc->format, args.render_seconds);
      if (pdf) {
        std::ofstream out(args.render_out, std::ios::binary);
        out << *pdf;
        out.close();
        if (!out) std::filesystem::remove(args.render_out);
        rendering = std::move(*pdf);
      } else {
        why_not = "the document could not be rendered to PDF (" + pdf.error().message + ")";
      }
    }
  }
  PlacePages(report, bytes, doc->format, rendering, why_not, &doc->text_layer);
  std::cout << store::EncodeReport(report).dump(-1, ' ', false, kReplace) << "\n";
  std::cout.flush();
  return std::cout ? 0 : 70;
}

}  // namespace

int RunWorker(const WorkerArgs& args) {
  try {
    return RunWorkerUnguarded(args);
  } catch (const std::bad_alloc&) {
    return Fail(MakeError(ErrorKind::kLimitExceeded, "memory limit exceeded"));
  } catch (const std::exception& e) {
    return Fail(MakeError(ErrorKind::kInternal, std::string("internal error: ") + e.what()));
  }
}

void PreloadWorkerRules(const std::string& rules_dir) {
  std::string stamp = RulesStamp(rules_dir);
  Result<RuleSet> rules = LoadRules(rules_dir);
  if (rules) PreloadedRules().emplace(Preloaded{rules_dir, std::move(stamp), std::move(*rules)});
}

int RunConvertWorker(LegacyConverter* converter, const std::vector<std::string>& files, const std::string& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  std::vector<Result<std::string>> results;
  if (converter) {
    results = converter->ConvertMany(files);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string base = out_dir + "/" + std::to_string(i);
    Result<std::string> r = i < results.size() ? std::move(results[i])
                                               : Result<std::string>(MakeError(
                                                     ErrorKind::kUnsupportedFormat,
                                                     "legacy formats (.doc, .rtf, .odt) cannot be converted by this build"));
    std::ofstream out(r ? base + ".docx.tmp" : base + ".err", std::ios::binary);
    if (r) out << *r;
    else out << ErrorKindName(r.error().kind) << ":" << OneLine(r.error().message);
    out.close();
    if (!out) return Fail(MakeError(ErrorKind::kInternal, "cannot write to " + out_dir));
    if (r) std::filesystem::rename(base + ".docx.tmp", base + ".docx", ec);
  }
  return 0;
}

std::string LastLine(const std::string& text) {
  std::size_t end = text.size();
  while (end > 0) {
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
    std::size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t") != std::string::npos) return line;
    end = start;
  }
  return "";
}

std::variant<Report, WorkerFailure> ReadWorkerExit(const ChildExit& exit, const ExitContext& ctx) {
  auto fmt_seconds = [](double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return std::string(buf);
  };
  if (ctx.killed_for_time)
    return WorkerFailure{"timeout", "timed out after " + fmt_seconds(ctx.time_limit_seconds) + " s"};
  const std::string last = LastLine(exit.err);
  if (exit.signal != 0) {
    if (exit.signal == SIGXCPU)
      return WorkerFailure{"timeout", "CPU time limit of " + std::to_string(ctx.cpu_limit_seconds) + " s exceeded"};
    std::string reason = "crashed: killed by signal " + std::to_string(exit.signal);
    if (const char* name = ::strsignal(exit.signal)) reason += std::string(" (") + name + ")";
    if (ctx.memory_limit_mb > 0 && (exit.signal == SIGABRT || exit.signal == SIGSEGV) &&
        (last.find("bad_alloc") != std::string::npos || last.find("memory") != std::string::npos))
      return WorkerFailure{"memory-limit", "memory limit of " + std::to_string(ctx.memory_limit_mb) + " MiB exceeded"};
    if (!last.empty()) reason += ": " + last;
    return WorkerFailure{"crash", reason};
  }
  if (exit.exit_code != 0) {
    if (last.rfind("error:", 0) == 0) {
      std::string rest = last.substr(6);
      std::size_t colon = rest.find(':');
      std::string kind = colon == std::string::npos ? "internal" : rest.substr(0, colon);
      std::string msg = colon == std::string::npos ? rest : rest.substr(colon + 1);
      if (kind == "limit-exceeded" && msg == "memory limit exceeded" && ctx.memory_limit_mb > 0)
        return WorkerFailure{"memory-limit", "memory limit of " + std::to_string(ctx.memory_limit_mb) + " MiB exceeded"};
      return WorkerFailure{kind, msg};
    }
    return WorkerFailure{"crash", "worker exited with status " + std::to_string(exit.exit_code) +
                                      (last.empty() ? std::string() : ": " + last)};
  }
  Result<Report> r = store::DecodeReport(exit.out);
  if (!r) return WorkerFailure{"crash", "worker printed no report: " + r.error().message};
  return std::move(*r);
}

}  // namespace vareport::service
