// vareport/service/progress.h — what a batch tells the person watching it.
//
// On a terminal: one live line redrawn in place
//   [##########..........]  812/2000  41%  6.3 docs/s  ETA 3m08s  4 failed
// Otherwise (a log file, CI): a plain line every 5 % or every 10 seconds,
// whichever comes first. Then a summary. Times come from the caller (a
// Clock), so the output is testable.
//
// Thread-safety: one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

namespace vareport::service {

struct Progress {
  std::int64_t total = 0;    // jobs this run will finish
  std::int64_t done = 0;     // finished this run, successfully
  std::int64_t failed = 0;   // finished this run, failed
  std::int64_t running = 0;  // children at work
  double elapsed = 0;        // seconds since the run started
  std::int64_t finished() const { return done + failed; }
};

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // Called often; implementations throttle their output.
  virtual void Update(const Progress& p) = 0;
  // A message between updates ("found 2,031 files (12 already known)").
  virtual void Note(const std::string& line) = 0;
  // The run is over: the last state.
  virtual void Finish(const Progress& p) = 0;
};

// Writes to `out` (not owned): a live bar when `tty`, plain lines otherwise.
std::unique_ptr<ProgressSink> MakeStreamProgress(std::ostream& out, bool tty);
// Says nothing.
std::unique_ptr<ProgressSink> MakeSilentProgress();

// "3m08s", "42s", "1h02m" — for ETAs and durations.
std::string FormatDuration(double seconds);

}  // namespace vareport::service
