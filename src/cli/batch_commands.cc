#include "cli/batch_commands.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "core/text.h"
#include "extractors/legacy/legacy_converter.h"
#include "report/finding_codes.h"
#include "report/report_json.h"
#include "report/report_text.h"
#include "rules/rule_loader.h"
#include "service/discover.h"
#include "service/export.h"
#include "service/fork_server.h"
#include "service/ingest.h"
#include "service/review.h"
#include "service/worker.h"
#include "store/blob_store.h"
#include "store/open_store.h"
#include "store/sqlite_store.h"

namespace vareport::cli {
namespace {


void AddDb(CLI::App* app, std::string& db) {
  app->add_option("--db", db,
                  "the store: a SQLite file (originals kept in <db>.files/), or postgresql://… for a shared "
                  "PostgreSQL store (password from PGPASSWORD or ~/.pgpass, never in the URI)")
      ->capture_default_str();
}

void AddRunOptions(CLI::App* app, std::string& rules, int& jobs, double& timeout, std::size_t& memory_mb,
                   bool& legacy, bool& render) {
  app->add_flag_callback("--no-render", [&render] { render = false; },
                         "do not render Word files to PDF (faster; their evidence pages unknown, no page images)");
  app->add_option("-j,--jobs", jobs, "documents parsed at once (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  app->add_option("--rules", rules, "rule folder (default: the one extract uses)");
  app->add_option("--timeout", timeout, "wall-clock limit per document, seconds (1 to 604800)")->capture_default_str()
      ->check(CLI::Validator(
          [](const std::string& v) -> std::string {
            try {
              const double t = std::stod(v);
              return std::isfinite(t) && t >= 1 && t <= 604800 ? std::string() : std::string("1 to 604800 seconds");
            } catch (const std::exception&) {
              return "a number of seconds";
            }
          },
          "SECONDS"));
  app->add_option("--memory-mb", memory_mb, "address-space limit per document's process, MiB (0: none; else 128 to 1048576)")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](const std::string& v) -> std::string {
            try {
              const unsigned long long mb = std::stoull(v);
              return mb == 0 || (mb >= 128 && mb <= (1ULL << 20)) ? std::string()
                                                                   : std::string("0 (none) or 128 to 1048576 MiB");
            } catch (const std::exception&) {
              return "a number of MiB";
            }
          },
          "MIB"));
  // A plain flag with the value it stores (a "!" flag shows "{false}" in --help).
  app->add_flag_callback("--no-legacy-batch", [&legacy] { legacy = false; },
                         "convert .doc/.rtf/.odt one by one instead of in groups");
}

// Ctrl-C (SIGINT) or SIGTERM during ingest / reprocess: the runner stops at
// its next turn (service::RunOptions::interrupted).
std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int /*signal*/) { g_interrupted.store(true); }

void CatchInterrupts() {
  struct sigaction sa = {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a wait in progress returns at once
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

// `vareport worker --db`: SIGTERM (or a first SIGINT) finishes the documents
// in hand and exits; a second SIGINT stops at once, releasing its jobs.
std::atomic<bool> g_draining{false};
std::atomic<int> g_sigints{0};
extern "C" void OnWorkerSignal(int signal) {
  if (signal == SIGINT && g_sigints.fetch_add(1) >= 1) g_interrupted.store(true);
  g_draining.store(true);
}

void CatchWorkerSignals() {
  struct sigaction sa = {};
  sa.sa_handler = OnWorkerSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

// A store must be writable (SQLite writes beside the database: -wal, -shm,
// and the originals in <db>.files/): a read-only folder or file is bad input,
// said plainly, not an internal error.
// Read-only: no write access for us, no write permission for anyone (its mode
// says so, even to root), or on a read-only file system.
bool ReadOnly(const std::filesystem::path& p) {
  struct stat st = {};
  if (::stat(p.c_str(), &st) != 0) return false;
  if ((st.st_mode & 0222) == 0 || ::access(p.c_str(), W_OK) != 0) return true;
  struct statvfs fs = {};
  return ::statvfs(p.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
}

Status CheckWritable(const std::string& db_path) {
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::absolute(db_path, ec);
  const std::filesystem::path dir = p.parent_path();
  if (std::filesystem::is_directory(dir, ec) && ReadOnly(dir))
    return MakeError(ErrorKind::kUnreadableInput, "cannot use the store " + db_path + ": the folder " + dir.string() +
                                                      " is read-only");
  if (std::filesystem::exists(p, ec) && ReadOnly(p))
    return MakeError(ErrorKind::kUnreadableInput, "cannot use the store " + db_path + ": " + db_path + " is read-only");
  return Ok{};
}

std::string OrDash(const std::optional<std::string>& s) { return s ? *s : "-"; }
std::string OrDash(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

struct Opened {
  std::unique_ptr<store::Store> db;
  std::string rules_dir;
};

// Runs the queued jobs of `db` with the options in `c`, printing progress on stderr.
int RunQueued(store::Store& db, const store::BlobStore& blobs, const std::string& db_path, const std::string& rules_dir,
              int jobs, double timeout, std::size_t memory_mb, bool legacy, bool render,
              service::ProgressSink& progress) {
  service::RunOptions o;
  o.workers = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.worker_exe = service::SelfExecutable();
  o.rules_dir = rules_dir;
  o.time_limit_seconds = timeout;
  o.memory_limit_mb = memory_mb;
  o.legacy_batches = legacy;
  o.render = render;
  o.scratch_dir = blobs.root() + "/tmp";
  o.interrupted = &g_interrupted;
  auto spawner = service::MakeWorkerSpawner(o.worker_exe, rules_dir);  // a fork server
  service::SteadyClock clock;
  Result<service::RunSummary> r = service::RunJobs(db, blobs, *spawner, clock, progress, o);
  if (!r) return Fail(r.error());
  if (r->interrupted) {
    // On a terminal the live progress bar holds the line: start a new one.
    std::cerr << (::isatty(2) ? "\n" : "") << "interrupted: " << r->done + r->failed << " done, " << r->queued
              << " queued; run again to resume\n";
    return kExitInterrupted;
  }
  Result<store::JobCounts> c = db.CountJobs();
  if (!c) return Fail(c.error());
  std::cerr << "store " << store::DbLabel(db_path) << ": " << c->total() << " files: " << c->done << " done (" << c->duplicates
            << " duplicates), " << c->failed << " failed, " << c->queued + c->running << " waiting\n";
  return kExitOk;
}

// Tab-separated output: tabs and line breaks inside a field (a file name may
// hold them) are written as \t, \n, \r.
std::string TsvField(const std::string& v) {
  std::string out;
  for (char c : SanitizeUtf8(v)) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// Opens the store at `path` for a command that reads it: a path with no
// store is an error (a typo would otherwise show an empty archive).
Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& path) {
  if (store::IsSharedDb(path)) {
    store::StoreOptions options;
    options.must_exist = true;
    return store::OpenStore(path, options);
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return MakeError(ErrorKind::kUnreadableInput, "no store at " + path + " (run ingest first, or give --db)");
  }
  if (Status s = CheckWritable(path); !s) return s.error();
  return store::OpenSqliteStore(path);
}

// Resolves and checks the rule folder once, so a broken rule set fails the
// command instead of every job.
Result<std::string> CheckedRules(const std::string& dir) {
  std::string d = dir.empty() ? DefaultRulesDir() : dir;
  Result<RuleSet> rules = LoadRules(d);
  if (!rules) return rules.error();
  return std::filesystem::absolute(d).string();
}

}  // namespace

BatchCommands::BatchCommands(CLI::App& app) {
  ingest_ = app.add_subcommand("ingest", "Take files, folders and .zip archives of submissions into the store");
  ingest_->add_option("paths", paths_, "files, folders (recursively) and .zip archives")->required();
  AddDb(ingest_, common_.db);
  AddRunOptions(ingest_, common_.rules_dir, common_.jobs, common_.timeout, common_.memory_mb, common_.legacy_batches,
                common_.render);
  ingest_->add_flag("--no-process", no_process_,
                    "only record the jobs, for workers to take (vareport worker --db postgresql://…)");

  status_ = app.add_subcommand("status", "Count the store's jobs by state");
  AddDb(status_, common_.db);
  status_->add_flag("--failed", failed_only_, "list the failed files with the reason");
  status_->add_flag("--skipped", skipped_only_, "list the files skipped as not a PDF or Word document");

  list_ = app.add_subcommand("list", "List the stored submissions");
  AddDb(list_, common_.db);
  list_->add_option("--state", state_, "State Party, ISO 3166-1 alpha-3 (KHM)");
  list_->add_option("--year", year_, "reporting year");
  list_->add_option("--kind", kind_, "document kind: va_checklist, article7_report, national_plan, statement, other or unknown");
  list_->add_option("--flag", flag_, "a finding code the submission has (MISSING_ANSWER, …)");

  show_ = app.add_subcommand("show", "Print one stored submission's report");
  show_->add_option("id", id_, "submission id (see list)")->required();
  AddDb(show_, common_.db);
  show_->add_option("--format", show_format_, "text (a reviewer's summary) or json (the report model)")
      ->check(CLI::IsMember({"json", "text"}));

  reprocess_ = app.add_subcommand("reprocess", "Analyse stored originals again with the current rules");
  reprocess_->add_flag("--all", all_, "every submission");
  reprocess_->add_flag("--failed", retry_failed_, "the failed files again (see status --failed)");
  reprocess_->add_option("ids", ids_, "submission ids");
  AddDb(reprocess_, common_.db);
  AddRunOptions(reprocess_, common_.rules_dir, common_.jobs, common_.timeout, common_.memory_mb,
                common_.legacy_batches, common_.render);
  reprocess_->add_flag("--no-process", no_process_, "only record the jobs, for workers to take");

  export_ = app.add_subcommand("export", "Write the store as CSV files, an XLSX workbook or JSON");
  export_->add_option("--format", export_format_, "csv, xlsx or json")->required()
      ->check(CLI::IsMember({"csv", "xlsx", "json"}));
  export_->add_option("--out", out_,
                      "csv: a folder, one file per table (default vareport-export/); xlsx: the workbook "
                      "(default vareport.xlsx); json: the file (default: standard output)");
  export_->add_option("--year", year_, "reporting year of the completeness matrix (default: the latest)");
  export_->add_option("--rules", common_.rules_dir, "rule folder: titles, States Parties roster (default: the one extract uses)");
  AddDb(export_, common_.db);

  // With --db: a long-running worker taking jobs from a (shared) store. Without:
  // the hidden child protocol, one document (service/worker.h).
  worker_ = app.add_subcommand(
      "worker",
      "Take jobs from a store until stopped (SIGTERM: finish the documents in hand; SIGINT twice: stop at once)");
  worker_->add_option("file", worker_file_, "(internal: the one document of a child process)")->group("");
  worker_->add_option("--db", worker_db_,
                      "the store to take jobs from: postgresql://… (or a SQLite file, one worker at a time)");
  worker_->add_option("-j,--jobs", common_.jobs, "documents parsed at once (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  worker_->add_option("--timeout", common_.timeout, "wall-clock limit per document, seconds")->check(CLI::Range(1.0, 604800.0));
  worker_->add_option("--memory-mb", common_.memory_mb, "address-space limit per document's process, MiB (0: none)");
  worker_->add_flag_callback("--no-render", [this] { common_.render = false; }, "do not render Word files to PDF");
  worker_->add_flag_callback("--no-legacy-batch", [this] { common_.legacy_batches = false; },
                             "convert .doc/.rtf/.odt one by one");
  worker_->add_option("--lease", lease_seconds_,
                      "seconds a job stays this worker's without renewal (renewed every third of it); a worker "
                      "that dies frees its jobs after this long")
      ->check(CLI::Range(3, 3600))
      ->capture_default_str();
  worker_->add_option("--rules", common_.rules_dir, "rule folder (default: the one extract uses)");
  // The child protocol's options (service/worker.h), not shown in --help.
  worker_->add_option("--name", worker_name_)->group("");
  worker_->add_option("--rendering", worker_rendering_)->group("");
  worker_->add_option("--render-out", worker_render_out_)->group("");
  worker_->add_option("--render-seconds", worker_render_seconds_)->group("");

  worker_convert_ = app.add_subcommand("worker-convert", "");  // hidden: a group of legacy files
  worker_convert_->group("");
  worker_convert_->add_option("--out", convert_out_)->required();
  worker_convert_->add_option("files", paths_)->required();
}

std::optional<int> BatchCommands::Run() {
  if (ingest_->parsed()) return Ingest();
  if (status_->parsed()) return Status();
  if (list_->parsed()) return List();
  if (show_->parsed()) return Show();
  if (reprocess_->parsed()) return Reprocess();
  if (export_->parsed()) return Export();
  if (worker_->parsed()) return Worker();
  if (worker_convert_->parsed()) return WorkerConvert();
  return std::nullopt;
}

int BatchCommands::Ingest() {
  Result<std::string> rules = CheckedRules(common_.rules_dir);
  if (!rules) return Fail(rules.error());
  const bool shared = store::IsSharedDb(common_.db);
  if (!shared) {
    if (vareport::Status w = CheckWritable(common_.db); !w) return Fail(w.error());
  }
  auto db = store::OpenStore(common_.db);
  if (!db) return Fail(db.error());
  // SQLite: one process runs jobs at a time. PostgreSQL: leases share the work.
  Result<std::unique_ptr<service::DatabaseLock>> lock = std::unique_ptr<service::DatabaseLock>();
  if (!shared) lock = service::LockDatabase(common_.db);
  if (!lock) return Fail(lock.error());
  CatchInterrupts();
  auto progress = service::MakeStreamProgress(std::cerr, ::isatty(2) != 0);
  Result<store::BlobStore> blobs = store::OpenBlobs(common_.db);
  if (!blobs) return Fail(blobs.error());
  service::DiscoverOptions discover;
  discover.store_path = common_.db;
  discover.interrupted = &g_interrupted;
  Result<service::DiscoverSummary> found = service::DiscoverAndEnqueue(paths_, **db, *blobs, *progress, discover);
  if (!found) return Fail(found.error());
  progress->Note("found " + std::to_string(found->files) + " files: " + std::to_string(found->queued) + " new, " +
                 std::to_string(found->duplicates) + " duplicates of others, " + std::to_string(found->failed) +
                 " unreadable, " + std::to_string(found->skipped) + " skipped (not a PDF or Word document), " +
                 std::to_string(found->known) + " already in the store");
  if (no_process_) {
    // The whole URI (host and port may be in its query): it carries no
    // password (CheckPostgresUri refuses one), quoted for a POSIX shell.
    std::string quoted = "'";
    for (char c : common_.db) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    progress->Note("jobs recorded for workers to take (vareport worker --db " + quoted + ")");
    return kExitOk;
  }
  return RunQueued(**db, *blobs, common_.db, *rules, common_.jobs, common_.timeout, common_.memory_mb,
                   common_.legacy_batches, common_.render, *progress);
}

int BatchCommands::Reprocess() {
  if (static_cast<int>(all_) + static_cast<int>(retry_failed_) + static_cast<int>(!ids_.empty()) != 1) {
    std::cerr << "vareport: reprocess: give one of --all, --failed or submission ids\n";
    return kExitBadInput;
  }
  Result<std::string> rules = CheckedRules(common_.rules_dir);
  if (!rules) return Fail(rules.error());
  auto db = OpenExistingStore(common_.db);
  if (!db) return Fail(db.error());
  Result<std::unique_ptr<service::DatabaseLock>> lock = std::unique_ptr<service::DatabaseLock>();
  if (!store::IsSharedDb(common_.db)) lock = service::LockDatabase(common_.db);
  if (!lock) return Fail(lock.error());
  Result<store::BlobStore> blobs = store::OpenBlobs(common_.db);
  if (!blobs) return Fail(blobs.error());
  CatchInterrupts();
  if (retry_failed_) {
    auto n = (*db)->RequeueFailed();
    if (!n) return Fail(n.error());
    auto progress = service::MakeStreamProgress(std::cerr, ::isatty(2) != 0);
    progress->Note("trying " + std::to_string(*n) + " failed files again");
    if (no_process_) return kExitOk;
    return RunQueued(**db, *blobs, common_.db, *rules, common_.jobs, common_.timeout, common_.memory_mb,
                     common_.legacy_batches, common_.render, *progress);
  }
  std::vector<std::int64_t> ids(ids_.begin(), ids_.end());
  if (all_) {
    auto rows = (*db)->ListSubmissions({});
    if (!rows) return Fail(rows.error());
    for (const auto& r : *rows) ids.push_back(r.id);
  }
  auto queued = (*db)->EnqueueReprocess(ids);
  if (!queued) return Fail(queued.error());
  auto progress = service::MakeStreamProgress(std::cerr, ::isatty(2) != 0);
  progress->Note("reprocessing " + std::to_string(queued->size()) + " submissions");
  if (no_process_) return kExitOk;
  return RunQueued(**db, *blobs, common_.db, *rules, common_.jobs, common_.timeout, common_.memory_mb,
                   common_.legacy_batches, common_.render, *progress);
}

int BatchCommands::Status() {
  auto db = OpenExistingStore(common_.db);
  if (!db) return Fail(db.error());
  if (skipped_only_) {
    auto files = (*db)->ListSkipped();
    if (!files) return Fail(files.error());
    std::cout << "file\tbytes\treason\n";
    for (const store::SkippedFile& f : *files)
      std::cout << TsvField(f.path) << "\t" << f.size << "\t" << TsvField(f.reason) << "\n";
    return kExitOk;
  }
  if (failed_only_) {
    auto jobs = (*db)->ListJobs(store::JobState::kFailed);
    if (!jobs) return Fail(jobs.error());
    std::cout << "job\tfile\terror kind\terror\n";
    auto field = TsvField;
    for (const store::Job& j : *jobs) {
      std::cout << j.id << "\t" << field(j.path) << "\t" << field(j.error_kind) << "\t" << field(j.error) << "\n";
    }
    return kExitOk;
  }
  auto c = (*db)->CountJobs();
  if (!c) return Fail(c.error());
  auto subs = (*db)->ListSubmissions({});
  if (!subs) return Fail(subs.error());
  auto skipped = (*db)->ListSkipped();
  if (!skipped) return Fail(skipped.error());
  std::cout << "store        " << store::DbLabel(common_.db) << " (schema " << (*db)->SchemaVersion() << ")\n"
            << "queued       " << c->queued << "\n"
            << "running      " << c->running << "\n"
            << "done         " << c->done << " (" << c->duplicates << " duplicates of another file)\n"
            << "failed       " << c->failed << "\n"
            << "total        " << c->total() << "\n"
            << "submissions  " << subs->size() << "\n"
            << "skipped      " << skipped->size() << " (not a PDF or Word document; see status --skipped)\n";
  return kExitOk;
}

int BatchCommands::List() {
  auto db = OpenExistingStore(common_.db);
  if (!db) return Fail(db.error());
  static const std::set<std::string> kKinds = {"va_checklist", "article7_report", "national_plan", "statement",
                                                "other", "unknown"};
  if (kind_ && !kKinds.count(*kind_)) {
    std::cerr << "vareport: list: unknown kind '" << *kind_
              << "' (va_checklist, article7_report, national_plan, statement, other, unknown)\n";
    return kExitBadInput;
  }
  if (flag_) {
    for (char& c : *flag_) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::vector<std::string>& codes = FindingCodes();
    if (std::find(codes.begin(), codes.end(), *flag_) == codes.end()) {
      std::string all;
      for (const std::string& c : codes) all += (all.empty() ? "" : ", ") + c;
      std::cerr << "vareport: list: unknown flag '" << *flag_ << "' (" << all << ")\n";
      return kExitBadInput;
    }
  }
  if (state_) {
    for (char& c : *state_) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  store::SubmissionFilter f{state_, year_, kind_, flag_};
  auto rows = (*db)->ListSubmissions(f);
  if (!rows) return Fail(rows.error());
  std::cout << "id\tstate\tyear\tkind\tformat\tcomponents\tanswers\tfindings\tfile\n";
  for (const store::SubmissionRow& r : *rows) {
    std::cout << r.id << "\t" << OrDash(r.state) << "\t" << OrDash(r.reporting_year) << "\t" << r.kind << "\t"
              << r.format << "\t" << r.completeness.components_reported << "/" << r.completeness.components_total
              << "\t" << r.completeness.questions_answered << "/" << r.completeness.questions_total << "\t"
              << r.findings << "\t" << r.file << "\n";
  }
  return kExitOk;
}

int BatchCommands::Show() {
  auto db = OpenExistingStore(common_.db);
  if (!db) return Fail(db.error());
  auto s = (*db)->LoadSubmission(id_);
  if (!s) return Fail(s.error());
  if (!*s) return Fail(MakeError(ErrorKind::kUnreadableInput, "no submission " + std::to_string(id_)));
  if (show_format_ == "json")
    std::cout << ToJson((*s)->report).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else
    std::cout << ToText((*s)->report);
  return kExitOk;
}

int BatchCommands::Export() {
  auto db = OpenExistingStore(common_.db);
  if (!db) return Fail(db.error());
  if (export_format_ == "json") {
    if (out_.empty() || out_ == "-") {
      vareport::Status s = service::WriteJson(**db, std::cout);
      return s ? kExitOk : Fail(s.error());
    }
    std::ofstream out(out_, std::ios::binary);
    vareport::Status s = service::WriteJson(**db, out);
    return s ? kExitOk : Fail(s.error());
  }
  Result<RuleSet> rules = LoadRules(common_.rules_dir.empty() ? DefaultRulesDir() : common_.rules_dir);
  if (!rules) return Fail(rules.error());
  auto tables = service::BuildTables(**db, *rules, year_);
  if (!tables) return Fail(tables.error());
  // Reviewers' decisions and corrections (vareport serve) in every export.
  if (vareport::Status s = service::AddReviewColumns(**db, *tables); !s) return Fail(s.error());
  if (export_format_ == "csv") {
    std::string dir = out_.empty() ? "vareport-export" : out_;
    vareport::Status s = service::WriteCsv(*tables, dir);
    if (!s) return Fail(s.error());
    std::cerr << "wrote " << tables->size() << " CSV files to " << dir << "/\n";
    return kExitOk;
  }
  std::string path = out_.empty() ? "vareport.xlsx" : out_;
  vareport::Status s = service::WriteXlsx(*tables, path);
  if (!s) return Fail(s.error());
  std::cerr << "wrote " << path << "\n";
  return kExitOk;
}

int BatchCommands::Worker() {
  if (!worker_db_.empty()) return LongWorker();
  if (worker_file_.empty()) {
    std::cerr << "vareport: worker: give --db (a store to take jobs from)\n";
    return kExitBadInput;
  }
  service::WorkerArgs args;
  args.file = worker_file_;
  args.name = worker_name_;
  args.rules_dir = common_.rules_dir;
  args.rendering = worker_rendering_;
  args.render_out = worker_render_out_;
  args.render_seconds = worker_render_seconds_;
  return service::RunWorker(args);
}

int BatchCommands::WorkerConvert() {
  std::unique_ptr<LegacyConverter> converter = MakeSofficeConverter();
  return service::RunConvertWorker(converter.get(), paths_, convert_out_);
}

}  // namespace vareport::cli

namespace vareport::cli {

int BatchCommands::LongWorker() {
  Result<std::string> rules = CheckedRules(common_.rules_dir);
  if (!rules) return Fail(rules.error());
  const bool shared = store::IsSharedDb(worker_db_);
  if (!shared) {
    if (vareport::Status w = CheckWritable(worker_db_); !w) return Fail(w.error());
  }
  store::StoreOptions so;
  so.lease_seconds = lease_seconds_;
  auto db = store::OpenStore(worker_db_, so);
  if (!db) return Fail(db.error());
  Result<std::unique_ptr<service::DatabaseLock>> lock = std::unique_ptr<service::DatabaseLock>();
  if (!shared) lock = service::LockDatabase(worker_db_);
  if (!lock) return Fail(lock.error());
  Result<store::BlobStore> blobs = store::OpenBlobs(worker_db_, so);
  if (!blobs) return Fail(blobs.error());
  CatchWorkerSignals();
  service::RunOptions o;
  o.workers = common_.jobs > 0 ? common_.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.worker_exe = service::SelfExecutable();
  o.rules_dir = *rules;
  o.time_limit_seconds = common_.timeout;
  o.memory_limit_mb = common_.memory_mb;
  o.legacy_batches = common_.legacy_batches;
  o.render = common_.render;
  o.scratch_dir = blobs->root() + "/tmp";
  o.interrupted = &g_interrupted;
  o.draining = &g_draining;
  o.keep_waiting = true;
  o.renew_seconds = std::max(1.0, lease_seconds_ / 3.0);
  auto spawner = service::MakePosixSpawner();
  service::SteadyClock clock;
  auto progress = service::MakeSilentProgress();
  std::cerr << "vareport worker: taking jobs from " << store::DbLabel(worker_db_) << ", " << o.workers
            << " at a time\n";
  for (;;) {
    Result<service::RunSummary> r = service::RunJobs(**db, *blobs, *spawner, clock, *progress, o);
    if (r) {
      if (r->interrupted) {
        std::cerr << "vareport worker: stopped; its jobs released for other workers\n";
        return kExitInterrupted;
      }
      std::cerr << "vareport worker: finished the documents in hand; stopped\n";
      return kExitOk;
    }
    // The database went away (restarted, network): the children were
    // stopped, their jobs come back when their leases run out; try again.
    std::cerr << "vareport worker: " << r.error().message << "; trying again in 2 s\n";
    for (int i = 0; i < 20 && !g_draining.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (g_interrupted.load()) return kExitInterrupted;
    if (g_draining.load()) return kExitOk;
  }
}

}  // namespace vareport::cli
