// The fork server (service/fork_server.h) against the real vareport
// executable: its children report what PosixSpawner's report — exit code,
// signal, output, stderr, peak RSS — with the same limits, environment,
// process group and stdin, whether they run vareport in-process (`worker …`)
// or exec another program. Inputs: samples/ and tests/data only.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <variant>

#include "core/sanitizers.h"
#include "service/fork_server.h"
#include "service/worker.h"
#include "test_util.h"

using namespace vareport;
using namespace vareport::service;

namespace {

std::unique_ptr<Spawner> Server() {
  return MakeForkServerSpawner(VAREPORT_BINARY, {"--rules", vareport::test::RulesDir()});
}

// Starts `spec` and waits (up to 60 s) for its end.
ChildExit RunOne(Spawner& s, const ChildSpec& spec) {
  Result<Spawner::Id> id = s.Start(spec);
  BOOST_REQUIRE(id);
  for (int i = 0; i < 600; ++i) {
    auto done = s.Wait(0.1);
    if (!done.empty()) {
      BOOST_TEST(done.front().first == *id);
      return done.front().second;
    }
  }
  BOOST_FAIL("child did not end");
  return {};
}

ChildSpec Sh(const std::string& script) {
  ChildSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  return spec;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fork_server)

BOOST_AUTO_TEST_CASE(worker_runs_in_process_and_prints_its_report) {
  auto s = Server();
  ChildSpec spec;
  spec.argv = {VAREPORT_BINARY, "worker", "--rules", vareport::test::RulesDir(), "--name", "plan.docx",
               std::string(VAREPORT_SAMPLES_DIR) + "/en-national-plan/input.docx"};
  // As ingest sets them (no RLIMIT_AS under AddressSanitizer: its shadow memory is terabytes).
  spec.memory_limit_bytes = vareport::kAddressSanitizer ? 0 : std::size_t{2048} << 20;
  spec.cpu_limit_seconds = 60;
  ChildExit exit = RunOne(*s, spec);
  BOOST_TEST(exit.exit_code == 0);
  BOOST_TEST(exit.signal == 0);
  BOOST_TEST(exit.max_rss_kb > 0);
  auto r = ReadWorkerExit(exit, ExitContext{});
  BOOST_REQUIRE(std::holds_alternative<Report>(r));
  BOOST_TEST(std::get<Report>(r).file == "plan.docx");
  BOOST_TEST(std::get<Report>(r).format == "docx");
}

BOOST_AUTO_TEST_CASE(worker_failure_is_its_last_stderr_line_and_status) {
  auto s = Server();
  ChildSpec spec;
  spec.argv = {VAREPORT_BINARY, "worker", vareport::test::DataPath("pdf/not_a_pdf.pdf")};
  ChildExit exit = RunOne(*s, spec);
  BOOST_TEST(exit.exit_code == 2);
  BOOST_TEST(exit.out.empty());
  auto r = ReadWorkerExit(exit, ExitContext{});
  BOOST_REQUIRE(std::holds_alternative<WorkerFailure>(r));
  BOOST_TEST(std::get<WorkerFailure>(r).kind == "unsupported-format");
}

BOOST_AUTO_TEST_CASE(other_programs_are_executed_with_output_status_and_environment) {
  auto s = Server();
  ChildSpec spec = Sh("echo out; echo err >&2; echo \"$VAREPORT_T\"; read x || echo no-stdin; exit 3");
  spec.env = {"VAREPORT_T=set here"};
  ChildExit exit = RunOne(*s, spec);
  BOOST_TEST(exit.exit_code == 3);
  BOOST_TEST(exit.signal == 0);
  BOOST_TEST(exit.out == "out\nset here\nno-stdin\n");
  BOOST_TEST(exit.err == "err\n");
}

BOOST_AUTO_TEST_CASE(children_get_the_limits_and_their_own_process_group) {
  auto s = Server();
  ChildSpec spec = Sh("ulimit -v; ulimit -t; set -- $(cat /proc/$$/stat); [ \"$5\" = \"$$\" ] && echo own-group");
  spec.memory_limit_bytes = std::size_t{512} << 20;
  spec.cpu_limit_seconds = 7;
  ChildExit exit = RunOne(*s, spec);
  BOOST_TEST(exit.exit_code == 0);
  BOOST_TEST(exit.out == std::to_string(512 * 1024) + "\n7\nown-group\n");
}

BOOST_AUTO_TEST_CASE(a_crash_is_a_signal_and_kill_ends_a_hang) {
  auto s = Server();
  ChildExit crash = RunOne(*s, Sh("kill -SEGV $$"));
  BOOST_TEST(crash.exit_code == -1);
  BOOST_TEST(crash.signal == SIGSEGV);

  Result<Spawner::Id> id = s->Start(Sh("sleep 60"));
  BOOST_REQUIRE(id);
  BOOST_TEST(s->Wait(0.2).empty());
  BOOST_TEST(s->running() == 1u);
  s->Kill(*id);
  std::vector<std::pair<Spawner::Id, ChildExit>> done;
  for (int i = 0; i < 100 && done.empty(); ++i) done = s->Wait(0.1);
  BOOST_REQUIRE(done.size() == 1u);
  BOOST_TEST(done.front().second.signal == SIGKILL);
  BOOST_TEST(s->running() == 0u);
}

BOOST_AUTO_TEST_CASE(several_children_at_once_each_returned_once) {
  auto s = Server();
  std::map<Spawner::Id, int> want;
  for (int i = 0; i < 6; ++i) {
    Result<Spawner::Id> id = s->Start(Sh("sleep 0.0" + std::to_string(i) + "; exit " + std::to_string(i)));
    BOOST_REQUIRE(id);
    want[*id] = i;
  }
  std::map<Spawner::Id, int> got;
  for (int i = 0; i < 300 && s->running() > 0; ++i)
    for (auto& [id, exit] : s->Wait(0.1)) {
      BOOST_TEST(!got.count(id));
      got[id] = exit.exit_code;
    }
  BOOST_TEST(got == want);
}

// The server loads the rules once; a worker still reads the rules as they are
// when it starts, as a freshly executed one would: edited files are loaded again.
BOOST_AUTO_TEST_CASE(rules_edited_after_the_server_started_are_read_afresh) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("vareport_fork_rules_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(vareport::test::RulesDir(), dir, fs::copy_options::recursive);
  auto s = MakeForkServerSpawner(VAREPORT_BINARY, {"--rules", dir.string()});
  ChildSpec spec;
  spec.argv = {VAREPORT_BINARY, "worker", "--rules", dir.string(),
               std::string(VAREPORT_SAMPLES_DIR) + "/en-national-plan/input.docx"};
  auto version = [&] {
    auto r = ReadWorkerExit(RunOne(*s, spec), ExitContext{});
    BOOST_REQUIRE(std::holds_alternative<Report>(r));
    return std::get<Report>(r).rules_version;
  };
  const std::string first = version();
  BOOST_TEST(version() == first);
  { std::ofstream(dir / "plans.xml", std::ios::app) << "\n<!-- edited -->\n"; }
  const std::string edited = version();
  BOOST_TEST(edited != first);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_missing_program_exits_127) {
  auto s = Server();
  ChildSpec spec;
  spec.argv = {"/nonexistent/program"};
  ChildExit exit = RunOne(*s, spec);
  BOOST_TEST(exit.exit_code == 127);
  BOOST_TEST(exit.err.find("cannot start the worker program") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
