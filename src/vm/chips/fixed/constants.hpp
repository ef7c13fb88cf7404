// SPDX-License-Identifier: Apache-2.0
// Contents of the fixed lookup table: the rows each tag contributes (buses.hpp lists the tags).
#pragma once

#include <cstdint>

#include "vm/chips/buses.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/opcode.hpp"

namespace zkbatch::vm::chips::fixed {

/// Bitwise operations are proven four bits at a time: 16 x 16 rows per operation.
inline constexpr unsigned kNibbleBits = 4;
inline constexpr uint32_t kNibbles = 16;

/// The row (op, x, y, op(x, y), 0) for op in {and, or, xor} and nibbles x, y.
constexpr FixedTuple bitwise_tuple(Opcode op, uint32_t x, uint32_t y) {
  const uint32_t z = op == Opcode::and_ ? (x & y) : op == Opcode::or_ ? (x | y) : (x ^ y);
  return {static_cast<uint64_t>(op), x, y, z, 0};
}

/// The row (kTagShift, s, 2^s, s == 0 ? 0 : 2^(32 - s), s == 0) for s in [0, 32).
constexpr FixedTuple shift_tuple(uint32_t s) {
  return {kTagShift, s, uint64_t{1} << s, s == 0 ? 0 : uint64_t{1} << (32 - s), s == 0 ? 1u : 0u};
}

/// A range row (tag, lo, hi, 0, 0).
constexpr FixedTuple range_tuple(FixedTag tag, uint64_t lo, uint64_t hi) {
  return {tag, lo, hi, 0, 0};
}

}  // namespace zkbatch::vm::chips::fixed
