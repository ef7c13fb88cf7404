// SPDX-License-Identifier: Apache-2.0
// The cubic extension F_p^3 = F_p[X]/(X^3 - X - 1) of Goldilocks (DESIGN.md §3).
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "field/goldilocks.hpp"

namespace zkbatch::field {

/// An element c0 + c1*X + c2*X^2 of F_p[X]/(X^3 - X - 1), so X^3 = X + 1. X^3 - X - 1 has no
/// root in F_p (tests/field/extension_test.cpp shows gcd(X^p - X, X^3 - X - 1) = 1), and a cubic
/// without a root is irreducible, so this is the field with p^3 elements. Challenges and
/// everything else the verifier samples live here (about 192 bits of field size).
class Fp3 {
 public:
  /// Coefficients of 1, X, X^2.
  Fp c[3];

  /// Zero.
  constexpr Fp3() : c{} {}
  /// The base-field element a embedded as a + 0*X + 0*X^2.
  constexpr explicit Fp3(Fp a) : c{a, Fp::zero(), Fp::zero()} {}
  /// c0 + c1*X + c2*X^2.
  constexpr Fp3(Fp c0, Fp c1, Fp c2) : c{c0, c1, c2} {}

  /// The additive and multiplicative identities.
  static constexpr Fp3 zero() { return Fp3(); }
  static constexpr Fp3 one() { return Fp3(Fp::one()); }
  /// Same as the explicit constructor, for call sites that read better with a name.
  static constexpr Fp3 from_base(Fp a) { return Fp3(a); }

  /// The coefficient of X^i, i in [0, 3).
  constexpr Fp coeff(size_t i) const { return c[i]; }
  /// True for the zero element.
  constexpr bool is_zero() const { return c[0].is_zero() && c[1].is_zero() && c[2].is_zero(); }
  /// True when the element lies in the base field (c1 = c2 = 0).
  constexpr bool is_base() const { return c[1].is_zero() && c[2].is_zero(); }

  /// Coefficient-wise equality (the representation is canonical).
  constexpr bool operator==(const Fp3& o) const {
    return c[0] == o.c[0] && c[1] == o.c[1] && c[2] == o.c[2];
  }
  constexpr bool operator!=(const Fp3& o) const { return !(*this == o); }

  /// Coefficient-wise addition, subtraction and negation.
  constexpr Fp3 operator+(const Fp3& o) const {
    return Fp3(c[0] + o.c[0], c[1] + o.c[1], c[2] + o.c[2]);
  }
  constexpr Fp3 operator-(const Fp3& o) const {
    return Fp3(c[0] - o.c[0], c[1] - o.c[1], c[2] - o.c[2]);
  }
  constexpr Fp3 operator-() const { return Fp3(-c[0], -c[1], -c[2]); }
  /// Schoolbook product, then X^3 = X + 1 and X^4 = X^2 + X fold degrees 3 and 4 back. Each
  /// result coefficient is a sum of 3 to 5 products, accumulated unreduced and reduced once.
  constexpr Fp3 operator*(const Fp3& o) const {
    const uint64_t a0 = c[0].value(), a1 = c[1].value(), a2 = c[2].value();
    const uint64_t b0 = o.c[0].value(), b1 = o.c[1].value(), b2 = o.c[2].value();
    detail::WideAccumulator d3, d4;  // coefficients of X^3 and X^4
    d3.add_product(a1, b2);
    d3.add_product(a2, b1);
    d4.add_product(a2, b2);
    detail::WideAccumulator r0 = d3, r1 = d3, r2 = d4;
    r0.add_product(a0, b0);
    r1.add(d4);
    r1.add_product(a0, b1);
    r1.add_product(a1, b0);
    r2.add_product(a0, b2);
    r2.add_product(a1, b1);
    r2.add_product(a2, b0);
    return Fp3(Fp::from_canonical_unchecked(r0.reduce()), Fp::from_canonical_unchecked(r1.reduce()),
               Fp::from_canonical_unchecked(r2.reduce()));
  }

  /// Mixed operations with a base-field element b, as if b were Fp3(b); multiplication by b
  /// scales each coefficient.
  constexpr Fp3 operator+(Fp b) const { return Fp3(c[0] + b, c[1], c[2]); }
  constexpr Fp3 operator-(Fp b) const { return Fp3(c[0] - b, c[1], c[2]); }
  constexpr Fp3 operator*(Fp b) const { return Fp3(c[0] * b, c[1] * b, c[2] * b); }
  friend constexpr Fp3 operator+(Fp a, const Fp3& b) { return b + a; }
  friend constexpr Fp3 operator-(Fp a, const Fp3& b) { return Fp3(a - b.c[0], -b.c[1], -b.c[2]); }
  friend constexpr Fp3 operator*(Fp a, const Fp3& b) { return b * a; }

  /// Compound assignment.
  constexpr Fp3& operator+=(const Fp3& o) { return *this = *this + o; }
  constexpr Fp3& operator-=(const Fp3& o) { return *this = *this - o; }
  constexpr Fp3& operator*=(const Fp3& o) { return *this = *this * o; }
  constexpr Fp3& operator+=(Fp b) { return *this = *this + b; }
  constexpr Fp3& operator-=(Fp b) { return *this = *this - b; }
  constexpr Fp3& operator*=(Fp b) { return *this = *this * b; }

  /// this^2: (a0 + a1 X + a2 X^2)^2 has coefficients a0^2, 2 a0 a1, 2 a0 a2 + a1^2, 2 a1 a2,
  /// a2^2 for X^0..X^4, folded as in operator*. Adding each doubled product twice to the
  /// unreduced sums measured faster than shifting the sums (the multiplier has spare throughput).
  constexpr Fp3 square() const {
    const uint64_t a0 = c[0].value(), a1 = c[1].value(), a2 = c[2].value();
    detail::WideAccumulator d3, d4;
    d3.add_product(a1, a2);
    d3.add_product(a1, a2);
    d4.add_product(a2, a2);
    detail::WideAccumulator r0 = d3, r1 = d3, r2 = d4;
    r0.add_product(a0, a0);
    r1.add(d4);
    r1.add_product(a0, a1);
    r1.add_product(a0, a1);
    r2.add_product(a0, a2);
    r2.add_product(a0, a2);
    r2.add_product(a1, a1);
    return Fp3(Fp::from_canonical_unchecked(r0.reduce()), Fp::from_canonical_unchecked(r1.reduce()),
               Fp::from_canonical_unchecked(r2.reduce()));
  }

  /// this^exponent by square-and-multiply (0^0 = 1).
  constexpr Fp3 pow(uint64_t exponent) const {
    Fp3 result = one(), base = *this;
    while (exponent != 0) {
      if (exponent & 1) result *= base;
      base = base.square();
      exponent >>= 1;
    }
    return result;
  }

  /// The norm N(a) = a * a^p * a^(p^2), an element of F_p. It equals the determinant of the
  /// matrix of multiplication by a (see inverse), which is how it is computed.
  constexpr Fp norm() const {
    Fp k0, k1, k2;
    return norm_and_cofactors(k0, k1, k2);
  }

  /// The multiplicative inverse; inverse(0) = 0. Multiplication by a is the F_p-linear map with
  /// matrix (columns a, a*X, a*X^2 in the basis 1, X, X^2)
  ///     | a0  a2       a1      |
  ///     | a1  a0 + a2  a1 + a2 |
  ///     | a2  a1       a0 + a2 |
  /// and a^-1 is the solution b of M b = e0, i.e. the first column of adj(M) / det(M) (Cramer).
  /// That costs 12 base multiplications and one base inverse.
  constexpr Fp3 inverse() const {
    Fp k0, k1, k2;
    const Fp det_inv = norm_and_cofactors(k0, k1, k2).inverse();
    return Fp3(k0 * det_inv, k1 * det_inv, k2 * det_inv);
  }

  /// The Frobenius map a -> a^p. It is F_p-linear and fixes F_p, so
  /// frob(a0 + a1 X + a2 X^2) = a0 + a1 X^p + a2 X^(2p) with the constants kFrobX and kFrobX2.
  constexpr Fp3 frobenius() const {
    const uint64_t a1 = c[1].value(), a2 = c[2].value();
    detail::WideAccumulator r[3];
    r[0].add_value(c[0].value());
    for (int i = 0; i < 3; ++i) {
      r[i].add_product(a1, kFrobX[i].value());
      r[i].add_product(a2, kFrobX2[i].value());
    }
    return Fp3(Fp::from_canonical_unchecked(r[0].reduce()),
               Fp::from_canonical_unchecked(r[1].reduce()),
               Fp::from_canonical_unchecked(r[2].reduce()));
  }

  /// X^p mod (X^3 - X - 1), as coefficients of 1, X, X^2. Derived by square-and-multiply of the
  /// polynomial X modulo X^3 - X - 1 over F_p (exponent p); extension.cpp checks
  /// them at compile time against Fp3(0, 1, 0).pow(p), and tests/field/extension_test.cpp
  /// recomputes them with its own polynomial arithmetic.
  static constexpr Fp kFrobX[3] = {Fp::from_canonical_unchecked(10615703402128488253ull),
                                   Fp::from_canonical_unchecked(10050274602728160328ull),
                                   Fp::from_canonical_unchecked(11746561000929144102ull)};
  /// X^(2p) mod (X^3 - X - 1) = (X^p)^2, derived and checked the same way.
  static constexpr Fp kFrobX2[3] = {Fp::from_canonical_unchecked(6700183068485440220ull),
                                    Fp::from_canonical_unchecked(14531223735771536287ull),
                                    Fp::from_canonical_unchecked(8396469466686423992ull)};

 private:
  /// det(M) and the first column (k0, k1, k2) of adj(M), M as in inverse(). The cofactors of
  /// M's first row are (a0+a2)^2 - a1(a1+a2), -(a1(a0+a2) - a2(a1+a2)) and a1^2 - a2(a0+a2).
  constexpr Fp norm_and_cofactors(Fp& k0, Fp& k1, Fp& k2) const {
    const Fp a0 = c[0], a1 = c[1], a2 = c[2];
    const Fp s02 = a0 + a2, s12 = a1 + a2;
    k0 = s02.square() - a1 * s12;
    k1 = a2 * s12 - a1 * s02;
    k2 = a1.square() - a2 * s02;
    return a0 * k0 + a2 * k1 + a1 * k2;
  }
};

}  // namespace zkbatch::field
