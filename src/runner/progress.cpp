// SPDX-License-Identifier: Apache-2.0
#include "runner/progress.hpp"

#include <cmath>

#include <fmt/format.h>

namespace zkbatch::runner {

std::string proved_fraction(const ProgressCounters& c) {
  return fmt::format("{}/{}{}", c.segments_proved, c.segments_known, c.all_known ? "" : "+");
}

double eta_seconds(const ProgressCounters& c, double elapsed_s) {
  const uint64_t here = c.segments_proved - c.segments_resumed;
  if (here == 0 || elapsed_s <= 0) return -1;
  const uint64_t left = c.segments_known - c.segments_proved;
  // Rounded to 0.1 s: a log field, not a measurement.
  return std::round(10.0 * elapsed_s * static_cast<double>(left) / static_cast<double>(here)) /
         10.0;
}

}  // namespace zkbatch::runner
