// vareport/cli/server_commands.h — the service's subcommands of `vareport`:
//
//   vareport serve [--db FILE] [--listen HOST:PORT] [-j N] [--threads N] [--max-upload-mb N]
//                  [--queue-limit N] [--rules DIR] [--web DIR] [--timeout S] [--memory-mb N] [--quiet]
//   vareport users add NAME --role reader|reviewer|admin [--db FILE]   prints a generated password once
//   vareport users token NAME [--db FILE]                               prints a new API token once (last word)
//   vareport users list [--db FILE]
//   vareport users revoke NAME [--db FILE]
// and the hidden child of the page images (service/page_image.h):
//   vareport worker-render --page N --dpi D [--box …] [--find TEXT] --out OUT.png FILE
// Exit status: 0; 2 bad arguments (unknown user, name taken); 70 store error.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "service/page_image.h"

namespace vareport::cli {

class ServerCommands {
 public:
  explicit ServerCommands(CLI::App& app);
  // After app.parse(): the exit status of the subcommand given, or nullopt.
  std::optional<int> Run();

 private:
  int Serve();
  int Users();
  int Render();

  CLI::App* serve_ = nullptr;
  CLI::App* users_ = nullptr;
  CLI::App* add_ = nullptr;
  CLI::App* token_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* revoke_ = nullptr;
  CLI::App* render_ = nullptr;

  std::string db_ = "vareport.db";
  std::string listen_ = "127.0.0.1:8080";
  int jobs_ = 0;
  int threads_ = 8;
  std::size_t max_upload_mb_ = 64;
  long long queue_limit_ = 500;
  std::string rules_dir_, web_dir_;
  double timeout_ = 120;
  std::size_t memory_mb_ = 2048;
  bool quiet_ = false;
  std::string name_, role_;
  service::PageImageArgs render_args_;
  std::string box_;
};

}  // namespace vareport::cli
