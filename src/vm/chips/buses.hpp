// SPDX-License-Identifier: Apache-2.0
// The buses of the zkVM's machines and the tuples they carry (docs/zkvm.md, "Buses"). A bus id is
// part of every LogUp fingerprint, so tuples of different buses never cancel each other.
#pragma once

#include <cstdint>
#include <vector>

#include "stark/machine.hpp"

namespace zkbatch::vm::chips {

/// Bus ids. Local buses balance inside one proof; global ones across all proofs of a run.
enum Bus : uint32_t {
  /// (pc, op, rs1, rs2, rd, imm, flags): CPU fetches, the program table serves.
  kBusFetch = 1,
  /// (op, a, c, out): an ALU operation requested by the CPU (or by the divider) and proven by the
  /// ALU chip that owns `op`.
  kBusAlu = 2,
  /// (op, clk, a, c, imm, out): a load or store requested by the CPU.
  kBusMemOp = 3,
  /// (clk, a7, a0, halt, out_offset, out_increment): an ECALL requested by the CPU.
  kBusSyscall = 4,
  /// (address, value, timestamp, read_only): the memory argument inside a segment. Every access
  /// receives the previous tuple of its address and sends the new one.
  kBusMemory = 5,
  /// (x): x is a byte.
  kBusByte = 6,
  /// (x, msb): x is a byte and msb its bit 7.
  kBusByteMsb = 7,
  /// (tag, x, y, z, w): a row of a fixed (preprocessed) lookup table.
  kBusFixed = 8,
  /// (clk, first_word, first_byte, end, is_read, out_offset): the I/O buffer of a host call.
  kBusIo = 9,
  /// (address, value, timestamp, read_only): memory across segments (global).
  kBusGlobalMemory = 16,
  /// (index, byte): byte `index` of the public output (global; the verifier receives it).
  kBusOutput = 17,
};

/// Tags of the fixed lookup table (fixed chip). Bitwise rows use the opcode of their operation
/// (vm::Opcode::and_, or_, xor_, all below 64) as their tag.
enum FixedTag : uint32_t {
  /// (tag, s, 2^s, s == 0 ? 0 : 2^(32 - s), s == 0): shift amounts.
  kTagShift = 100,
  /// (tag, lo, hi, 0, 0): [lo, hi) may hold a host-call buffer (not the register page).
  kTagBuffer = 101,
  /// (tag, lo, hi, 0, 0): [lo, hi) may receive private input (buffer and writable).
  kTagWritableBuffer = 102,
  /// (tag, lo, hi, 0, 0): word addresses in [lo, hi) hold no ELF image byte (zero-initialized).
  kTagGap = 103,
};

/// The buses of a segment proof.
std::vector<stark::BusSpec> segment_buses();

/// The buses of the memory proof (initialization and finalization).
std::vector<stark::BusSpec> memory_buses();

}  // namespace zkbatch::vm::chips
