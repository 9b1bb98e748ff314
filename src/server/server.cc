#include "server/server.h"

#include <sys/time.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/data_dir.h"
#include "rules/rule_loader.h"
#include "server/auth.h"
#include "server/context.h"
#include "server/problem.h"
#include "service/ingest.h"
#include "service/spawner.h"
#include "store/open_store.h"
#include "store/sqlite_store.h"

namespace vareport::server {
namespace fs = std::filesystem;

namespace {

thread_local std::string t_user;
thread_local std::chrono::steady_clock::time_point t_start;

constexpr const char* kSessionCookie = "vareport_session";

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<std::string> CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string cookies = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < cookies.size()) {
    std::size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string part = cookies.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

bool IsChange(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

class HttpServer final : public Server {
 public:
  explicit HttpServer(std::unique_ptr<Context> ctx, std::unique_ptr<service::DatabaseLock> lock)
      : ctx_(std::move(ctx)), lock_(std::move(lock)) {}
  ~HttpServer() override { Stop(); }

  Status Bind() {
    Setup();
    const ServerOptions& o = ctx_->options;
    if (o.port == 0) {
      port_ = http_.bind_to_any_port(o.host);
      if (port_ <= 0) return MakeError(ErrorKind::kInternal, "cannot listen on " + o.host);
    } else {
      if (!http_.bind_to_port(o.host, o.port))
        return MakeError(ErrorKind::kInternal, "cannot listen on " + o.host + ":" + std::to_string(o.port));
      port_ = o.port;
    }
    return Ok{};
  }

  int port() const override { return port_; }

  Status Run() override {
    ctx_->processor->Start();
    ctx_->processor->Wake();
    const bool ok = http_.listen_after_bind();
    ctx_->processor->Stop();
    if (!ok && !stopping_) return MakeError(ErrorKind::kInternal, "the listener stopped");
    return Ok{};
  }

  void Stop() override {
    stopping_ = true;
    http_.stop();
    if (ctx_->processor) ctx_->processor->Stop();
  }

 private:
  void Setup() {
    Context& ctx = *ctx_;
    const ServerOptions& o = ctx.options;
    const int threads = std::max(2, o.http_threads);
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    http_.set_payload_max_length(o.max_upload_bytes);
    http_.set_keep_alive_max_count(1000);
    http_.set_keep_alive_timeout(5);
    http_.set_read_timeout(30, 0);
    http_.set_write_timeout(30, 0);
    http_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                               {"Referrer-Policy", "no-referrer"},
                               {"X-Frame-Options", "DENY"}});

    http_.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
      t_user.assign(1, '-');  // (not = "-": GCC 12 reports a false -Wrestrict on it)
      t_start = std::chrono::steady_clock::now();
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (res.body.empty()) {
        std::string detail = res.status == 404   ? "no such resource: " + req.path
                             : res.status == 413 ? "the upload is larger than the server's limit"
                             : res.status == 400 ? "malformed request"
                                                 : StatusTitle(res.status);
        Problem(res, res.status, detail);
      }
    });
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = std::string("internal error: ") + e.what();
      } catch (...) {
      }
      std::cerr << "vareport serve: " << what << "\n";
      Problem(res, 500, what);
    });
    http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
      {
        std::lock_guard<std::mutex> lock(ctx_->metrics.mu);
        ++ctx_->metrics.requests[{req.method, res.status}];
        ctx_->metrics.request_seconds += secs;
      }
      if (ctx_->options.quiet) return;
      std::ostringstream line;
      line << NowIso() << " " << (t_user.empty() ? "-" : t_user) << " " << req.method << " " << req.path << " "
           << res.status << " " << static_cast<long>(secs * 1000) << "ms\n";
      std::cerr << line.str();
    });

    // Health, readiness, metrics: no login (loopback by default).
    auto healthz = [](const httplib::Request&, httplib::Response& res) { SendJson(res, {{"status", "ok"}}); };
    http_.Get("/healthz", healthz);
    http_.Get("/api/v1/healthz", healthz);
    auto readyz = [&ctx](const httplib::Request&, httplib::Response& res) {
      Result<StorePool::Lease> db = ctx.pool->Take();
      bool store_ok = false;
      if (db) store_ok = static_cast<bool>((*db)->CountJobs());
      const bool rules_ok = !ctx.rules.components.empty();
      if (store_ok && rules_ok) {
        SendJson(res, {{"status", "ready"}, {"rules_version", ctx.rules.version}});
      } else {
        res.set_header("Retry-After", "5");
        Problem(res, 503, std::string(store_ok ? "" : "the store is not reachable; ") + (rules_ok ? "" : "no rules loaded"));
      }
    };
    http_.Get("/readyz", readyz);
    http_.Get("/api/v1/readyz", readyz);
    auto metrics = [&ctx](const httplib::Request&, httplib::Response& res) {
      std::ostringstream m;
      m << "# HELP vareport_http_requests_total HTTP requests by method and status.\n"
           "# TYPE vareport_http_requests_total counter\n";
      double req_secs = 0;
      {
        std::lock_guard<std::mutex> lock(ctx.metrics.mu);
        for (const auto& [k, n] : ctx.metrics.requests)
          m << "vareport_http_requests_total{method=\"" << k.first << "\",status=\"" << k.second << "\"} " << n << "\n";
        req_secs = ctx.metrics.request_seconds;
      }
      m << "# HELP vareport_http_request_seconds_total Time spent answering requests.\n"
           "# TYPE vareport_http_request_seconds_total counter\n"
        << "vareport_http_request_seconds_total " << req_secs << "\n";
      Result<StorePool::Lease> db = ctx.pool->Take();
      if (!db) return StoreError(res, db.error());
      Result<store::JobCounts> c = (*db)->CountJobs();
      if (!c) return StoreError(res, c.error());
      m << "# HELP vareport_jobs Jobs in the store by state.\n# TYPE vareport_jobs gauge\n";
      m << "vareport_jobs{state=\"queued\"} " << c->queued << "\n";
      m << "vareport_jobs{state=\"running\"} " << c->running << "\n";
      m << "vareport_jobs{state=\"done\"} " << c->done << "\n";
      m << "vareport_jobs{state=\"failed\"} " << c->failed << "\n";
      Result<std::pair<double, std::int64_t>> p = (*db)->ProcessingSeconds();
      if (!p) return StoreError(res, p.error());
      m << "# HELP vareport_processing_seconds Time the workers took to read documents.\n"
           "# TYPE vareport_processing_seconds summary\n"
        << "vareport_processing_seconds_sum " << p->first << "\n"
        << "vareport_processing_seconds_count " << p->second << "\n";
      res.set_content(m.str(), "text/plain; version=0.0.4");
    };
    http_.Get("/metrics", metrics);
    http_.Get("/api/v1/metrics", metrics);

    http_.Get("/api/v1/openapi.json", [&ctx](const httplib::Request&, httplib::Response& res) {
      std::ifstream in(ctx.options.web_dir + "/openapi.json", std::ios::binary);
      if (!in) return Problem(res, 404, "openapi.json is not installed");
      std::ostringstream s;
      s << in.rdbuf();
      res.set_content(s.str(), "application/json");
    });

    // Sessions for the page.
    http_.Post("/api/v1/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
      std::optional<nlohmann::json> body = JsonBody(req, res);
      if (!body) return;
      if (!body->contains("name") || !(*body)["name"].is_string() || !body->contains("password") ||
          !(*body)["password"].is_string())
        return Problem(res, 400, "give name and password as strings");
      const std::string name = (*body)["name"], password = (*body)["password"];
      Result<StorePool::Lease> db = ctx.pool->Take();
      if (!db) return StoreError(res, db.error());
      Result<std::optional<store::User>> u = (*db)->FindUser(name);
      if (!u) return StoreError(res, u.error());
      if (!*u || (*u)->revoked || !VerifyPassword((*u)->password_hash, password))
        return Problem(res, 401, "wrong name or password");
      SetLogUser(name);
      const std::string cookie = RandomHex(32), csrf = RandomHex(16);
      const std::int64_t expires = std::time(nullptr) + static_cast<std::int64_t>(ctx.options.session_hours) * 3600;
      if (Status s = (*db)->AddSession(store::Sha256Hex(cookie), (*u)->id, csrf, expires); !s)
        return StoreError(res, s.error());
      res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + cookie +
                                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                       std::to_string(ctx.options.session_hours * 3600));
      SendJson(res, {{"name", (*u)->name}, {"role", store::RoleName((*u)->role)}, {"csrf", csrf}});
    });
    http_.Post("/api/v1/logout", [&ctx](const httplib::Request& req, httplib::Response& res) {
      if (std::optional<std::string> c = CookieValue(req, kSessionCookie)) {
        Result<StorePool::Lease> db = ctx.pool->Take();
        if (!db) return StoreError(res, db.error());
        if (Status s = (*db)->DeleteSession(store::Sha256Hex(*c)); !s) return StoreError(res, s.error());
      }
      res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
      res.status = 204;
    });
    http_.Get("/api/v1/me", [&ctx](const httplib::Request& req, httplib::Response& res) {
      std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kReader);
      if (!c) return;
      nlohmann::json j = {{"name", c->user.name}, {"role", store::RoleName(c->user.role)}};
      if (c->session) {
        Result<StorePool::Lease> db = ctx.pool->Take();
        if (!db) return StoreError(res, db.error());
        Result<std::optional<store::Session>> s =
            (*db)->FindSession(store::Sha256Hex(*CookieValue(req, kSessionCookie)), std::time(nullptr));
        if (s && *s) j["csrf"] = (*s)->csrf;
      }
      SendJson(res, j);
    });

    // Users (admin).
    http_.Get("/api/v1/users", [&ctx](const httplib::Request& req, httplib::Response& res) {
      if (!ctx.Authorize(req, res, store::Role::kAdmin)) return;
      Result<StorePool::Lease> db = ctx.pool->Take();
      if (!db) return StoreError(res, db.error());
      Result<std::vector<store::User>> users = (*db)->ListUsers();
      if (!users) return StoreError(res, users.error());
      nlohmann::json out = nlohmann::json::array();
      for (const store::User& u : *users)
        out.push_back({{"name", u.name}, {"role", store::RoleName(u.role)}, {"revoked", u.revoked},
                       {"created_at", u.created_at}});
      SendJson(res, {{"items", out}});
    });
    http_.Post("/api/v1/users", [&ctx](const httplib::Request& req, httplib::Response& res) {
      std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kAdmin);
      if (!c) return;
      std::optional<nlohmann::json> body = JsonBody(req, res);
      if (!body) return;
      if (!body->contains("name") || !(*body)["name"].is_string() || !body->contains("role") ||
          !(*body)["role"].is_string())
        return Problem(res, 400, "give name and role as strings");
      const std::string name = (*body)["name"];
      std::optional<store::Role> role = store::ParseRole((*body)["role"].get<std::string>());
      if (!role) return Problem(res, 400, "role must be reader, reviewer or admin");
      if (name.empty() || name.size() > 64 || name.find_first_of(" /\\:\t\r\n") != std::string::npos)
        return Problem(res, 400, "a user name is 1 to 64 characters without spaces, slashes or colons");
      const std::string password = GeneratePassword();
      Result<std::string> hash = HashPassword(password);
      if (!hash) return StoreError(res, hash.error());
      Result<StorePool::Lease> db = ctx.pool->Take();
      if (!db) return StoreError(res, db.error());
      Result<std::int64_t> id = (*db)->AddUser(name, *role, *hash);
      if (!id) {
        if (id.error().kind == ErrorKind::kUnreadableInput) return Problem(res, 409, id.error().message);
        return StoreError(res, id.error());
      }
      store::AuditEntry e;
      e.user = c->user.name;
      e.action = "user";
      e.target = "user";
      e.key = name;
      e.after = std::string(store::RoleName(*role));
      (void)(*db)->AddAudit(e);
      SendJson(res, {{"name", name}, {"role", store::RoleName(*role)}, {"password", password}}, 201);
    });

    AddSubmissionRoutes(http_, ctx);
    AddReviewRoutes(http_, ctx);

    // Anything else under /api is a 404 problem (the error handler); the page otherwise.
    http_.set_mount_point("/", o.web_dir);
    http_.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  }

  std::unique_ptr<Context> ctx_;
  std::unique_ptr<service::DatabaseLock> lock_;
  httplib::Server http_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
};

}  // namespace

void SetLogUser(const std::string& name) { t_user = name; }

void SendJson(httplib::Response& res, const nlohmann::json& j, int status) {
  res.status = status;
  res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

std::optional<nlohmann::json> JsonBody(const httplib::Request& req, httplib::Response& res) {
  nlohmann::json j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    Problem(res, 400, "the body is not a JSON object");
    return std::nullopt;
  }
  return j;
}

void StoreError(httplib::Response& res, const Error& e) {
  std::cerr << "vareport serve: " << e.message << "\n";
  // The database out of reach is a passing state (RFC 9110 §15.6.4), not a bug.
  if (e.kind == ErrorKind::kUnavailable) {
    res.set_header("Retry-After", "5");
    return Problem(res, 503, "the database cannot be reached; try again shortly");
  }
  Problem(res, 500, "store error: " + e.message);
}

std::optional<std::int64_t> ParseId(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

Result<StorePool::Lease> StorePool::Take() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      std::unique_ptr<store::Store> db = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  Result<std::unique_ptr<store::Store>> db = store::OpenStore(db_path_);
  if (!db) return db.error();
  return Lease(this, std::move(*db));
}

void StorePool::Return(std::unique_ptr<store::Store> db) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(std::move(db));
}

std::optional<Caller> Context::Authorize(const httplib::Request& req, httplib::Response& res, store::Role need) {
  Result<StorePool::Lease> db = pool->Take();
  if (!db) {
    StoreError(res, db.error());
    return std::nullopt;
  }
  std::optional<Caller> caller;
  const std::string auth = req.get_header_value("Authorization");
  if (!auth.empty()) {
    if (auth.rfind("Bearer ", 0) != 0) {
      res.set_header("WWW-Authenticate", "Bearer");
      Problem(res, 401, "the Authorization header must be 'Bearer TOKEN'");
      return std::nullopt;
    }
    Result<std::optional<store::User>> u = (*db)->UserByToken(store::Sha256Hex(auth.substr(7)));
    if (!u) {
      StoreError(res, u.error());
      return std::nullopt;
    }
    if (*u) caller = Caller{**u, false};
  } else if (std::optional<std::string> cookie = CookieValue(req, kSessionCookie)) {
    Result<std::optional<store::Session>> s = (*db)->FindSession(store::Sha256Hex(*cookie), std::time(nullptr));
    if (!s) {
      StoreError(res, s.error());
      return std::nullopt;
    }
    if (*s) {
      if (IsChange(req.method) && req.get_header_value("X-CSRF-Token") != (*s)->csrf) {
        SetLogUser((*s)->user.name);
        Problem(res, 403, "a change from the page must carry its X-CSRF-Token");
        return std::nullopt;
      }
      caller = Caller{(*s)->user, true};
    }
  }
  if (!caller) {
    res.set_header("WWW-Authenticate", "Bearer");
    Problem(res, 401, "log in, or give an API token as 'Authorization: Bearer TOKEN'");
    return std::nullopt;
  }
  SetLogUser(caller->user.name);
  if (!RoleAtLeast(caller->user.role, need)) {
    Problem(res, 403, "this needs the " + std::string(store::RoleName(need)) + " role; " + caller->user.name +
                          " is " + std::string(store::RoleName(caller->user.role)));
    return std::nullopt;
  }
  return caller;
}

std::string DefaultWebDir() {
  return DataDir("VAREPORT_WEB", VAREPORT_SOURCE_WEB_DIR, VAREPORT_INSTALL_WEB_DIR);
}

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (Status s = InitCrypto(); !s) return s.error();
  auto ctx = std::make_unique<Context>();
  ctx->options = options;
  if (ctx->options.web_dir.empty()) ctx->options.web_dir = DefaultWebDir();
  const std::string rules_dir = options.rules_dir.empty() ? DefaultRulesDir() : options.rules_dir;
  Result<RuleSet> rules = LoadRules(rules_dir);
  if (!rules) return rules.error();
  ctx->rules = std::move(*rules);
  Result<std::unique_ptr<store::Store>> db = store::OpenStore(options.db_path);  // creates and migrates
  if (!db) return db.error();
  // SQLite: one process works on the file. PostgreSQL: several serve
  // processes (and workers) share the database; leases share the jobs.
  Result<std::unique_ptr<service::DatabaseLock>> lock = std::unique_ptr<service::DatabaseLock>();
  if (!store::IsSharedDb(options.db_path)) lock = service::LockDatabase(options.db_path);
  if (!lock) return lock.error();
  Result<store::BlobStore> blobs = store::OpenBlobs(options.db_path);
  if (!blobs) return blobs.error();
  ctx->blobs = std::move(*blobs);
  ctx->pool = std::make_unique<StorePool>(options.db_path);
  service::RunOptions run;
  run.workers = std::max(1, options.workers);
  run.worker_exe = options.worker_exe.empty() ? service::SelfExecutable() : options.worker_exe;
  run.rules_dir = options.rules_dir;
  run.time_limit_seconds = options.time_limit_seconds;
  run.memory_limit_mb = options.memory_limit_mb;
  run.legacy_batches = false;
  run.scratch_dir = ctx->blobs.root() + "/tmp";
  ctx->processor = std::make_unique<Processor>(options.db_path, run);
  auto server = std::make_unique<HttpServer>(std::move(ctx), std::move(*lock));
  if (Status s = server->Bind(); !s) return s.error();
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace vareport::server
