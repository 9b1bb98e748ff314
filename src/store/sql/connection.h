// vareport/store/sql/connection.h — the small seam between the one SQL store
// (store/sql_store.cc) and its two engines: SQLite (libsqlite3, embedded) and
// PostgreSQL (libpq, shared).
//
// The store writes its SQL once. Parameters are written `?` (the next number)
// or `?N` (number N, may repeat), as SQLite takes them; the PostgreSQL
// connection rewrites them to `$N` (PostgreSQL 15 docs §34.3 "libpq: Command
// Execution Functions", PQexecParams). The few places the engines differ are
// the Dialect's fields, in one place: transaction start, the current time as
// ISO 8601 text and as Unix seconds, row locks for a work queue
// (`FOR UPDATE SKIP LOCKED`, PostgreSQL docs §SELECT "The Locking Clause"),
// NOTIFY, and the translation of the schema's DDL (INTEGER PRIMARY KEY →
// identity column, INTEGER → BIGINT, REAL → DOUBLE PRECISION, BLOB → BYTEA,
// the reserved word "user" quoted).
//
// Every statement's rows are read whole into Rows (the store's queries are
// small; a result of thousands of job rows is fine).
//
// Thread-safety: a Connection is one thread's.
// Errors: kInternal "database: <engine message>" for every failure; the
// engine's message is one line.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vareport::store::sql {

enum class Engine { kSqlite, kPostgres };

// What differs between the engines, as SQL fragments.
struct Dialect {
  Engine engine = Engine::kSqlite;
  std::string begin;        // "BEGIN IMMEDIATE" (SQLite: take the write lock now) | "BEGIN"
  std::string now;          // the current time, ISO 8601 UTC with milliseconds: "2026-12-06T18:00:00.000Z"
  std::string epoch;        // the current time, Unix seconds (integer)
  std::string skip_locked;  // appended to the claim's SELECT: "" | " FOR UPDATE SKIP LOCKED"
  bool shared = false;      // several machines use the database (PostgreSQL): leases, not file locks

  // The DDL of a migration (written for SQLite) for this engine; identity for SQLite.
  std::string Ddl(std::string_view sqlite_ddl) const;
};

// One bound parameter value.
struct Value {
  enum class Type { kNull, kInt, kReal, kText, kBlob };
  Type type = Type::kNull;
  std::string text;  // kText, kBlob: the bytes; kInt, kReal: decimal
  std::int64_t i = 0;
  double d = 0;
};

// Parameters in order: the first is ?1.
class Params {
 public:
  Params() = default;
  template <typename... T>
  explicit Params(const T&... v) {
    (Add(v), ...);
  }
  Params& Add(std::int64_t v);
  Params& Add(int v) { return Add(static_cast<std::int64_t>(v)); }
  Params& Add(double v);
  Params& Add(std::string_view v);
  Params& Add(const std::string& v) { return Add(std::string_view(v)); }
  Params& Add(const char* v) { return Add(std::string_view(v)); }
  Params& Add(std::nullopt_t);
  template <typename T>
  Params& Add(const std::optional<T>& v) {
    return v ? Add(*v) : Add(std::nullopt);
  }
  // Bytes stored as BLOB (SQLite) / BYTEA (PostgreSQL).
  Params& AddBlob(std::string_view bytes);

  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

// The rows of a statement, read whole. Columns are 0-based; a cell is NULL or
// text (integers and reals in decimal, blobs as their bytes).
class Rows {
 public:
  std::size_t size() const { return cells_.empty() || columns_ == 0 ? 0 : cells_.size() / columns_; }
  bool empty() const { return size() == 0; }

  // A cursor on row `r`.
  class Row {
   public:
    Row(const Rows& rows, std::size_t r) : rows_(rows), r_(r) {}
    bool IsNull(int c) const { return !rows_.Cell(r_, c).has_value(); }
    std::int64_t Int(int c) const;
    double Real(int c) const;
    std::string Text(int c) const { return rows_.Cell(r_, c).value_or(std::string()); }
    std::optional<std::string> OptText(int c) const { return rows_.Cell(r_, c); }
    std::optional<int> OptInt(int c) const {
      return IsNull(c) ? std::nullopt : std::optional<int>(static_cast<int>(Int(c)));
    }

   private:
    const Rows& rows_;
    std::size_t r_;
  };
  Row operator[](std::size_t r) const { return Row(*this, r); }

  // Building (the connections).
  void SetColumns(int n) { columns_ = n; }
  void Push(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }

 private:
  const std::optional<std::string>& Cell(std::size_t r, int c) const { return cells_[r * columns_ + c]; }
  int columns_ = 0;
  std::vector<std::optional<std::string>> cells_;
};

class Connection {
 public:
  virtual ~Connection() = default;

  virtual const Dialect& dialect() const = 0;

  // Runs one statement and returns its rows (none for INSERT/UPDATE/DELETE
  // without RETURNING).
  virtual Result<Rows> Query(std::string_view sql, const Params& params = Params()) = 0;
  // Runs one statement; returns the number of rows it changed.
  virtual Result<std::int64_t> Exec(std::string_view sql, const Params& params = Params()) = 0;
  // Runs several `;`-separated statements without parameters (migrations).
  virtual Status Script(std::string_view sql) = 0;

  // Transactions: Begin runs dialect().begin; Rollback never fails (it is
  // what is done after a failure) and is a no-op outside a transaction.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;

  // Wake-ups between processes (PostgreSQL LISTEN/NOTIFY, docs §NOTIFY).
  // Notify sends `channel` (delivered at commit when inside a transaction);
  // WaitNotify listens on it (once) and waits up to `seconds` for a
  // notification: true when one came; false when the time ran out or a
  // signal came. SQLite: Notify does nothing and WaitNotify sleeps
  // `seconds` and returns false.
  virtual Status Notify(std::string_view channel) = 0;
  virtual Result<bool> WaitNotify(std::string_view channel, double seconds) = 0;
};

// Opens a SQLite database file (created if absent) with WAL, synchronous=FULL,
// foreign keys and a busy timeout. Errors: kInternal "cannot open database
// PATH: …"; kUnsupportedFormat when the file is not a SQLite database.
Result<std::unique_ptr<Connection>> OpenSqliteConnection(const std::string& path, int busy_timeout_ms);

// True for "postgresql://…" and "postgres://…" (the libpq URI schemes).
bool IsPostgresUri(std::string_view db);

// Checks a libpq connection URI (PostgreSQL docs §34.1.1 "Connection
// Strings"; RFC 3986 syntax) before it is used: the scheme, and no password
// in it (userinfo "user:password@" or a password= parameter). Passwords come
// from PGPASSWORD or ~/.pgpass only, never from a command line.
// Errors: kUnreadableInput "database URI …: <why>" (one line).
Status CheckPostgresUri(std::string_view uri);

// The URI without anything that could be secret, for messages: scheme,
// user, host, port and database name.
std::string RedactPostgresUri(std::string_view uri);

// Connects with libpq (PQconnectdb) after CheckPostgresUri; the session runs
// in UTC. Errors: kUnreadableInput for a bad URI; kUnavailable "cannot connect
// to <redacted uri>: <libpq's first line>" (refused, wrong password, no such
// database).
Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& uri);

}  // namespace vareport::store::sql
