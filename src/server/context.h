// vareport/server/context.h — what the route handlers share (internal to
// src/server/): options, rules, the blob store, a pool of store connections
// (a Store is one thread's), the processor, metrics and the auth check.
#pragma once

#include <httplib.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/rule_set.h"
#include "server/processor.h"
#include "server/server.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace vareport::server {

// Store connections, one per request at a time.
class StorePool {
 public:
  explicit StorePool(std::string db_path) : db_path_(std::move(db_path)) {}
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (db_) pool_->Return(std::move(db_));
    }
    store::Store& operator*() { return *db_; }
    store::Store* operator->() { return db_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> db_;
  };
  Result<Lease> Take();

 private:
  void Return(std::unique_ptr<store::Store> db);
  std::string db_path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

struct Metrics {
  std::mutex mu;
  std::map<std::pair<std::string, int>, std::int64_t> requests;  // (method, status) → count
  double request_seconds = 0;
};

// The caller of a request, once authenticated.
struct Caller {
  store::User user;
  bool session = false;  // by cookie (then changes carry the CSRF token)
};

// What the list needs of a report beyond its row, cached per (id, processed_at).
struct ListSummary {
  std::string processed_at;
  std::vector<std::string> codes;  // finding codes
  bool needs_review = false;
  int reviews = 0;
};

struct Context {
  ServerOptions options;
  RuleSet rules;
  store::BlobStore blobs{""};
  std::unique_ptr<StorePool> pool;
  std::unique_ptr<Processor> processor;
  Metrics metrics;
  // Held around this process's store writes from request threads: they queue
  // here (a quick hand-off) rather than in SQLite's busy handler, which
  // sleeps in growing steps and starved other requests under load.
  std::mutex write_mu;
  std::mutex cache_mu;
  std::map<std::int64_t, ListSummary> list_cache;

  // Authenticates the request and checks its role; on failure writes the
  // problem (401 without or with bad credentials, 403 with too low a role or
  // a missing CSRF token on a change by cookie) and returns nullopt.
  std::optional<Caller> Authorize(const httplib::Request& req, httplib::Response& res, store::Role need);
};

// The caller's name for the request log of this thread.
void SetLogUser(const std::string& name);

// Sends `j` as application/json with `status`.
void SendJson(httplib::Response& res, const nlohmann::json& j, int status = 200);

// Parses the body as a JSON object; on failure writes a 400 problem.
std::optional<nlohmann::json> JsonBody(const httplib::Request& req, httplib::Response& res);

// A store error as a problem (logged): 503 with Retry-After when the
// database cannot be reached (ErrorKind::kUnavailable), else 500.
void StoreError(httplib::Response& res, const Error& e);

// Parses a positive decimal id; nullopt for anything else.
std::optional<std::int64_t> ParseId(const std::string& s);

void AddSubmissionRoutes(httplib::Server& http, Context& ctx);
void AddReviewRoutes(httplib::Server& http, Context& ctx);

}  // namespace vareport::server
