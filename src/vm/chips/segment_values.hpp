// SPDX-License-Identifier: Apache-2.0
// The public values of a segment proof (DESIGN.md §4 "Segments"), in their order. The global-bus
// partial sum is not among them: the STARK proof carries it (stark::Proof::global_sum).
#pragma once

#include <cstddef>

namespace zkbatch::vm::chips {

/// Index of each public value of a segment proof.
enum SegmentValue : size_t {
  kPvSegmentIndex = 0,  ///< position of the segment in the run (0, 1, ...)
  kPvStartPc,           ///< pc of the first instruction
  kPvEndPc,             ///< pc after the last instruction (the next segment's start pc)
  kPvStartTimestamp,    ///< 4 * first cycle: every access of the segment is above it
  kPvEndTimestamp,      ///< 4 * (last cycle + 1): every access is at or below it
  kPvHalted,            ///< 1 when the last instruction is exit, else 0
  kPvExitCode,          ///< a0 of exit (0 when not halted)
  kPvOutputStart,       ///< public-output bytes committed before the segment
  kPvOutputEnd,         ///< public-output bytes committed after it
  kPvOutputDigest,      ///< 4 elements: hash_bytes of the whole run's public output
  kSegmentPublicValues = kPvOutputDigest + 4,
};

/// Largest segment size a proof can hold: a timestamp gap inside a segment is range-checked with
/// three bytes (docs/zkvm.md, "Memory argument"), and 4 * 2^22 = 2^24.
inline constexpr unsigned kMaxSegmentLog2 = 22;

}  // namespace zkbatch::vm::chips
