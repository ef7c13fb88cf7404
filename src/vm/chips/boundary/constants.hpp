// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the segment boundary chip.
#pragma once

#include <cstdint>

namespace zkbatch::vm::chips::boundary {

/// start_ts - ts_in < 2^48 as six bytes: timestamps are global, so this bounds a run to 2^46
/// cycles (far above vm::RunOptions' default cycle limit of 2^40).
inline constexpr unsigned kAgeBytes = 6;
/// Address steps between rows, as four bytes.
inline constexpr unsigned kStepBytes = 4;

/// The timestamp of the global tuple a segment's boundary receives for an address last accessed
/// at `timestamp` (0: never): the end timestamp of the segment that made that access. Segments
/// before the current one are full (2^segment_log2 cycles), so it is the next multiple of
/// 4 * 2^segment_log2.
constexpr uint64_t producer_timestamp(uint64_t timestamp, uint32_t segment_log2) {
  const uint64_t span = uint64_t{4} << segment_log2;
  return timestamp == 0 ? 0 : ((timestamp + span - 1) / span) * span;
}

}  // namespace zkbatch::vm::chips::boundary
