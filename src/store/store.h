// vareport/store/store.h — where batch ingestion keeps its jobs and results.
//
// The Store is the one place a batch writes to. It holds:
//   jobs         one per input file (or ZIP entry, or reprocess request):
//                queued → running → done | failed (with the reason);
//   submissions  one per distinct content (SHA-256), with the report model
//                (shared/spec/report-model.md) and its answers, objectives,
//                findings and per-component status as rows;
//   rules_versions  the rule versions results were made with.
// The originals themselves live in a BlobStore (store/blob_store.h).
//
// Guarantees every implementation gives (and the pipeline relies on):
//   * a job result is all-or-nothing: CompleteJob / FailJob are one
//     transaction each; a reader never sees a half-written submission;
//   * content is processed once: Enqueue records a file whose SHA-256 is
//     already known as a duplicate of the first job with that content, and
//     resolves it when that job finishes, in the same transaction;
//   * re-enqueueing a (path, content) pair already known adds nothing.
//
// A shared store (PostgreSQL, Shared() true) is also a work queue for
// workers on several machines: Claim takes a job under a lease (the worker's
// id and lease_until, renewed with RenewLeases while it works); a job whose
// lease ran out (its worker was killed, its machine lost) is claimed again,
// and after StoreOptions::max_attempts such claims it is failed "crashed N
// times". CompleteJob / FailJob write only while this worker holds the job,
// so no result is recorded twice.
//
// Thread-safety: a Store object is NOT thread-safe; open one per thread or
// process. Distinct Store objects on the same database may be used
// concurrently (the SQLite backend waits on locks up to its busy timeout).
//
// Errors: every method returns a Result; storage failures are kInternal
// ("database is locked", "disk I/O error", with the statement as context),
// a database written by a newer vareport is kUnsupportedFormat.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "report/report.h"
#include "store/access.h"

namespace vareport::store {

enum class JobState { kQueued, kRunning, kDone, kFailed };
enum class JobKind { kIngest, kReprocess };

// "queued", "running", "done", "failed" — the values of jobs.state.
std::string_view JobStateName(JobState state);
std::optional<JobState> ParseJobState(std::string_view name);
std::string_view JobKindName(JobKind kind);

// A file found by discovery, to become a job.
struct NewJob {
  std::string path;    // absolute path, or "archive.zip!/dir/file.docx" for a ZIP entry
  std::string sha256;  // of the bytes, lower-case hex; empty when the file could not be read
  std::int64_t size = 0;
  std::string format;  // DetectFormat's name ("pdf", "docx", "doc", …) or "" when unknown
  // When set, the job is recorded failed at once with this reason (unreadable
  // file, damaged ZIP archive, file too large).
  std::optional<Error> failed;
};

struct Job {
  std::int64_t id = 0;
  JobKind kind = JobKind::kIngest;
  std::string path;
  std::string sha256;
  std::int64_t size = 0;
  std::string format;
  JobState state = JobState::kQueued;
  std::string error_kind;  // ErrorKindName of the failure, or "crash", "timeout"; empty unless failed
  std::string error;       // the one-line reason; empty unless failed
  std::optional<std::int64_t> submission_id;  // done: the submission this file is (or duplicates)
  std::optional<std::int64_t> duplicate_of;   // the job that processed the same content
  int attempts = 0;                           // times it was started (> 1 after a resume)
  std::string created_at, finished_at;        // ISO 8601 UTC
};

// What Enqueue did with one NewJob.
enum class EnqueueResult {
  kQueued,     // a new job, to be processed
  kDuplicate,  // a new job for content already seen: done/failed with the first one, or waiting on it
  kFailed,     // a new job recorded failed at once (NewJob::failed)
  kKnown,      // this path with this content already has a job: nothing added
};

struct JobCounts {
  std::int64_t queued = 0, running = 0, done = 0, failed = 0;
  std::int64_t duplicates = 0;  // of the done ones, how many are duplicates of another file
  std::int64_t total() const { return queued + running + done + failed; }
};

// What a finished job hands to CompleteJob.
struct JobResult {
  Report report;             // with source fields (file, sha256, format) filled
  double seconds = 0;        // time the child took, for the record
  long max_rss_kb = 0;       // the child's peak resident set size, for the record
  // SHA-256 of the original's PDF rendering in the BlobStore (Word-family
  // files rendered with LibreOffice; the page images are drawn from it), or
  // nullopt when there is none (a PDF original, or the rendering failed).
  std::optional<std::string> rendering_sha256 = std::nullopt;
};

// Filters of `vareport list`; empty ones match everything.
struct SubmissionFilter {
  std::optional<std::string> state;  // ISO 3166-1 alpha-3
  std::optional<int> year;           // reporting year
  std::optional<std::string> kind;   // document kind ("va_checklist", …)
  std::optional<std::string> flag;   // a finding code the submission has
};

// One row of the submissions table (the report's scalar fields).
struct SubmissionRow {
  std::int64_t id = 0;
  std::string sha256, file, path, format, language, kind;
  std::optional<int> pages;
  std::optional<std::string> state;
  std::optional<int> reporting_year;
  std::optional<std::string> framework;
  Completeness completeness;
  int findings = 0;  // number of findings
  std::string rules_version;
  std::string processed_at;  // ISO 8601 UTC of the last (re)processing
  std::optional<std::string> rendering_sha256;  // the PDF rendering's blob (JobResult), if any
};

// A file discovery did not take in: not a supported format ("not a PDF or
// Word document"). Counted and listable (`status --skipped`), never a job.
struct SkippedFile {
  std::string path;     // as NewJob::path
  std::int64_t size = 0;
  std::string reason;   // one line
  std::string seen_at;  // ISO 8601 UTC (set by the store)
};

// A submission with its whole report (answers, objectives, findings, components).
struct StoredSubmission {
  SubmissionRow row;
  Report report;
};

// How a Store is opened (store/open_store.h).
struct StoreOptions {
  int busy_timeout_ms = 30000;  // SQLite: how long a writer waits for another
  // This worker's id in jobs.worker; empty: "<hostname>:<pid>".
  std::string worker;
  int lease_seconds = 60;  // a claimed job is this worker's for this long, renewed by RenewLeases
  int max_attempts = 3;    // claims of a job whose lease ran out before it is failed "crashed N times"
  // PostgreSQL: refuse a database that holds no vareport store yet instead of
  // creating one in it (commands that only read: a typo in the database name
  // must not change someone else's database).
  bool must_exist = false;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version this database is at (after migrations).
  virtual int SchemaVersion() = 0;

  // True when other machines may work on the database (PostgreSQL): no file
  // lock guards it, leases do.
  virtual bool Shared() const = 0;

  // Adds jobs, in one transaction, and returns what happened to each (same
  // order). See EnqueueResult; duplicates point at the first job with that
  // content (Job::duplicate_of) and are never handed out by Claim.
  virtual Result<std::vector<EnqueueResult>> Enqueue(const std::vector<NewJob>& jobs) = 0;

  // Queues one reprocess job per submission id (the stored original, analysed
  // again with the current rules). Unknown ids are kUnreadableInput errors.
  virtual Result<std::vector<std::int64_t>> EnqueueReprocess(const std::vector<std::int64_t>& submission_ids) = 0;

  // Puts jobs left `running` by a process that died back to `queued`.
  // Returns how many. Call only while holding the ingest lock (no other
  // process is running jobs on this database). A shared store does nothing
  // and returns 0: jobs of a dead worker come back when their leases run out.
  virtual Result<std::int64_t> RequeueAbandoned() = 0;

  // Puts failed jobs whose original is in the store (a SHA-256 is known)
  // back to `queued` with their attempts at 0 (a deliberate retry starts the
  // crash count again), for another try after a fix or a longer limit.
  // Returns how many. Call only while holding the ingest lock (SQLite).
  virtual Result<std::int64_t> RequeueFailed() = 0;

  // Marks up to `max` queued jobs (or running ones whose lease ran out)
  // running under this worker's lease (attempts + 1) and returns them,
  // oldest first. `legacy` selects jobs whose format is doc, rtf or odt
  // (true) or any other (false); nullopt takes any. PostgreSQL: SELECT … FOR
  // UPDATE SKIP LOCKED (docs §SELECT "The Locking Clause"), so concurrent
  // workers never take the same job.
  virtual Result<std::vector<Job>> Claim(std::size_t max, std::optional<bool> legacy) = 0;

  // Extends the leases of these jobs while this worker still holds them.
  virtual Status RenewLeases(const std::vector<std::int64_t>& job_ids) = 0;
  // Puts jobs this worker holds back to `queued` (a worker stopping at once)
  // and wakes the others.
  virtual Status ReleaseJobs(const std::vector<std::int64_t>& job_ids) = 0;
  // Waits up to `seconds` for new work: PostgreSQL LISTEN on the channel
  // Enqueue / EnqueueReprocess / RequeueFailed / ReleaseJobs NOTIFY; true when
  // woken. SQLite: sleeps and returns false.
  virtual Result<bool> WaitForJobs(double seconds) = 0;

  // Records a running job's result in one transaction: the submission and its
  // rows (a reprocess job replaces them), the job done, and every job waiting
  // on it as a duplicate done too. Nothing is written (and Ok returned) when
  // this worker no longer holds the job: its lease ran out and it is another's.
  virtual Status CompleteJob(std::int64_t job_id, const JobResult& result) = 0;

  // Records a job failed with `kind` (ErrorKindName or "crash" / "timeout")
  // and a one-line `reason`, with its waiting duplicates, in one transaction.
  virtual Status FailJob(std::int64_t job_id, std::string_view kind, std::string_view reason) = 0;

  // Records files that were skipped (one transaction); a path seen again
  // replaces its row.
  virtual Status RecordSkipped(const std::vector<SkippedFile>& files) = 0;
  // Skipped files in path order.
  virtual Result<std::vector<SkippedFile>> ListSkipped() = 0;

  // The PDF rendering recorded for content `sha256` (a submission's
  // rendering_sha256), so a reprocess of unchanged content reuses it.
  virtual Result<std::optional<std::string>> RenderingOf(const std::string& sha256) = 0;

  virtual Result<JobCounts> CountJobs() = 0;
  // Jobs in id order, optionally only those in `state`.
  virtual Result<std::vector<Job>> ListJobs(std::optional<JobState> state) = 0;

  // Submissions matching `filter`, in id order.
  virtual Result<std::vector<SubmissionRow>> ListSubmissions(const SubmissionFilter& filter) = 0;
  // One submission with its report, or nullopt when there is none with `id`.
  virtual Result<std::optional<StoredSubmission>> LoadSubmission(std::int64_t id) = 0;

  // ---- jobs and content, for the HTTP service ----

  // One job, or nullopt.
  virtual Result<std::optional<Job>> LoadJobById(std::int64_t id) = 0;
  // The ingest job of this (path, content), or nullopt.
  virtual Result<std::optional<Job>> FindIngestJob(std::string_view path, std::string_view sha256) = 0;
  // The submission of this content, or nullopt.
  virtual Result<std::optional<std::int64_t>> SubmissionForContent(std::string_view sha256) = 0;
  // The job an Idempotency-Key was first given, or nullopt; SetIdempotencyKey
  // records it (a key given again keeps its first job).
  virtual Result<std::optional<std::int64_t>> FindIdempotencyKey(std::string_view key) = 0;
  virtual Status SetIdempotencyKey(std::string_view key, std::int64_t job_id) = 0;
  // Seconds spent processing, and the number of jobs timed, over all jobs.
  virtual Result<std::pair<double, std::int64_t>> ProcessingSeconds() = 0;
  // Removes a submission, its rows, its reviews and the jobs of its content,
  // and records an audit entry by `user`, in one transaction. False when
  // there is no submission `id`. Audit entries stay.
  virtual Result<bool> DeleteSubmission(std::int64_t id, std::string_view user) = 0;

  // ---- originals kept in the database (table blobs; store/blob_store.h) ----

  // Stores bytes under their SHA-256 (lower-case hex) unless already there.
  virtual Status PutBlob(std::string_view sha256, std::string_view bytes) = 0;
  virtual Result<bool> HasBlob(std::string_view sha256) = 0;
  // The bytes, or nullopt when there is no such blob.
  virtual Result<std::optional<std::string>> GetBlob(std::string_view sha256) = 0;

  // ---- users, API tokens, sessions (store/access.h) ----

  // Errors: kUnreadableInput "user NAME exists".
  virtual Result<std::int64_t> AddUser(std::string_view name, Role role, std::string_view password_hash) = 0;
  virtual Result<std::optional<User>> FindUser(std::string_view name) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // Marks the user revoked and drops its tokens and sessions; false when unknown.
  virtual Result<bool> RevokeUser(std::string_view name) = 0;
  virtual Status AddToken(std::int64_t user_id, std::string_view token_sha256) = 0;
  // The (not revoked) user of a token hash, or nullopt.
  virtual Result<std::optional<User>> UserByToken(std::string_view token_sha256) = 0;
  virtual Status AddSession(std::string_view session_sha256, std::int64_t user_id, std::string_view csrf,
                            std::int64_t expires_at) = 0;
  // The session of a cookie hash if it has not expired at `now` (Unix s) and its user is not revoked.
  virtual Result<std::optional<Session>> FindSession(std::string_view session_sha256, std::int64_t now) = 0;
  virtual Status DeleteSession(std::string_view session_sha256) = 0;

  // ---- the review layer (store/access.h) ----

  // Records `review` as the current one for (submission, target, key) and an
  // audit entry with `before` → the new decision or value, in one transaction.
  // Returns the stored review (with `at`).
  virtual Result<Review> PutReview(const Review& review, std::string_view before) = 0;
  // Current reviews of one submission, or of all (nullopt), by submission then key.
  virtual Result<std::vector<Review>> ListReviews(std::optional<std::int64_t> submission_id) = 0;
  virtual Status AddAudit(const AuditEntry& entry) = 0;
  // Audit entries, oldest first, of one submission or of all.
  virtual Result<std::vector<AuditEntry>> ListAudit(std::optional<std::int64_t> submission_id) = 0;
};

}  // namespace vareport::store
