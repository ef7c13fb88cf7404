// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the chips' constraints: field constants, words from limbs and byte
// range checks, all written against the generic builder (stark/builder.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "field/goldilocks.hpp"
#include "vm/chips/buses.hpp"
#include "vm/opcode.hpp"

namespace zkbatch::vm::chips {

/// The field constant v.
constexpr field::Fp F(uint64_t v) {
  return field::Fp(v);
}
/// The field constant for an opcode (ALU and load/store operations carry their opcode).
constexpr field::Fp F(Opcode op) {
  return field::Fp(static_cast<uint64_t>(op));
}

/// 2^8, 2^16, 2^24, 2^32 as integers.
inline constexpr uint64_t kTwo8 = uint64_t{1} << 8;
inline constexpr uint64_t kTwo16 = uint64_t{1} << 16;
inline constexpr uint64_t kTwo24 = uint64_t{1} << 24;
inline constexpr uint64_t kTwo32 = uint64_t{1} << 32;

/// Main-trace columns [first, first + n) read as little-endian limbs of `base` bits:
/// sum_i 2^(bits i) main(first + i).
template <class B>
typename B::Expr limbs_value(B& b, size_t first, size_t n, unsigned bits = 8) {
  typename B::Expr v = b.main(first + n - 1);
  for (size_t i = n - 1; i-- > 0;) {
    v = v * F(uint64_t{1} << bits) + b.main(first + i);
  }
  return v;
}

/// Sends each of the main-trace columns [first, first + n) to the byte bus with multiplicity m.
template <class B>
void range_bytes(B& b, size_t first, size_t n, const typename B::Expr& m) {
  for (size_t i = 0; i < n; ++i) {
    b.send(kBusByte, {b.main(first + i)}, m);
  }
}

/// Range-checks x < 2^bits for bits in [1, 8] with two byte lookups: x and x + 2^8 - 2^bits are
/// both bytes exactly when 0 <= x < 2^bits.
template <class B>
void range_small(B& b, const typename B::Expr& x, unsigned bits, const typename B::Expr& m) {
  b.send(kBusByte, {x}, m);
  b.send(kBusByte, {x + F(kTwo8 - (uint64_t{1} << bits))}, m);
}

/// Sends (address, value, timestamp, read_only) to the local memory bus: the tuple an access
/// produces.
template <class B>
void memory_send(B& b,
                 const typename B::Expr& address,
                 const typename B::Expr& value,
                 const typename B::Expr& timestamp,
                 const typename B::Expr& read_only,
                 const typename B::Expr& m) {
  b.send(kBusMemory, {address, value, timestamp, read_only}, m);
}

/// Receives (address, value, timestamp, read_only) from the local memory bus: the tuple an access
/// consumes.
template <class B>
void memory_receive(B& b,
                    const typename B::Expr& address,
                    const typename B::Expr& value,
                    const typename B::Expr& timestamp,
                    const typename B::Expr& read_only,
                    const typename B::Expr& m) {
  b.receive(kBusMemory, {address, value, timestamp, read_only}, m);
}

}  // namespace zkbatch::vm::chips
