// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The ate pairing e(P, Q) = f_{L,Q}(P)^((p^12 - 1) / r) for curves of embedding degree 12 whose
// G2 lives on a sextic twist E'(F_p2) (Hess, Smart, Vercauteren, "The Eta Pairing Revisited",
// IEEE Trans. Inf. Theory 2006). `Curve` supplies:
//   Fp, Tower                      the base field and the F_p12 tower (detail/tower.hpp)
//   kTwistIsM                      false: D-type twist, untwist (x, y) -> (x w^2, y w^3) (BN254);
//                                  true:  M-type twist, untwist (x, y) -> (x / w^2, y / w^3)
//   kLoop[], kLoopLimbs, kLoopNegative   the Miller loop length L (BN254: 6u^2 = t - 1, the plain
//                                  ate loop; BLS12-381: |x| with x < 0, the optimal ate loop)
//   kHard[], kHardLimbs            (p^4 - p^2 + 1) / r, the hard part of the final exponentiation
//   kGamma1                        xi^((p - 1) / 6), the Frobenius coefficient of w
//   kIsBls12, kU                   the family (BLS12, or BN with parameter u > 0) for the hard part
// Every non-degenerate bilinear pairing on G1 x G2 is a fixed power of any other with exponent
// prime to r, so "the product of pairings is 1" — all that EIP-197 and EIP-4844 ask — has the
// same answer whichever of them is computed.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/detail/curve.hpp"
#include "eth/precompiles/detail/tower.hpp"

namespace zkbatch::eth::precompiles::detail {

template <class Curve>
struct AtePairing {
  using Fp = typename Curve::Fp;
  using F2 = Fp2<Fp>;
  using F6 = Fp6<typename Curve::Tower>;
  using F12 = Fp12<typename Curve::Tower>;

  /// A line evaluated at P as a sparse F_p12 element, from its three F_p2 coefficients: the
  /// constant term, the x_P term and the y_P term. On E the line through T with slope lambda is
  /// y_P - lambda x_P - (y_T - lambda x_T); with T and lambda on the twist it becomes
  ///   D-type: y_P - lambda x_P w + (lambda x_T - y_T) w^3,
  ///   M-type: y_P - lambda x_P / w + (lambda x_T - y_T) / w^3, used times w^3,
  /// and every coefficient may carry a common factor from F_p2: the final exponentiation sends
  /// F_p2, F_p4 and F_p6 factors (w^3 among them) to 1, as it does vertical lines (Barreto, Lynn,
  /// Scott, "On the Selection of Pairing-Friendly Groups", 2003), so none is ever divided out.
  static F12 line(const F2& constant, const F2& x_term, const F2& y_term) {
    F12 l;
    if constexpr (Curve::kTwistIsM) {
      l.c0.c0 = constant;  // w^0
      l.c0.c1 = x_term;    // w^2 = v
      l.c1.c1 = y_term;    // w^3 = v w
    } else {
      l.c0.c0 = y_term;    // w^0
      l.c1.c0 = x_term;    // w^1
      l.c1.c1 = constant;  // w^3
    }
    return l;
  }

  /// f_{L,Q}(P) by Miller's algorithm with T in Jacobian coordinates (x = X / Z^2, y = Y / Z^3)
  /// on the twist, so that no step inverts. P and Q must be finite points of order r: then T
  /// never meets +-Q or a point of order 2 before the loop ends (L < r).
  static F12 miller_loop(const Affine<Fp>& p, const Affine<F2>& q) {
    F12 f = F12::one();
    Jacobian<F2> t = Jacobian<F2>::from_affine(q);
    const Jacobian<F2> q_jacobian = t;
    bool started = false;
    for (size_t i = Curve::kLoopLimbs; i-- > 0;) {
      for (int bit = 63; bit >= 0; --bit) {
        bool set = ((Curve::kLoop[i] >> bit) & 1) != 0;
        if (!started) {
          started = set;  // the top bit: T = Q, f = 1
          continue;
        }
        // Doubling: the tangent at T has lambda = 3 X^2 / (2 Y Z); times 2 Y Z^3 its terms are
        // constant 3 X^3 - 2 Y^2, x term -3 X^2 Z^2 x_P, y term 2 Y Z^3 y_P.
        F2 xx = t.x.square(), yy = t.y.square(), zz = t.z.square();
        F2 three_xx = xx.dbl() + xx;
        F2 constant = three_xx * t.x - yy.dbl();
        F2 x_term = -(three_xx * zz).scale(p.x);
        F2 y_term = (t.y * zz * t.z).dbl().scale(p.y);
        f = f.square() * line(constant, x_term, y_term);
        t = dbl(t);
        if (set) {
          // Addition: the chord through T and Q has lambda = N / D with N = y_Q Z^3 - Y and
          // D = Z (x_Q Z^2 - X); through Q, times D: constant N x_Q - D y_Q, x term -N x_P,
          // y term D y_P.
          F2 z2 = t.z.square();
          F2 n = q.y * z2 * t.z - t.y;
          F2 d = t.z * (q.x * z2 - t.x);
          f = f * line(n * q.x - d * q.y, -n.scale(p.x), d.scale(p.y));
          t = add(t, q_jacobian);
        }
      }
    }
    // A negative loop parameter gives f_{-L} = 1 / f_L up to a vertical line: conjugation is
    // the inverse once the result lands in the norm-1 subgroup.
    return Curve::kLoopNegative ? f.conjugate() : f;
  }

  /// The Frobenius map f -> f^p. On the coefficient g_k of w^k: (g_k w^k)^p = conj(g_k) gamma^k w^k
  /// with gamma = xi^((p-1)/6) = w^(p-1) (Curve::kGamma1); a test checks it against f^p.
  static F12 frobenius(const F12& f) {
    F2 g1 = Curve::kGamma1, g2 = g1 * g1, g3 = g2 * g1, g4 = g3 * g1, g5 = g4 * g1;
    F12 r;
    r.c0.c0 = f.c0.c0.conjugate();       // w^0
    r.c1.c0 = f.c1.c0.conjugate() * g1;  // w^1
    r.c0.c1 = f.c0.c1.conjugate() * g2;  // w^2 = v
    r.c1.c1 = f.c1.c1.conjugate() * g3;  // w^3 = v w
    r.c0.c2 = f.c0.c2.conjugate() * g4;  // w^4 = v^2
    r.c1.c2 = f.c1.c2.conjugate() * g5;  // w^5 = v^2 w
    return r;
  }
  static F12 frobenius(const F12& f, int k) {
    F12 r = f;
    for (int i = 0; i < k; ++i)
      r = frobenius(r);
    return r;
  }

  /// g^e for a small or one-limb exponent.
  static F12 pow_u64(const F12& g, uint64_t e) {
    uint64_t limbs[1] = {e};
    return g.pow(limbs, 1);
  }

  /// The hard part on an element of the cyclotomic subgroup (where conjugation inverts), as a
  /// sum of Frobenius powers with coefficients in the curve parameter:
  ///  BN:  (p^4 - p^2 + 1) / r = l0 + l1 p + l2 p^2 + p^3 with l2 = 6u^2 + 1,
  ///       l1 = -36u^3 - 18u^2 - 12u + 1, l0 = -36u^3 - 30u^2 - 18u - 2 (Devegili, Scott, Dahab,
  ///       "Implementing Cryptographic Pairings over Barreto-Naehrig Curves", Pairing 2007);
  ///  BLS12: 3 (p^4 - p^2 + 1) / r = l0 + l1 p + l2 p^2 + l3 p^3 with l3 = (x - 1)^2,
  ///       l2 = l3 x, l1 = l2 x - l3, l0 = l1 x + 3 (Hayashida, Hayasaka, Teruya, ePrint 2020/875):
  ///       the cube of the pairing, as good for a "product is 1" check since 3 is prime to r.
  /// Both identities are exact; a test compares the result with the plain exponentiation.
  static F12 hard_part(const F12& f) {
    if constexpr (Curve::kIsBls12) {
      auto exp_x = [](const F12& g) {  // g^x for x < 0
        F12 t = pow_u64(g, Curve::kLoop[0]);
        return t.conjugate();
      };
      F12 t = exp_x(f) * f.conjugate();     // f^(x-1)
      F12 t3 = exp_x(t) * t.conjugate();    // f^l3
      F12 t2 = exp_x(t3);                   // f^l2
      F12 t1 = exp_x(t2) * t3.conjugate();  // f^l1
      F12 t0 = exp_x(t1) * f.square() * f;  // f^l0
      return t0 * frobenius(t1, 1) * frobenius(t2, 2) * frobenius(t3, 3);
    } else {
      F12 a = pow_u64(f, Curve::kU);  // f^u
      F12 b = pow_u64(a, Curve::kU);  // f^(u^2)
      F12 c = pow_u64(b, Curve::kU);  // f^(u^3)
      F12 c36 = pow_u64(c, 36), b6 = pow_u64(b, 6), a6 = pow_u64(a, 6);
      F12 b12 = b6.square(), a12 = a6.square();
      F12 b18 = b12 * b6, a18 = a12 * a6;
      F12 l3 = frobenius(f, 3);
      F12 l2 = frobenius(b6 * f, 2);
      F12 l1 = frobenius((c36 * b18 * a12).conjugate() * f, 1);
      F12 l0 = (c36 * b18 * b12 * a18 * f.square()).conjugate();
      return l0 * l1 * l2 * l3;
    }
  }

  /// f^((p^6 - 1)(p^2 + 1)): the easy part, which lands in the cyclotomic subgroup.
  static F12 easy_part(const F12& f) {
    F12 t = f.conjugate() * f.inverse();  // f^(p^6 - 1)
    return frobenius(t, 2) * t;           // ^(p^2 + 1)
  }

  /// The final exponentiation f^((p^12 - 1) / r) (for BLS12 its cube, see hard_part).
  static F12 final_exponentiation(const F12& f) { return hard_part(easy_part(f)); }

  /// The same by plain square-and-multiply over (p^4 - p^2 + 1) / r: slow, for tests.
  static F12 final_exponentiation_reference(const F12& f) {
    return easy_part(f).pow(Curve::kHard, Curve::kHardLimbs);
  }

  /// The reduced pairing; 1 when either point is at infinity.
  static F12 pairing(const Affine<Fp>& p, const Affine<F2>& q) {
    if (p.infinity || q.infinity) return F12::one();
    return final_exponentiation(miller_loop(p, q));
  }
};

}  // namespace zkbatch::eth::precompiles::detail
