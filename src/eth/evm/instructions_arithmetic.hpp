// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Arithmetic, comparison and bitwise instructions (Yellow Paper appendix H.2, 0x01-0x1d; EIP-145
// shifts). Each touches only the stack, except EXP, whose cost grows with its exponent (EIP-160).
// The U256 functions take their operands in stack order, so each body is one line.
#pragma once

#include "base/u256.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/gas_costs.hpp"

namespace zkbatch::eth::evm::instr {

using base::U256;

inline U256 word(bool b) {
  return U256(b ? 1 : 0);
}

inline void add(StackTop s) {
  s[1] = base::add(s[0], s[1]);
}
inline void mul(StackTop s) {
  s[1] = base::mul(s[0], s[1]);
}
inline void sub(StackTop s) {
  s[1] = base::sub(s[0], s[1]);
}
inline void div(StackTop s) {
  s[1] = base::div(s[0], s[1]);
}
inline void sdiv(StackTop s) {
  s[1] = base::sdiv(s[0], s[1]);
}
inline void mod(StackTop s) {
  s[1] = base::mod(s[0], s[1]);
}
inline void smod(StackTop s) {
  s[1] = base::smod(s[0], s[1]);
}
inline void addmod(StackTop s) {
  s[2] = base::addmod(s[0], s[1], s[2]);
}
inline void mulmod(StackTop s) {
  s[2] = base::mulmod(s[0], s[1], s[2]);
}
inline void signextend(StackTop s) {
  s[1] = base::signextend(s[0], s[1]);
}

/// EXP: 10 + 50 per byte of the exponent (EIP-160).
inline EvmStatus exp(StackTop s, Frame& f) {
  int64_t bytes = static_cast<int64_t>(s[1].count_significant_bytes());
  if (!charge(f, gas::kExpByte * bytes)) return EvmStatus::out_of_gas;
  s[1] = base::exp(s[0], s[1]);
  return EvmStatus::success;
}

inline void lt(StackTop s) {
  s[1] = word(base::lt(s[0], s[1]));
}
inline void gt(StackTop s) {
  s[1] = word(base::gt(s[0], s[1]));
}
inline void slt(StackTop s) {
  s[1] = word(base::slt(s[0], s[1]));
}
inline void sgt(StackTop s) {
  s[1] = word(base::sgt(s[0], s[1]));
}
inline void eq(StackTop s) {
  s[1] = word(base::eq(s[0], s[1]));
}
inline void iszero(StackTop s) {
  s[0] = word(s[0].is_zero());
}
inline void bit_and(StackTop s) {
  s[1] = base::bit_and(s[0], s[1]);
}
inline void bit_or(StackTop s) {
  s[1] = base::bit_or(s[0], s[1]);
}
inline void bit_xor(StackTop s) {
  s[1] = base::bit_xor(s[0], s[1]);
}
inline void bit_not(StackTop s) {
  s[0] = base::bit_not(s[0]);
}
inline void byte(StackTop s) {
  s[1] = base::byte(s[0], s[1]);
}
inline void shl(StackTop s) {
  s[1] = base::shl(s[0], s[1]);
}
inline void shr(StackTop s) {
  s[1] = base::shr(s[0], s[1]);
}
inline void sar(StackTop s) {
  s[1] = base::sar(s[0], s[1]);
}

}  // namespace zkbatch::eth::evm::instr
