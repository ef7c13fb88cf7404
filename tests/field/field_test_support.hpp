// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the field tests: seeded random elements, edge values, and polynomial
// arithmetic over F_p that does not use Fp3 (so it can check Fp3 independently).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"

namespace zkbatch::field::testing {

/// Seed of every random test; printed by SCOPED_TRACE in the tests so a failure reproduces.
inline constexpr uint64_t kSeed = 0x5EED'F1E1'D000'0001ull;

/// 64-bit inputs that exercise the reduction: 0, 1, p-1, 2^32, 2^63, and values >= p that the
/// constructor must reduce (p, p+1, 2^64-1).
inline const std::vector<uint64_t>& edge_inputs() {
  static const std::vector<uint64_t> values = {0,
                                               1,
                                               2,
                                               kEpsilon,
                                               uint64_t{1} << 32,
                                               (uint64_t{1} << 32) + 1,
                                               uint64_t{1} << 63,
                                               kModulus - 2,
                                               kModulus - 1,
                                               kModulus,
                                               kModulus + 1,
                                               ~uint64_t{0} - 1,
                                               ~uint64_t{0}};
  return values;
}

/// The reduced edge values as field elements.
inline std::vector<Fp> edge_elements() {
  std::vector<Fp> out;
  for (uint64_t v : edge_inputs())
    out.push_back(Fp(v));
  return out;
}

/// A uniformly random 64-bit input (the constructor reduces it).
inline Fp random_fp(std::mt19937_64& rng) {
  return Fp(rng());
}

inline Fp3 random_fp3(std::mt19937_64& rng) {
  Fp c0 = random_fp(rng), c1 = random_fp(rng);
  return Fp3(c0, c1, random_fp(rng));
}

/// Polynomials over F_p as coefficient vectors, lowest degree first, without trailing zeros.
using Poly = std::vector<Fp>;

inline void trim(Poly& a) {
  while (!a.empty() && a.back().is_zero())
    a.pop_back();
}

/// Degree; -1 for the zero polynomial.
inline int degree(const Poly& a) {
  return static_cast<int>(a.size()) - 1;
}

inline Poly poly_sub(Poly a, const Poly& b) {
  if (a.size() < b.size()) a.resize(b.size());
  for (size_t i = 0; i < b.size(); ++i)
    a[i] -= b[i];
  trim(a);
  return a;
}

inline Poly poly_mul(const Poly& a, const Poly& b) {
  if (a.empty() || b.empty()) return {};
  Poly out(a.size() + b.size() - 1);
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < b.size(); ++j)
      out[i + j] += a[i] * b[j];
  trim(out);
  return out;
}

/// a mod m by long division (m non-zero, any leading coefficient).
inline Poly poly_mod(Poly a, const Poly& m) {
  const Fp lead_inv = m.back().inverse_fermat();
  while (degree(a) >= degree(m)) {
    const Fp q = a.back() * lead_inv;
    const size_t shift = a.size() - m.size();
    for (size_t i = 0; i < m.size(); ++i)
      a[shift + i] -= q * m[i];
    trim(a);
  }
  return a;
}

/// base^e mod m by square-and-multiply.
inline Poly poly_pow_mod(Poly base, uint64_t e, const Poly& m) {
  Poly result = {Fp::one()};
  base = poly_mod(base, m);
  while (e != 0) {
    if (e & 1) result = poly_mod(poly_mul(result, base), m);
    base = poly_mod(poly_mul(base, base), m);
    e >>= 1;
  }
  return result;
}

/// The Euclidean gcd (not normalised to monic).
inline Poly poly_gcd(Poly a, Poly b) {
  trim(a);
  trim(b);
  while (!b.empty()) {
    Poly r = poly_mod(a, b);
    a = b;
    b = r;
  }
  return a;
}

/// X^3 - X - 1, the modulus of Fp3 (DESIGN.md §3).
inline Poly cubic_modulus() {
  return {-Fp::one(), -Fp::one(), Fp::zero(), Fp::one()};
}

inline Poly to_poly(const Fp3& a) {
  Poly p = {a.c[0], a.c[1], a.c[2]};
  trim(p);
  return p;
}

inline Fp3 from_poly(const Poly& a) {
  Fp3 out;
  for (size_t i = 0; i < a.size() && i < 3; ++i)
    out.c[i] = a[i];
  return out;
}

}  // namespace zkbatch::field::testing
