// Helpers shared by the tests: paths to the project's own data, to the
// optional ../shared material, and running the built executable.
#pragma once

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace vareport::test {

inline std::string DataPath(const std::string& rel) { return std::string(VAREPORT_TEST_DATA_DIR) + "/" + rel; }
inline std::string RulesDir() { return VAREPORT_SOURCE_RULES_DIR; }
inline std::string SharedDir() { return VAREPORT_SHARED_DIR; }
inline bool HaveShared() { return std::filesystem::is_directory(std::string(VAREPORT_SHARED_DIR) + "/corpus"); }

// Result of running a command: exit status (or 128+signal), stdout, stderr.
struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `vareport ARGS` with stdin closed; stderr captured through a temp file.
inline Run RunVareport(const std::string& args) {
  std::string err_file = std::filesystem::temp_directory_path() / ("vareport_test_err_" + std::to_string(::getpid()));
  std::string cmd = ShellQuote(VAREPORT_BINARY) + " " + args + " 2>" + ShellQuote(err_file) + " </dev/null";
  Run r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  if (FILE* e = std::fopen(err_file.c_str(), "r")) {
    while ((n = std::fread(buf.data(), 1, buf.size(), e)) > 0) r.err.append(buf.data(), n);
    std::fclose(e);
  }
  std::filesystem::remove(err_file);
  return r;
}

}  // namespace vareport::test
