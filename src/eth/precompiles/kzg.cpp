// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/kzg.hpp"

#include <string.h>

#include "base/u256.hpp"
#include "eth/precompiles/bls12_381.hpp"
#include "eth/precompiles/detail/run.hpp"
#include "eth/precompiles/sha256.hpp"

namespace zkbatch::eth::precompiles {

namespace {

using namespace bls12_381;  // NOLINT: this file speaks only of BLS12-381

// bytes_to_bls_field: a 32-byte big-endian value below r, as little-endian limbs; false otherwise.
bool to_scalar(const uint8_t bytes[32], uint64_t out[4]) {
  base::U256 v = base::U256::from_be_bytes(base::ByteSpan(bytes, 32));
  if (v >= base::U256::from_limbs(kOrder.v[0], kOrder.v[1], kOrder.v[2], kOrder.v[3])) return false;
  for (int i = 0; i < 4; ++i)
    out[i] = v.limb[i];
  return true;
}

// (r - v) mod r for a scalar v < r.
void negate_scalar(const uint64_t v[4], uint64_t out[4]) {
  base::U256 x = base::U256::from_limbs(v[0], v[1], v[2], v[3]);
  base::U256 r = base::U256::from_limbs(kOrder.v[0], kOrder.v[1], kOrder.v[2], kOrder.v[3]);
  base::U256 negated = x.is_zero() ? x : r - x;
  for (int i = 0; i < 4; ++i)
    out[i] = negated.limb[i];
}

Status point_evaluation_body(base::ByteSpan input, base::Bytes& output) {
  if (input.size() != kPointEvaluationInputBytes) return Status::failure;
  const uint8_t* in = input.data();
  uint8_t versioned[32];
  kzg_to_versioned_hash(in + 96, versioned);
  if (memcmp(versioned, in, 32) != 0) return Status::failure;
  if (!verify_kzg_proof(in + 96, in + 32, in + 64, in + 144)) return Status::failure;
  if (!output.resize(64)) return Status::out_of_memory;
  base::U256(kFieldElementsPerBlob).to_be_bytes(output.data());
  base::U256::from_limbs(kOrder.v[0], kOrder.v[1], kOrder.v[2], kOrder.v[3])
      .to_be_bytes(output.data() + 32);
  return Status::success;
}

}  // namespace

void kzg_to_versioned_hash(const uint8_t commitment[48], uint8_t out[32]) {
  sha256_digest(base::ByteSpan(commitment, 48), out);
  out[0] = kVersionedHashVersionKzg;
}

bool kzg_pairing_check(const G1& commitment,
                       const uint64_t z[4],
                       const uint64_t y[4],
                       const G1& proof,
                       const G2& tau_g2) {
  using J1 = detail::Jacobian<Fp>;
  using J2 = detail::Jacobian<Fp2>;
  uint64_t minus_z[4], minus_y[4];
  negate_scalar(z, minus_z);
  negate_scalar(y, minus_y);
  // P - y = C + [r - y]G1 and X - z = [s]G2 + [r - z]G2 (verify_kzg_proof_impl).
  G1 p_minus_y = detail::to_affine(detail::add(
      J1::from_affine(commitment), detail::scalar_mul(J1::from_affine(kG1), minus_y, 4)));
  G2 x_minus_z = detail::to_affine(
      detail::add(J2::from_affine(tau_g2), detail::scalar_mul(J2::from_affine(kG2), minus_z, 4)));
  G2 neg_g2 = G2::at(kG2.x, -kG2.y);
  return pairing_check(p_minus_y, neg_g2, proof, x_minus_z);
}

bool verify_kzg_proof(const uint8_t commitment[48],
                      const uint8_t z[32],
                      const uint8_t y[32],
                      const uint8_t proof[48]) {
  uint64_t z_scalar[4], y_scalar[4];
  if (!to_scalar(z, z_scalar) || !to_scalar(y, y_scalar)) return false;
  G1 c, pi;
  if (!decompress_g1(commitment, &c) || !decompress_g1(proof, &pi)) return false;
  return kzg_pairing_check(c, z_scalar, y_scalar, pi, kTauG2);
}

uint64_t point_evaluation_gas(base::ByteSpan) {
  return 50000;
}

PrecompileResult point_evaluation(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(point_evaluation_gas(input), gas_limit, point_evaluation_body,
                                input, output);
}

}  // namespace zkbatch::eth::precompiles
