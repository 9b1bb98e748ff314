// vareport/service/worker.h — both sides of the worker protocol.
//
// The batch runner starts `vareport worker --rules DIR --name NAME
// [--rendering PDF | --render-out PDF --render-seconds S] FILE` for each
// document (the hidden subcommand of the vareport executable itself):
//   success  exit 0, stdout = one JSON object: the report model plus
//            "components" (store/report_codec.h);
//   failure  exit ≠ 0, stderr's last line = "error:<kind>:<message>", where
//            <kind> is an ErrorKindName ("unreadable-input", …);
//   anything else (a signal, a stray exit, garbage on stdout) is a crash.
// Legacy formats are converted in batches first:
// `vareport worker-convert --out DIR FILE...` runs LegacyConverter::ConvertMany
// once and writes DIR/<i>.docx for each input i that converted and
// DIR/<i>.err ("<kind>:<message>") for each that did not.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "extractors/legacy/legacy_converter.h"
#include "report/report.h"
#include "service/spawner.h"

namespace vareport::service {

// ---- child side (run inside the worker process) ----

struct WorkerArgs {
  std::string file;       // the bytes to read (a blob, or a converted .docx)
  std::string name;       // the report's source.file (default: file's base name)
  std::string rules_dir;  // empty: DefaultRulesDir()
  // Word-family input (service/evidence_pages.h): `rendering` is a PDF
  // rendering already made of this content (reused, nothing rendered);
  // otherwise, when `render_out` is set, the file is rendered with LibreOffice
  // within `render_seconds` and the PDF written there for the parent to keep.
  // Neither: no rendering (evidence pages unknown, with a warning).
  std::string rendering;
  std::string render_out;
  double render_seconds = 60;
};

// Reads, extracts and analyses one file; prints as described above. Returns
// the exit status (0, 2 input, 3 rules, 70 internal).
int RunWorker(const WorkerArgs& args);

// Loads the rules of `rules_dir` for every later RunWorker in this process
// (and the children it forks: service/fork_server.h) whose rules folder is
// the same and whose files are unchanged (names, sizes, modification times);
// otherwise RunWorker loads them itself, as without this, and fails with
// their error if they are broken. Not thread-safe: call before any RunWorker.
void PreloadWorkerRules(const std::string& rules_dir);

// Converts `files` with one ConvertMany call into `out_dir` as described above.
// `converter` may be null (no converter in this build): every file then gets
// a kUnsupportedFormat .err. Returns 0 unless out_dir cannot be written.
int RunConvertWorker(LegacyConverter* converter, const std::vector<std::string>& files, const std::string& out_dir);

// ---- parent side ----

// Why a job failed: a kind (ErrorKindName, or "crash", "timeout",
// "memory-limit") and a one-line reason.
struct WorkerFailure {
  std::string kind;
  std::string reason;
};

// What the parent knows of a child's end besides the ChildExit.
struct ExitContext {
  bool killed_for_time = false;  // the parent killed it at its wall-clock limit
  double time_limit_seconds = 0;
  std::size_t memory_limit_mb = 0;
  int cpu_limit_seconds = 0;
};

// Reads a worker's end: its report, or why it failed ("timed out after 60 s",
// "killed by signal 11 (Segmentation fault)", "memory limit of 2048 MiB
// exceeded", the worker's own one-line error).
std::variant<Report, WorkerFailure> ReadWorkerExit(const ChildExit& exit, const ExitContext& context);

// The last non-empty line of `text`, without a trailing CR.
std::string LastLine(const std::string& text);

}  // namespace vareport::service
