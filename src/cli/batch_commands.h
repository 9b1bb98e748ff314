// vareport/cli/batch_commands.h — the batch subcommands of `vareport`:
//
//   vareport ingest PATH... [--db FILE|URI] [--no-process] [-j N] [--rules DIR] [--timeout S] [--memory-mb N]
//   vareport status [--db FILE] [--failed | --skipped]
//   vareport list [--db FILE] [--state ISO3] [--year N] [--kind K] [--flag CODE]
//   vareport show ID [--db FILE] [--format text|json]
//   vareport reprocess (--all | ID...) [--db FILE] [-j N] [--rules DIR]
//   vareport export --format csv|xlsx|json [--out PATH] [--year N] [--db FILE]
//   vareport worker --db postgresql://… [-j N] [--rules DIR] [--timeout S] [--lease S]
// and the hidden ones the batch runs in its children (service/worker.h):
//   vareport worker [--rules DIR] [--name NAME] FILE
//   vareport worker-convert --out DIR FILE...
// `--db` defaults to ./vareport.db (originals kept in `<db>.files/`); a
// postgresql:// or postgres:// URI names a shared PostgreSQL store
// (store/open_store.h): `ingest --no-process` then only records the jobs and
// `worker` processes on any machine take them (SIGTERM: finish the documents
// in hand and exit 0; SIGINT twice: stop at once, release the jobs, exit 130).
// Exit status: 0 (a batch with failed files still succeeds: failures are
// recorded), 2 bad arguments or inputs (a store in a read-only folder), 3
// broken rules, 70 store or internal error, 130 ingest / reprocess
// interrupted (Ctrl-C or SIGTERM: "interrupted: N done, M queued; run again
// to resume").
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vareport::cli {

class BatchCommands {
 public:
  // Adds the subcommands to `app`; `app` must outlive this object.
  explicit BatchCommands(CLI::App& app);

  // After app.parse(): the exit status of the batch subcommand that was
  // given, or nullopt when none of them was.
  std::optional<int> Run();

 private:
  struct Common {
    std::string db = "vareport.db";
    std::string rules_dir;
    int jobs = 0;  // 0: the number of cores
    double timeout = 120;
    std::size_t memory_mb = 2048;
    bool legacy_batches = true;
    bool render = true;  // --no-render: Word files not rendered to PDF
  };
  int Ingest();
  int Status();
  int List();
  int Show();
  int Reprocess();
  int Export();
  int Worker();
  int LongWorker();
  int WorkerConvert();

  CLI::App* ingest_ = nullptr;
  CLI::App* status_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* reprocess_ = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* worker_ = nullptr;
  CLI::App* worker_convert_ = nullptr;

  Common common_;
  std::vector<std::string> paths_;
  bool failed_only_ = false;
  bool skipped_only_ = false;  // status --skipped
  std::optional<std::string> state_, kind_, flag_;
  std::optional<int> year_;
  long long id_ = 0;
  std::string show_format_ = "text";
  bool all_ = false;
  bool retry_failed_ = false;  // reprocess --failed
  std::vector<long long> ids_;
  std::string export_format_;
  std::string out_;
  std::string worker_file_, worker_name_;
  std::string worker_rendering_, worker_render_out_;
  double worker_render_seconds_ = 60;
  std::string convert_out_;
  bool no_process_ = false;   // ingest / reprocess --no-process
  std::string worker_db_;     // worker --db: a long-running worker
  int lease_seconds_ = 30;    // worker --lease
};

}  // namespace vareport::cli
