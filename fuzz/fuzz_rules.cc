// libFuzzer harness for the rule loader (src/rules/rule_loader.h).
//
// At start-up the source tree's rules/ is copied to a private temporary
// folder. Each input replaces one rule file of that copy — the first byte
// picks which: catalogue.xml, lexicon/en.xml, lexicon/fr.xml, lexicon/es.xml,
// states.xml, plans.xml, document.xml — with the rest of the bytes; then
// LoadRules reads the folder, and the file is put back. Every input must load
// or give a kRuleError whose message is one line ("FILE:LINE: message"):
// never a crash, an entity expansion or a network access.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "rules/rule_loader.h"

namespace {

namespace fs = std::filesystem;

const char* const kFiles[] = {"catalogue.xml", "lexicon/en.xml", "lexicon/fr.xml", "lexicon/es.xml",
                              "states.xml",    "plans.xml",      "document.xml"};
constexpr std::size_t kFileCount = sizeof kFiles / sizeof kFiles[0];

std::string g_dir;                       // the private copy of rules/
std::vector<std::string> g_originals;    // each kFiles entry's bytes

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void RemoveCopy() {
  std::error_code ec;
  if (!g_dir.empty()) fs::remove_all(g_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::string tmpl = (fs::temp_directory_path() / "vareport-fuzz-rules-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_dir = tmpl;
  fs::copy(VAREPORT_SOURCE_RULES_DIR, g_dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  for (const char* f : kFiles) g_originals.push_back(ReadAll(fs::path(g_dir) / f));
  std::atexit(RemoveCopy);
  // The unmodified copy must load, or every finding would be noise.
  vareport::Result<vareport::RuleSet> rules = vareport::LoadRules(g_dir);
  if (!rules) vareport::fuzz::Fail("the source rules do not load", rules.error().message);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t which = data[0] % kFileCount;
  const fs::path file = fs::path(g_dir) / kFiles[which];
  WriteAll(file, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  vareport::Result<vareport::RuleSet> rules = vareport::LoadRules(g_dir);
  WriteAll(file, g_originals[which]);
  if (!rules) {
    const vareport::Error& e = rules.error();
    if (e.kind != vareport::ErrorKind::kRuleError) vareport::fuzz::Fail("not a rule error", e.message);
    vareport::fuzz::CheckError(e);
  }
  return 0;
}
