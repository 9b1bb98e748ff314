// Helpers for the store, ingest and export tests: a temporary folder and a
// small hand-made Report.
#pragma once

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "report/report.h"

namespace vareport::test {

// A fresh folder under the system temp dir, removed with its contents.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& tag) {
    static std::atomic<int> n{0};
    path = std::filesystem::temp_directory_path() /
           ("vareport_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string operator/(const std::string& rel) const { return (path / rel).string(); }
};

// A report with one answer, one objective, one finding and two components.
inline Report SampleReport(const std::string& sha, const std::string& state, int year) {
  Report r;
  r.file = "report-" + state + ".docx";
  r.sha256 = sha;
  r.format = "docx";
  r.language = "en";
  r.kind = "va_checklist";
  r.state = state;
  r.reporting_year = year;
  r.framework = "oslo-2019";
  Answer a;
  a.question = "coordination.focal_point";
  a.value.kind = AnswerValue::Kind::kWord;
  a.value.text = "yes";
  a.evidence = {2, "☒ Yes  ☐ No  Is a government entity …"};
  a.confidence = 0.9;
  a.source = "tick";
  r.answers.push_back(a);
  Objective o;
  o.component = "rehabilitation";
  o.text = "By the end of 2026, fit 1,200 survivors with prostheses";
  o.measurable = true;
  o.time_bound = true;
  o.deadline = "2026-12-31";
  o.quantities.push_back({1200, "survivors"});
  o.evidence = {5, "By the end of 2026 …"};
  r.objectives.push_back(o);
  Finding f;
  f.code = "MISSING_ANSWER";
  f.component = "coordination";
  f.question = "coordination.plan";
  f.severity = Severity::kWarning;
  f.message = "Question left blank, \"plan\", à compléter";
  f.page = 3;
  r.findings.push_back(f);
  r.completeness = {1, 2, 1, 2};
  r.components.push_back({"coordination", "Coordination", true, 1, 2, 0});
  r.components.push_back({"rehabilitation", "Rehabilitation", false, 0, 0, 1});
  r.rules_version = "rules-v1";
  return r;
}

}  // namespace vareport::test

// Lets BOOST_TEST print std::optional operands.
namespace boost::test_tools::tt_detail {
template <typename T>
struct print_log_value<std::optional<T>> {
  void operator()(std::ostream& os, const std::optional<T>& v) {
    if (v) os << *v;
    else os << "nullopt";
  }
};
}  // namespace boost::test_tools::tt_detail
