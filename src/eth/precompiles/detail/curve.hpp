// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// Short Weierstrass curves y^2 = x^3 + b (a = 0: secp256k1, BN254 and BLS12-381, and their
// twists) over any field type F with +, -, *, square(), inverse(), is_zero(), zero(), one().
// Points are kept in Jacobian coordinates (X, Y, Z) ~ (X/Z^2, Y/Z^3), so additions need no
// inversion; the formulas are "dbl-2009-l" and "add-2007-bl" of the Explicit-Formulas Database
// (Bernstein, Lange: hyperelliptic.org/EFD, g1p/auto-shortw-jacobian-0).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace zkbatch::eth::precompiles::detail {

/// An affine point, or the point at infinity.
template <class F>
struct Affine {
  F x{}, y{};
  bool infinity = true;

  static Affine at(const F& x, const F& y) {
    Affine p;
    p.x = x;
    p.y = y;
    p.infinity = false;
    return p;
  }
};

/// A Jacobian point; Z = 0 is the point at infinity.
template <class F>
struct Jacobian {
  F x{}, y{}, z{};

  bool is_infinity() const { return z.is_zero(); }
  static Jacobian infinity() {
    Jacobian p;
    p.x = F::one();
    p.y = F::one();
    p.z = F::zero();
    return p;
  }
  static Jacobian from_affine(const Affine<F>& a) {
    if (a.infinity) return infinity();
    Jacobian p;
    p.x = a.x;
    p.y = a.y;
    p.z = F::one();
    return p;
  }
};

/// True when (x, y) satisfies y^2 = x^3 + b (the point at infinity is on every curve).
template <class F>
bool on_curve(const Affine<F>& p, const F& b) {
  if (p.infinity) return true;
  return p.y.square() == p.x.square() * p.x + b;
}

/// -P.
template <class F>
Jacobian<F> negate(const Jacobian<F>& p) {
  Jacobian<F> r = p;
  r.y = F::zero() - p.y;
  return r;
}

/// 2P (dbl-2009-l, for a = 0).
template <class F>
Jacobian<F> dbl(const Jacobian<F>& p) {
  if (p.is_infinity() || p.y.is_zero()) return Jacobian<F>::infinity();
  F a = p.x.square();
  F b = p.y.square();
  F c = b.square();
  F d = ((p.x + b).square() - a - c).dbl();
  F e = a.dbl() + a;
  F f = e.square();
  Jacobian<F> r;
  r.x = f - d.dbl();
  F c8 = c.dbl().dbl().dbl();
  r.y = e * (d - r.x) - c8;
  r.z = (p.y * p.z).dbl();
  return r;
}

/// P + Q (add-2007-bl), with the doubling and inverse cases handled.
template <class F>
Jacobian<F> add(const Jacobian<F>& p, const Jacobian<F>& q) {
  if (p.is_infinity()) return q;
  if (q.is_infinity()) return p;
  F z1z1 = p.z.square();
  F z2z2 = q.z.square();
  F u1 = p.x * z2z2;
  F u2 = q.x * z1z1;
  F s1 = p.y * q.z * z2z2;
  F s2 = q.y * p.z * z1z1;
  F h = u2 - u1;
  F r = (s2 - s1).dbl();
  if (h.is_zero()) {
    // Same x: the same point (double it) or opposite points (sum at infinity).
    return r.is_zero() ? dbl(p) : Jacobian<F>::infinity();
  }
  F i = h.dbl().square();
  F j = h * i;
  F v = u1 * i;
  Jacobian<F> out;
  out.x = r.square() - j - v.dbl();
  out.y = r * (v - out.x) - (s1 * j).dbl();
  out.z = ((p.z + q.z).square() - z1z1 - z2z2) * h;
  return out;
}

/// The affine form (one inversion).
template <class F>
Affine<F> to_affine(const Jacobian<F>& p) {
  if (p.is_infinity()) return Affine<F>{};
  F zinv = p.z.inverse();
  F zinv2 = zinv.square();
  return Affine<F>::at(p.x * zinv2, p.y * zinv2 * zinv);
}

/// True when both represent the same point (compared without inversion).
template <class F>
bool same_point(const Jacobian<F>& p, const Jacobian<F>& q) {
  if (p.is_infinity() || q.is_infinity()) return p.is_infinity() && q.is_infinity();
  F z1z1 = p.z.square(), z2z2 = q.z.square();
  return p.x * z2z2 == q.x * z1z1 && p.y * q.z * z2z2 == q.y * p.z * z1z1;
}

/// k P for a little-endian scalar of `count` limbs, any size (left-to-right double and add).
template <class F>
Jacobian<F> scalar_mul(const Jacobian<F>& p, const uint64_t* k, size_t count) {
  Jacobian<F> r = Jacobian<F>::infinity();
  for (size_t i = count; i-- > 0;) {
    for (int bit = 63; bit >= 0; --bit) {
      r = dbl(r);
      if (((k[i] >> bit) & 1) != 0) r = add(r, p);
    }
  }
  return r;
}

/// a P + b Q with one shared doubling chain (Shamir's trick); scalars of `count` limbs each.
template <class F>
Jacobian<F> double_scalar_mul(const Jacobian<F>& p,
                              const uint64_t* a,
                              const Jacobian<F>& q,
                              const uint64_t* b,
                              size_t count) {
  Jacobian<F> both = add(p, q);
  Jacobian<F> r = Jacobian<F>::infinity();
  for (size_t i = count; i-- > 0;) {
    for (int bit = 63; bit >= 0; --bit) {
      r = dbl(r);
      bool x = ((a[i] >> bit) & 1) != 0, y = ((b[i] >> bit) & 1) != 0;
      if (x && y) {
        r = add(r, both);
      } else if (x) {
        r = add(r, p);
      } else if (y) {
        r = add(r, q);
      }
    }
  }
  return r;
}

}  // namespace zkbatch::eth::precompiles::detail
