// The PostgreSQL engine of the SQL seam (store/sql/connection.h), over libpq.
#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/text.h"
#include "store/sql/connection.h"

namespace vareport::store::sql {
namespace {

// Type OIDs (PostgreSQL's pg_type.dat): the parameters' types, given so that
// PostgreSQL need not guess them.
constexpr Oid kInt8Oid = 20, kFloat8Oid = 701, kTextOid = 25, kByteaOid = 17;

std::string FirstLine(const char* message) {
  std::string s = message ? message : "";
  std::size_t end = s.find('\n');
  if (end != std::string::npos) s.resize(end);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s.empty() ? std::string("unknown error") : s;
}

// `?` → `$k` (the next number) and `?N` → `$N`, outside string literals and
// quoted identifiers, as SQLite numbers them.
std::string Placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int highest = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    int n = 0;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
    if (j == i + 1) n = highest + 1;
    highest = std::max(highest, n);
    out += '$';
    out += std::to_string(n);
    i = j - 1;
  }
  return out;
}

// Text PostgreSQL accepts: valid UTF-8 without NUL (SQLite takes any bytes).
std::string PgText(const std::string& s) {
  std::string out = SanitizeUtf8(s);
  out.erase(std::remove(out.begin(), out.end(), '\0'), out.end());
  return out;
}

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, std::string redacted) : conn_(conn), redacted_(std::move(redacted)) {
    dialect_.engine = Engine::kPostgres;
    dialect_.begin = "BEGIN";
    dialect_.now = "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
    dialect_.epoch = "CAST(extract(epoch FROM clock_timestamp()) AS BIGINT)";
    dialect_.skip_locked = " FOR UPDATE SKIP LOCKED";
    dialect_.shared = true;
  }
  ~PgConnection() override { PQfinish(conn_); }

  const Dialect& dialect() const override { return dialect_; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    Rows rows;
    Result<std::int64_t> r = Run(sql, params, &rows);
    if (!r) return r.error();
    return rows;
  }

  Result<std::int64_t> Exec(std::string_view sql, const Params& params) override { return Run(sql, params, nullptr); }

  Status Script(std::string_view sql) override {
    if (Status s = Reconnect(); !s) return s;
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    Status out = Check(res);
    PQclear(res);
    return out;
  }

  Status Begin() override {
    Status s = Script(dialect_.begin);
    in_tx_ = static_cast<bool>(s);
    return s;
  }
  Status Commit() override {
    Status s = Script("COMMIT");
    if (!s) Rollback();
    in_tx_ = false;
    return s;
  }
  void Rollback() override {
    in_tx_ = false;
    if (PQstatus(conn_) != CONNECTION_OK) return;
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    PQclear(PQexec(conn_, "ROLLBACK"));
  }

  Status Notify(std::string_view channel) override {
    Result<std::int64_t> r = Exec("SELECT pg_notify(?, '')", Params(channel));
    if (!r) return r.error();
    return Ok{};
  }

  Result<bool> WaitNotify(std::string_view channel, double seconds) override {
    if (listening_ != channel) {
      listening_.clear();
      if (Status s = Listen(channel); !s) return s.error();
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
      if (PQconsumeInput(conn_) == 0) return Lost();
      bool got = false;
      while (PGnotify* n = PQnotifies(conn_)) {
        got = true;
        PQfreemem(n);
      }
      if (got) return true;
      const double left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      pollfd p{PQsocket(conn_), POLLIN, 0};
      if (p.fd < 0) return Lost();
      // A signal (a worker told to stop) ends the wait: the caller looks at its flags.
      if (::poll(&p, 1, static_cast<int>(left * 1000) + 1) < 0 && errno == EINTR) return false;
    }
  }

 private:
  Error Lost() {
    return MakeError(ErrorKind::kUnavailable, "database: connection to " + redacted_ + " lost: " +
                                               FirstLine(PQerrorMessage(conn_)));
  }

  // A connection broken (the server restarted) is made again before the next
  // statement, unless a transaction was under way (it is gone: that
  // statement fails, the caller's Rollback ends it, the next one reconnects).
  Status Reconnect() {
    if (PQstatus(conn_) == CONNECTION_OK) return Ok{};
    if (in_tx_) return Lost();
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return Lost();
    PQclear(PQexec(conn_, "SET client_min_messages = warning"));
    if (!listening_.empty()) {
      std::string channel = listening_;
      listening_.clear();
      return Listen(channel);
    }
    return Ok{};
  }

  Status Listen(std::string_view channel) {
    char* quoted = PQescapeIdentifier(conn_, channel.data(), channel.size());
    if (!quoted) return Lost();
    std::string sql = std::string("LISTEN ") + quoted;
    PQfreemem(quoted);
    if (Status s = Script(sql); !s) return s;
    listening_ = std::string(channel);
    return Ok{};
  }

  Status Check(PGresult* res) {
    const ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return Ok{};
    if (PQstatus(conn_) != CONNECTION_OK) return Lost();
    return MakeError(ErrorKind::kInternal,
                     "database: " + FirstLine(res ? PQresultErrorMessage(res) : PQerrorMessage(conn_)));
  }

  Result<std::int64_t> Run(std::string_view sql, const Params& params, Rows* rows) {
    if (Status s = Reconnect(); !s) return s.error();
    const std::string text = Placeholders(sql);
    const std::vector<Value>& values = params.values();
    std::vector<std::string> storage(values.size());
    std::vector<Oid> types(values.size(), 0);
    std::vector<const char*> ptrs(values.size(), nullptr);
    std::vector<int> lengths(values.size(), 0), formats(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
      const Value& v = values[i];
      switch (v.type) {
        case Value::Type::kNull: continue;
        case Value::Type::kInt: types[i] = kInt8Oid; storage[i] = v.text; break;
        case Value::Type::kReal: types[i] = kFloat8Oid; storage[i] = v.text; break;
        case Value::Type::kText: types[i] = kTextOid; storage[i] = PgText(v.text); break;
        case Value::Type::kBlob:
          types[i] = kByteaOid;
          formats[i] = 1;
          ptrs[i] = v.text.data();
          lengths[i] = static_cast<int>(v.text.size());
          continue;
      }
      ptrs[i] = storage[i].c_str();
      lengths[i] = static_cast<int>(storage[i].size());
    }
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), types.data(), ptrs.data(),
                                 lengths.data(), formats.data(), 0);
    if (Status s = Check(res); !s) {
      PQclear(res);
      return s.error();
    }
    if (rows) {
      const int n = PQntuples(res), columns = PQnfields(res);
      rows->SetColumns(columns);
      for (int r = 0; r < n; ++r) {
        for (int c = 0; c < columns; ++c) {
          if (PQgetisnull(res, r, c)) {
            rows->Push(std::nullopt);
          } else if (PQftype(res, c) == kByteaOid) {
            std::size_t len = 0;
            unsigned char* b = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(res, r, c)), &len);
            rows->Push(b ? std::string(reinterpret_cast<char*>(b), len) : std::string());
            PQfreemem(b);
          } else {
            rows->Push(std::string(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c))));
          }
        }
      }
    }
    const char* changed = PQcmdTuples(res);
    const std::int64_t count = changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
    PQclear(res);
    return count;
  }

  PGconn* conn_;
  std::string redacted_;
  Dialect dialect_;
  bool in_tx_ = false;
  std::string listening_;
};

void IgnoreNotice(void*, const char*) {}

// The URI's libpq options (PQconninfoParse), or the parse error.
Result<std::vector<std::pair<std::string, std::string>>> ParseUri(std::string_view uri) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(std::string(uri).c_str(), &err);
  if (!opts) {
    std::string why = FirstLine(err ? err : "cannot be parsed");
    if (err) PQfreemem(err);
    return MakeError(ErrorKind::kUnreadableInput, "database URI " + RedactPostgresUri(uri) + ": " + why);
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (PQconninfoOption* o = opts; o->keyword; ++o)
    if (o->val) out.emplace_back(o->keyword, o->val);
  PQconninfoFree(opts);
  return out;
}

}  // namespace

Status CheckPostgresUri(std::string_view uri) {
  if (!IsPostgresUri(uri))
    return MakeError(ErrorKind::kUnreadableInput, "database URI must start with postgresql:// or postgres://");
  // userinfo "user:password@" (RFC 3986 §3.2.1): refused before parsing.
  const std::size_t start = uri.find("://") + 3;
  const std::size_t end = uri.find_first_of("/?", start);
  const std::string_view authority = uri.substr(start, end == std::string_view::npos ? uri.npos : end - start);
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos && authority.substr(0, at).find(':') != std::string_view::npos)
    return MakeError(ErrorKind::kUnreadableInput,
                     "database URI " + RedactPostgresUri(uri) +
                         " contains a password: give it in PGPASSWORD or ~/.pgpass, never on the command line");
  // A "password=" query parameter, looked for before libpq parses (its parse
  // errors quote the text they stop at, which may be the password itself).
  const std::size_t query = uri.find('?');
  if (query != std::string_view::npos) {
    std::string q(uri.substr(query));
    for (char& c : q) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (q.find("password") != std::string::npos)
      return MakeError(ErrorKind::kUnreadableInput,
                       "database URI " + RedactPostgresUri(uri) +
                           " contains a password: give it in PGPASSWORD or ~/.pgpass, never on the command line");
  }
  Result<std::vector<std::pair<std::string, std::string>>> opts = ParseUri(uri);
  if (!opts) return MakeError(opts.error().kind, "database URI " + RedactPostgresUri(uri) + " cannot be read");
  for (const auto& [k, v] : *opts)
    if (k == "password")
      return MakeError(ErrorKind::kUnreadableInput,
                       "database URI " + RedactPostgresUri(uri) +
                           " contains a password: give it in PGPASSWORD or ~/.pgpass, never on the command line");
  return Ok{};
}

std::string RedactPostgresUri(std::string_view uri) {
  // Everything up to the query, with any userinfo password dropped.
  std::string s(uri.substr(0, uri.find('?')));
  const std::size_t start = s.find("://");
  if (start == std::string::npos) return "(not a URI)";
  const std::size_t end = s.find('/', start + 3);
  std::string authority = s.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
  const std::size_t at = authority.rfind('@');
  if (at != std::string::npos) {
    std::string user = authority.substr(0, at);
    user = user.substr(0, user.find(':'));
    authority = user + "@" + authority.substr(at + 1);
  }
  return s.substr(0, start + 3) + authority + (end == std::string::npos ? "" : s.substr(end));
}

Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& uri) {
  if (Status s = CheckPostgresUri(uri); !s) return s.error();
  PGconn* conn = PQconnectdb(uri.c_str());
  if (!conn) return MakeError(ErrorKind::kInternal, "cannot connect to " + RedactPostgresUri(uri) + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    // "connection to server on socket … failed: FATAL:  password authentication failed for user …"
    std::string why = FirstLine(PQerrorMessage(conn));
    PQfinish(conn);
    return MakeError(ErrorKind::kUnavailable, "cannot connect to " + RedactPostgresUri(uri) + ": " + why);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  PQclear(PQexec(conn, "SET client_min_messages = warning"));
  return std::unique_ptr<Connection>(std::make_unique<PgConnection>(conn, RedactPostgresUri(uri)));
}

}  // namespace vareport::store::sql
