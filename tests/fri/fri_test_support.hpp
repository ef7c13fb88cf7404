// SPDX-License-Identifier: Apache-2.0
// Helpers for the src/fri tests: seeded random polynomials and their codewords, computed from the
// definitions (no NTT), so that FRI is checked against independent arithmetic.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"

namespace zkbatch::fri::testing {

/// Fixed seed: every failure reproduces.
inline constexpr uint64_t kSeed = 0xF41F01D5ull;

inline field::Fp3 random_fp3(std::mt19937_64& rng) {
  return field::Fp3(field::Fp(rng()), field::Fp(rng()), field::Fp(rng()));
}

inline std::vector<field::Fp3> random_poly(std::mt19937_64& rng, size_t degree_bound) {
  std::vector<field::Fp3> coeffs(degree_bound);
  for (auto& c : coeffs)
    c = random_fp3(rng);
  return coeffs;
}

/// A primitive 2^log_n-th root of unity from the definition: 7 generates F_p^*.
inline field::Fp root(unsigned log_n) {
  return field::Fp(7).pow((field::kModulus - 1) >> log_n);
}

inline size_t reverse(size_t i, unsigned log_n) {
  size_t r = 0;
  for (unsigned b = 0; b < log_n; ++b)
    r |= ((i >> b) & 1) << (log_n - 1 - b);
  return r;
}

/// sum_i coeffs[i] x^i, powers left to right.
inline field::Fp3 eval(const std::vector<field::Fp3>& coeffs, field::Fp x) {
  field::Fp3 sum = field::Fp3::zero();
  field::Fp power = field::Fp::one();
  for (const auto& c : coeffs) {
    sum += c * power;
    power *= x;
  }
  return sum;
}

/// Values of the polynomial on the subgroup of order 2^log_n, position i at w^rev(i).
inline std::vector<field::Fp3> codeword(const std::vector<field::Fp3>& coeffs, unsigned log_n) {
  const field::Fp w = root(log_n);
  std::vector<field::Fp3> out(size_t{1} << log_n);
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = eval(coeffs, w.pow(reverse(i, log_n)));
  return out;
}

}  // namespace zkbatch::fri::testing
