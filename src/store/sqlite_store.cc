#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <utility>

#include "store/report_codec.h"

namespace vareport::store {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

// Each entry brings the schema from version i to i + 1 (PRAGMA user_version).
// Never edit a released migration: append a new one. Documented in schema.md.
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
};
constexpr int kSchemaVersion = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));


// A prepared statement; binds are 1-based, columns 0-based.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      error_ = sqlite3_errmsg(db);
      stmt_ = nullptr;
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Error error() const {
    return MakeError(ErrorKind::kInternal, "database: " + (stmt_ ? std::string(sqlite3_errmsg(db_)) : error_));
  }

  Stmt& Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const char* s) { return Bind(i, std::string_view(s)); }
  Stmt& Bind(int i, const std::string& s) { return Bind(i, std::string_view(s)); }
  Stmt& Bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  template <typename T>
  Stmt& Bind(int i, const std::optional<T>& v) {
    if (!v) {
      sqlite3_bind_null(stmt_, i);
      return *this;
    }
    return Bind(i, *v);
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }

  // SQLITE_ROW → true, SQLITE_DONE → false, else an error in `status`.
  bool Step(Status& status) {
    if (!stmt_) {
      status = error();
      return false;
    }
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) status = error();
    return false;
  }
  // Runs to completion; for INSERT/UPDATE/DELETE.
  Status Run() {
    Status s = Ok{};
    while (Step(s)) {
    }
    return s;
  }
  void Reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool IsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  std::int64_t Int(int c) const { return sqlite3_column_int64(stmt_, c); }
  double Real(int c) const { return sqlite3_column_double(stmt_, c); }
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(stmt_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string();
  }
  std::optional<std::string> OptText(int c) const { return IsNull(c) ? std::nullopt : std::optional(Text(c)); }
  std::optional<int> OptInt(int c) const {
    return IsNull(c) ? std::nullopt : std::optional(static_cast<int>(Int(c)));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

#define VR_TRY(expr)                 \
  do {                               \
    Status vr_s_ = (expr);           \
    if (!vr_s_) return vr_s_.error(); \
  } while (0)

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : sqlite3_errmsg(db_);
      sqlite3_free(msg);
      return MakeError(ErrorKind::kInternal, "database: " + m);
    }
    return Ok{};
  }

  Status Migrate() {
    Result<std::int64_t> v = PragmaInt("PRAGMA user_version");
    if (!v) return v.error();
    if (*v > kSchemaVersion) {
      return MakeError(ErrorKind::kUnsupportedFormat, "database schema " + std::to_string(*v) +
                                                          " is newer than this vareport (" +
                                                          std::to_string(kSchemaVersion) + ")");
    }
    for (int i = static_cast<int>(*v); i < kSchemaVersion; ++i) {
      VR_TRY(Exec("BEGIN IMMEDIATE"));
      // Re-read under the write lock: another process may have migrated meanwhile.
      Result<std::int64_t> now = PragmaInt("PRAGMA user_version");
      if (!now) return Rollback(now.error());
      if (*now > i) {
        VR_TRY(Exec("COMMIT"));
        continue;
      }
      if (Status s = Exec(kMigrations[i]); !s) return Rollback(s.error().WithContext("migration " + std::to_string(i + 1)));
      std::string bump = "PRAGMA user_version = " + std::to_string(i + 1);
      if (Status s = Exec(bump.c_str()); !s) return Rollback(s.error());
      VR_TRY(Exec("COMMIT"));
    }
    version_ = kSchemaVersion;
    return Ok{};
  }

  int SchemaVersion() override { return version_; }

  Result<std::vector<EnqueueResult>> Enqueue(const std::vector<NewJob>& jobs) override {
    std::vector<EnqueueResult> out;
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    for (const NewJob& j : jobs) {
      Result<EnqueueResult> r = EnqueueOne(j);
      if (!r) return Rollback(r.error());
      out.push_back(*r);
    }
    VR_TRY(Commit());
    return out;
  }

  Result<std::vector<std::int64_t>> EnqueueReprocess(const std::vector<std::int64_t>& ids) override {
    std::vector<std::int64_t> out;
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    for (std::int64_t id : ids) {
      Stmt q(db_, "SELECT path, sha256, size, format FROM submissions WHERE id = ?");
      q.Bind(1, id);
      Status s = Ok{};
      if (!q.Step(s)) {
        return Rollback(s ? MakeError(ErrorKind::kUnreadableInput, "no submission " + std::to_string(id)) : s.error());
      }
      Stmt ins(db_, (std::string("INSERT INTO jobs(kind, path, sha256, size, format, state, created_at) "
                                 "VALUES('reprocess', ?, ?, ?, ?, 'queued', ") + kNow + ")").c_str());
      ins.Bind(1, q.Text(0)).Bind(2, q.Text(1)).Bind(3, q.Int(2)).Bind(4, q.Text(3));
      if (Status r = ins.Run(); !r) return Rollback(r.error());
      out.push_back(sqlite3_last_insert_rowid(db_));
    }
    VR_TRY(Commit());
    return out;
  }

  Result<std::int64_t> RequeueAbandoned() override {
    Stmt u(db_, "UPDATE jobs SET state = 'queued', started_at = NULL WHERE state = 'running'");
    VR_TRY(u.Run());
    return static_cast<std::int64_t>(sqlite3_changes(db_));
  }

  Result<std::int64_t> RequeueFailed() override {
    Stmt u(db_, "UPDATE jobs SET state = 'queued', error_kind = NULL, error = NULL, started_at = NULL, "
                "finished_at = NULL WHERE state = 'failed' AND sha256 <> ''");
    VR_TRY(u.Run());
    return static_cast<std::int64_t>(sqlite3_changes(db_));
  }

  Result<std::vector<Job>> Claim(std::size_t max, std::optional<bool> legacy) override {
    std::string where = "state = 'queued' AND duplicate_of IS NULL";
    if (legacy) where += *legacy ? " AND format IN ('doc','rtf','odt')" : " AND format NOT IN ('doc','rtf','odt')";
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    std::vector<std::int64_t> ids;
    {
      Stmt q(db_, ("SELECT id FROM jobs WHERE " + where + " ORDER BY id LIMIT ?").c_str());
      q.Bind(1, static_cast<std::int64_t>(max));
      Status s = Ok{};
      while (q.Step(s)) ids.push_back(q.Int(0));
      if (!s) return Rollback(s.error());
    }
    std::vector<Job> out;
    for (std::int64_t id : ids) {
      Stmt u(db_, (std::string("UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = ") + kNow +
                   " WHERE id = ?").c_str());
      u.Bind(1, id);
      if (Status s = u.Run(); !s) return Rollback(s.error());
      Result<Job> j = LoadJob(id);
      if (!j) return Rollback(j.error());
      out.push_back(std::move(*j));
    }
    VR_TRY(Commit());
    return out;
  }

  Status CompleteJob(std::int64_t job_id, const JobResult& result) override {
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    Status s = CompleteInTransaction(job_id, result);
    if (!s) return Rollback(s.error());
    return Commit();
  }

  Status FailJob(std::int64_t job_id, std::string_view kind, std::string_view reason) override {
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    Result<Job> job = LoadJob(job_id);
    if (!job) return Rollback(job.error());
    Stmt u(db_, (std::string("UPDATE jobs SET state = 'failed', error_kind = ?, error = ?, finished_at = ") + kNow +
                 " WHERE id = ?").c_str());
    u.Bind(1, kind).Bind(2, reason).Bind(3, job_id);
    if (Status r = u.Run(); !r) return Rollback(r.error());
    Stmt d(db_, (std::string("UPDATE jobs SET state = 'failed', error_kind = ?, error = ?, finished_at = ") + kNow +
                 " WHERE duplicate_of = ? AND state IN ('queued','running')").c_str());
    d.Bind(1, kind).Bind(2, "same content as " + job->path + ": " + std::string(reason)).Bind(3, job_id);
    if (Status r = d.Run(); !r) return Rollback(r.error());
    return Commit();
  }

  Result<JobCounts> CountJobs() override {
    JobCounts c;
    Stmt q(db_, "SELECT state, count(*), sum(duplicate_of IS NOT NULL) FROM jobs GROUP BY state");
    Status s = Ok{};
    while (q.Step(s)) {
      std::string st = q.Text(0);
      std::int64_t n = q.Int(1);
      if (st == "queued") c.queued = n;
      if (st == "running") c.running = n;
      if (st == "done") {
        c.done = n;
        c.duplicates = q.Int(2);
      }
      if (st == "failed") c.failed = n;
    }
    if (!s) return s.error();
    return c;
  }

  Result<std::vector<Job>> ListJobs(std::optional<JobState> state) override {
    std::string sql = std::string(kJobColumns) + " FROM jobs";
    if (state) sql += " WHERE state = ?";
    sql += " ORDER BY id";
    Stmt q(db_, sql.c_str());
    if (state) q.Bind(1, JobStateName(*state));
    std::vector<Job> out;
    Status s = Ok{};
    while (q.Step(s)) out.push_back(JobFrom(q));
    if (!s) return s.error();
    return out;
  }

  Status RecordSkipped(const std::vector<SkippedFile>& files) override {
    if (files.empty()) return Ok{};
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    for (const SkippedFile& f : files) {
      Stmt ins(db_, (std::string("INSERT OR REPLACE INTO skipped(path, size, reason, seen_at) VALUES(?, ?, ?, ") +
                     kNow + ")").c_str());
      ins.Bind(1, f.path).Bind(2, f.size).Bind(3, f.reason);
      if (Status r = ins.Run(); !r) return Rollback(r.error());
    }
    VR_TRY(Commit());
    return Ok{};
  }

  Result<std::vector<SkippedFile>> ListSkipped() override {
    Stmt q(db_, "SELECT path, size, reason, seen_at FROM skipped ORDER BY path");
    std::vector<SkippedFile> out;
    Status s = Ok{};
    while (q.Step(s)) out.push_back({q.Text(0), q.Int(1), q.Text(2), q.Text(3)});
    if (!s) return s.error();
    return out;
  }

  Result<std::optional<std::string>> RenderingOf(const std::string& sha256) override {
    Stmt q(db_, "SELECT rendering_sha256 FROM submissions WHERE sha256 = ? AND rendering_sha256 IS NOT NULL");
    q.Bind(1, sha256);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<std::string>(q.Text(0));
    if (!s) return s.error();
    return std::optional<std::string>();
  }

  Result<std::vector<SubmissionRow>> ListSubmissions(const SubmissionFilter& f) override {
    std::string sql = std::string(kSubmissionColumns) + " FROM submissions s WHERE 1";
    if (f.state) sql += " AND s.state = ?1";
    if (f.year) sql += " AND s.reporting_year = ?2";
    if (f.kind) sql += " AND s.kind = ?3";
    if (f.flag) sql += " AND EXISTS (SELECT 1 FROM findings x WHERE x.submission_id = s.id AND x.code = ?4)";
    sql += " ORDER BY s.id";
    Stmt q(db_, sql.c_str());
    if (f.state) q.Bind(1, *f.state);
    if (f.year) q.Bind(2, *f.year);
    if (f.kind) q.Bind(3, *f.kind);
    if (f.flag) q.Bind(4, *f.flag);
    std::vector<SubmissionRow> out;
    Status s = Ok{};
    while (q.Step(s)) out.push_back(RowFrom(q));
    if (!s) return s.error();
    return out;
  }

  Result<std::optional<StoredSubmission>> LoadSubmission(std::int64_t id) override {
    Stmt q(db_, (std::string(kSubmissionColumns) + ", s.report FROM submissions s WHERE s.id = ?").c_str());
    q.Bind(1, id);
    Status s = Ok{};
    if (!q.Step(s)) {
      if (!s) return s.error();
      return std::optional<StoredSubmission>();
    }
    StoredSubmission out;
    out.row = RowFrom(q);
    Result<Report> r = DecodeReport(q.Text(kSubmissionColumnCount));
    if (!r) return r.error().WithContext("submission " + std::to_string(id));
    out.report = std::move(*r);
    return std::optional<StoredSubmission>(std::move(out));
  }
  // ---- jobs and content, for the HTTP service ----

  Result<std::optional<Job>> LoadJobById(std::int64_t id) override {
    Stmt q(db_, (std::string(kJobColumns) + " FROM jobs WHERE id = ?").c_str());
    q.Bind(1, id);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<Job>(JobFrom(q));
    if (!s) return s.error();
    return std::optional<Job>();
  }

  Result<std::optional<Job>> FindIngestJob(std::string_view path, std::string_view sha256) override {
    Stmt q(db_, (std::string(kJobColumns) + " FROM jobs WHERE kind = 'ingest' AND path = ? AND sha256 = ?").c_str());
    q.Bind(1, path).Bind(2, sha256);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<Job>(JobFrom(q));
    if (!s) return s.error();
    return std::optional<Job>();
  }

  Result<std::optional<std::int64_t>> SubmissionForContent(std::string_view sha256) override {
    Stmt q(db_, "SELECT id FROM submissions WHERE sha256 = ?");
    q.Bind(1, sha256);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<std::int64_t>(q.Int(0));
    if (!s) return s.error();
    return std::optional<std::int64_t>();
  }

  Result<std::optional<std::int64_t>> FindIdempotencyKey(std::string_view key) override {
    Stmt q(db_, "SELECT job_id FROM idempotency_keys WHERE key = ?");
    q.Bind(1, key);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<std::int64_t>(q.Int(0));
    if (!s) return s.error();
    return std::optional<std::int64_t>();
  }

  Status SetIdempotencyKey(std::string_view key, std::int64_t job_id) override {
    Stmt q(db_, (std::string("INSERT OR IGNORE INTO idempotency_keys(key, job_id, created_at) VALUES(?, ?, ") + kNow +
                 ")").c_str());
    q.Bind(1, key).Bind(2, job_id);
    return q.Run();
  }

  Result<std::pair<double, std::int64_t>> ProcessingSeconds() override {
    Stmt q(db_, "SELECT coalesce(sum(seconds), 0), count(seconds) FROM jobs");
    Status s = Ok{};
    if (q.Step(s)) return std::make_pair(q.Real(0), q.Int(1));
    if (!s) return s.error();
    return std::make_pair(0.0, std::int64_t{0});
  }

  Result<bool> DeleteSubmission(std::int64_t id, std::string_view user) override {
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    std::string sha, file;
    {
      Stmt q(db_, "SELECT sha256, file FROM submissions WHERE id = ?");
      q.Bind(1, id);
      Status s = Ok{};
      if (!q.Step(s)) {
        if (!s) return Rollback(s.error());
        VR_TRY(Exec("ROLLBACK"));
        return false;
      }
      sha = q.Text(0);
      file = q.Text(1);
    }
    const char* const deletes[] = {
        "DELETE FROM idempotency_keys WHERE job_id IN (SELECT id FROM jobs WHERE sha256 = ?2 OR submission_id = ?1)",
        "UPDATE jobs SET duplicate_of = NULL WHERE duplicate_of IN (SELECT id FROM jobs WHERE sha256 = ?2)",
        "DELETE FROM jobs WHERE sha256 = ?2 OR submission_id = ?1",
        "DELETE FROM reviews WHERE submission_id = ?1",
        "DELETE FROM submissions WHERE id = ?1",
    };
    for (const char* sql : deletes) {
      Stmt d(db_, sql);
      d.Bind(1, id).Bind(2, sha);
      if (Status r = d.Run(); !r) return Rollback(r.error());
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

  // ---- users, tokens, sessions ----

  Result<std::int64_t> AddUser(std::string_view name, Role role, std::string_view password_hash) override {
    Result<std::optional<User>> existing = FindUser(name);
    if (!existing) return existing.error();
    if (*existing) return MakeError(ErrorKind::kUnreadableInput, "user " + std::string(name) + " exists");
    Stmt q(db_, (std::string("INSERT INTO users(name, role, password_hash, created_at) VALUES(?, ?, ?, ") + kNow + ")")
                    .c_str());
    q.Bind(1, name).Bind(2, RoleName(role)).Bind(3, password_hash);
    VR_TRY(q.Run());
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Result<std::optional<User>> FindUser(std::string_view name) override {
    Stmt q(db_, (std::string(kUserColumns) + " FROM users u WHERE u.name = ?").c_str());
    q.Bind(1, name);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<User>(UserFrom(q, 0));
    if (!s) return s.error();
    return std::optional<User>();
  }

  Result<std::vector<User>> ListUsers() override {
    Stmt q(db_, (std::string(kUserColumns) + " FROM users u ORDER BY u.name").c_str());
    std::vector<User> out;
    Status s = Ok{};
    while (q.Step(s)) out.push_back(UserFrom(q, 0));
    if (!s) return s.error();
    return out;
  }

  Result<bool> RevokeUser(std::string_view name) override {
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    Stmt u(db_, "UPDATE users SET revoked = 1 WHERE name = ?");
    u.Bind(1, name);
    if (Status r = u.Run(); !r) return Rollback(r.error());
    const bool found = sqlite3_changes(db_) > 0;
    for (const char* t : {"api_tokens", "sessions"}) {
      Stmt d(db_, (std::string("DELETE FROM ") + t + " WHERE user_id IN (SELECT id FROM users WHERE name = ?)").c_str());
      d.Bind(1, name);
      if (Status r = d.Run(); !r) return Rollback(r.error());
    }
    VR_TRY(Commit());
    return found;
  }

  Status AddToken(std::int64_t user_id, std::string_view token_sha256) override {
    Stmt q(db_, (std::string("INSERT INTO api_tokens(token_sha256, user_id, created_at) VALUES(?, ?, ") + kNow + ")")
                    .c_str());
    q.Bind(1, token_sha256).Bind(2, user_id);
    return q.Run();
  }

  Result<std::optional<User>> UserByToken(std::string_view token_sha256) override {
    Stmt q(db_, (std::string(kUserColumns) +
                 " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = ? AND u.revoked = 0")
                    .c_str());
    q.Bind(1, token_sha256);
    Status s = Ok{};
    if (q.Step(s)) return std::optional<User>(UserFrom(q, 0));
    if (!s) return s.error();
    return std::optional<User>();
  }

  Status AddSession(std::string_view session_sha256, std::int64_t user_id, std::string_view csrf,
                    std::int64_t expires_at) override {
    Stmt q(db_, "INSERT INTO sessions(session_sha256, user_id, csrf, expires_at) VALUES(?, ?, ?, ?)");
    q.Bind(1, session_sha256).Bind(2, user_id).Bind(3, csrf).Bind(4, expires_at);
    return q.Run();
  }

  Result<std::optional<Session>> FindSession(std::string_view session_sha256, std::int64_t now) override {
    Stmt q(db_, (std::string(kUserColumns) +
                 ", s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                 "WHERE s.session_sha256 = ? AND s.expires_at > ? AND u.revoked = 0").c_str());
    q.Bind(1, session_sha256).Bind(2, now);
    Status s = Ok{};
    if (q.Step(s)) {
      Session out;
      out.user = UserFrom(q, 0);
      out.csrf = q.Text(kUserColumnCount);
      out.expires_at = q.Int(kUserColumnCount + 1);
      return std::optional<Session>(std::move(out));
    }
    if (!s) return s.error();
    return std::optional<Session>();
  }

  Status DeleteSession(std::string_view session_sha256) override {
    Stmt q(db_, "DELETE FROM sessions WHERE session_sha256 = ?");
    q.Bind(1, session_sha256);
    return q.Run();
  }

  // ---- the review layer ----

  Result<Review> PutReview(const Review& r, std::string_view before) override {
    VR_TRY(Exec("BEGIN IMMEDIATE"));
    Stmt q(db_, (std::string("INSERT INTO reviews(submission_id, target, key, decision, value, note, user, at) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ") + kNow + ") "
                 "ON CONFLICT(submission_id, target, key) DO UPDATE SET decision = ?4, value = ?5, note = ?6, "
                 "user = ?7, at = excluded.at").c_str());
    q.Bind(1, r.submission_id).Bind(2, r.target).Bind(3, r.key).Bind(4, r.decision).Bind(5, r.value);
    q.Bind(6, r.note).Bind(7, r.user);
    if (Status s = q.Run(); !s) return Rollback(s.error());
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
    Result<std::vector<Review>> all = ReviewsWhere(" WHERE submission_id = ?1 AND target = ?2 AND key = ?3", r);
    if (!all) return Rollback(all.error());
    VR_TRY(Commit());
    if (all->empty()) return MakeError(ErrorKind::kInternal, "database: review not stored");
    return all->front();
  }

  Result<std::vector<Review>> ListReviews(std::optional<std::int64_t> submission_id) override {
    Review probe;
    if (submission_id) {
      probe.submission_id = *submission_id;
      return ReviewsWhere(" WHERE submission_id = ?1", probe);
    }
    return ReviewsWhere("", probe);
  }

  Status AddAudit(const AuditEntry& e) override { return InsertAudit(e); }

  Result<std::vector<AuditEntry>> ListAudit(std::optional<std::int64_t> submission_id) override {
    std::string sql = "SELECT id, at, user, action, submission_id, target, key, before, after, note FROM audit";
    if (submission_id) sql += " WHERE submission_id = ?";
    sql += " ORDER BY id";
    Stmt q(db_, sql.c_str());
    if (submission_id) q.Bind(1, *submission_id);
    std::vector<AuditEntry> out;
    Status s = Ok{};
    while (q.Step(s)) {
      AuditEntry e;
      e.id = q.Int(0);
      e.at = q.Text(1);
      e.user = q.Text(2);
      e.action = q.Text(3);
      if (!q.IsNull(4)) e.submission_id = q.Int(4);
      e.target = q.Text(5);
      e.key = q.Text(6);
      e.before = q.Text(7);
      e.after = q.Text(8);
      e.note = q.Text(9);
      out.push_back(std::move(e));
    }
    if (!s) return s.error();
    return out;
  }

 private:
  static constexpr const char* kUserColumns =
      "SELECT u.id, u.name, u.role, u.password_hash, u.revoked, u.created_at";
  static constexpr int kUserColumnCount = 6;

  static User UserFrom(const Stmt& q, int c) {
    User u;
    u.id = q.Int(c);
    u.name = q.Text(c + 1);
    u.role = ParseRole(q.Text(c + 2)).value_or(Role::kReader);
    u.password_hash = q.Text(c + 3);
    u.revoked = q.Int(c + 4) != 0;
    u.created_at = q.Text(c + 5);
    return u;
  }

  Result<std::vector<Review>> ReviewsWhere(const std::string& where, const Review& r) {
    Stmt q(db_, ("SELECT submission_id, target, key, decision, value, note, user, at FROM reviews" + where +
                 " ORDER BY submission_id, target, key").c_str());
    if (!where.empty()) q.Bind(1, r.submission_id);
    if (where.find("?2") != std::string::npos) q.Bind(2, r.target).Bind(3, r.key);
    std::vector<Review> out;
    Status s = Ok{};
    while (q.Step(s)) {
      Review x;
      x.submission_id = q.Int(0);
      x.target = q.Text(1);
      x.key = q.Text(2);
      x.decision = q.OptText(3);
      x.value = q.OptText(4);
      x.note = q.Text(5);
      x.user = q.Text(6);
      x.at = q.Text(7);
      out.push_back(std::move(x));
    }
    if (!s) return s.error();
    return out;
  }

  Status InsertAudit(const AuditEntry& e) {
    Stmt q(db_, (std::string("INSERT INTO audit(at, user, action, submission_id, target, key, before, after, note) "
                             "VALUES(") + kNow + ", ?, ?, ?, ?, ?, ?, ?, ?)").c_str());
    q.Bind(1, e.user).Bind(2, e.action).Bind(3, e.submission_id).Bind(4, e.target).Bind(5, e.key);
    q.Bind(6, e.before).Bind(7, e.after).Bind(8, e.note);
    return q.Run();
  }

 public:


 private:
  static constexpr const char* kJobColumns =
      "SELECT id, kind, path, sha256, size, format, state, coalesce(error_kind,''), coalesce(error,''), "
      "submission_id, duplicate_of, attempts, created_at, coalesce(finished_at,'')";
  static constexpr const char* kSubmissionColumns =
      "SELECT s.id, s.sha256, s.file, s.path, s.format, coalesce(s.language,''), s.kind, s.pages, s.state, "
      "s.reporting_year, s.framework, s.components_reported, s.components_total, s.questions_answered, "
      "s.questions_total, s.findings, s.rules_version, s.processed_at, s.rendering_sha256";
  static constexpr int kSubmissionColumnCount = 19;

  static Job JobFrom(const Stmt& q) {
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

  static SubmissionRow RowFrom(const Stmt& q) {
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

  Result<std::int64_t> PragmaInt(const char* sql) {
    Stmt q(db_, sql);
    Status s = Ok{};
    if (!q.Step(s)) return s ? MakeError(ErrorKind::kInternal, std::string("no result: ") + sql) : s.error();
    return q.Int(0);
  }

  Error Rollback(const Error& e) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  }
  Status Commit() {
    if (Status s = Exec("COMMIT"); !s) return Rollback(s.error());
    return Ok{};
  }

  Result<Job> LoadJob(std::int64_t id) {
    Stmt q(db_, (std::string(kJobColumns) + " FROM jobs WHERE id = ?").c_str());
    q.Bind(1, id);
    Status s = Ok{};
    if (!q.Step(s)) return s ? MakeError(ErrorKind::kInternal, "no job " + std::to_string(id)) : s.error();
    return JobFrom(q);
  }

  Result<EnqueueResult> EnqueueOne(const NewJob& j) {
    {
      Stmt q(db_, "SELECT id FROM jobs WHERE kind = 'ingest' AND path = ? AND sha256 = ?");
      q.Bind(1, j.path).Bind(2, j.sha256);
      Status s = Ok{};
      if (q.Step(s)) return EnqueueResult::kKnown;
      if (!s) return s.error();
    }
    const std::string insert = std::string(
                                   "INSERT INTO jobs(kind, path, sha256, size, format, state, error_kind, error, "
                                   "submission_id, duplicate_of, created_at, finished_at) "
                                   "VALUES('ingest', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ") +
                               kNow + ", CASE WHEN ?5 IN ('done','failed') THEN " + kNow + " END)";
    Stmt ins(db_, insert.c_str());
    ins.Bind(1, j.path).Bind(2, j.sha256).Bind(3, j.size).Bind(4, j.format);
    if (j.failed || j.sha256.empty()) {
      Error e = j.failed.value_or(MakeError(ErrorKind::kUnreadableInput, "cannot read file"));
      ins.Bind(5, "failed").Bind(6, ErrorKindName(e.kind)).Bind(7, e.message).BindNull(8).BindNull(9);
      VR_TRY(ins.Run());
      return EnqueueResult::kFailed;
    }
    Stmt p(db_,
           "SELECT id, state, submission_id, coalesce(error_kind,''), coalesce(error,''), path FROM jobs "
           "WHERE kind = 'ingest' AND sha256 = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1");
    p.Bind(1, j.sha256);
    Status s = Ok{};
    if (!p.Step(s)) {
      if (!s) return s.error();
      ins.Bind(5, "queued").BindNull(6).BindNull(7).BindNull(8).BindNull(9);
      VR_TRY(ins.Run());
      return EnqueueResult::kQueued;
    }
    const std::int64_t primary = p.Int(0);
    const std::string state = p.Text(1);
    ins.Bind(9, primary);
    if (state == "done") {
      ins.Bind(5, "done").BindNull(6).BindNull(7).Bind(8, p.Int(2));
    } else if (state == "failed") {
      ins.Bind(5, "failed").Bind(6, p.Text(3)).Bind(7, "same content as " + p.Text(5) + ": " + p.Text(4)).BindNull(8);
    } else {
      ins.Bind(5, "queued").BindNull(6).BindNull(7).BindNull(8);
    }
    VR_TRY(ins.Run());
    return EnqueueResult::kDuplicate;
  }

  Status CompleteInTransaction(std::int64_t job_id, const JobResult& result) {
    Result<Job> job = LoadJob(job_id);
    if (!job) return job.error();
    const Report& r = result.report;
    {
      Stmt v(db_, (std::string("INSERT OR IGNORE INTO rules_versions(version, first_used_at) VALUES(?, ") + kNow + ")")
                      .c_str());
      v.Bind(1, r.rules_version);
      VR_TRY(v.Run());
    }
    std::optional<std::int64_t> sub;
    {
      Stmt q(db_, "SELECT id FROM submissions WHERE sha256 = ?");
      q.Bind(1, job->sha256);
      Status s = Ok{};
      if (q.Step(s)) sub = q.Int(0);
      VR_TRY(s);
    }
    const std::string report_json =
        EncodeReport(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (sub) {
      for (const char* t : {"answers", "objectives", "findings", "components"}) {
        Stmt d(db_, (std::string("DELETE FROM ") + t + " WHERE submission_id = ?").c_str());
        d.Bind(1, *sub);
        VR_TRY(d.Run());
      }
    } else {
      Stmt ins(db_, (std::string("INSERT INTO submissions(sha256, file, path, size, format, kind, rules_version, "
                                 "report, created_at, processed_at) VALUES(?, ?, ?, ?, ?, '', ?, '', ") +
                     kNow + ", " + kNow + ")").c_str());
      ins.Bind(1, job->sha256).Bind(2, r.file).Bind(3, job->path).Bind(4, job->size).Bind(5, r.format);
      ins.Bind(6, r.rules_version);
      VR_TRY(ins.Run());
      sub = sqlite3_last_insert_rowid(db_);
    }
    {
      Stmt u(db_, (std::string("UPDATE submissions SET file = ?1, format = ?2, pages = ?3, ocr = ?4, language = ?5, "
                               "kind = ?6, state = ?7, reporting_year = ?8, framework = ?9, "
                               "components_reported = ?10, components_total = ?11, questions_answered = ?12, "
                               "questions_total = ?13, findings = ?14, rules_version = ?15, report = ?16, "
                               "rendering_sha256 = ?18, processed_at = ") + kNow + " WHERE id = ?17").c_str());
      u.Bind(1, r.file).Bind(2, r.format).Bind(3, r.pages).Bind(4, r.ocr ? 1 : 0).Bind(5, r.language);
      u.Bind(6, r.kind).Bind(7, r.state).Bind(8, r.reporting_year).Bind(9, r.framework);
      u.Bind(10, r.completeness.components_reported).Bind(11, r.completeness.components_total);
      u.Bind(12, r.completeness.questions_answered).Bind(13, r.completeness.questions_total);
      u.Bind(14, static_cast<int>(r.findings.size())).Bind(15, r.rules_version).Bind(16, report_json).Bind(17, *sub);
      u.Bind(18, result.rendering_sha256);
      VR_TRY(u.Run());
    }
    VR_TRY(InsertRows(*sub, r));
    {
      Stmt u(db_, (std::string("UPDATE jobs SET state = 'done', submission_id = ?, rules_version = ?, seconds = ?, "
                               "max_rss_kb = ?, error_kind = NULL, error = NULL, finished_at = ") + kNow + " WHERE id = ?").c_str());
      u.Bind(1, *sub).Bind(2, r.rules_version).Bind(3, result.seconds);
      u.Bind(4, static_cast<std::int64_t>(result.max_rss_kb)).Bind(5, job_id);
      VR_TRY(u.Run());
    }
    {
      Stmt u(db_, (std::string("UPDATE jobs SET state = 'done', submission_id = ?, finished_at = ") + kNow +
                   " WHERE duplicate_of = ? AND state IN ('queued','running')").c_str());
      u.Bind(1, *sub).Bind(2, job_id);
      VR_TRY(u.Run());
    }
    return Ok{};
  }

  Status InsertRows(std::int64_t sub, const Report& r) {
    Stmt a(db_,
           "INSERT INTO answers(submission_id, idx, question, component, value, value_int, value_type, page, "
           "evidence, confidence, source) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
      const Answer& x = r.answers[i];
      const std::string component = x.question.substr(0, x.question.find('.'));
      a.Reset();
      a.Bind(1, sub).Bind(2, static_cast<std::int64_t>(i)).Bind(3, x.question).Bind(4, component);
      switch (x.value.kind) {
        case AnswerValue::Kind::kInteger:
          a.Bind(5, std::to_string(x.value.integer)).Bind(6, static_cast<std::int64_t>(x.value.integer)).Bind(7, "integer");
          break;
        case AnswerValue::Kind::kWord: a.Bind(5, x.value.text).BindNull(6).Bind(7, "word"); break;
        case AnswerValue::Kind::kText: a.Bind(5, x.value.text).BindNull(6).Bind(7, "text"); break;
      }
      if (x.evidence.page > 0) a.Bind(8, x.evidence.page); else a.BindNull(8);
      a.Bind(9, x.evidence.text).Bind(10, x.confidence).Bind(11, x.source);
      VR_TRY(a.Run());
    }
    Stmt o(db_,
           "INSERT INTO objectives(submission_id, idx, component, text, measurable, time_bound, deadline, quantities, "
           "page, evidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < r.objectives.size(); ++i) {
      const Objective& x = r.objectives[i];
      nlohmann::json q = nlohmann::json::array();
      for (const Quantity& z : x.quantities) q.push_back({{"value", z.value}, {"unit", z.unit}});
      o.Reset();
      o.Bind(1, sub).Bind(2, static_cast<std::int64_t>(i)).Bind(3, x.component).Bind(4, x.text);
      o.Bind(5, x.measurable ? 1 : 0).Bind(6, x.time_bound ? 1 : 0).Bind(7, x.deadline);
      o.Bind(8, q.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      if (x.evidence.page > 0) o.Bind(9, x.evidence.page); else o.BindNull(9);
      o.Bind(10, x.evidence.text);
      VR_TRY(o.Run());
    }
    Stmt f(db_,
           "INSERT INTO findings(submission_id, idx, code, component, question, objective, severity, message, page) "
           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& x = r.findings[i];
      f.Reset();
      f.Bind(1, sub).Bind(2, static_cast<std::int64_t>(i)).Bind(3, x.code).Bind(4, x.component).Bind(5, x.question);
      f.Bind(6, x.objective).Bind(7, SeverityName(x.severity)).Bind(8, x.message);
      if (x.page > 0) f.Bind(9, x.page); else f.BindNull(9);
      VR_TRY(f.Run());
    }
    Stmt c(db_,
           "INSERT INTO components(submission_id, idx, component, title, status, answered, total, objectives) "
           "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < r.components.size(); ++i) {
      const ComponentSummary& x = r.components[i];
      c.Reset();
      c.Bind(1, sub).Bind(2, static_cast<std::int64_t>(i)).Bind(3, x.id).Bind(4, x.title);
      c.Bind(5, ComponentStatus(x)).Bind(6, x.answered).Bind(7, x.total).Bind(8, x.objectives);
      VR_TRY(c.Run());
    }
    return Ok{};
  }

  sqlite3* db_;
  int version_ = 0;
};

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

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return MakeError(ErrorKind::kInternal, "cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  auto store = std::make_unique<SqliteStore>(db);
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
    if (Status s = store->Exec(pragma); !s) {
      Error e = s.error().WithContext(path);
      if (e.message.find("not a database") != std::string::npos) e.kind = ErrorKind::kUnsupportedFormat;
      return e;
    }
  }
  if (Status s = store->Migrate(); !s) return s.error().WithContext(path);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace vareport::store
