#include "cli/commands.h"

#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "analysis/analyzer.h"
#include "core/result.h"
#include "document/document_json.h"
#include "extractors/extractor.h"
#include "report/report_json.h"
#include "report/report_text.h"
#include "rules/rule_loader.h"

namespace vareport::cli {
namespace {

constexpr auto kJsonReplace = nlohmann::json::error_handler_t::replace;

int ExitFor(const Error& e) {
  switch (e.kind) {
    case ErrorKind::kRuleError: return kExitRuleError;
    case ErrorKind::kInternal: return kExitInternal;
    default: return kExitBadInput;
  }
}

int Fail(const std::string& file, const Error& e) {
  std::string msg = e.message;
  for (char& c : msg)
    if (c == '\n' || c == '\r') c = ' ';
  std::cerr << "vareport: " << (file.empty() ? "" : file + ": ") << msg << "\n";
  return ExitFor(e);
}

// SHA-256 of the bytes, lower-case hex (OpenSSL EVP).
std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace

int Extract(const ExtractArgs& args) {
  std::string rules_dir = args.rules_dir.empty() ? DefaultRulesDir() : args.rules_dir;
  Result<RuleSet> rules = LoadRules(rules_dir);
  if (!rules) return Fail("", rules.error());
  std::string bytes;
  if (Status s = ReadFileBytes(args.file, bytes); !s) return Fail(args.file, s.error());
  Result<Document> doc = ExtractDocument(bytes);
  if (!doc) return Fail(args.file, doc.error());
  Report report = Analyze(*doc, *rules);
  report.file = std::filesystem::path(args.file).filename().string();
  report.sha256 = Sha256Hex(bytes);
  report.format = FormatName(doc->format);
  report.pages = doc->pages;
  report.ocr = doc->ocr;
  if (args.format == "json") {
    std::cout << ToJson(report).dump(1, ' ', false, kJsonReplace) << "\n";
  } else {
    std::cout << ToText(report);
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitInternal;
}

int Dump(const std::string& file) {
  std::string bytes;
  if (Status s = ReadFileBytes(file, bytes); !s) return Fail(file, s.error());
  Result<Document> doc = ExtractDocument(bytes);
  if (!doc) return Fail(file, doc.error());
  std::cout << ToJson(*doc).dump(1, ' ', false, kJsonReplace) << "\n";
  return kExitOk;
}

int RulesCheck(const std::string& dir) {
  std::string d = dir.empty() ? DefaultRulesDir() : dir;
  Result<RuleSet> rules = LoadRules(d);
  if (!rules) return Fail("", rules.error());
  std::size_t phrases = 0, cues = 0;
  for (const ComponentRule& c : rules->components)
    for (const QuestionRule& q : c.questions) {
      phrases += q.phrases.size();
      cues += q.cues.size();
    }
  std::cout << d << ": ok (" << rules->components.size() << " components, " << rules->QuestionCount()
            << " questions, " << phrases << " phrasings, " << cues << " narrative cues, " << rules->lexicons.size()
            << " languages, " << rules->states.size() << " States, " << rules->plans.size()
            << " plans; version " << rules->version << ")\n";
  return kExitOk;
}

}  // namespace vareport::cli
