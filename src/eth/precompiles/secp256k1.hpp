// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The secp256k1 curve (SEC 2 v2 §2.4.1): y^2 = x^3 + 7 over F_p, p = 2^256 - 2^32 - 977, with a
// generator G of prime order n. Public-key recovery from an ECDSA signature (SEC 1 v2 §4.1.6), the
// core of ECRECOVER and of transaction sender recovery.
#pragma once

#include <stdint.h>

#include "eth/precompiles/detail/curve.hpp"
#include "eth/precompiles/detail/mont.hpp"

namespace zkbatch::eth::precompiles {

namespace secp256k1 {

/// Parameters of the base field F_p.
struct FpParams {
  static constexpr size_t kLimbs = 4;
  static constexpr detail::Limbs<4> kModulus = {
      {0xfffffffefffffc2f, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff}};
};
/// Parameters of the scalar field F_n (n = the order of G).
struct FnParams {
  static constexpr size_t kLimbs = 4;
  static constexpr detail::Limbs<4> kModulus = {
      {0xbfd25e8cd0364141, 0xbaaedce6af48a03b, 0xfffffffffffffffe, 0xffffffffffffffff}};
};

/// Base field element.
using Fp = detail::MontField<FpParams>;
/// Scalar field element.
using Fn = detail::MontField<FnParams>;
/// Affine and Jacobian points.
using Affine = detail::Affine<Fp>;
using Jacobian = detail::Jacobian<Fp>;

/// The curve constant b = 7.
inline constexpr Fp kB = Fp::from_canonical_constexpr({{7, 0, 0, 0}});
/// The generator G (SEC 2 v2 §2.4.1).
inline constexpr Fp kGx = Fp::from_canonical_constexpr(
    {{0x59f2815b16f81798, 0x029bfcdb2dce28d9, 0x55a06295ce870b07, 0x79be667ef9dcbbac}});
inline constexpr Fp kGy = Fp::from_canonical_constexpr(
    {{0x9c47d08ffb10d4b8, 0xfd17b448a6855419, 0x5da4fbfc0e1108a8, 0x483ada7726a3c465}});

/// Recovers the public key that signed the 32-byte `hash` with signature (r, s) and recovery id
/// `recovery_id` (the parity of R's y coordinate: 0 even, 1 odd). Writes the uncompressed key
/// x ‖ y (64 bytes, big-endian) and returns true; false when 0 < r, s < n fails, when r is not
/// the x coordinate of a curve point, or when the key would be the point at infinity. Only
/// x = r is tried (Ethereum's recovery ids 0 and 1); low-s rules are the caller's (EIP-2).
bool recover(const uint8_t hash[32],
             const uint8_t r[32],
             const uint8_t s[32],
             unsigned recovery_id,
             uint8_t public_key[64]);

}  // namespace secp256k1

}  // namespace zkbatch::eth::precompiles
