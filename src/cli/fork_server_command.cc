#include "cli/fork_server_command.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "extractors/extractor.h"
#include "extractors/modules/module_loader.h"
#include "extractors/pdf/pdf_writer.h"
#include "rules/rule_loader.h"
#include "service/fork_server.h"
#include "service/worker.h"

namespace vareport::cli {
namespace {

// A one-page PDF (ISO 32000-1 §7.5: header, objects, xref table, trailer)
// with a heading, a question and Yes/No labels without boxes in the base-14
// Helvetica: reading it takes the text layer, the check for drawn boxes
// (a page rendering: fonts, fontconfig) and the analysis (ICU) once.
std::string WarmUpPdf() {
  const std::string content =
      "BT /F1 14 Tf 72 770 Td (Victim assistance checklist 2024) Tj ET\n"
      "BT /F1 10 Tf 72 740 Td (1. Is there a national focal point for victim assistance?) Tj ET\n"
      "BT /F1 10 Tf 90 722 Td (Yes) Tj 60 0 Td (No) Tj ET\n"
      "72 720 8 8 re S 132 720 8 8 re S\n";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
  return pdf::WritePdf(objects);
}

// Everything a worker loads or initialises on first use, done once here so
// that every child inherits it: the optional modules, Poppler's and
// fontconfig's global state, ICU's data and caches, the analysis' tables.
void WarmUp(const std::string& rules_dir) {
  modules::PreloadModules();
  Result<RuleSet> rules = LoadRules(rules_dir);
  Result<Document> doc = ExtractDocument(WarmUpPdf());
  if (rules && doc) (void)Analyze(*doc, *rules);
}

}  // namespace

int RunForkServerCommand(int argc, char** argv, CommandLineFn run) {
  std::string rules_dir;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
      rules_dir = argv[++i];
    } else {
      std::cerr << "vareport: fork-server: unexpected argument '" << argv[i] << "'\n";
      return 2;
    }
  }
  // Loaded once here, inherited by every child (service::RunWorker uses them
  // when its --rules names the same folder). Broken rules: the children load
  // them again and fail each job with the rule error, as without a server.
  const std::string dir = rules_dir.empty() ? DefaultRulesDir() : rules_dir;
  service::PreloadWorkerRules(dir);
  WarmUp(dir);
  return service::RunForkServer(3, [run](std::vector<std::string> args) {
    std::vector<char*> v;
    for (std::string& a : args) v.push_back(a.data());
    v.push_back(nullptr);
    return run(static_cast<int>(args.size()), v.data());
  });
}

}  // namespace vareport::cli
