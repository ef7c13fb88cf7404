// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the chips' trace generators.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>

#include "field/goldilocks.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips {

/// A trace row being filled.
using Row = std::span<field::Fp>;

/// row[col] = v.
inline void put(Row row, size_t col, uint64_t v) {
  row[col] = field::Fp(v);
}

/// Writes the low `n` bytes of `value` into columns [col, col + n) and records their byte
/// lookups when `counts` is not null. Throws when `value` does not fit (an unprovable row).
inline void put_bytes(Row row, size_t col, uint64_t value, unsigned n, LookupCounts* counts) {
  if (n < 8 && (value >> (8 * n)) != 0)
    throw std::logic_error("trace: value does not fit its limbs");
  for (unsigned i = 0; i < n; ++i) {
    const uint64_t byte = (value >> (8 * i)) & 0xff;
    row[col + i] = field::Fp(byte);
    if (counts != nullptr) counts->byte(byte);
  }
}

/// The field element of a signed integer.
inline field::Fp signed_fp(int64_t v) {
  return field::Fp::from_i64(v);
}

}  // namespace zkbatch::vm::chips
