// vareport — reads victim-assistance reports submitted by States Parties to the
// Anti-Personnel Mine Ban Convention and maps them onto one structured model.
//
//   vareport extract FILE [--format json|text] [--rules DIR]
//   vareport dump FILE
//   vareport rules check [DIR]
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstring>
#include <cstdlib>
#include <exception>
#include <unistd.h>
#include <iostream>
#include <optional>

#include "cli/batch_commands.h"
#include "cli/commands.h"
#include "cli/server_commands.h"
#include "cli/fork_server_command.h"
#include "service/fork_server.h"

namespace {

// One command line: `vareport SUBCOMMAND …` (also run by the fork server's
// children for `worker …`, see service/fork_server.h).
int RunCommandLine(int argc, char** argv) {
  CLI::App app{"vareport: reads victim-assistance reports (checklists, Article 7 Form J, national plans)"};
  app.set_version_flag("--version", std::string("vareport 0.1.0"));
  app.require_subcommand(1);

  vareport::cli::ExtractArgs extract;
  CLI::App* ex = app.add_subcommand("extract", "Read one report and print the structured report");
  ex->add_option("file", extract.file, "the report: PDF, .docx, .doc, .rtf or .odt; - for standard input")->required();
  ex->add_option("--format", extract.format, "json (the report model) or text (a reviewer's summary, the default)")
      ->check(CLI::IsMember({"json", "text"}));
  ex->add_option("--rules", extract.rules_dir, "rule folder (default: installed rules, or the source tree's rules/)");
  ex->add_flag_callback("--render,--pages", [&extract] { extract.render = true; },
                        "Word files: render to PDF with LibreOffice for page numbers and evidence boxes (2-4 s more)");
  ex->add_flag_callback("--no-render", [&extract] { extract.render = false; },
                        "Word files: no rendering, evidence pages unknown (the default)");

  std::string dump_file;
  CLI::App* dump = app.add_subcommand("dump", "Print the document model of a file as JSON");
  dump->add_option("file", dump_file, "the report: PDF, .docx, .doc, .rtf or .odt; - for standard input")->required();

  // Per-document limits (cli/commands.h RunLimits), for extract and dump.
  for (CLI::App* sub : {ex, dump}) {
    sub->add_option("--time-limit", extract.limits.time_limit_seconds,
                    "seconds before the run stops with exit status 2 (default 120; 0: none; at most 604800)")
        ->check([](const std::string& v) -> std::string {
          try {
            const double t = std::stod(v);
            return std::isfinite(t) && (t == 0 || (t >= 0.01 && t <= 604800)) ? std::string()
                                                                              : std::string("0 (none) or 0.01 to 604800 seconds");
          } catch (const std::exception&) {
            return "a number of seconds";
          }
        });
    sub->add_option("--memory-limit", extract.limits.memory_limit_mb,
                    "address-space cap in MiB, at least 128 (default: none); past it, exit status 2")
        ->check([](const std::string& v) -> std::string {
          try {
            const long long mb = std::stoll(v);
            return mb == 0 || mb >= 128 ? std::string() : std::string("at least 128 MiB, or 0 for none");
          } catch (const std::exception&) {
            return "a number of MiB";
          }
        });
  }

  std::string rules_dir;
  CLI::App* rules = app.add_subcommand("rules", "Work with rule files");
  rules->require_subcommand(1);
  CLI::App* check = rules->add_subcommand("check", "Validate a rule folder against its schemas");
  check->add_option("dir", rules_dir, "rule folder (default: the one extract uses)");

  vareport::cli::BatchCommands batch(app);  // ingest, status, list, show, reprocess, export
  vareport::cli::ServerCommands service(app);  // serve, users

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A usage error is bad input like any other: one line, exit status 2.
    std::string what = e.what();
    if (what == "A subcommand is required" && argc > 1 && argv[1][0] != '-') {
      what = std::string("unknown command '") + argv[1] + "'";
    }
    for (char& c : what) c = c == '\n' ? ' ' : c;
    std::cerr << "vareport: " << what << " (see vareport --help)\n";
    return vareport::cli::kExitBadInput;
  }
  try {
    if (ex->parsed()) return vareport::cli::Extract(extract);
    if (dump->parsed()) return vareport::cli::Dump(dump_file, extract.limits);
    if (check->parsed()) return vareport::cli::RulesCheck(rules_dir);
    if (std::optional<int> rc = batch.Run()) return *rc;
    if (std::optional<int> rc = service.Run()) return *rc;
  } catch (const std::exception& e) {
    std::cerr << "vareport: internal error: " << e.what() << "\n";
    return vareport::cli::kExitInternal;
  } catch (...) {
    std::cerr << "vareport: internal error\n";
    return vareport::cli::kExitInternal;
  }
  return vareport::cli::kExitInternal;
}

}  // namespace

int main(int argc, char** argv) {
  // Tesseract runs one thread per document (several documents are read at
  // once). Its OpenMP runtime reads OMP_THREAD_LIMIT when it is loaded, which
  // is when the OCR module is (extractors/modules/module_loader.h), never at
  // start: setting it here is enough, for this process and its children.
  ::setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  // The batch's fork server (hidden; service/fork_server.h): its children run
  // RunCommandLine with their own argv.
  if (argc >= 2 && std::strcmp(argv[1], vareport::service::kForkServerCommand) == 0)
    return vareport::cli::RunForkServerCommand(argc, argv, &RunCommandLine);
  return RunCommandLine(argc, argv);
}
