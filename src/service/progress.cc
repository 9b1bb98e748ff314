#include "service/progress.h"

#include <cmath>
#include <cstdio>

namespace vareport::service {

std::string FormatDuration(double s) {
  if (!std::isfinite(s) || s < 0) return "?";
  long t = std::lround(s);
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t / 60) % 60);
  else if (t >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%lds", t);
  return buf;
}

namespace {

std::string Stats(const Progress& p) {
  const double rate = p.elapsed > 0 ? p.finished() / p.elapsed : 0;
  const std::int64_t left = p.total - p.finished();
  char buf[160];
  int pct = p.total > 0 ? static_cast<int>(100 * p.finished() / p.total) : 100;
  std::snprintf(buf, sizeof buf, "%lld/%lld  %d%%  %.1f docs/s  ETA %s  %lld failed",
                static_cast<long long>(p.finished()), static_cast<long long>(p.total), pct, rate,
                rate > 0 ? FormatDuration(left / rate).c_str() : "?", static_cast<long long>(p.failed));
  return buf;
}

class StreamProgress final : public ProgressSink {
 public:
  StreamProgress(std::ostream& out, bool tty) : out_(out), tty_(tty) {}

  void Update(const Progress& p) override {
    if (tty_) {
      if (p.elapsed - last_ < 0.2 && p.finished() != p.total) return;
      last_ = p.elapsed;
      constexpr int kWidth = 24;
      int filled = p.total > 0 ? static_cast<int>(kWidth * p.finished() / p.total) : kWidth;
      std::string bar(static_cast<std::size_t>(filled), '#');
      bar.resize(kWidth, '.');
      out_ << "\r\033[K[" << bar << "] " << Stats(p) << std::flush;
      drawn_ = true;
      return;
    }
    const std::int64_t step = p.total >= 20 ? p.total / 20 : 1;  // 5 %
    const bool by_count = p.finished() >= next_count_;
    const bool by_time = p.elapsed - last_ >= 10 && p.finished() != last_finished_;
    if (!by_count && !by_time) return;
    while (next_count_ <= p.finished()) next_count_ += step;
    last_ = p.elapsed;
    last_finished_ = p.finished();
    out_ << "progress: " << Stats(p) << "\n" << std::flush;
  }

  void Note(const std::string& line) override {
    if (drawn_) out_ << "\r\033[K";
    drawn_ = false;
    out_ << line << "\n" << std::flush;
  }

  void Finish(const Progress& p) override {
    if (tty_) {
      last_ = -1e9;
      Update(p);
      out_ << "\n";
      drawn_ = false;
    }
    char buf[200];
    const double rate = p.elapsed > 0 ? p.finished() / p.elapsed : 0;
    std::snprintf(buf, sizeof buf, "finished %lld jobs in %s (%.1f docs/s): %lld done, %lld failed",
                  static_cast<long long>(p.finished()), FormatDuration(p.elapsed).c_str(), rate,
                  static_cast<long long>(p.done), static_cast<long long>(p.failed));
    out_ << buf << "\n" << std::flush;
  }

 private:
  std::ostream& out_;
  bool tty_;
  bool drawn_ = false;
  double last_ = 0;
  std::int64_t next_count_ = 0;
  std::int64_t last_finished_ = -1;
};

class SilentProgress final : public ProgressSink {
 public:
  void Update(const Progress&) override {}
  void Note(const std::string&) override {}
  void Finish(const Progress&) override {}
};

}  // namespace

std::unique_ptr<ProgressSink> MakeStreamProgress(std::ostream& out, bool tty) {
  return std::make_unique<StreamProgress>(out, tty);
}
std::unique_ptr<ProgressSink> MakeSilentProgress() { return std::make_unique<SilentProgress>(); }

}  // namespace vareport::service
