#include "server/processor.h"

#include <iostream>

#include "service/fork_server.h"
#include "store/open_store.h"

namespace vareport::server {

Processor::Processor(std::string db_path, service::RunOptions options)
    : db_path_(std::move(db_path)), options_(std::move(options)) {}

Processor::~Processor() { Stop(); }

void Processor::Start() { thread_ = std::thread([this] { Loop(); }); }

void Processor::Wake() {
  std::lock_guard<std::mutex> lock(mu_);
  wake_ = true;
  cv_.notify_all();
}

void Processor::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    cv_.notify_all();
  }
  std::lock_guard<std::mutex> lock(join_mu_);  // Stop may come from two threads at once
  if (thread_.joinable()) thread_.join();
}

std::string Processor::last_error() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_error_;
}

void Processor::Loop() {
  Result<std::unique_ptr<store::Store>> db = store::OpenStore(db_path_);
  if (!db) {
    std::lock_guard<std::mutex> lock(mu_);
    last_error_ = db.error().message;
    std::cerr << "vareport serve: processing stopped: " << last_error_ << "\n";
    return;
  }
  Result<store::BlobStore> opened = store::OpenBlobs(db_path_);
  if (!opened) {
    std::lock_guard<std::mutex> lock(mu_);
    last_error_ = opened.error().message;
    std::cerr << "vareport serve: processing stopped: " << last_error_ << "\n";
    return;
  }
  const store::BlobStore& blobs = *opened;
  auto spawner = service::MakeWorkerSpawner(options_.worker_exe, options_.rules_dir);  // a fork server
  service::SteadyClock clock;
  auto progress = service::MakeSilentProgress();
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_for(lock, std::chrono::seconds(1), [this] { return wake_ || stop_; });
      if (stop_) return;
      wake_ = false;
    }
    Result<store::JobCounts> c = (*db)->CountJobs();
    if (c && c->queued == 0 && c->running == 0) continue;
    Result<service::RunSummary> r = service::RunJobs(**db, blobs, *spawner, clock, *progress, options_);
    std::lock_guard<std::mutex> lock(mu_);
    last_error_ = r ? "" : r.error().message;
    if (!r) std::cerr << "vareport serve: processing: " << last_error_ << "\n";
  }
}

}  // namespace vareport::server
