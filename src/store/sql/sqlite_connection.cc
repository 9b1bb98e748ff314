// The SQLite engine of the SQL seam (store/sql/connection.h).
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

#include "store/sql/connection.h"

namespace vareport::store::sql {
namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {
    dialect_.engine = Engine::kSqlite;
    dialect_.begin = "BEGIN IMMEDIATE";
    dialect_.now = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";
    dialect_.epoch = "CAST(strftime('%s','now') AS INTEGER)";
    dialect_.skip_locked = "";
    dialect_.shared = false;
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  const Dialect& dialect() const override { return dialect_; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    Rows rows;
    Status s = Run(sql, params, &rows);
    if (!s) return s.error();
    return rows;
  }

  Result<std::int64_t> Exec(std::string_view sql, const Params& params) override {
    Status s = Run(sql, params, nullptr);
    if (!s) return s.error();
    return static_cast<std::int64_t>(sqlite3_changes(db_));
  }

  Status Script(std::string_view sql) override {
    char* msg = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : sqlite3_errmsg(db_);
      sqlite3_free(msg);
      return MakeError(ErrorKind::kInternal, "database: " + m);
    }
    return Ok{};
  }

  Status Begin() override { return Script(dialect_.begin); }
  Status Commit() override {
    Status s = Script("COMMIT");
    if (!s) Rollback();
    return s;
  }
  void Rollback() override {
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  Status Notify(std::string_view) override { return Ok{}; }
  Result<bool> WaitNotify(std::string_view, double seconds) override {
    // One nanosleep: a signal (a worker told to stop) ends it early.
    if (seconds <= 0) return false;
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(seconds);
    ts.tv_nsec = static_cast<long>((seconds - static_cast<double>(ts.tv_sec)) * 1e9);
    ::nanosleep(&ts, nullptr);
    return false;
  }

 private:
  Error LastError() const { return MakeError(ErrorKind::kInternal, "database: " + std::string(sqlite3_errmsg(db_))); }

  Status Run(std::string_view sql, const Params& params, Rows* rows) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK) {
      return LastError();
    }
    int i = 1;
    for (const Value& v : params.values()) {
      switch (v.type) {
        case Value::Type::kNull: sqlite3_bind_null(st, i); break;
        case Value::Type::kInt: sqlite3_bind_int64(st, i, v.i); break;
        case Value::Type::kReal: sqlite3_bind_double(st, i, v.d); break;
        case Value::Type::kText:
          sqlite3_bind_text(st, i, v.text.data(), static_cast<int>(v.text.size()), SQLITE_TRANSIENT);
          break;
        case Value::Type::kBlob:
          sqlite3_bind_blob(st, i, v.text.data(), static_cast<int>(v.text.size()), SQLITE_TRANSIENT);
          break;
      }
      ++i;
    }
    const int columns = sqlite3_column_count(st);
    if (rows) rows->SetColumns(columns);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (!rows) continue;
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(st, c)) {
          case SQLITE_NULL: rows->Push(std::nullopt); break;
          case SQLITE_FLOAT: {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(st, c));
            rows->Push(std::string(buf));
            break;
          }
          case SQLITE_BLOB: {
            const void* b = sqlite3_column_blob(st, c);
            const int n = sqlite3_column_bytes(st, c);
            rows->Push(b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(n)) : std::string());
            break;
          }
          default: {
            const unsigned char* t = sqlite3_column_text(st, c);
            rows->Push(t ? std::string(reinterpret_cast<const char*>(t),
                                       static_cast<std::size_t>(sqlite3_column_bytes(st, c)))
                         : std::string());
          }
        }
      }
    }
    Status out = Ok{};
    if (rc != SQLITE_DONE) out = LastError();
    sqlite3_finalize(st);
    return out;
  }

  sqlite3* db_;
  Dialect dialect_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqliteConnection(const std::string& path, int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return MakeError(ErrorKind::kInternal, "cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  auto conn = std::make_unique<SqliteConnection>(db);
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
    if (Status s = conn->Script(pragma); !s) {
      Error e = s.error().WithContext(path);
      if (e.message.find("not a database") != std::string::npos) e.kind = ErrorKind::kUnsupportedFormat;
      return e;
    }
  }
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace vareport::store::sql
