// vareport/service/ingest.h — runs the queued jobs of a Store: each document
// in a child process with limits, N at a time, each result stored in one
// transaction. `vareport ingest` is DiscoverAndEnqueue (discover.h) then
// RunJobs; `vareport reprocess` is Store::EnqueueReprocess then RunJobs.
//
// Crash and resume. A job is `running` only while a child works on it; its
// result becomes visible with the one transaction that stores it
// (Store::CompleteJob / FailJob). If the batch is killed at any moment,
// RunJobs on the next start puts the jobs left `running` back to `queued`
// (RequeueAbandoned) and carries on: what was committed stays, what was not
// is redone, nothing is stored twice. On SQLite only one process may run jobs
// on a database at a time: callers hold LockDatabase for the whole run. On a
// shared store (PostgreSQL) any number of runs and workers may: each job is
// held under a lease renewed while its child works (renew_seconds), and a
// dead run's jobs are claimed again when their leases run out.
//
// Limits. Each child has RLIMIT_AS = memory_limit_mb (not under
// AddressSanitizer, which reserves terabytes of address space), RLIMIT_CPU as
// a backstop, and a wall-clock limit enforced here: past it the child's
// process group is killed and the job fails "timed out after N s".
//
// Legacy formats. With `legacy_batches`, queued .doc/.rtf/.odt jobs are taken
// in groups and converted by one `vareport worker-convert` child (one
// LibreOffice start for the group; wall-clock limit legacy_seconds_per_file ×
// group size; no RLIMIT_AS, LibreOffice maps far more than it uses); each
// converted .docx is then read by an ordinary worker. A file the group could
// not convert (refused, or the group crashed or overran) is read by an
// ordinary worker from its original, which converts it alone and fails it
// with the extractor's own reason. Without `legacy_batches` every legacy file
// takes that path.
//
// Temporary files. Every child runs with TMPDIR set to a folder under
// scratch_dir (LibreOffice's private folders go there), removed when the run
// ends, is interrupted or fails, so nothing is left in /tmp.
//
// Side effects are behind seams: Store, Spawner (child processes), Clock
// (time limits, rates); only the scratch folder of converted files is touched
// directly. Thread-safety: one thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "service/clock.h"
#include "service/progress.h"
#include "service/spawner.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace vareport::service {

struct RunOptions {
  int workers = 1;                      // children at once
  std::string worker_exe;               // the vareport executable (SelfExecutable())
  std::string rules_dir;                // passed to workers; empty: their default
  double time_limit_seconds = 120;      // wall clock, per document
  std::size_t memory_limit_mb = 2048;   // RLIMIT_AS per child; 0: none
  bool legacy_batches = false;          // see above
  std::size_t legacy_batch_size = 16;
  double legacy_seconds_per_file = 60;
  std::string scratch_dir;              // converted files (legacy_batches); created and emptied here
  double tick_seconds = 0.25;           // progress refresh
  // Word-family files (.docx .doc .rtf .odt) are rendered to PDF by their
  // worker (service/evidence_pages.h) within render_share × the time limit;
  // the rendering is kept in the BlobStore and recorded with the submission
  // (JobResult::rendering_sha256). Content already rendered (a reprocess of
  // an unchanged original) reuses its rendering: Store::RenderingOf.
  bool render = true;
  double render_share = 0.5;
  // Set (by a SIGINT/SIGTERM handler) to stop: the children are killed (and
  // with them any LibreOffice: its guard dies with its caller), their jobs go
  // back to `queued`, the scratch folder (children's TMPDIR included) is
  // removed, and RunJobs returns with RunSummary::interrupted. Null: never.
  const std::atomic<bool>* interrupted = nullptr;
  // Set to finish the documents in hand and take no more (a worker's SIGTERM):
  // RunJobs returns when they are recorded. Null: never.
  const std::atomic<bool>* draining = nullptr;
  // A long-running worker (`vareport worker`): with no job to take, wait for
  // one (Store::WaitForJobs, idle_wait_seconds at a time) instead of
  // returning; only `interrupted` or `draining` ends the run.
  bool keep_waiting = false;
  double idle_wait_seconds = 5;
  // The leases of the jobs in hand are renewed this often (Store::RenewLeases;
  // keep it well under StoreOptions::lease_seconds).
  double renew_seconds = 10;
};

struct RunSummary {
  std::int64_t requeued = 0;  // jobs found `running` from a dead run, queued again
  std::int64_t done = 0;      // finished this run (duplicates resolved with them included)
  std::int64_t failed = 0;
  double seconds = 0;
  bool interrupted = false;   // stopped by RunOptions::interrupted
  std::int64_t queued = 0;    // jobs left queued (after an interruption: to do on the next run)
};

// Runs every queued job to done or failed. Errors: store errors (the run
// stops; what was committed stays), kInternal when no child can be started.
Result<RunSummary> RunJobs(store::Store& db, const store::BlobStore& blobs, Spawner& spawner, Clock& clock,
                           ProgressSink& progress, const RunOptions& options);

// An exclusive lock on `<db_path>.lock` (flock), released when the returned
// object is destroyed or the process dies. Errors: kUnreadableInput "another
// vareport is working on DB" when held elsewhere.
class DatabaseLock {
 public:
  virtual ~DatabaseLock() = default;
};
Result<std::unique_ptr<DatabaseLock>> LockDatabase(const std::string& db_path);

}  // namespace vareport::service
