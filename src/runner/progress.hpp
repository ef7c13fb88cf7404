// SPDX-License-Identifier: Apache-2.0
// Batch progress figures for the progress log lines (DESIGN.md §7): how many segments are proved
// out of how many known, and the estimated time left from this run's own rate.
#pragma once

#include <stdint.h>

#include <string>

namespace zkbatch::runner {

/// Counters of a batch (or of one input).
struct ProgressCounters {
  uint64_t segments_known = 0;    ///< segments found by execution so far
  uint64_t segments_proved = 0;   ///< proved, resumed ones included
  uint64_t segments_resumed = 0;  ///< taken from an earlier run (not in the rate)
  uint64_t cycles_proved = 0;
  bool all_known = false;  ///< every input's execution has finished
};

/// "12/40", or "12/40+" while execution may still find more segments.
std::string proved_fraction(const ProgressCounters& c);

/// Seconds left at this run's rate (segments proved here per elapsed second) for the known
/// segments not yet proved; -1 while nothing was proved here yet (no rate to go by).
double eta_seconds(const ProgressCounters& c, double elapsed_s);

}  // namespace zkbatch::runner
