// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the src/poly tests: seeded random data and independent reference math.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::poly::testing {

/// Fixed seed: every failure reproduces.
inline constexpr uint64_t kSeed = 0x5EED0F0175ull;

/// A uniformly random field element.
inline field::Fp random_fp(std::mt19937_64& rng) {
  return field::Fp(rng());
}

/// A uniformly random extension element.
inline field::Fp3 random_fp3(std::mt19937_64& rng) {
  return field::Fp3(random_fp(rng), random_fp(rng), random_fp(rng));
}

/// A width x height matrix of random elements.
inline RowMajorMatrix random_matrix(std::mt19937_64& rng, size_t width, size_t height) {
  RowMajorMatrix m(width, height);
  for (field::Fp& v : m.values())
    v = random_fp(rng);
  return m;
}

/// A primitive 2^log_n-th root of unity computed here, from the definition, independently of
/// field/roots.hpp: 7 generates F_p^* (Plonky2's MULTIPLICATIVE_GROUP_GENERATOR), so
/// 7^((p-1)/2^log_n) has order exactly 2^log_n.
inline field::Fp reference_root(unsigned log_n) {
  return field::Fp(7).pow((field::kModulus - 1) >> log_n);
}

/// i with its low log_n bits reversed, bit by bit.
inline size_t reference_reverse(size_t i, unsigned log_n) {
  size_t r = 0;
  for (unsigned b = 0; b < log_n; ++b)
    r |= ((i >> b) & 1) << (log_n - 1 - b);
  return r;
}

/// p(x) = sum_i coeffs[i] x^i, summing powers left to right (not Horner).
inline field::Fp reference_eval(const std::vector<field::Fp>& coeffs, field::Fp x) {
  field::Fp sum = field::Fp::zero(), power = field::Fp::one();
  for (const field::Fp& c : coeffs) {
    sum += c * power;
    power *= x;
  }
  return sum;
}

/// The same at an extension point.
inline field::Fp3 reference_eval(const std::vector<field::Fp>& coeffs, const field::Fp3& x) {
  field::Fp3 sum = field::Fp3::zero(), power = field::Fp3::one();
  for (const field::Fp& c : coeffs) {
    sum += power * c;
    power *= x;
  }
  return sum;
}

}  // namespace zkbatch::poly::testing
