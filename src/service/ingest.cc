#include "core/sanitizers.h"
#include "service/ingest.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>

#include "extractors/extractor.h"
#include "service/worker.h"

namespace vareport::service {
namespace fs = std::filesystem;

namespace {

using vareport::kAddressSanitizer;  // core/sanitizers.h

std::string BaseName(const std::string& path) { return path.substr(path.rfind('/') + 1); }

struct Task {
  bool convert = false;
  std::vector<store::Job> jobs;  // one for an extraction, the group for a conversion
  std::string input;             // extraction: the file the worker reads
  std::string out_dir;           // conversion: where the .docx go
  double started = 0, deadline = 0, limit = 0;
  bool killed = false;
  std::string rendering_sha;  // extraction: a stored rendering the worker reuses
  std::string render_out;     // extraction: where the worker writes a new rendering
};

bool IsWordFamilyName(const std::string& format) {
  return format == "docx" || format == "doc" || format == "rtf" || format == "odt";
}

class Runner {
 public:
  Runner(store::Store& db, const store::BlobStore& blobs, Spawner& spawner, Clock& clock, ProgressSink& progress,
         const RunOptions& o)
      : db_(db), blobs_(blobs), spawner_(spawner), clock_(clock), progress_(progress), o_(o) {}

  Result<RunSummary> Run() {
    RunSummary summary;
    Result<std::int64_t> requeued = db_.RequeueAbandoned();
    if (!requeued) return requeued.error();
    summary.requeued = *requeued;
    if (*requeued > 0) progress_.Note("resuming: " + std::to_string(*requeued) + " interrupted jobs queued again");
    Result<store::JobCounts> c0 = db_.CountJobs();
    if (!c0) return c0.error();
    base_ = *c0;
    total_ = c0->queued;
    t0_ = clock_.Now();
    last_renew_ = t0_;
    for (;;) {
      if (Interrupted()) return Interrupt(summary);
      if (Status s = Fill(); !s) return Abort(s.error());
      if (active_.empty()) {
        // A long-running worker waits for new jobs (woken by NOTIFY on PostgreSQL).
        if (!o_.keep_waiting || Draining()) break;
        if (Result<bool> w = db_.WaitForJobs(o_.idle_wait_seconds); !w) return Abort(w.error());
        if (Status s = ReportProgress(false); !s) return Abort(s.error());
        continue;
      }
      double now = clock_.Now();
      double wait = o_.tick_seconds;
      for (const auto& [id, t] : active_)
        if (!t.killed) wait = std::min(wait, t.deadline - now);
      auto ended = spawner_.Wait(std::max(0.0, wait));
      if (Interrupted()) return Interrupt(summary);
      for (auto& [id, exit] : ended) {
        auto it = active_.find(id);
        if (it == active_.end()) continue;
        Task task = std::move(it->second);
        active_.erase(it);
        Status s = task.convert ? EndConvert(task, exit) : EndExtract(task, exit);
        if (!s) return Abort(s.error());
      }
      now = clock_.Now();
      for (auto& [id, t] : active_) {
        if (!t.killed && now >= t.deadline) {
          spawner_.Kill(id);
          t.killed = true;
        }
      }
      if (Status s = RenewLeases(); !s) return Abort(s.error());
      if (Status s = ReportProgress(false); !s) return Abort(s.error());
    }
    RemoveScratch();
    if (Status s = ReportProgress(true); !s) return s.error();
    summary.done = last_.done;
    summary.failed = last_.failed;
    summary.seconds = last_.elapsed;
    if (Result<store::JobCounts> c = db_.CountJobs()) summary.queued = c->queued;
    return summary;
  }

 private:
  bool Interrupted() const { return o_.interrupted != nullptr && o_.interrupted->load(); }
  bool Draining() const { return o_.draining != nullptr && o_.draining->load(); }

  // The jobs this run holds: in a child, or converted and waiting for one.
  std::vector<std::int64_t> HeldJobs() const {
    std::vector<std::int64_t> ids;
    for (const auto& [id, t] : active_)
      for (const store::Job& j : t.jobs) ids.push_back(j.id);
    for (const auto& [job, path] : converted_) ids.push_back(job.id);
    return ids;
  }

  // Keeps the leases of the jobs in hand (store/store.h) every renew_seconds.
  Status RenewLeases() {
    const double now = clock_.Now();
    if (now - last_renew_ < o_.renew_seconds) return Ok{};
    last_renew_ = now;
    return db_.RenewLeases(HeldJobs());
  }

  // Stops at once: children killed, their jobs queued again, scratch removed.
  Result<RunSummary> Interrupt(RunSummary summary) {
    const std::vector<std::int64_t> held = HeldJobs();
    for (auto& [id, t] : active_) spawner_.Kill(id);
    while (spawner_.running() > 0) spawner_.Wait(1.0);
    if (Status s = db_.ReleaseJobs(held); !s) return s.error();
    active_.clear();
    converted_.clear();
    RemoveScratch();
    Result<std::int64_t> requeued = db_.RequeueAbandoned();
    if (!requeued) return requeued.error();
    Result<store::JobCounts> c = db_.CountJobs();
    if (!c) return c.error();
    summary.interrupted = true;
    summary.done = c->done - base_.done;
    summary.failed = c->failed - base_.failed;
    summary.queued = c->queued + c->running;
    summary.seconds = clock_.Now() - t0_;
    return summary;
  }

  Error Abort(const Error& e) {
    const std::vector<std::int64_t> held = HeldJobs();
    for (auto& [id, t] : active_) spawner_.Kill(id);
    while (spawner_.running() > 0) spawner_.Wait(1.0);
    (void)db_.ReleaseJobs(held);  // may fail too (the database is gone): then their leases run out
    active_.clear();
    converted_.clear();
    RemoveScratch();
    return e;
  }

  void RemoveScratch() {
    std::error_code ec;
    for (const std::string& d : out_dirs_) fs::remove_all(d, ec);
    out_dirs_.clear();
    if (!TmpDir().empty()) fs::remove_all(TmpDir(), ec);
  }

  // The children's TMPDIR: one folder per run under scratch_dir.
  // Absolute: LibreOffice takes its profile folder as a file:// URL.
  std::string TmpDir() const {
    if (o_.scratch_dir.empty()) return std::string();
    std::error_code ec;
    return fs::absolute(o_.scratch_dir + "/tmp-" + std::to_string(::getpid()), ec).lexically_normal().string();
  }

  Status Fill() {
    while (active_.size() < static_cast<std::size_t>(std::max(1, o_.workers))) {
      if (!converted_.empty()) {
        auto [job, path] = std::move(converted_.front());
        converted_.pop_front();
        if (Status s = StartExtract(job, path); !s) return s;
        continue;
      }
      if (Draining()) break;  // finishing the jobs in hand, taking no more
      if (o_.legacy_batches && !converting_) {
        Result<std::vector<store::Job>> group = db_.Claim(o_.legacy_batch_size, true);
        if (!group) return group.error();
        if (!group->empty()) {
          if (Status s = StartConvert(std::move(*group)); !s) return s;
          continue;
        }
      }
      Result<std::vector<store::Job>> one =
          db_.Claim(1, o_.legacy_batches ? std::optional<bool>(false) : std::nullopt);
      if (!one) return one.error();
      if (one->empty()) break;
      store::Job job = std::move(one->front());
      Result<std::string> input = blobs_.Fetch(job.sha256);
      if (!input) {
        if (input.error().kind != ErrorKind::kUnreadableInput) return input.error();
        if (Status s = db_.FailJob(job.id, "unreadable-input", input.error().message); !s) return s;
        continue;
      }
      if (Status s = StartExtract(job, *input); !s) return s;
    }
    return Ok{};
  }

  ChildSpec Spec(std::vector<std::string> argv, double limit, bool memory_limit = true) const {
    ChildSpec spec;
    spec.argv = std::move(argv);
    if (!TmpDir().empty()) {
      std::error_code ec;
      fs::create_directories(TmpDir(), ec);
      if (!ec) spec.env.push_back("TMPDIR=" + TmpDir());
    }
    if (!kAddressSanitizer && memory_limit) spec.memory_limit_bytes = o_.memory_limit_mb << 20;
    spec.cpu_limit_seconds = static_cast<int>(std::ceil(limit * 2)) + 5;
    return spec;
  }

  Status StartExtract(const store::Job& job, const std::string& input) {
    std::vector<std::string> argv = {o_.worker_exe, "worker"};
    if (!o_.rules_dir.empty()) argv.insert(argv.end(), {"--rules", o_.rules_dir});
    Task t;
    if (o_.render && IsWordFamilyName(job.format)) {
      Result<std::optional<std::string>> known = db_.RenderingOf(job.sha256);
      if (!known) return known.error();
      Result<std::string> stored = *known ? blobs_.Fetch(**known) : Result<std::string>(MakeError(ErrorKind::kUnreadableInput, "none"));
      if (stored) {
        t.rendering_sha = **known;
        argv.insert(argv.end(), {"--rendering", *stored});
      } else if (!TmpDir().empty()) {
        std::error_code ec;
        fs::create_directories(TmpDir(), ec);
        t.render_out = TmpDir() + "/rendering-" + std::to_string(job.id) + ".pdf";
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%g", std::max(1.0, o_.time_limit_seconds * o_.render_share));
        argv.insert(argv.end(), {"--render-out", t.render_out, "--render-seconds", seconds});
      }
    }
    argv.insert(argv.end(), {"--name", BaseName(job.path), input});
    t.jobs = {job};
    t.input = input;
    return Start(std::move(t), Spec(std::move(argv), o_.time_limit_seconds), o_.time_limit_seconds);
  }

  Status StartConvert(std::vector<store::Job> group) {
    Task t;
    t.convert = true;
    t.out_dir = o_.scratch_dir + "/convert-" + std::to_string(::getpid()) + "-" + std::to_string(++converts_);
    std::vector<std::string> argv = {o_.worker_exe, "worker-convert", "--out", t.out_dir};
    for (const store::Job& j : group) {
      Result<std::string> path = blobs_.Fetch(j.sha256);
      argv.push_back(path ? *path : blobs_.PathFor(j.sha256));  // absent: the worker fails it alone later
    }
    const double limit = o_.legacy_seconds_per_file * static_cast<double>(group.size());
    t.jobs = std::move(group);
    converting_ = true;
    // No RLIMIT_AS: LibreOffice maps far more than it uses; the wall clock bounds it.
    return Start(std::move(t), Spec(std::move(argv), limit, /*memory_limit=*/false), limit);
  }

  Status Start(Task t, const ChildSpec& spec, double limit) {
    Result<Spawner::Id> id = spawner_.Start(spec);
    if (!id) return id.error();
    t.started = clock_.Now();
    t.limit = limit;
    t.deadline = t.started + limit;
    active_.emplace(*id, std::move(t));
    return Ok{};
  }

  ExitContext Context(const Task& t) const {
    ExitContext ctx;
    ctx.killed_for_time = t.killed;
    ctx.time_limit_seconds = t.limit;
    ctx.memory_limit_mb = kAddressSanitizer ? 0 : o_.memory_limit_mb;
    ctx.cpu_limit_seconds = static_cast<int>(std::ceil(t.limit * 2)) + 5;
    return ctx;
  }

  Status EndExtract(const Task& t, const ChildExit& exit) {
    const store::Job& job = t.jobs.front();
    if (t.input.rfind(o_.scratch_dir + "/", 0) == 0 && !o_.scratch_dir.empty()) {
      std::error_code ec;
      fs::remove(t.input, ec);
    }
    auto r = ReadWorkerExit(exit, Context(t));
    std::optional<std::string> rendering;
    if (!t.rendering_sha.empty()) rendering = t.rendering_sha;
    if (!t.render_out.empty()) {
      std::string pdf;
      std::error_code ec;
      if (std::get_if<Report>(&r) != nullptr && fs::is_regular_file(t.render_out, ec) &&
          ReadFileBytes(t.render_out, pdf)) {
        Result<std::string> sha = blobs_.Put(pdf);
        if (!sha) return sha.error();
        rendering = *sha;
      }
      fs::remove(t.render_out, ec);
    }
    if (auto* f = std::get_if<WorkerFailure>(&r)) return db_.FailJob(job.id, f->kind, f->reason);
    store::JobResult result;
    result.rendering_sha256 = rendering;
    result.report = std::move(std::get<Report>(r));
    result.report.file = BaseName(job.path);
    result.report.sha256 = job.sha256;
    if (!job.format.empty()) result.report.format = job.format;
    result.seconds = clock_.Now() - t.started;
    result.max_rss_kb = exit.max_rss_kb;
    return db_.CompleteJob(job.id, result);
  }

  // Files of the group that converted are read from their .docx; the others
  // (the converter refused them, or the whole group crashed or overran) are
  // read one by one from the original, so the extractor gives its own reason
  // ("encrypted Word document: …") and one bad file cannot sink the group.
  Status EndConvert(const Task& t, const ChildExit&) {
    converting_ = false;
    for (std::size_t i = 0; i < t.jobs.size(); ++i) {
      const std::string docx = t.out_dir + "/" + std::to_string(i) + ".docx";
      std::error_code ec;
      if (fs::exists(docx, ec)) {
        converted_.emplace_back(t.jobs[i], docx);
      } else {
        converted_.emplace_back(t.jobs[i], blobs_.PathFor(t.jobs[i].sha256));
      }
    }
    return Ok{};
  }

  Status ReportProgress(bool final) {
    Result<store::JobCounts> c = db_.CountJobs();
    if (!c) return c.error();
    last_.total = std::max<std::int64_t>(total_, c->done + c->failed - base_.done - base_.failed);
    last_.done = c->done - base_.done;
    last_.failed = c->failed - base_.failed;
    last_.running = static_cast<std::int64_t>(active_.size());
    last_.elapsed = clock_.Now() - t0_;
    if (final) progress_.Finish(last_);
    else progress_.Update(last_);
    return Ok{};
  }

  store::Store& db_;
  const store::BlobStore& blobs_;
  Spawner& spawner_;
  Clock& clock_;
  ProgressSink& progress_;
  const RunOptions& o_;
  std::map<Spawner::Id, Task> active_;
  std::deque<std::pair<store::Job, std::string>> converted_;  // legacy jobs after their group: job, file to read
  bool converting_ = false;
  std::vector<std::string> out_dirs_;  // conversion folders of this run, removed at its end
  int converts_ = 0;
  store::JobCounts base_;
  std::int64_t total_ = 0;
  double t0_ = 0;
  double last_renew_ = 0;
  Progress last_;
};

class FlockLock final : public DatabaseLock {
 public:
  explicit FlockLock(int fd) : fd_(fd) {}
  ~FlockLock() override { ::close(fd_); }

 private:
  int fd_;
};

}  // namespace

Result<RunSummary> RunJobs(store::Store& db, const store::BlobStore& blobs, Spawner& spawner, Clock& clock,
                           ProgressSink& progress, const RunOptions& options) {
  if (!options.scratch_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.scratch_dir, ec);
  }
  Runner runner(db, blobs, spawner, clock, progress, options);
  return runner.Run();
}

Result<std::unique_ptr<DatabaseLock>> LockDatabase(const std::string& db_path) {
  const std::string path = db_path + ".lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return MakeError(ErrorKind::kUnreadableInput, "cannot open " + path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return MakeError(ErrorKind::kUnreadableInput, "another vareport is working on " + db_path);
  }
  return std::unique_ptr<DatabaseLock>(new FlockLock(fd));
}

}  // namespace vareport::service
