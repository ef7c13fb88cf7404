// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The BN254 (alt_bn128) curve of EIP-196 and EIP-197: E: y^2 = x^3 + 3 over F_p and its D-type
// sextic twist E': y^2 = x^3 + 3 / (9 + u) over F_p2, both groups of prime order r. The BN
// parameter is u = 4965661367192848881: p = 36u^4 + 36u^3 + 24u^2 + 6u + 1 and
// r = 36u^4 + 36u^3 + 18u^2 + 6u + 1.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/detail/curve.hpp"
#include "eth/precompiles/detail/mont.hpp"
#include "eth/precompiles/detail/pairing.hpp"
#include "eth/precompiles/detail/tower.hpp"
#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

namespace bn254 {

/// The base field modulus p.
struct FpParams {
  static constexpr size_t kLimbs = 4;
  static constexpr detail::Limbs<4> kModulus = {
      {0x3c208c16d87cfd47, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029}};
};
/// The group order r.
inline constexpr detail::Limbs<4> kOrder = {
    {0x43e1f593f0000001, 0x2833e84879b97091, 0xb85045b68181585d, 0x30644e72e131a029}};

using Fp = detail::MontField<FpParams>;
using Fp2 = detail::Fp2<Fp>;

/// The tower F_p12 over xi = 9 + u.
struct Tower {
  using Fp = bn254::Fp;
  /// (9 + u)(a0 + a1 u) = (9 a0 - a1) + (a0 + 9 a1) u.
  static Fp2 mul_by_xi(const Fp2& a) {
    Fp nine_a0 = a.c0.dbl().dbl().dbl() + a.c0;
    Fp nine_a1 = a.c1.dbl().dbl().dbl() + a.c1;
    return {nine_a0 - a.c1, a.c0 + nine_a1};
  }
};

using Fp12 = detail::Fp12<Tower>;
using G1 = detail::Affine<Fp>;
using G2 = detail::Affine<Fp2>;

/// The pairing's parameters (see detail/pairing.hpp).
struct Curve {
  using Fp = bn254::Fp;
  using Tower = bn254::Tower;
  static constexpr bool kTwistIsM = false;
  /// 6u^2 = t - 1, the ate loop length (127 bits).
  static constexpr uint64_t kLoop[2] = {0xf83e9682e87cfd46, 0x6f4d8248eeb859fb};
  static constexpr size_t kLoopLimbs = 2;
  static constexpr bool kLoopNegative = false;
  /// (p^4 - p^2 + 1) / r (761 bits); a test checks it against p and r.
  static constexpr uint64_t kHard[12] = {
      0xe81bb482ccdf42b1, 0x5abf5cc4f49c36d4, 0xf1154e7e1da014fd, 0xdcc7b44c87cdbacf,
      0xaaa441e3954bcf8a, 0x6b887d56d5095f23, 0x79581e16f3fd90c6, 0x3b1b1355d189227d,
      0x4e529a5861876f6b, 0x6c0eb522d5b12278, 0x331ec15183177faf, 0x01baaa710b0759ad};
  static constexpr size_t kHardLimbs = 12;
  /// xi^((p - 1) / 6) for the Frobenius map.
  static constexpr Fp2 kGamma1 = {
      Fp::from_canonical_constexpr(
          {{0xd60b35dadcc9e470, 0x5c521e08292f2176, 0xe8b99fdd76e68b60, 0x1284b71c2865a7df}}),
      Fp::from_canonical_constexpr(
          {{0xca5cf05f80f362ac, 0x747992778eeec7e5, 0xa6327cfe12150b8e, 0x246996f3b4fae7e6}})};
  static constexpr bool kIsBls12 = false;
  /// The BN parameter u.
  static constexpr uint64_t kU = 4965661367192848881ull;
};

using Pairing = detail::AtePairing<Curve>;

/// The curve constant b = 3.
inline constexpr Fp kB = Fp::from_canonical_constexpr({{3, 0, 0, 0}});

/// Decodes a G1 point from 64 bytes x ‖ y (EIP-196): coordinates below p, (0, 0) is the point
/// at infinity, anything else must lie on the curve. False for an invalid encoding.
bool decode_g1(const uint8_t in[64], G1* out);
/// Encodes a G1 point as 64 bytes (infinity as zeros).
void encode_g1(const G1& p, uint8_t out[64]);
/// Decodes a G2 point from 128 bytes x_im ‖ x_re ‖ y_im ‖ y_re (EIP-197): coordinates below p,
/// all-zero is infinity, otherwise on the twist and in the order-r subgroup.
bool decode_g2(const uint8_t in[128], G2* out);
/// True when the twist point is on E' (xi (y^2 - x^3) = 3, which avoids dividing by xi).
bool g2_on_curve(const G2& q);
/// True when r Q is the point at infinity.
bool g2_in_subgroup(const G2& q);

}  // namespace bn254

/// 0x06 ECADD gas: 150 (EIP-1108, Istanbul).
uint64_t bn254_add_gas(base::ByteSpan input);
/// 0x06 ECADD (EIP-196): two G1 points (128 bytes, zero-padded, extra bytes ignored) -> their sum
/// (64 bytes). An invalid point fails.
PrecompileResult bn254_add(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

/// 0x07 ECMUL gas: 6000 (EIP-1108).
uint64_t bn254_mul_gas(base::ByteSpan input);
/// 0x07 ECMUL (EIP-196): a G1 point and a 256-bit scalar (96 bytes, zero-padded) -> s P.
PrecompileResult bn254_mul(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

/// 0x08 ECPAIRING gas: 45000 + 34000 k for k = ⌊len / 192⌋ pairs (EIP-1108).
uint64_t bn254_pairing_gas(base::ByteSpan input);
/// 0x08 ECPAIRING (EIP-197): k (G1, G2) pairs of 192 bytes -> 32-byte 1 when the product of
/// their pairings is 1, else 0. Fails when the length is not a multiple of 192 or any point is
/// invalid (G2 points must be in the subgroup).
PrecompileResult bn254_pairing(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
