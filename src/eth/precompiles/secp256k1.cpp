// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/secp256k1.hpp"

namespace zkbatch::eth::precompiles::secp256k1 {

namespace {

// A 32-byte big-endian scalar in [1, n), or false.
bool scalar_in_range(const uint8_t bytes[32], Fn* out) {
  return Fn::from_be_bytes(bytes, out) && !out->is_zero();
}

// The 32-byte big-endian hash as an element of F_n: e mod n (e < 2^256 < 2n).
Fn hash_to_scalar(const uint8_t hash[32]) {
  Fn::Raw raw{};
  for (size_t i = 0; i < 32; ++i) {
    size_t weight = 31 - i;
    raw.v[weight / 8] |= uint64_t{hash[i]} << (8 * (weight % 8));
  }
  if (detail::limbs_geq<4>(raw.v, FnParams::kModulus.v))
    detail::limbs_sub<4>(raw.v, FnParams::kModulus.v);
  Fn e;
  Fn::from_canonical(raw, &e);
  return e;
}

}  // namespace

bool recover(const uint8_t hash[32],
             const uint8_t r[32],
             const uint8_t s[32],
             unsigned recovery_id,
             uint8_t public_key[64]) {
  Fn r_scalar, s_scalar;
  if (recovery_id > 1 || !scalar_in_range(r, &r_scalar) || !scalar_in_range(s, &s_scalar)) {
    return false;
  }
  // R = (r, y) with y^2 = r^3 + 7 and the requested parity (r < n < p is a field element).
  Fp x;
  Fp::from_be_bytes(r, &x);
  Fp y;
  if (!(x.square() * x + kB).sqrt(&y)) return false;
  if (y.is_odd() != (recovery_id == 1)) y = -y;

  // Q = r^-1 (s R - e G) = u1 G + u2 R with u1 = -e r^-1, u2 = s r^-1 (mod n).
  Fn r_inv = r_scalar.inverse();
  Fn u1 = -(hash_to_scalar(hash) * r_inv);
  Fn u2 = s_scalar * r_inv;
  Fn::Raw a = u1.canonical(), b = u2.canonical();
  Jacobian g = Jacobian::from_affine(Affine::at(kGx, kGy));
  Jacobian big_r = Jacobian::from_affine(Affine::at(x, y));
  Affine q = detail::to_affine(detail::double_scalar_mul(g, a.v, big_r, b.v, 4));
  if (q.infinity) return false;
  q.x.to_be_bytes(public_key);
  q.y.to_be_bytes(public_key + 32);
  return true;
}

}  // namespace zkbatch::eth::precompiles::secp256k1
