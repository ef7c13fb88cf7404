// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/bls12_381.hpp"
#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// The exact input size of POINT_EVALUATION: versioned hash, z, y, commitment, proof (EIP-4844).
inline constexpr size_t kPointEvaluationInputBytes = 192;
/// FIELD_ELEMENTS_PER_BLOB (EIP-4844).
inline constexpr uint64_t kFieldElementsPerBlob = 4096;
/// VERSIONED_HASH_VERSION_KZG (EIP-4844).
inline constexpr uint8_t kVersionedHashVersionKzg = 0x01;

/// kzg_to_versioned_hash (EIP-4844): 0x01 ‖ sha256(commitment)[1:].
void kzg_to_versioned_hash(const uint8_t commitment[48], uint8_t out[32]);

/// verify_kzg_proof (consensus-specs deneb/polynomial-commitments.md): checks that the
/// polynomial committed to by `commitment` takes the value y at z, given the opening `proof`:
///   e(C - [y]G1, -G2) e(proof, [tau]G2 - [z]G2) = 1.
/// z and y are 32-byte big-endian field elements (below BLS_MODULUS); commitment and proof are
/// compressed G1 points that must decompress into G1. False on any invalid input.
bool verify_kzg_proof(const uint8_t commitment[48],
                      const uint8_t z[32],
                      const uint8_t y[32],
                      const uint8_t proof[48]);

/// The verification equation of verify_kzg_proof_impl on decoded inputs, for any setup point
/// `tau_g2` = [s]G2: e(C - [y]G1, -G2) e(proof, [s]G2 - [z]G2) = 1. z and y are canonical scalars
/// below r (little-endian limbs). verify_kzg_proof calls it with the ceremony's kTauG2; tests
/// call it with setups whose secret they know.
bool kzg_pairing_check(const bls12_381::G1& commitment,
                       const uint64_t z[4],
                       const uint64_t y[4],
                       const bls12_381::G1& proof,
                       const bls12_381::G2& tau_g2);

/// 0x0a POINT_EVALUATION gas: 50000 (EIP-4844, POINT_EVALUATION_PRECOMPILE_GAS).
uint64_t point_evaluation_gas(base::ByteSpan input);

/// 0x0a POINT_EVALUATION (EIP-4844): input versioned_hash ‖ z ‖ y ‖ commitment ‖ proof (192
/// bytes). Fails unless the length is exact, the versioned hash matches the commitment and the
/// proof verifies; on success returns FIELD_ELEMENTS_PER_BLOB ‖ BLS_MODULUS as two 32-byte words.
PrecompileResult point_evaluation(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
