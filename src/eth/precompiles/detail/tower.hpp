// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The extension tower of pairing-friendly curves with embedding degree 12, as used by BN254
// (EIP-197) and BLS12-381 (EIP-4844):
//   F_p2  = F_p[u]  / (u^2 + 1)
//   F_p6  = F_p2[v] / (v^3 - xi)     (xi = 9 + u for BN254, 1 + u for BLS12-381)
//   F_p12 = F_p6[w] / (w^2 - v)
// Multiplications use Karatsuba's identities; inverses descend the tower through norms
// (Beuchat et al., "High-Speed Software Implementation of the Optimal Ate Pairing over
// Barreto-Naehrig Curves", Pairing 2010, Algorithms 8, 17, 23).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace zkbatch::eth::precompiles::detail {

/// a + b u with u^2 = -1.
template <class F>
struct Fp2 {
  F c0{}, c1{};

  /// 0, 1, and the test for 0.
  static Fp2 zero() { return Fp2{}; }
  static Fp2 one() { return Fp2{F::one(), F::zero()}; }
  bool is_zero() const { return c0.is_zero() && c1.is_zero(); }

  /// Equality and the field operations (u^2 = -1; the product by Karatsuba's three products).
  friend bool operator==(const Fp2& a, const Fp2& b) { return a.c0 == b.c0 && a.c1 == b.c1; }
  friend bool operator!=(const Fp2& a, const Fp2& b) { return !(a == b); }
  friend Fp2 operator+(const Fp2& a, const Fp2& b) { return {a.c0 + b.c0, a.c1 + b.c1}; }
  friend Fp2 operator-(const Fp2& a, const Fp2& b) { return {a.c0 - b.c0, a.c1 - b.c1}; }
  friend Fp2 operator-(const Fp2& a) { return {-a.c0, -a.c1}; }
  friend Fp2 operator*(const Fp2& a, const Fp2& b) {
    F t0 = a.c0 * b.c0, t1 = a.c1 * b.c1;
    return {t0 - t1, (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
  }
  /// Multiplication by an element of the base field.
  Fp2 scale(const F& k) const { return {c0 * k, c1 * k}; }
  /// (a + b u)^2 = (a + b)(a - b) + 2ab u, and 2x.
  Fp2 square() const {
    F t = c0 * c1;
    return {(c0 + c1) * (c0 - c1), t.dbl()};
  }
  Fp2 dbl() const { return {c0.dbl(), c1.dbl()}; }
  /// a - b u: the Frobenius map x -> x^p on F_p2.
  Fp2 conjugate() const { return {c0, -c1}; }
  /// (a - b u) / (a^2 + b^2); zero maps to zero.
  Fp2 inverse() const {
    F t = (c0.square() + c1.square()).inverse();
    return {c0 * t, -(c1 * t)};
  }
};

/// c0 + c1 v + c2 v^2 with v^3 = xi; `Tower` supplies Fp and mul_by_xi(Fp2).
template <class Tower>
struct Fp6 {
  using F2 = Fp2<typename Tower::Fp>;
  F2 c0{}, c1{}, c2{};

  /// 0, 1, and the test for 0.
  static Fp6 zero() { return Fp6{}; }
  static Fp6 one() { return Fp6{F2::one(), F2::zero(), F2::zero()}; }
  bool is_zero() const { return c0.is_zero() && c1.is_zero() && c2.is_zero(); }

  /// Equality and the field operations (Karatsuba over three coefficients).
  friend bool operator==(const Fp6& a, const Fp6& b) {
    return a.c0 == b.c0 && a.c1 == b.c1 && a.c2 == b.c2;
  }
  friend Fp6 operator+(const Fp6& a, const Fp6& b) {
    return {a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2};
  }
  friend Fp6 operator-(const Fp6& a, const Fp6& b) {
    return {a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2};
  }
  friend Fp6 operator-(const Fp6& a) { return {-a.c0, -a.c1, -a.c2}; }
  friend Fp6 operator*(const Fp6& a, const Fp6& b) {
    F2 t0 = a.c0 * b.c0, t1 = a.c1 * b.c1, t2 = a.c2 * b.c2;
    F2 r0 = t0 + Tower::mul_by_xi((a.c1 + a.c2) * (b.c1 + b.c2) - t1 - t2);
    F2 r1 = (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1 + Tower::mul_by_xi(t2);
    F2 r2 = (a.c0 + a.c2) * (b.c0 + b.c2) - t0 - t2 + t1;
    return {r0, r1, r2};
  }
  /// x^2.
  Fp6 square() const { return *this * *this; }
  /// Multiplication by v: (c0, c1, c2) -> (xi c2, c0, c1).
  Fp6 mul_by_v() const { return {Tower::mul_by_xi(c2), c0, c1}; }
  /// The inverse through the norm to F_p2; zero maps to zero.
  Fp6 inverse() const {
    F2 a = c0.square() - Tower::mul_by_xi(c1 * c2);
    F2 b = Tower::mul_by_xi(c2.square()) - c0 * c1;
    F2 c = c1.square() - c0 * c2;
    F2 t = (c0 * a + Tower::mul_by_xi(c2 * b + c1 * c)).inverse();
    return {a * t, b * t, c * t};
  }
};

/// c0 + c1 w with w^2 = v.
template <class Tower>
struct Fp12 {
  using F6 = Fp6<Tower>;
  F6 c0{}, c1{};

  /// 1, and the test for 1.
  static Fp12 one() { return Fp12{F6::one(), F6::zero()}; }
  bool is_one() const { return c0 == F6::one() && c1.is_zero(); }

  /// Equality and the product (Karatsuba over two coefficients).
  friend bool operator==(const Fp12& a, const Fp12& b) { return a.c0 == b.c0 && a.c1 == b.c1; }
  friend bool operator!=(const Fp12& a, const Fp12& b) { return !(a == b); }
  friend Fp12 operator*(const Fp12& a, const Fp12& b) {
    F6 t0 = a.c0 * b.c0, t1 = a.c1 * b.c1;
    return {t0 + t1.mul_by_v(), (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
  }
  /// x^2.
  Fp12 square() const {
    // (a + b w)^2 = a^2 + b^2 v + 2ab w, with a^2 + b^2 v = (a + b)(a + b v) - ab - ab v.
    F6 ab = c0 * c1;
    F6 r0 = (c0 + c1) * (c0 + c1.mul_by_v()) - ab - ab.mul_by_v();
    return {r0, ab + ab};
  }
  /// a - b w: the map x -> x^(p^6), which inverts elements of norm 1 (the pairing's target group).
  Fp12 conjugate() const { return {c0, -c1}; }
  /// (a - b w) / (a^2 - b^2 v).
  Fp12 inverse() const {
    F6 t = (c0.square() - c1.square().mul_by_v()).inverse();
    return {c0 * t, -(c1 * t)};
  }
  /// this^e for a little-endian exponent of `count` limbs.
  Fp12 pow(const uint64_t* e, size_t count) const {
    Fp12 r = one();
    bool started = false;
    for (size_t i = count; i-- > 0;) {
      for (int bit = 63; bit >= 0; --bit) {
        if (started) r = r.square();
        if (((e[i] >> bit) & 1) != 0) {
          r = started ? r * *this : *this;
          started = true;
        }
      }
    }
    return r;
  }
};

}  // namespace zkbatch::eth::precompiles::detail
