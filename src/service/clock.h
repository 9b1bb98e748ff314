// vareport/service/clock.h — the time source of the batch pipeline, behind a
// seam so time limits, rates and ETAs are testable without sleeping.
//
// Thread-safety: SteadyClock is; fakes need not be.
#pragma once

#include <chrono>

namespace vareport::service {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since an arbitrary origin; never goes backwards.
  virtual double Now() = 0;
};

// std::chrono::steady_clock.
class SteadyClock final : public Clock {
 public:
  double Now() override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
};

}  // namespace vareport::service
