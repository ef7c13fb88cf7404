// SPDX-License-Identifier: Apache-2.0
// The RV32IM machine of DESIGN.md §4 in its three modes: fast execution (no trace), execution
// with segment checkpoints, and trace recording of one segment from its checkpoint.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "vm/checkpoint.hpp"
#include "vm/layout.hpp"
#include "vm/program.hpp"
#include "vm/trace.hpp"
#include "vm/trap.hpp"

namespace zkbatch::vm {

/// Default segment size: 2^20 cycles.
inline constexpr uint32_t kDefaultSegmentLog2 = 20;

/// How a run is bounded and cut.
struct RunOptions {
  /// Stop with RunStatus::cycle_limit after this many cycles (guards against guests that loop).
  uint64_t max_cycles = uint64_t{1} << 40;
  /// Segments are 2^segment_log2 cycles (the last one shorter); at most 40.
  uint32_t segment_log2 = kDefaultSegmentLog2;
  /// Debug text kept at most (the rest is counted in `debug_dropped`, not stored).
  size_t max_debug_bytes = size_t{16} << 20;
};

/// How a run ended.
enum class RunStatus : uint8_t {
  halted,       ///< the guest called exit; `exit_code` holds a0
  trapped,      ///< an instruction trapped; `trap` says which and why
  cycle_limit,  ///< RunOptions::max_cycles reached
};

/// The outcome of a run (any mode).
struct RunResult {
  RunStatus status = RunStatus::cycle_limit;
  uint32_t exit_code = 0;  ///< a0 of exit (the full 32 bits; Linux would keep the low 8)
  Trap trap;
  uint64_t cycles = 0;    ///< completed instructions, the exit ECALL included
  uint64_t segments = 0;  ///< ceil(cycles / 2^segment_log2)
  uint32_t pc = 0;        ///< next pc (halted: exit pc + 4; trapped: the trapping pc)
  std::array<uint32_t, kRegisterCount> registers{};
  std::vector<uint8_t> public_output;  ///< bytes written to fd 3, in order
  std::string debug_output;            ///< bytes written to fd 1 and 2, interleaved in order
  uint64_t debug_dropped = 0;          ///< debug bytes beyond max_debug_bytes
  uint64_t input_consumed = 0;         ///< private-input bytes read

  /// True when the guest exited with code 0: the only run a block proof accepts.
  bool succeeded() const { return status == RunStatus::halted && exit_code == 0; }
};

/// Receives each segment's checkpoint, in order, as soon as the segment is complete.
using CheckpointSink = std::function<void(Checkpoint&&)>;

/// Runs one Program, which must outlive the Emulator; it is shared and never modified. Every
/// call starts from the ELF image with all registers zero and pc at the entry (the guest's
/// start-up code sets sp and gp). Calls are independent and may run concurrently.
class Emulator {
 public:
  explicit Emulator(const Program& program);

  /// Fast mode: executes without recording anything (pre-decoded code, switch dispatch, paged
  /// memory). `input` is the private input read through fd 0.
  RunResult execute(std::span<const uint8_t> input, const RunOptions& options = {}) const;

  /// Executes and hands `sink` one Checkpoint per segment of 2^segment_log2 cycles (the last
  /// shorter; a trapped segment included). Slower than `execute`: it tracks the last-access
  /// timestamp of every word. Returns the same result as `execute`.
  RunResult execute_segments(std::span<const uint8_t> input,
                             const RunOptions& options,
                             const CheckpointSink& sink) const;

  /// Trace mode: re-executes the segment that `checkpoint` starts, with only the checkpoint's
  /// state, and records its rows. A word the checkpoint lacks traps with `missing_word`. Debug
  /// text is not reproduced (it is not part of the statement).
  SegmentTrace trace_segment(const Checkpoint& checkpoint) const;

  /// Trace mode over a whole run as one trace (segment 0, unbounded): the reference that
  /// per-segment traces are compared with. Memory grows with the run; meant for tests.
  SegmentTrace trace_run(std::span<const uint8_t> input, const RunOptions& options = {}) const;

  const Program& program() const { return program_; }

 private:
  const Program& program_;
};

/// Number of segments of 2^segment_log2 cycles that `cycles` cycles fill.
constexpr uint64_t segment_count(uint64_t cycles, uint32_t segment_log2) {
  if (cycles == 0) return 0;
  return segment_log2 >= 64 ? 1 : ((cycles - 1) >> segment_log2) + 1;
}

}  // namespace zkbatch::vm
