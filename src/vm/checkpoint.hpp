// SPDX-License-Identifier: Apache-2.0
// Segment checkpoints (DESIGN.md §4 "Segments", §6): the machine state at the start of a segment
// restricted to what the segment touches, so that any process holding the Program can re-execute
// that one segment and rebuild its trace without the rest of the run.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "vm/layout.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm {

/// The start of one segment.
struct Checkpoint {
  uint32_t segment_index = 0;
  uint32_t segment_log2 = 0;  ///< the segment runs at most 2^segment_log2 cycles
  uint64_t cycle = 0;         ///< global index of the segment's first cycle
  uint32_t pc = 0;
  std::array<uint32_t, kRegisterCount> registers{};  ///< x0..x31 (x0 is 0)
  /// Timestamp of each register's last access before the segment (0: never accessed).
  std::array<uint64_t, kRegisterCount> register_timestamps{};
  /// Every memory word (not register) the segment accesses, with its value and last-access
  /// timestamp at the segment's start; sorted by address, addresses multiples of 4.
  std::vector<WordState> memory;
  uint64_t input_offset = 0;           ///< private-input bytes consumed before the segment
  std::vector<uint8_t> input;          ///< exactly the private-input bytes the segment consumes
  std::vector<uint8_t> public_output;  ///< public output committed before the segment

  /// Timestamp before the segment's first access (4 cycle).
  uint64_t timestamp() const { return kTimestampsPerCycle * cycle; }
  /// The most cycles the segment runs.
  uint64_t max_cycles() const { return uint64_t{1} << segment_log2; }

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

/// Why bytes are not a checkpoint.
enum class CheckpointErrc : uint8_t {
  ok = 0,
  bad_magic,       ///< not a checkpoint, or another format version
  truncated,       ///< ended inside a value
  too_large,       ///< a count larger than the remaining bytes could hold
  bad_value,       ///< x0 not zero, log2 above 40, a misaligned, reserved or unsorted address, ...
  trailing_bytes,  ///< bytes after the end
};

/// The fixed message of a CheckpointErrc.
const char* checkpoint_errc_message(CheckpointErrc code);

/// Magic and version of the serialized form ("ZKBCKPT" and format version 1).
inline constexpr char kCheckpointMagic[8] = {'Z', 'K', 'B', 'C', 'K', 'P', 'T', '1'};

/// The checkpoint as little-endian bytes (what the runner sends to the rank proving it).
std::vector<uint8_t> serialize_checkpoint(const Checkpoint& checkpoint);

/// Parses and checks bytes from `serialize_checkpoint`; any byte string gives a checkpoint or
/// an error.
CheckpointErrc deserialize_checkpoint(std::span<const uint8_t> bytes, Checkpoint& out);

}  // namespace zkbatch::vm
