// The one Store implementation (store/store.h) over the SQL seam
// (store/sql/connection.h): the same SQL on SQLite and PostgreSQL, the
// differences in sql::Dialect.
#include <unistd.h>

#include <utility>

#include "store/open_store.h"
#include "store/report_codec.h"
#include "store/sql/connection.h"
#include "store/sqlite_store.h"

namespace vareport::store {
namespace {

using sql::Params;
using sql::Rows;

// Each entry brings the schema from version i to i + 1 (SQLite: PRAGMA
// user_version; PostgreSQL: the schema_version table). Written for SQLite;
// PostgreSQL runs sql::Dialect::Ddl of it. Never edit a released migration:
// append a new one. Documented in schema.md.
const char* const kMigrations[] = {
    // 1: the first schema.
    R"sql(
CREATE TABLE rules_versions(
  version TEXT PRIMARY KEY,
  first_used_at TEXT NOT NULL
);
CREATE TABLE submissions(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  format TEXT NOT NULL,
  pages INTEGER,
  ocr INTEGER NOT NULL DEFAULT 0,
  language TEXT,
  kind TEXT NOT NULL,
  state TEXT,
  reporting_year INTEGER,
  framework TEXT,
  components_reported INTEGER NOT NULL DEFAULT 0,
  components_total INTEGER NOT NULL DEFAULT 0,
  questions_answered INTEGER NOT NULL DEFAULT 0,
  questions_total INTEGER NOT NULL DEFAULT 0,
  findings INTEGER NOT NULL DEFAULT 0,
  rules_version TEXT NOT NULL REFERENCES rules_versions(version),
  report TEXT NOT NULL,
  created_at TEXT NOT NULL,
  processed_at TEXT NOT NULL
);
CREATE INDEX submissions_state_year ON submissions(state, reporting_year);
CREATE TABLE components(
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  component TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('reported','partial','missing')),
  answered INTEGER NOT NULL,
  total INTEGER NOT NULL,
  objectives INTEGER NOT NULL,
  PRIMARY KEY(submission_id, component)
);
CREATE TABLE answers(
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  question TEXT NOT NULL,
  component TEXT NOT NULL,
  value TEXT,
  value_int INTEGER,
  value_type TEXT NOT NULL CHECK(value_type IN ('word','integer','text')),
  page INTEGER,
  evidence TEXT,
  confidence REAL,
  source TEXT,
  PRIMARY KEY(submission_id, idx)
);
CREATE INDEX answers_question ON answers(question);
CREATE TABLE objectives(
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  component TEXT NOT NULL,
  text TEXT NOT NULL,
  measurable INTEGER NOT NULL,
  time_bound INTEGER NOT NULL,
  deadline TEXT,
  quantities TEXT NOT NULL,
  page INTEGER,
  evidence TEXT,
  PRIMARY KEY(submission_id, idx)
);
CREATE TABLE findings(
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  code TEXT NOT NULL,
  component TEXT,
  question TEXT,
  objective INTEGER,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  page INTEGER,
  PRIMARY KEY(submission_id, idx)
);
CREATE INDEX findings_code ON findings(code);
CREATE TABLE jobs(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(kind IN ('ingest','reprocess')),
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  format TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK(state IN ('queued','running','done','failed')),
  error_kind TEXT,
  error TEXT,
  submission_id INTEGER REFERENCES submissions(id),
  duplicate_of INTEGER REFERENCES jobs(id),
  attempts INTEGER NOT NULL DEFAULT 0,
  seconds REAL,
  max_rss_kb INTEGER,
  rules_version TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE UNIQUE INDEX jobs_ingest_path_sha ON jobs(path, sha256) WHERE kind = 'ingest';
CREATE INDEX jobs_state ON jobs(state, id);
CREATE INDEX jobs_sha ON jobs(sha256);
CREATE INDEX jobs_duplicate_of ON jobs(duplicate_of);
)sql",
    // (staff) the PDF rendering of a Word-family original, a blob like the original.
    R"sql(
ALTER TABLE submissions ADD COLUMN rendering_sha256 TEXT;
)sql",
    // (staff) files discovery skipped: not a supported format.
    R"sql(
CREATE TABLE skipped(
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
)sql",
    // (server) the HTTP service: users, API tokens, page sessions, the review layer,
    // the audit trail and upload idempotency keys (store/access.h).
    R"sql(
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK(role IN ('reader','reviewer','admin')),
  password_hash TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE api_tokens(
  token_sha256 TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions(
  session_sha256 TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE reviews(
  submission_id INTEGER NOT NULL,
  target TEXT NOT NULL CHECK(target IN ('finding','answer')),
  key TEXT NOT NULL,
  decision TEXT CHECK(decision IN ('confirmed','dismissed')),
  value TEXT,
  note TEXT NOT NULL DEFAULT '',
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY(submission_id, target, key)
);
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  submission_id INTEGER,
  target TEXT NOT NULL DEFAULT '',
  key TEXT NOT NULL DEFAULT '',
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_submission ON audit(submission_id, id);
CREATE TABLE idempotency_keys(
  key TEXT PRIMARY KEY,
  job_id INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
)sql",
    // (pg) shared store and job queue: the worker holding a running job and
    // its lease (Unix seconds, the database's clock; renewed while it works,
    // claimed again once past), and the originals kept in the database
    // (used on PostgreSQL, where workers on other machines have no shared disk).
    R"sql(
ALTER TABLE jobs ADD COLUMN worker TEXT;
ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
CREATE TABLE blobs(
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL
);
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

constexpr const char* kJobsChannel = "vareport_jobs";

#define VR_TRY(expr)                  \
  do {                                \
    auto vr_s_ = (expr);              \
    if (!vr_s_) return vr_s_.error(); \
  } while (0)

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<sql::Connection> db, StoreOptions options)
      : db_(std::move(db)), d_(db_->dialect()), o_(std::move(options)) {
    if (o_.worker.empty()) {
      char host[256] = {};
      ::gethostname(host, sizeof host - 1);
      o_.worker = std::string(host) + ":" + std::to_string(::getpid());
    }
  }

  // ---- schema ----

  Result<std::int64_t> ReadVersion() {
    if (d_.engine == sql::Engine::kSqlite) {
      Result<Rows> r = db_->Query("PRAGMA user_version");
      if (!r) return r.error();
      return r->empty() ? 0 : (*r)[0].Int(0);
    }
    Result<Rows> t = db_->Query("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!t) return t.error();
    if (t->empty() || (*t)[0].Text(0) != "t") return 0;
    Result<Rows> r = db_->Query("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!r) return r.error();
    return r->empty() ? 0 : (*r)[0].Int(0);
  }

  // Inside the migration's transaction: the lock that makes concurrent
  // starts migrate once (SQLite: BEGIN IMMEDIATE already holds it).
  Status LockSchema() {
    if (d_.engine == sql::Engine::kSqlite) return Ok{};
    VR_TRY(db_->Query("SELECT pg_advisory_xact_lock(7061756)"));
    VR_TRY(db_->Script("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)"));
    return Ok{};
  }

  Status SetVersion(int v) {
    if (d_.engine == sql::Engine::kSqlite) return db_->Script("PRAGMA user_version = " + std::to_string(v));
    VR_TRY(db_->Exec("DELETE FROM schema_version"));
    VR_TRY(db_->Exec("INSERT INTO schema_version(version) VALUES(?)", Params(v)));
    return Ok{};
  }

  Status Migrate() {
    Result<std::int64_t> v = ReadVersion();
    if (!v) return v.error();
    if (*v > kSchemaVersion) return Newer(*v);
    for (int i = static_cast<int>(*v); i < kSchemaVersion; ++i) {
      VR_TRY(db_->Begin());
      // Re-read under the lock: another process may have migrated meanwhile.
      if (Status s = LockSchema(); !s) return Rollback(s.error());
      Result<std::int64_t> now = ReadVersion();
      if (!now) return Rollback(now.error());
      if (*now > kSchemaVersion) return Rollback(Newer(*now));
      if (*now > i) {
        VR_TRY(db_->Commit());
        continue;
      }
      if (Status s = db_->Script(d_.Ddl(kMigrations[i])); !s)
        return Rollback(s.error().WithContext("migration " + std::to_string(i + 1)));
      if (Status s = SetVersion(i + 1); !s) return Rollback(s.error());
      VR_TRY(db_->Commit());
    }
    version_ = kSchemaVersion;
    return Ok{};
  }

  static Error Newer(std::int64_t v) {
    return MakeError(ErrorKind::kUnsupportedFormat, "database schema " + std::to_string(v) +
                                                        " is newer than this vareport (" +
                                                        std::to_string(kSchemaVersion) + ")");
  }

  int SchemaVersion() override { return version_; }
  bool Shared() const override { return d_.shared; }

  // ---- jobs ----

  Result<std::vector<EnqueueResult>> Enqueue(const std::vector<NewJob>& jobs) override {
    std::vector<EnqueueResult> out;
    VR_TRY(db_->Begin());
    // PostgreSQL: enqueuers one at a time, so the first job of a content is one.
    if (d_.shared) {
      if (auto r = db_->Query("SELECT pg_advisory_xact_lock(7061757)"); !r) return Rollback(r.error());
    }
    bool queued = false;
    for (const NewJob& j : jobs) {
      Result<EnqueueResult> r = EnqueueOne(j);
      if (!r) return Rollback(r.error());
      queued = queued || *r == EnqueueResult::kQueued;
      out.push_back(*r);
    }
    if (queued) {
      if (Status s = db_->Notify(kJobsChannel); !s) return Rollback(s.error());
    }
    VR_TRY(Commit());
    return out;
  }

  Result<std::vector<std::int64_t>> EnqueueReprocess(const std::vector<std::int64_t>& ids) override {
    std::vector<std::int64_t> out;
    VR_TRY(db_->Begin());
    for (std::int64_t id : ids) {
      Result<Rows> q = db_->Query("SELECT path, sha256, size, format FROM submissions WHERE id = ?", Params(id));
      if (!q) return Rollback(q.error());
      if (q->empty()) return Rollback(MakeError(ErrorKind::kUnreadableInput, "no submission " + std::to_string(id)));
      const Rows::Row s = (*q)[0];
      Result<Rows> ins = db_->Query("INSERT INTO jobs(kind, path, sha256, size, format, state, created_at) "
                                    "VALUES('reprocess', ?, ?, ?, ?, 'queued', " + d_.now + ") RETURNING id",
                                    Params(s.Text(0), s.Text(1), s.Int(2), s.Text(3)));
      if (!ins) return Rollback(ins.error());
      out.push_back((*ins)[0].Int(0));
    }
    if (!out.empty()) {
      if (Status s = db_->Notify(kJobsChannel); !s) return Rollback(s.error());
    }
    VR_TRY(Commit());
    return out;
  }

  Result<std::int64_t> RequeueAbandoned() override {
    // Shared: other workers' jobs are theirs while their leases run; a job
    // whose lease ran out is claimed again by Claim (and counted).
    if (d_.shared) return std::int64_t{0};
    return db_->Exec("UPDATE jobs SET state = 'queued', started_at = NULL, worker = NULL, lease_until = NULL "
                     "WHERE state = 'running'");
  }

  Result<std::int64_t> RequeueFailed() override {
    Result<std::int64_t> n = db_->Exec(
        "UPDATE jobs SET state = 'queued', error_kind = NULL, error = NULL, started_at = NULL, "
        "finished_at = NULL, worker = NULL, lease_until = NULL, attempts = 0 WHERE state = 'failed' AND sha256 <> ''");
    if (n && *n > 0) VR_TRY(db_->Notify(kJobsChannel));
    return n;
  }

  Result<std::vector<Job>> Claim(std::size_t max, std::optional<bool> legacy) override {
    std::string where =
        "duplicate_of IS NULL AND (state = 'queued' OR (state = 'running' AND (lease_until IS NULL OR lease_until < " +
        d_.epoch + ")))";
    // SQLite: a running job without a lease belongs to this process's run (RequeueAbandoned frees the others).
    if (!d_.shared)
      where = "duplicate_of IS NULL AND (state = 'queued' OR (state = 'running' AND lease_until < " + d_.epoch + "))";
    if (legacy) where += *legacy ? " AND format IN ('doc','rtf','odt')" : " AND format NOT IN ('doc','rtf','odt')";
    std::vector<Job> out;
    // A job whose leases ran out too often is failed instead; look further then.
    for (int round = 0; round < 8 && out.size() < max; ++round) {
      VR_TRY(db_->Begin());
      Result<Rows> q = db_->Query("SELECT id, state, attempts FROM jobs WHERE " + where + " ORDER BY id LIMIT ?" +
                                      d_.skip_locked,
                                  Params(static_cast<std::int64_t>(max - out.size())));
      if (!q) return Rollback(q.error());
      if (q->empty()) {
        VR_TRY(Commit());
        break;
      }
      bool crashed = false;
      for (std::size_t i = 0; i < q->size(); ++i) {
        const std::int64_t id = (*q)[i].Int(0);
        const std::int64_t attempts = (*q)[i].Int(2);
        if ((*q)[i].Text(1) == "running" && attempts >= o_.max_attempts) {
          crashed = true;
          const std::string reason =
              "crashed " + std::to_string(attempts) + " times (its worker stopped: killed, or its machine lost)";
          if (Status s = FailInTransaction(id, "crash", reason, /*owned=*/false); !s) return Rollback(s.error());
          continue;
        }
        Result<std::int64_t> u = db_->Exec(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = " + d_.now +
                ", worker = ?, lease_until = " + d_.epoch + " + ? WHERE id = ?",
            Params(o_.worker, static_cast<std::int64_t>(o_.lease_seconds), id));
        if (!u) return Rollback(u.error());
        Result<Job> j = LoadJob(id);
        if (!j) return Rollback(j.error());
        out.push_back(std::move(*j));
      }
      VR_TRY(Commit());
      if (!crashed) break;
    }
    return out;
  }

  Status RenewLeases(const std::vector<std::int64_t>& job_ids) override {
    for (std::int64_t id : job_ids) {
      VR_TRY(db_->Exec("UPDATE jobs SET lease_until = " + d_.epoch +
                           " + ? WHERE id = ? AND state = 'running' AND worker = ?",
                       Params(static_cast<std::int64_t>(o_.lease_seconds), id, o_.worker)));
    }
    return Ok{};
  }

  Status ReleaseJobs(const std::vector<std::int64_t>& job_ids) override {
    if (job_ids.empty()) return Ok{};
    VR_TRY(db_->Begin());
    for (std::int64_t id : job_ids) {
      Result<std::int64_t> u = db_->Exec(
          "UPDATE jobs SET state = 'queued', started_at = NULL, worker = NULL, lease_until = NULL "
          "WHERE id = ? AND state = 'running' AND worker = ?",
          Params(id, o_.worker));
      if (!u) return Rollback(u.error());
    }
    if (Status s = db_->Notify(kJobsChannel); !s) return Rollback(s.error());
    return Commit();
  }

  Result<bool> WaitForJobs(double seconds) override { return db_->WaitNotify(kJobsChannel, seconds); }

  Status CompleteJob(std::int64_t job_id, const JobResult& result) override {
    VR_TRY(db_->Begin());
    Status s = CompleteInTransaction(job_id, result);
    if (!s) return Rollback(s.error());
    return Commit();
  }

  Status FailJob(std::int64_t job_id, std::string_view kind, std::string_view reason) override {
    VR_TRY(db_->Begin());
    if (Status s = FailInTransaction(job_id, kind, reason, /*owned=*/true); !s) return Rollback(s.error());
    return Commit();
  }

  Result<JobCounts> CountJobs() override {
    JobCounts c;
    Result<Rows> q = db_->Query(
        "SELECT state, count(*), sum(CASE WHEN duplicate_of IS NOT NULL THEN 1 ELSE 0 END) FROM jobs GROUP BY state");
    if (!q) return q.error();
    for (std::size_t i = 0; i < q->size(); ++i) {
      const Rows::Row r = (*q)[i];
      const std::string st = r.Text(0);
      const std::int64_t n = r.Int(1);
      if (st == "queued") c.queued = n;
      if (st == "running") c.running = n;
      if (st == "done") {
        c.done = n;
        c.duplicates = r.Int(2);
      }
      if (st == "failed") c.failed = n;
    }
    return c;
  }

  Result<std::vector<Job>> ListJobs(std::optional<JobState> state) override {
    std::string sql = std::string(kJobColumns) + " FROM jobs";
    Params p;
    if (state) {
      sql += " WHERE state = ?";
      p.Add(JobStateName(*state));
    }
    sql += " ORDER BY id";
    Result<Rows> q = db_->Query(sql, p);
    if (!q) return q.error();
    std::vector<Job> out;
    for (std::size_t i = 0; i < q->size(); ++i) out.push_back(JobFrom((*q)[i]));
    return out;
  }

  Status RecordSkipped(const std::vector<SkippedFile>& files) override {
    if (files.empty()) return Ok{};
    VR_TRY(db_->Begin());
    for (const SkippedFile& f : files) {
      Result<std::int64_t> r = db_->Exec(
          "INSERT INTO skipped(path, size, reason, seen_at) VALUES(?, ?, ?, " + d_.now +
              ") ON CONFLICT(path) DO UPDATE SET size = excluded.size, reason = excluded.reason, "
              "seen_at = excluded.seen_at",
          Params(f.path, f.size, f.reason));
      if (!r) return Rollback(r.error());
    }
    return Commit();
  }

  Result<std::vector<SkippedFile>> ListSkipped() override {
    Result<Rows> q = db_->Query("SELECT path, size, reason, seen_at FROM skipped ORDER BY path");
    if (!q) return q.error();
    std::vector<SkippedFile> out;
    for (std::size_t i = 0; i < q->size(); ++i) {
      const Rows::Row r = (*q)[i];
      out.push_back({r.Text(0), r.Int(1), r.Text(2), r.Text(3)});
    }
    return out;
  }

  Result<std::optional<std::string>> RenderingOf(const std::string& sha256) override {
    Result<Rows> q = db_->Query(
        "SELECT rendering_sha256 FROM submissions WHERE sha256 = ? AND rendering_sha256 IS NOT NULL", Params(sha256));
    if (!q) return q.error();
    if (q->empty()) return std::optional<std::string>();
    return std::optional<std::string>((*q)[0].Text(0));
  }

  Result<std::vector<SubmissionRow>> ListSubmissions(const SubmissionFilter& f) override {
    std::string sql = std::string(kSubmissionColumns) + " FROM submissions s WHERE 1 = 1";
    Params p;
    if (f.state) {
      sql += " AND s.state = ?";
      p.Add(*f.state);
    }
    if (f.year) {
      sql += " AND s.reporting_year = ?";
      p.Add(*f.year);
    }
    if (f.kind) {
      sql += " AND s.kind = ?";
      p.Add(*f.kind);
    }
    if (f.flag) {
      sql += " AND EXISTS (SELECT 1 FROM findings x WHERE x.submission_id = s.id AND x.code = ?)";
      p.Add(*f.flag);
    }
    sql += " ORDER BY s.id";
    Result<Rows> q = db_->Query(sql, p);
    if (!q) return q.error();
    std::vector<SubmissionRow> out;
    for (std::size_t i = 0; i < q->size(); ++i) out.push_back(RowFrom((*q)[i]));
    return out;
  }

  Result<std::optional<StoredSubmission>> LoadSubmission(std::int64_t id) override {
    Result<Rows> q =
        db_->Query(std::string(kSubmissionColumns) + ", s.report FROM submissions s WHERE s.id = ?", Params(id));
    if (!q) return q.error();
    if (q->empty()) return std::optional<StoredSubmission>();
    StoredSubmission out;
    out.row = RowFrom((*q)[0]);
    Result<Report> r = DecodeReport((*q)[0].Text(kSubmissionColumnCount));
    if (!r) return r.error().WithContext("submission " + std::to_string(id));
    out.report = std::move(*r);
    return std::optional<StoredSubmission>(std::move(out));
  }

  // ---- jobs and content, for the HTTP service ----

  Result<std::optional<Job>> LoadJobById(std::int64_t id) override {
    Result<Rows> q = db_->Query(std::string(kJobColumns) + " FROM jobs WHERE id = ?", Params(id));
    if (!q) return q.error();
    if (q->empty()) return std::optional<Job>();
    return std::optional<Job>(JobFrom((*q)[0]));
  }

  Result<std::optional<Job>> FindIngestJob(std::string_view path, std::string_view sha256) override {
    Result<Rows> q = db_->Query(std::string(kJobColumns) + " FROM jobs WHERE kind = 'ingest' AND path = ? AND sha256 = ?",
                                Params(path, sha256));
    if (!q) return q.error();
    if (q->empty()) return std::optional<Job>();
    return std::optional<Job>(JobFrom((*q)[0]));
  }

  Result<std::optional<std::int64_t>> SubmissionForContent(std::string_view sha256) override {
    return OptionalInt("SELECT id FROM submissions WHERE sha256 = ?", Params(sha256));
  }

  Result<std::optional<std::int64_t>> FindIdempotencyKey(std::string_view key) override {
    return OptionalInt("SELECT job_id FROM idempotency_keys WHERE key = ?", Params(key));
  }

  Status SetIdempotencyKey(std::string_view key, std::int64_t job_id) override {
    VR_TRY(db_->Exec("INSERT INTO idempotency_keys(key, job_id, created_at) VALUES(?, ?, " + d_.now +
                         ") ON CONFLICT DO NOTHING",
                     Params(key, job_id)));
    return Ok{};
  }

  Result<std::pair<double, std::int64_t>> ProcessingSeconds() override {
    Result<Rows> q = db_->Query("SELECT coalesce(sum(seconds), 0), count(seconds) FROM jobs");
    if (!q) return q.error();
    if (q->empty()) return std::make_pair(0.0, std::int64_t{0});
    return std::make_pair((*q)[0].Real(0), (*q)[0].Int(1));
  }

  Result<bool> DeleteSubmission(std::int64_t id, std::string_view user) override {
    VR_TRY(db_->Begin());
    Result<Rows> q = db_->Query("SELECT sha256, file, rendering_sha256 FROM submissions WHERE id = ?", Params(id));
    if (!q) return Rollback(q.error());
    if (q->empty()) {
      db_->Rollback();
      return false;
    }
    const std::string sha = (*q)[0].Text(0), file = (*q)[0].Text(1);
    const std::optional<std::string> rendering = (*q)[0].OptText(2);
    const char* const deletes[] = {
        "DELETE FROM idempotency_keys WHERE job_id IN (SELECT id FROM jobs WHERE sha256 = ?2 OR submission_id = ?1)",
        "UPDATE jobs SET duplicate_of = NULL WHERE duplicate_of IN (SELECT id FROM jobs WHERE sha256 = ?2)",
        "DELETE FROM jobs WHERE sha256 = ?2 OR submission_id = ?1",
        "DELETE FROM reviews WHERE submission_id = ?1",
        "DELETE FROM submissions WHERE id = ?1",
        "DELETE FROM blobs WHERE sha256 = ?2",
    };
    for (const char* sql : deletes) {
      if (auto r = db_->Exec(sql, Params(id, sha)); !r) return Rollback(r.error());
    }
    if (rendering) {
      if (auto r = db_->Exec("DELETE FROM blobs WHERE sha256 = ?", Params(*rendering)); !r) return Rollback(r.error());
    }
    AuditEntry e;
    e.user = std::string(user);
    e.action = "delete";
    e.submission_id = id;
    e.target = "submission";
    e.key = sha;
    e.before = file;
    if (Status r = InsertAudit(e); !r) return Rollback(r.error());
    VR_TRY(Commit());
    return true;
  }

  // ---- originals kept in the database ----

  Status PutBlob(std::string_view sha256, std::string_view bytes) override {
    VR_TRY(db_->Exec("INSERT INTO blobs(sha256, size, bytes, created_at) VALUES(?, ?, ?, " + d_.now +
                         ") ON CONFLICT DO NOTHING",
                     Params(sha256, static_cast<std::int64_t>(bytes.size())).AddBlob(bytes)));
    return Ok{};
  }

  Result<bool> HasBlob(std::string_view sha256) override {
    Result<Rows> q = db_->Query("SELECT 1 FROM blobs WHERE sha256 = ?", Params(sha256));
    if (!q) return q.error();
    return !q->empty();
  }

  Result<std::optional<std::string>> GetBlob(std::string_view sha256) override {
    Result<Rows> q = db_->Query("SELECT bytes FROM blobs WHERE sha256 = ?", Params(sha256));
    if (!q) return q.error();
    if (q->empty()) return std::optional<std::string>();
    return std::optional<std::string>((*q)[0].Text(0));
  }

  // ---- users, tokens, sessions ----

  Result<std::int64_t> AddUser(std::string_view name, Role role, std::string_view password_hash) override {
    Result<std::optional<User>> existing = FindUser(name);
    if (!existing) return existing.error();
    if (*existing) return MakeError(ErrorKind::kUnreadableInput, "user " + std::string(name) + " exists");
    Result<Rows> q = db_->Query("INSERT INTO users(name, role, password_hash, created_at) VALUES(?, ?, ?, " + d_.now +
                                    ") RETURNING id",
                                Params(name, RoleName(role), password_hash));
    if (!q) return q.error();
    return (*q)[0].Int(0);
  }

  Result<std::optional<User>> FindUser(std::string_view name) override {
    Result<Rows> q = db_->Query(std::string(kUserColumns) + " FROM users u WHERE u.name = ?", Params(name));
    if (!q) return q.error();
    if (q->empty()) return std::optional<User>();
    return std::optional<User>(UserFrom((*q)[0], 0));
  }

  Result<std::vector<User>> ListUsers() override {
    Result<Rows> q = db_->Query(std::string(kUserColumns) + " FROM users u ORDER BY u.name");
    if (!q) return q.error();
    std::vector<User> out;
    for (std::size_t i = 0; i < q->size(); ++i) out.push_back(UserFrom((*q)[i], 0));
    return out;
  }

  Result<bool> RevokeUser(std::string_view name) override {
    VR_TRY(db_->Begin());
    Result<std::int64_t> u = db_->Exec("UPDATE users SET revoked = 1 WHERE name = ?", Params(name));
    if (!u) return Rollback(u.error());
    for (const char* t : {"api_tokens", "sessions"}) {
      if (auto r = db_->Exec(std::string("DELETE FROM ") + t + " WHERE user_id IN (SELECT id FROM users WHERE name = ?)",
                             Params(name));
          !r)
        return Rollback(r.error());
    }
    VR_TRY(Commit());
    return *u > 0;
  }

  Status AddToken(std::int64_t user_id, std::string_view token_sha256) override {
    VR_TRY(db_->Exec("INSERT INTO api_tokens(token_sha256, user_id, created_at) VALUES(?, ?, " + d_.now + ")",
                     Params(token_sha256, user_id)));
    return Ok{};
  }

  Result<std::optional<User>> UserByToken(std::string_view token_sha256) override {
    Result<Rows> q = db_->Query(
        std::string(kUserColumns) +
            " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = ? AND u.revoked = 0",
        Params(token_sha256));
    if (!q) return q.error();
    if (q->empty()) return std::optional<User>();
    return std::optional<User>(UserFrom((*q)[0], 0));
  }

  Status AddSession(std::string_view session_sha256, std::int64_t user_id, std::string_view csrf,
                    std::int64_t expires_at) override {
    VR_TRY(db_->Exec("INSERT INTO sessions(session_sha256, user_id, csrf, expires_at) VALUES(?, ?, ?, ?)",
                     Params(session_sha256, user_id, csrf, expires_at)));
    return Ok{};
  }

  Result<std::optional<Session>> FindSession(std::string_view session_sha256, std::int64_t now) override {
    Result<Rows> q = db_->Query(std::string(kUserColumns) +
                                    ", s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                                    "WHERE s.session_sha256 = ? AND s.expires_at > ? AND u.revoked = 0",
                                Params(session_sha256, now));
    if (!q) return q.error();
    if (q->empty()) return std::optional<Session>();
    Session out;
    out.user = UserFrom((*q)[0], 0);
    out.csrf = (*q)[0].Text(kUserColumnCount);
    out.expires_at = (*q)[0].Int(kUserColumnCount + 1);
    return std::optional<Session>(std::move(out));
  }

  Status DeleteSession(std::string_view session_sha256) override {
    VR_TRY(db_->Exec("DELETE FROM sessions WHERE session_sha256 = ?", Params(session_sha256)));
    return Ok{};
  }

  // ---- the review layer ----

  Result<Review> PutReview(const Review& r, std::string_view before) override {
    VR_TRY(db_->Begin());
    Result<std::int64_t> q = db_->Exec(
        "INSERT INTO reviews(submission_id, target, key, decision, value, note, \"user\", at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, " + d_.now + ") "
        "ON CONFLICT(submission_id, target, key) DO UPDATE SET decision = excluded.decision, value = excluded.value, "
        "note = excluded.note, \"user\" = excluded.\"user\", at = excluded.at",
        Params(r.submission_id, r.target, r.key, r.decision, r.value, r.note, r.user));
    if (!q) return Rollback(q.error());
    AuditEntry e;
    e.user = r.user;
    e.action = r.target == "finding" ? "decision" : "correction";
    e.submission_id = r.submission_id;
    e.target = r.target;
    e.key = r.key;
    e.before = std::string(before);
    e.after = r.decision ? *r.decision : r.value.value_or("");
    e.note = r.note;
    if (Status s = InsertAudit(e); !s) return Rollback(s.error());
    Result<std::vector<Review>> all = ReviewsWhere(" WHERE submission_id = ? AND target = ? AND key = ?",
                                                   Params(r.submission_id, r.target, r.key));
    if (!all) return Rollback(all.error());
    VR_TRY(Commit());
    if (all->empty()) return MakeError(ErrorKind::kInternal, "database: review not stored");
    return all->front();
  }

  Result<std::vector<Review>> ListReviews(std::optional<std::int64_t> submission_id) override {
    if (submission_id) return ReviewsWhere(" WHERE submission_id = ?", Params(*submission_id));
    return ReviewsWhere("", Params());
  }

  Status AddAudit(const AuditEntry& e) override { return InsertAudit(e); }

  Result<std::vector<AuditEntry>> ListAudit(std::optional<std::int64_t> submission_id) override {
    std::string sql =
        "SELECT id, at, \"user\", action, submission_id, target, key, before, after, note FROM audit";
    Params p;
    if (submission_id) {
      sql += " WHERE submission_id = ?";
      p.Add(*submission_id);
    }
    sql += " ORDER BY id";
    Result<Rows> q = db_->Query(sql, p);
    if (!q) return q.error();
    std::vector<AuditEntry> out;
    for (std::size_t i = 0; i < q->size(); ++i) {
      const Rows::Row r = (*q)[i];
      AuditEntry e;
      e.id = r.Int(0);
      e.at = r.Text(1);
      e.user = r.Text(2);
      e.action = r.Text(3);
      if (!r.IsNull(4)) e.submission_id = r.Int(4);
      e.target = r.Text(5);
      e.key = r.Text(6);
      e.before = r.Text(7);
      e.after = r.Text(8);
      e.note = r.Text(9);
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  static constexpr const char* kUserColumns =
      "SELECT u.id, u.name, u.role, u.password_hash, u.revoked, u.created_at";
  static constexpr int kUserColumnCount = 6;
  static constexpr const char* kJobColumns =
      "SELECT id, kind, path, sha256, size, format, state, coalesce(error_kind,''), coalesce(error,''), "
      "submission_id, duplicate_of, attempts, created_at, coalesce(finished_at,'')";
  static constexpr const char* kSubmissionColumns =
      "SELECT s.id, s.sha256, s.file, s.path, s.format, coalesce(s.language,''), s.kind, s.pages, s.state, "
      "s.reporting_year, s.framework, s.components_reported, s.components_total, s.questions_answered, "
      "s.questions_total, s.findings, s.rules_version, s.processed_at, s.rendering_sha256";
  static constexpr int kSubmissionColumnCount = 19;

  static User UserFrom(const Rows::Row& q, int c) {
    User u;
    u.id = q.Int(c);
    u.name = q.Text(c + 1);
    u.role = ParseRole(q.Text(c + 2)).value_or(Role::kReader);
    u.password_hash = q.Text(c + 3);
    u.revoked = q.Int(c + 4) != 0;
    u.created_at = q.Text(c + 5);
    return u;
  }

  static Job JobFrom(const Rows::Row& q) {
    Job j;
    j.id = q.Int(0);
    j.kind = q.Text(1) == "reprocess" ? JobKind::kReprocess : JobKind::kIngest;
    j.path = q.Text(2);
    j.sha256 = q.Text(3);
    j.size = q.Int(4);
    j.format = q.Text(5);
    j.state = ParseJobState(q.Text(6)).value_or(JobState::kQueued);
    j.error_kind = q.Text(7);
    j.error = q.Text(8);
    if (!q.IsNull(9)) j.submission_id = q.Int(9);
    if (!q.IsNull(10)) j.duplicate_of = q.Int(10);
    j.attempts = static_cast<int>(q.Int(11));
    j.created_at = q.Text(12);
    j.finished_at = q.Text(13);
    return j;
  }

  static SubmissionRow RowFrom(const Rows::Row& q) {
    SubmissionRow r;
    r.id = q.Int(0);
    r.sha256 = q.Text(1);
    r.file = q.Text(2);
    r.path = q.Text(3);
    r.format = q.Text(4);
    r.language = q.Text(5);
    r.kind = q.Text(6);
    r.pages = q.OptInt(7);
    r.state = q.OptText(8);
    r.reporting_year = q.OptInt(9);
    r.framework = q.OptText(10);
    r.completeness.components_reported = static_cast<int>(q.Int(11));
    r.completeness.components_total = static_cast<int>(q.Int(12));
    r.completeness.questions_answered = static_cast<int>(q.Int(13));
    r.completeness.questions_total = static_cast<int>(q.Int(14));
    r.findings = static_cast<int>(q.Int(15));
    r.rules_version = q.Text(16);
    r.processed_at = q.Text(17);
    r.rendering_sha256 = q.OptText(18);
    return r;
  }

  Error Rollback(const Error& e) {
    db_->Rollback();
    return e;
  }
  Status Commit() { return db_->Commit(); }

  Result<std::optional<std::int64_t>> OptionalInt(const std::string& sql, const Params& p) {
    Result<Rows> q = db_->Query(sql, p);
    if (!q) return q.error();
    if (q->empty()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*q)[0].Int(0));
  }

  Result<Job> LoadJob(std::int64_t id) {
    Result<Rows> q = db_->Query(std::string(kJobColumns) + " FROM jobs WHERE id = ?", Params(id));
    if (!q) return q.error();
    if (q->empty()) return MakeError(ErrorKind::kInternal, "no job " + std::to_string(id));
    return JobFrom((*q)[0]);
  }

  Result<EnqueueResult> EnqueueOne(const NewJob& j) {
    {
      Result<Rows> q = db_->Query("SELECT id FROM jobs WHERE kind = 'ingest' AND path = ? AND sha256 = ?",
                                  Params(j.path, j.sha256));
      if (!q) return q.error();
      if (!q->empty()) return EnqueueResult::kKnown;
    }
    const std::string insert =
        "INSERT INTO jobs(kind, path, sha256, size, format, state, error_kind, error, submission_id, duplicate_of, "
        "created_at, finished_at) VALUES('ingest', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " +
        d_.now + ", CASE WHEN ?5 IN ('done','failed') THEN " + d_.now + " END)";
    if (j.failed || j.sha256.empty()) {
      Error e = j.failed.value_or(MakeError(ErrorKind::kUnreadableInput, "cannot read file"));
      VR_TRY(db_->Exec(insert, Params(j.path, j.sha256, j.size, j.format, "failed", ErrorKindName(e.kind), e.message,
                                      std::nullopt, std::nullopt)));
      return EnqueueResult::kFailed;
    }
    Result<Rows> p = db_->Query(
        "SELECT id, state, submission_id, coalesce(error_kind,''), coalesce(error,''), path FROM jobs "
        "WHERE kind = 'ingest' AND sha256 = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1",
        Params(j.sha256));
    if (!p) return p.error();
    if (p->empty()) {
      VR_TRY(db_->Exec(insert, Params(j.path, j.sha256, j.size, j.format, "queued", std::nullopt, std::nullopt,
                                      std::nullopt, std::nullopt)));
      return EnqueueResult::kQueued;
    }
    const Rows::Row first = (*p)[0];
    const std::int64_t primary = first.Int(0);
    const std::string state = first.Text(1);
    Params params(j.path, j.sha256, j.size, j.format);
    if (state == "done") {
      params.Add("done").Add(std::nullopt).Add(std::nullopt).Add(first.Int(2));
    } else if (state == "failed") {
      params.Add("failed").Add(first.Text(3)).Add("same content as " + first.Text(5) + ": " + first.Text(4));
      params.Add(std::nullopt);
    } else {
      params.Add("queued").Add(std::nullopt).Add(std::nullopt).Add(std::nullopt);
    }
    params.Add(primary);
    VR_TRY(db_->Exec(insert, params));
    return EnqueueResult::kDuplicate;
  }

  // The job failed with its waiting duplicates. `owned`: only while this
  // worker holds it (else nothing is written: its lease ran out and the job
  // is another's now).
  Status FailInTransaction(std::int64_t job_id, std::string_view kind, std::string_view reason, bool owned) {
    Result<Job> job = LoadJob(job_id);
    if (!job) return job.error();
    std::string sql = "UPDATE jobs SET state = 'failed', error_kind = ?, error = ?, worker = NULL, lease_until = NULL, "
                      "finished_at = " + d_.now + " WHERE id = ?";
    Params p(kind, reason, job_id);
    if (owned) {
      sql += " AND state = 'running' AND (worker = ? OR worker IS NULL)";
      p.Add(o_.worker);
    }
    Result<std::int64_t> u = db_->Exec(sql, p);
    if (!u) return u.error();
    if (*u == 0) return Ok{};
    VR_TRY(db_->Exec("UPDATE jobs SET state = 'failed', error_kind = ?, error = ?, finished_at = " + d_.now +
                         " WHERE duplicate_of = ? AND state IN ('queued','running')",
                     Params(kind, "same content as " + job->path + ": " + std::string(reason), job_id)));
    return Ok{};
  }

  Status CompleteInTransaction(std::int64_t job_id, const JobResult& result) {
    Result<Job> job = LoadJob(job_id);
    if (!job) return job.error();
    const Report& r = result.report;
    // The job first: if this worker no longer holds it (its lease ran out and
    // another worker took it), nothing is written; that worker records it.
    {
      Result<std::int64_t> u = db_->Exec(
          "UPDATE jobs SET state = 'done', rules_version = ?, seconds = ?, max_rss_kb = ?, error_kind = NULL, "
          "error = NULL, worker = NULL, lease_until = NULL, finished_at = " + d_.now +
              " WHERE id = ? AND state = 'running' AND (worker = ? OR worker IS NULL)",
          Params(r.rules_version, result.seconds, static_cast<std::int64_t>(result.max_rss_kb), job_id, o_.worker));
      if (!u) return u.error();
      if (*u == 0) return Ok{};
    }
    VR_TRY(db_->Exec("INSERT INTO rules_versions(version, first_used_at) VALUES(?, " + d_.now +
                         ") ON CONFLICT DO NOTHING",
                     Params(r.rules_version)));
    Result<std::optional<std::int64_t>> found = OptionalInt("SELECT id FROM submissions WHERE sha256 = ?",
                                                            Params(job->sha256));
    if (!found) return found.error();
    std::optional<std::int64_t> sub = *found;
    const std::string report_json = EncodeReport(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (sub) {
      for (const char* t : {"answers", "objectives", "findings", "components"}) {
        VR_TRY(db_->Exec(std::string("DELETE FROM ") + t + " WHERE submission_id = ?", Params(*sub)));
      }
    } else {
      Result<Rows> ins = db_->Query(
          "INSERT INTO submissions(sha256, file, path, size, format, kind, rules_version, report, created_at, "
          "processed_at) VALUES(?, ?, ?, ?, ?, '', ?, '', " + d_.now + ", " + d_.now + ") RETURNING id",
          Params(job->sha256, r.file, job->path, job->size, r.format, r.rules_version));
      if (!ins) return ins.error();
      sub = (*ins)[0].Int(0);
    }
    VR_TRY(db_->Exec(
        "UPDATE submissions SET file = ?1, format = ?2, pages = ?3, ocr = ?4, language = ?5, kind = ?6, state = ?7, "
        "reporting_year = ?8, framework = ?9, components_reported = ?10, components_total = ?11, "
        "questions_answered = ?12, questions_total = ?13, findings = ?14, rules_version = ?15, report = ?16, "
        "rendering_sha256 = ?18, processed_at = " + d_.now + " WHERE id = ?17",
        Params(r.file, r.format, r.pages, r.ocr ? 1 : 0, r.language, r.kind, r.state, r.reporting_year, r.framework,
               r.completeness.components_reported, r.completeness.components_total,
               r.completeness.questions_answered, r.completeness.questions_total,
               static_cast<int>(r.findings.size()), r.rules_version, report_json, *sub, result.rendering_sha256)));
    VR_TRY(InsertRows(*sub, r));
    VR_TRY(db_->Exec("UPDATE jobs SET submission_id = ? WHERE id = ?", Params(*sub, job_id)));
    VR_TRY(db_->Exec("UPDATE jobs SET state = 'done', submission_id = ?, finished_at = " + d_.now +
                         " WHERE duplicate_of = ? AND state IN ('queued','running')",
                     Params(*sub, job_id)));
    return Ok{};
  }

  Status InsertRows(std::int64_t sub, const Report& r) {
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
      const Answer& x = r.answers[i];
      const std::string component = x.question.substr(0, x.question.find('.'));
      Params p(sub, static_cast<std::int64_t>(i), x.question, component);
      switch (x.value.kind) {
        case AnswerValue::Kind::kInteger:
          p.Add(std::to_string(x.value.integer)).Add(static_cast<std::int64_t>(x.value.integer)).Add("integer");
          break;
        case AnswerValue::Kind::kWord: p.Add(x.value.text).Add(std::nullopt).Add("word"); break;
        case AnswerValue::Kind::kText: p.Add(x.value.text).Add(std::nullopt).Add("text"); break;
      }
      if (x.evidence.page > 0) p.Add(x.evidence.page);
      else p.Add(std::nullopt);
      p.Add(x.evidence.text).Add(x.confidence).Add(x.source);
      VR_TRY(db_->Exec("INSERT INTO answers(submission_id, idx, question, component, value, value_int, value_type, "
                       "page, evidence, confidence, source) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       p));
    }
    for (std::size_t i = 0; i < r.objectives.size(); ++i) {
      const Objective& x = r.objectives[i];
      nlohmann::json q = nlohmann::json::array();
      for (const Quantity& z : x.quantities) q.push_back({{"value", z.value}, {"unit", z.unit}});
      Params p(sub, static_cast<std::int64_t>(i), x.component, x.text, x.measurable ? 1 : 0, x.time_bound ? 1 : 0);
      p.Add(x.deadline).Add(q.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      if (x.evidence.page > 0) p.Add(x.evidence.page);
      else p.Add(std::nullopt);
      p.Add(x.evidence.text);
      VR_TRY(db_->Exec("INSERT INTO objectives(submission_id, idx, component, text, measurable, time_bound, deadline, "
                       "quantities, page, evidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       p));
    }
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& x = r.findings[i];
      Params p(sub, static_cast<std::int64_t>(i), x.code, x.component, x.question, x.objective,
               std::string(SeverityName(x.severity)), x.message);
      if (x.page > 0) p.Add(x.page);
      else p.Add(std::nullopt);
      VR_TRY(db_->Exec("INSERT INTO findings(submission_id, idx, code, component, question, objective, severity, "
                       "message, page) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       p));
    }
    for (std::size_t i = 0; i < r.components.size(); ++i) {
      const ComponentSummary& x = r.components[i];
      VR_TRY(db_->Exec("INSERT INTO components(submission_id, idx, component, title, status, answered, total, "
                       "objectives) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                       Params(sub, static_cast<std::int64_t>(i), x.id, x.title, std::string(ComponentStatus(x)),
                              x.answered, x.total, x.objectives)));
    }
    return Ok{};
  }

  Result<std::vector<Review>> ReviewsWhere(const std::string& where, const Params& p) {
    Result<Rows> q = db_->Query("SELECT submission_id, target, key, decision, value, note, \"user\", at FROM reviews" +
                                    where + " ORDER BY submission_id, target, key",
                                p);
    if (!q) return q.error();
    std::vector<Review> out;
    for (std::size_t i = 0; i < q->size(); ++i) {
      const Rows::Row r = (*q)[i];
      Review x;
      x.submission_id = r.Int(0);
      x.target = r.Text(1);
      x.key = r.Text(2);
      x.decision = r.OptText(3);
      x.value = r.OptText(4);
      x.note = r.Text(5);
      x.user = r.Text(6);
      x.at = r.Text(7);
      out.push_back(std::move(x));
    }
    return out;
  }

  Status InsertAudit(const AuditEntry& e) {
    VR_TRY(db_->Exec("INSERT INTO audit(at, \"user\", action, submission_id, target, key, before, after, note) "
                     "VALUES(" + d_.now + ", ?, ?, ?, ?, ?, ?, ?, ?)",
                     Params(e.user, e.action, e.submission_id, e.target, e.key, e.before, e.after, e.note)));
    return Ok{};
  }

  std::unique_ptr<sql::Connection> db_;
  const sql::Dialect& d_;
  StoreOptions o_;
  int version_ = 0;
};

Result<std::unique_ptr<Store>> Migrated(std::unique_ptr<sql::Connection> conn, const StoreOptions& options,
                                        const std::string& label) {
  auto store = std::make_unique<SqlStore>(std::move(conn), options);
  if (Status s = store->Migrate(); !s) return s.error().WithContext(label);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
  }
  return "queued";
}

std::optional<JobState> ParseJobState(std::string_view name) {
  for (JobState s : {JobState::kQueued, JobState::kRunning, JobState::kDone, JobState::kFailed})
    if (JobStateName(s) == name) return s;
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader: return "reader";
    case Role::kReviewer: return "reviewer";
    case Role::kAdmin: return "admin";
  }
  return "reader";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kReader, Role::kReviewer, Role::kAdmin})
    if (RoleName(r) == name) return r;
  return std::nullopt;
}

std::string_view JobKindName(JobKind kind) { return kind == JobKind::kReprocess ? "reprocess" : "ingest"; }

int SqliteSchemaVersion() { return kSchemaVersion; }
int StoreSchemaVersion() { return kSchemaVersion; }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const StoreOptions& options) {
  Result<std::unique_ptr<sql::Connection>> conn = sql::OpenSqliteConnection(path, options.busy_timeout_ms);
  if (!conn) return conn.error();
  return Migrated(std::move(*conn), options, path);
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri, const StoreOptions& options) {
  Result<std::unique_ptr<sql::Connection>> conn = sql::OpenPostgresConnection(uri);
  if (!conn) return conn.error();
  if (options.must_exist) {
    Result<sql::Rows> t = (*conn)->Query("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!t) return t.error();
    if (t->empty() || (*t)[0].Text(0) != "t")
      return MakeError(ErrorKind::kUnreadableInput,
                       "no store in " + sql::RedactPostgresUri(uri) + " (run ingest first, or check --db)");
  }
  return Migrated(std::move(*conn), options, sql::RedactPostgresUri(uri));
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& db, const StoreOptions& options) {
  if (sql::IsPostgresUri(db)) return OpenPostgresStore(db, options);
  return OpenSqliteStore(db, options);
}

}  // namespace vareport::store
