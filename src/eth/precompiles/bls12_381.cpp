// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/bls12_381.hpp"

#include <string.h>

namespace zkbatch::eth::precompiles::bls12_381 {

namespace {

constexpr uint8_t kCompressedFlag = 0x80;
constexpr uint8_t kInfinityFlag = 0x40;
constexpr uint8_t kSignFlag = 0x20;

}  // namespace

bool g1_in_subgroup(const G1& p) {
  return detail::scalar_mul(detail::Jacobian<Fp>::from_affine(p), kOrder.v, 4).is_infinity();
}

bool g2_in_subgroup(const G2& q) {
  return detail::scalar_mul(detail::Jacobian<Fp2>::from_affine(q), kOrder.v, 4).is_infinity();
}

bool decompress_g1(const uint8_t in[kG1CompressedBytes], G1* out) {
  uint8_t flags = in[0] & 0xe0;
  if ((flags & kCompressedFlag) == 0) return false;
  uint8_t bytes[kG1CompressedBytes];
  memcpy(bytes, in, sizeof(bytes));
  bytes[0] &= 0x1f;
  if ((flags & kInfinityFlag) != 0) {
    // The point at infinity has exactly one encoding: 0xc0 followed by zeros.
    if ((flags & kSignFlag) != 0) return false;
    for (uint8_t b : bytes) {
      if (b != 0) return false;
    }
    *out = G1{};
    return true;
  }
  Fp x;
  if (!Fp::from_be_bytes(bytes, &x)) return false;
  Fp y;
  if (!(x.square() * x + kB).sqrt(&y)) return false;
  if (y.is_lexicographically_largest() != ((flags & kSignFlag) != 0)) y = -y;
  *out = G1::at(x, y);
  return g1_in_subgroup(*out);
}

void compress_g1(const G1& p, uint8_t out[kG1CompressedBytes]) {
  memset(out, 0, kG1CompressedBytes);
  if (p.infinity) {
    out[0] = kCompressedFlag | kInfinityFlag;
    return;
  }
  p.x.to_be_bytes(out);
  out[0] |= kCompressedFlag;
  if (p.y.is_lexicographically_largest()) out[0] |= kSignFlag;
}

void compress_g2(const G2& q, uint8_t out[kG2CompressedBytes]) {
  memset(out, 0, kG2CompressedBytes);
  if (q.infinity) {
    out[0] = kCompressedFlag | kInfinityFlag;
    return;
  }
  q.x.c1.to_be_bytes(out);
  q.x.c0.to_be_bytes(out + 48);
  out[0] |= kCompressedFlag;
  bool larger = q.y.c1.is_zero() ? q.y.c0.is_lexicographically_largest()
                                 : q.y.c1.is_lexicographically_largest();
  if (larger) out[0] |= kSignFlag;
}

bool pairing_check(const G1& p1, const G2& q1, const G1& p2, const G2& q2) {
  Fp12 f = Fp12::one();
  if (!p1.infinity && !q1.infinity) f = f * Pairing::miller_loop(p1, q1);
  if (!p2.infinity && !q2.infinity) f = f * Pairing::miller_loop(p2, q2);
  return Pairing::final_exponentiation(f).is_one();
}

}  // namespace zkbatch::eth::precompiles::bls12_381
