// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Control flow: JUMP, JUMPI, PC, GAS, and the frame endings RETURN and REVERT (EIP-140). STOP and
// INVALID (EIP-141) need no body. Jumps return the next pc or a failure.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/u256.hpp"
#include "eth/evm/frame.hpp"

namespace zkbatch::eth::evm::instr {

/// The pc a jump to `dest` continues at; false when `dest` is not a JUMPDEST (Yellow Paper §9.4.3,
/// D(c): a 0x5b byte that is not push data).
inline bool jump_target(const Frame& f, const base::U256& dest, size_t* pc) {
  if (!dest.fits_uint64() || dest.low64() >= f.code.size() || f.jumpdests[dest.low64()] == 0)
    return false;
  *pc = static_cast<size_t>(dest.low64());
  return true;
}

/// JUMP.
inline EvmStatus jump(StackTop s, const Frame& f, size_t* pc) {
  return jump_target(f, s[0], pc) ? EvmStatus::success : EvmStatus::bad_jump_destination;
}

/// JUMPI: jumps when the condition is non-zero, else continues after the opcode.
inline EvmStatus jumpi(StackTop s, const Frame& f, size_t* pc) {
  if (s[1].is_zero()) {
    *pc += 1;
    return EvmStatus::success;
  }
  return jump_target(f, s[0], pc) ? EvmStatus::success : EvmStatus::bad_jump_destination;
}

/// PC: the position of this PC instruction.
inline void pc(StackTop s, size_t position) {
  s[-1] = base::U256(position);
}

/// GAS: the gas left after paying for this instruction.
inline void gas(StackTop s, const Frame& f) {
  s[-1] = base::U256(static_cast<uint64_t>(f.gas_left));
}

/// RETURN and REVERT: charge the memory the output covers and record the region.
inline EvmStatus set_output(StackTop s, Frame& f) {
  EvmStatus st = check_memory(f, s[0], s[1]);
  if (st != EvmStatus::success) return st;
  f.output_offset = s[1].is_zero() ? 0 : s[0].low64();
  f.output_size = s[1].is_zero() ? 0 : s[1].low64();
  return EvmStatus::success;
}

}  // namespace zkbatch::eth::evm::instr
