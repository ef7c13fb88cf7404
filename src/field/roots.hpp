// SPDX-License-Identifier: Apache-2.0
// Multiplicative generator and power-of-two roots of unity of Goldilocks.
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "field/goldilocks.hpp"

namespace zkbatch::field {

/// The largest k with 2^k | p - 1: p - 1 = 2^32 * 3 * 5 * 17 * 257 * 65537.
inline constexpr unsigned kTwoAdicity = 32;

/// 7 generates the whole multiplicative group F_p^* (the value Plonky2 uses,
/// `MULTIPLICATIVE_GROUP_GENERATOR` in field/src/goldilocks_field.rs; tests/field/roots_test.cpp
/// checks 7^((p-1)/q) != 1 for every prime q | p - 1). Also the default coset shift for LDEs.
constexpr Fp multiplicative_generator() {
  return Fp::from_u32(7);
}

namespace detail {

/// Roots of unity of order 2^0 .. 2^32, index = log2 of the order.
struct TwoAdicTable {
  uint64_t root[kTwoAdicity + 1];
};

/// g^((p-1)/2^32) has order exactly 2^32 because g = 7 generates F_p^* (an element g^m of a cyclic
/// group of order n has order n / gcd(n, m)). Squaring it halves the order, so the table is filled
/// from 2^32 down. The 2^32 entry is 1753635133440165772, Plonky2's `POWER_OF_TWO_GENERATOR`,
/// which the tests check as a known answer.
constexpr TwoAdicTable make_two_adic_table() {
  TwoAdicTable table{};
  Fp root = multiplicative_generator().pow((kModulus - 1) >> kTwoAdicity);
  for (unsigned k = kTwoAdicity + 1; k-- > 0;) {
    table.root[k] = root.value();
    root = root.square();
  }
  return table;
}

inline constexpr TwoAdicTable kTwoAdicTable = make_two_adic_table();

}  // namespace detail

/// A primitive 2^log_n-th root of unity for log_n in [0, 32]: the generator of the size-2^log_n
/// subgroup that NTTs evaluate over. The roots are consistent: two_adic_generator(k + 1)^2 ==
/// two_adic_generator(k). For log_n > 32 no such root exists and zero is returned.
constexpr Fp two_adic_generator(unsigned log_n) {
  if (log_n > kTwoAdicity) return Fp::zero();
  return Fp::from_canonical_unchecked(detail::kTwoAdicTable.root[log_n]);
}

}  // namespace zkbatch::field
