// The store tests run on both engines: "sqlite" (a file in a temporary
// folder) and "postgresql" (a schema of its own in the database of
// VAREPORT_TEST_PG, which tests/store/pg_cluster.sh sets; without it the
// PostgreSQL cases say so and pass without running).
#pragma once

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "store/open_store.h"
#include "store/sql/connection.h"
#include "store/test_store_util.h"

namespace vareport::test {

// The engines, for BOOST_DATA_TEST_CASE(name, kEngines, engine).
inline const auto kEngines = boost::unit_test::data::make(std::vector<std::string>{"sqlite", "postgresql"});

// VAREPORT_TEST_PG, or "" when unset.
inline std::string TestPgUri() {
  const char* uri = std::getenv("VAREPORT_TEST_PG");
  return uri ? uri : "";
}

// One empty database of `engine` for one test.
class EngineDb {
 public:
  explicit EngineDb(const std::string& engine) : dir_("engine_" + engine) {
    if (engine == "sqlite") {
      db_ = dir_ / "v.db";
      ready_ = true;
      return;
    }
    const std::string base = TestPgUri();
    if (base.empty()) {
      BOOST_TEST_MESSAGE("PostgreSQL case not run: VAREPORT_TEST_PG is unset (tests/store/pg_cluster.sh sets it)");
      return;
    }
    static std::atomic<int> n{0};
    schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    auto admin = store::sql::OpenPostgresConnection(base);
    BOOST_TEST_REQUIRE(admin.ok(), (admin.ok() ? "" : admin.error().message));
    admin_ = std::move(*admin);
    BOOST_TEST_REQUIRE(admin_->Script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_).ok());
    db_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
    ready_ = true;
  }
  ~EngineDb() {
    conn_.reset();
    if (admin_) (void)admin_->Script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  // False when the engine is not available here (the case then returns).
  bool ready() const { return ready_; }
  bool postgres() const { return !schema_.empty(); }
  // The --db value.
  const std::string& db() const { return db_; }
  const TempDir& dir() const { return dir_; }

  std::unique_ptr<store::Store> Open(const store::StoreOptions& options = {}) const {
    auto s = store::OpenStore(db_, options);
    BOOST_TEST_REQUIRE(s.ok(), (s.ok() ? "" : s.error().message));
    return std::move(*s);
  }

  // Plain SQL on the database (the store's tables are queryable as schema.md says).
  store::sql::Connection& Sql() {
    if (!conn_) {
      auto c = postgres() ? store::sql::OpenPostgresConnection(db_) : store::sql::OpenSqliteConnection(db_, 30000);
      BOOST_TEST_REQUIRE(c.ok(), (c.ok() ? "" : c.error().message));
      conn_ = std::move(*c);
    }
    return *conn_;
  }
  long long Scalar(const std::string& sql) {
    auto r = Sql().Query(sql);
    if (!r.ok() || r->empty()) return -1;
    return (*r)[0].Int(0);
  }

 private:
  TempDir dir_;
  std::string db_, schema_;
  bool ready_ = false;
  std::unique_ptr<store::sql::Connection> admin_, conn_;
};

}  // namespace vareport::test
