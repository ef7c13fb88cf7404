// SPDX-License-Identifier: Apache-2.0
// What the CPU's trace generator hands to the other chips of a segment: the operations it sends on
// the ALU, load/store and host-call buses, with every memory access already in the form the memory
// argument uses (timestamps re-based at the segment start, read-only flag attached).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/opcode.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm::chips {

/// One ALU operation: out = op(a, c).
struct AluEvent {
  Opcode op = Opcode::add;
  uint32_t a = 0;
  uint32_t c = 0;
  uint32_t out = 0;
};

/// One access of the memory argument: receives (address, prev_value, prev_timestamp, read_only)
/// and sends (address, value, timestamp, read_only).
struct Access {
  uint32_t address = 0;
  uint32_t prev_value = 0;
  uint32_t value = 0;
  uint32_t read_only = 0;
  uint64_t prev_timestamp = 0;
  uint64_t timestamp = 0;
};

/// The access `a` as a segment's memory argument sees it: a previous tuple from before the segment
/// (timestamp at or below `start_ts`) is the one the boundary chip re-stamps at `start_ts`.
inline Access segment_access(const MemoryAccess& a, uint64_t start_ts, uint32_t read_only) {
  Access r;
  r.address = a.address;
  r.prev_value = a.prev_value;
  r.value = a.value;
  r.read_only = read_only;
  r.prev_timestamp = a.prev_timestamp > start_ts ? a.prev_timestamp : start_ts;
  r.timestamp = a.timestamp;
  return r;
}

/// A load or store, as the CPU sends it and the memory chip proves it.
struct MemOpEvent {
  Opcode op = Opcode::lw;
  uint64_t clk = 0;      ///< 4 * cycle
  uint32_t a = 0;        ///< rs1 value (base address)
  uint32_t c = 0;        ///< rs2 value for stores, the immediate for loads
  uint32_t imm = 0;      ///< offset
  uint32_t out = 0;      ///< value written to rd (loads; 0 for stores)
  uint32_t address = 0;  ///< effective byte address a + imm
  Access word;           ///< the aligned word
};

/// A host call, with the accesses the CPU row does not make.
struct SyscallEvent {
  uint64_t clk = 0;
  uint32_t number = 0;        ///< a7
  uint32_t fd = 0;            ///< a0 as read (the exit code for exit)
  uint32_t buf = 0;           ///< a1 (read and write)
  uint32_t n = 0;             ///< a2 (read and write)
  uint32_t result = 0;        ///< a0 written back (read: bytes copied; write: n)
  uint64_t out_offset = 0;    ///< public-output bytes committed before the call
  Access a1, a2;              ///< reads of a1 and a2 (read and write)
  Access a0;                  ///< write of a0 (read and write)
  std::vector<Access> words;  ///< buffer words, ascending (read, and write to fd 3)
};

/// The operations of one segment, gathered by the CPU's trace generator; the divider adds the
/// multiplications and comparisons it requests.
struct SegmentEvents {
  std::vector<AluEvent> add_sub, bitwise, compare, shift, mul, divrem;
  std::vector<MemOpEvent> memops;
  std::vector<SyscallEvent> syscalls;

  /// Files an ALU operation under the chip that proves it.
  void alu(Opcode op, uint32_t a, uint32_t c, uint32_t out);
};

}  // namespace zkbatch::vm::chips
