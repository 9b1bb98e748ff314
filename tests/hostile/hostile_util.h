// Helpers of the hostile-input tests (tests/hostile/README.md): the inputs of
// tests/hostile/data/, running the built `vareport` under limits, and reading
// its JSON.
#pragma once

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "hostile/child_process.h"

namespace vareport::test::hostile {

inline std::string HostileData(const std::string& name) {
  return (std::filesystem::path(VAREPORT_TEST_DATA_DIR).parent_path() / "hostile" / "data" / name).string();
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A file under the temporary folder, removed with the object.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& name) {
    path = std::filesystem::temp_directory_path() / ("vareport_hostile_" + std::to_string(::getpid()) + "_" + name);
  }
  TempFile(const std::string& name, const std::string& bytes) : TempFile(name) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

// Runs `vareport ARGS…` with a wall limit (default 60 s) and no stdin.
inline ChildResult Vareport(std::vector<std::string> args, double wall_limit_seconds = 60,
                            std::size_t address_space_bytes = 0) {
  ChildSpec spec;
  spec.argv.push_back(VAREPORT_BINARY);
  for (std::string& a : args) spec.argv.push_back(std::move(a));
  spec.wall_limit_seconds = wall_limit_seconds;
  spec.address_space_bytes = UnderAddressSanitizer() ? 0 : address_space_bytes;
  return RunChild(spec);
}

inline std::string Describe(const ChildResult& r) {
  std::ostringstream s;
  s << "exit " << r.exit_code << ", signal " << r.signal << (r.timed_out ? ", TIMED OUT" : "") << ", " << r.seconds
    << " s, stderr: " << r.err.substr(0, 400);
  return s.str();
}

// The input contract of the CLI: exit 2, exactly one line on stderr (which
// contains `needle`), nothing on stdout.
inline void ExpectRefused(const ChildResult& r, const std::string& needle) {
  BOOST_TEST(r.exit_code == 2, Describe(r));
  BOOST_TEST(r.signal == 0, Describe(r));
  BOOST_TEST(r.out.empty(), "stdout: " << r.out.substr(0, 200));
  BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, "stderr: " << r.err);
  BOOST_TEST(r.err.find(needle) != std::string::npos, "stderr: " << r.err << " (expected \"" << needle << "\")");
}

// Exit 0 and JSON on stdout; returns the parsed object (null when not).
inline nlohmann::json ExpectJson(const ChildResult& r) {
  BOOST_TEST_REQUIRE(r.exit_code == 0, Describe(r));
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  BOOST_TEST_REQUIRE(!j.is_discarded(), "stdout is not JSON: " << r.out.substr(0, 200));
  return j;
}

// `vareport extract FILE --format json` → question id → answer value ("yes", "no", …).
inline std::map<std::string, std::string> Answers(const nlohmann::json& report) {
  std::map<std::string, std::string> out;
  for (const auto& a : report.at("answers")) {
    const auto& v = a.at("value");
    out[a.at("question").get<std::string>()] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

// Every paragraph object of a `vareport dump` block list, tables included.
inline void CollectParagraphs(const nlohmann::json& blocks, std::vector<nlohmann::json>& out) {
  for (const auto& b : blocks) {
    if (b.at("type") == "paragraph") out.push_back(b);
    if (b.at("type") == "table") {
      for (const auto& row : b.at("rows")) {
        for (const auto& cell : row.at("cells")) CollectParagraphs(cell.at("blocks"), out);
      }
    }
  }
}

inline std::vector<nlohmann::json> Paragraphs(const nlohmann::json& blocks) {
  std::vector<nlohmann::json> out;
  CollectParagraphs(blocks, out);
  return out;
}

inline std::string Text(const nlohmann::json& blocks) {
  std::string out;
  for (const auto& p : Paragraphs(blocks)) out += p.at("text").get<std::string>() + "\n";
  return out;
}

// Every tick of a dump's body: (checked, encoding, label, field).
struct DumpTick {
  bool checked = false;
  std::string encoding, label, field;
};
inline std::vector<DumpTick> Ticks(const nlohmann::json& dump) {
  std::vector<DumpTick> out;
  for (const auto& p : Paragraphs(dump.at("body"))) {
    if (!p.contains("ticks")) continue;
    for (const auto& t : p.at("ticks")) {
      out.push_back({t.at("checked").get<bool>(), t.at("encoding").get<std::string>(), t.value("label", ""),
                     t.value("field", "")});
    }
  }
  return out;
}

}  // namespace vareport::test::hostile
