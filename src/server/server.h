// vareport/server/server.h — `vareport serve`: the HTTP API under /api/v1
// (described by web/openapi.json, served at /api/v1/openapi.json) and the
// reviewers' page (web/), over the store and the ingest pipeline.
//
// HTTP: cpp-httplib (Debian's libcpp-httplib-dev) with an explicit thread
// pool, payload limit (413 past it), keep-alive limits and socket timeouts.
// Every request is logged on stderr: time, user, method, path, status, ms.
// Errors are application/problem+json (server/problem.h).
// Processing: uploads become jobs of the store, run by one Processor thread
// with child-process workers (server/processor.h), as `vareport ingest` does;
// on a SQLite store the server holds the database's ingest lock while it
// runs; on PostgreSQL (store/open_store.h) several serve processes and
// `vareport worker`s share the database, its jobs under leases.
// Access: users, roles, API tokens (Authorization: Bearer) and page sessions
// (HttpOnly, SameSite=Strict cookie + X-CSRF-Token header on changes);
// server/auth.h.
//
// Thread-safety: Run blocks; Stop may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"

namespace vareport::server {

struct ServerOptions {
  std::string db_path = "vareport.db";
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port (tests)
  int http_threads = 8;                  // request threads
  int workers = 1;                       // documents processed at once
  std::string worker_exe;                // the vareport executable (SelfExecutable())
  std::string rules_dir;                 // empty: DefaultRulesDir()
  std::string web_dir;                   // empty: DefaultWebDir()
  std::size_t max_upload_bytes = 64u << 20;
  std::int64_t queue_limit = 500;        // queued + running jobs past which uploads get 503
  double time_limit_seconds = 120;       // per document
  std::size_t memory_limit_mb = 2048;    // per document's process
  int session_hours = 12;
  bool quiet = false;                    // no request log
};

// The page's folder: VAREPORT_WEB if set; the source tree's web/ when run
// from the build tree; the installed share/vareport/web otherwise.
std::string DefaultWebDir();

class Server {
 public:
  // Opens the store, loads the rules, takes the ingest lock and binds the
  // socket. Errors: the store's, the rules' (kRuleError), kUnreadableInput
  // "another vareport is working on DB", kInternal "cannot listen on H:P".
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server() = default;
  // The bound port.
  virtual int port() const = 0;
  // Serves until Stop(). Errors: kInternal when the listener fails.
  virtual Status Run() = 0;
  virtual void Stop() = 0;
};

}  // namespace vareport::server
