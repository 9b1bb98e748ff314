// vareport/server/processor.h — the service's processing thread: runs the
// store's queued jobs with the same runner, child-process workers and limits
// as `vareport ingest` (service/ingest.h), whenever work arrives.
//
// Wake() after enqueueing; the thread also looks at the queue every second.
// Stop() lets the running children finish (each is bounded by its time
// limit), then joins. Thread-safety: Wake and Stop from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "service/ingest.h"

namespace vareport::server {

class Processor {
 public:
  // `db_path`: the store (opened by the thread itself); `options`: as for ingest.
  Processor(std::string db_path, service::RunOptions options);
  ~Processor();
  void Start();
  void Wake();
  void Stop();
  // The last error of a run ("" when none), for /readyz and the log.
  std::string last_error() const;

 private:
  void Loop();

  std::string db_path_;
  service::RunOptions options_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::mutex join_mu_;
  std::condition_variable cv_;
  bool wake_ = false, stop_ = false;
  std::string last_error_;
};

}  // namespace vareport::server
