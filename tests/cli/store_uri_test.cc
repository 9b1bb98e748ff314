// `--db` on bad input (issue 12): a PostgreSQL URI carrying a password, a
// malformed URI, a refused connection, a wrong password and a database of a
// newer schema each give one line on stderr and a non-zero exit status. The
// wrong-password and PostgreSQL newer-schema cases need VAREPORT_TEST_PG
// (tests/store/pg_cluster.sh); without it they say so and pass without running.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <vector>

#include "store/engine_db.h"
#include "test_util.h"

using vareport::test::EngineDb;
using vareport::test::RunVareport;
using vareport::test::ShellQuote;

namespace {

void ExpectOneLine(const vareport::test::Run& r, int status, const std::string& needle) {
  BOOST_TEST(r.status == status, "exit status " << r.status << ", stderr: " << r.err);
  BOOST_TEST(r.out.empty(), "stdout: " << r.out.substr(0, 200));
  BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, "stderr: " << r.err);
  BOOST_TEST(r.err.find(needle) != std::string::npos, "stderr: " << r.err);
}

// Sets an environment variable for the life of the object.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> old;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old) ::setenv(name.c_str(), old->c_str(), 1);
    else ::unsetenv(name.c_str());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(store_uri)

BOOST_AUTO_TEST_CASE(a_password_in_the_uri_is_refused_without_echoing_it) {
  for (const char* cmd : {"status", "list", "worker", "ingest --no-process /nonexistent"}) {
    auto r = RunVareport(std::string(cmd) + " --db " + ShellQuote("postgresql://amina:s3cret@db.example/vareport"));
    ExpectOneLine(r, 2, "contains a password: give it in PGPASSWORD or ~/.pgpass");
    BOOST_TEST(r.err.find("s3cret") == std::string::npos, r.err);
  }
}

BOOST_AUTO_TEST_CASE(a_malformed_uri_is_one_line) {
  ExpectOneLine(RunVareport("status --db " + ShellQuote("postgresql://db.example/vareport?colour=blue")), 2,
                "database URI postgresql://db.example/vareport cannot be read");
}

// libpq's parse errors quote the text they stop at: a password given as a
// query parameter is refused before, and never echoed.
BOOST_AUTO_TEST_CASE(a_password_query_parameter_is_refused_without_echo) {
  const vareport::test::Run r = RunVareport("status --db " + ShellQuote("postgresql://u@localhost/db?password=secret%zz"));
  ExpectOneLine(r, 2, "contains a password");
  BOOST_TEST(r.err.find("secret") == std::string::npos, "stderr: " << r.err);
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_one_line) {
  vareport::test::TempDir dir("cli_refused");
  ExpectOneLine(RunVareport("list --db " + ShellQuote("postgresql://nobody@/vareport?host=" + dir.path.string() +
                                                      "&port=1")),
                69, "cannot connect to postgresql://nobody@/vareport: ");
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_one_line) {
  EngineDb e("postgresql");
  if (!e.ready()) return;
  ScopedEnv wrong("PGPASSWORD", "not-the-password");
  ExpectOneLine(RunVareport("status --db " + ShellQuote(e.db())), 69, "password authentication failed");
}

BOOST_AUTO_TEST_CASE(a_database_of_a_newer_schema_is_refused_on_both_engines) {
  for (const std::string engine : {"sqlite", "postgresql"}) {
    EngineDb e(engine);
    if (!e.ready()) continue;
    { auto s = e.Open(); }
    BOOST_TEST_REQUIRE(
        e.Sql().Script(e.postgres() ? "UPDATE schema_version SET version = 99" : "PRAGMA user_version = 99").ok());
    ExpectOneLine(RunVareport("status --db " + ShellQuote(e.db())), 2, "database schema 99 is newer than this vareport");
  }
}

BOOST_AUTO_TEST_CASE(a_worker_needs_a_store) {
  ExpectOneLine(RunVareport("worker"), 2, "worker: give --db");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// The same files give the same stored results on both engines: `ingest`,
// then `list`, `show` and `status --failed` print the same.
BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(store_uri)

BOOST_AUTO_TEST_CASE(ingest_list_and_show_agree_on_both_engines) {
  EngineDb pg("postgresql");
  if (!pg.ready()) return;
  EngineDb lite("sqlite");
  ScopedEnv cache("VAREPORT_CACHE_DIR", (pg.dir() / "cache"));
  std::vector<std::string> lists, shows, failed;
  for (const EngineDb* e : {&lite, &pg}) {
    const std::string db = " --db " + ShellQuote(e->db());
    auto in = RunVareport("ingest -j 1 --no-render" + db + " " + ShellQuote(VAREPORT_SAMPLES_DIR));
    BOOST_TEST_REQUIRE(in.status == 0, in.err);
    auto again = RunVareport("ingest -j 1 --no-render" + db + " " + ShellQuote(VAREPORT_SAMPLES_DIR));
    BOOST_TEST(again.err.find("0 new") != std::string::npos, again.err);  // re-enqueue adds nothing
    auto list = RunVareport("list" + db);
    BOOST_TEST_REQUIRE(list.status == 0, list.err);
    lists.push_back(list.out);
    shows.push_back(RunVareport("show 2 --format json" + db).out);
    failed.push_back(RunVareport("status --failed" + db).out);
  }
  BOOST_TEST(std::count(lists[0].begin(), lists[0].end(), '\n') > 3);
  BOOST_TEST(lists[0] == lists[1]);
  BOOST_TEST(!shows[0].empty());
  BOOST_TEST(shows[0] == shows[1]);
  BOOST_TEST(failed[0] == failed[1]);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
