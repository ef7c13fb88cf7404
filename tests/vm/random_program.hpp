// SPDX-License-Identifier: Apache-2.0
// Random RV32IM programs for differential testing: straight-line code over random registers and
// immediates, with loads and stores into a scratch buffer, forward branches and jumps that skip
// one instruction, and an ending that commits every register and the buffer to fd 3.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/vm.hpp"

namespace zkbatch::vm::test {

/// A generated program and the private input to run it with.
struct RandomProgram {
  ElfImage image;
  std::vector<uint8_t> input;
};

/// Layout of the scratch buffer (data segment, read-write) of a random program; t6 (x31) holds
/// its address throughout and is never a destination.
inline constexpr uint32_t kScratchBytes = 2048;
inline constexpr uint32_t kScratchRandom = 1024;     ///< [0, 1024): random loads and stores
inline constexpr uint32_t kScratchRegisters = 1024;  ///< x1..x31 dumped here at the end
inline constexpr uint32_t kScratchInput = 1536;      ///< up to 64 input bytes read at the start

/// Generates program `seed` with `body` random instructions (plus set-up and ending):
///   1. t6 = scratch; read(0, scratch + 1536, 64); store the count at scratch + 1600
///   2. every register but t6 gets a random value (biased to 0, 1, -1, 2^31, 2^31 - 1, ...)
///   3. `body` instructions: any RV32IM ALU or M operation, LUI, AUIPC, aligned loads and stores
///      at random offsets of [scratch, scratch + 1024), FENCE, and branch / JAL / JALR that skip
///      the next instruction or not
///   4. store x1..x31 at scratch + 1024; write(2, scratch + 1024, 16) as debug text;
///      write(3, scratch, 2048); exit(x[k] & 0xff) for a random k
/// The input is 0 to 64 random bytes. Deterministic in `seed`.
RandomProgram random_program(uint64_t seed, size_t body);

}  // namespace zkbatch::vm::test
