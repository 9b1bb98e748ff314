// The golden runner: every samples/<case>/input.* is extracted (with --render:
// Word files' pages and evidence boxes from their rendering) and compared
// with samples/<case>/expected.json (all fields but "rules_version"). After a
// reviewed change, regenerate with scripts/update-golden.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace fs = std::filesystem;

namespace {

nlohmann::json Normalised(nlohmann::json j) {
  j.erase("rules_version");
  return j;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(samples_match_their_expected_reports) {
  int cases = 0;
  std::vector<fs::path> dirs;
  for (const auto& d : fs::directory_iterator(VAREPORT_SAMPLES_DIR))
    if (d.is_directory()) dirs.push_back(d.path());
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    fs::path input;
    for (const auto& f : fs::directory_iterator(dir))
      if (f.path().stem() == "input") input = f.path();
    if (input.empty()) continue;
    ++cases;
    BOOST_TEST_CONTEXT("sample " << dir.filename().string()) {
      BOOST_TEST_REQUIRE(fs::exists(dir / "expected.json"), "expected.json present");
      vareport::test::Run r =
          vareport::test::RunVareport("extract " + vareport::test::ShellQuote(input.string()) + " --format json --render");
      BOOST_TEST_REQUIRE(r.status == 0, r.err);
      std::ifstream in(dir / "expected.json");
      nlohmann::json want = Normalised(nlohmann::json::parse(in));
      nlohmann::json got = Normalised(nlohmann::json::parse(r.out));
      nlohmann::json diff = nlohmann::json::diff(want, got);
      BOOST_TEST(diff.empty(), "differences (JSON patch from expected to actual): " << diff.dump().substr(0, 2000));
    }
  }
  BOOST_TEST(cases >= 3, "at least three samples");
}

BOOST_AUTO_TEST_SUITE_END()
