// SPDX-License-Identifier: Apache-2.0
// The proof file format (DESIGN.md §3): versioned, little-endian binary with a magic header.
//
//   magic "ZKBPROOF" (8 bytes), version u32 = 1, then the Proof's fields in declaration order:
//   a vector is a u32 count and its elements; a field element is a u64 below p; a digest is four
//   field elements; an extension element is three; an optional digest is a u8 flag (0 or 1) and
//   the digest when the flag is 1; log heights are u8; the proof-of-work witness is a raw u64.
//   A Merkle opening is its rows (vector of vectors of field elements) and its path (vector of
//   digests). Nothing may follow the last field.
#pragma once

#include <stdint.h>

#include <span>
#include <vector>

#include "stark/errors.hpp"
#include "stark/proof.hpp"

namespace zkbatch::stark {

/// The eight bytes every proof file starts with.
inline constexpr uint8_t kProofMagic[8] = {'Z', 'K', 'B', 'P', 'R', 'O', 'O', 'F'};
/// The format version this build writes and reads. Changing the format bumps it (and the name of
/// tests/stark/fixtures/fib_v<N>.proof).
inline constexpr uint32_t kProofFormatVersion = 1;

/// Encodes a proof.
std::vector<uint8_t> serialize_proof(const Proof& proof);

/// Decodes a proof. Every count is checked against the bytes left before anything is allocated,
/// every field element against p; any byte string gives DecodeError::ok and a proof, or an error
/// (never a crash, never an allocation larger than the input justifies).
DecodeError deserialize_proof(std::span<const uint8_t> bytes, Proof* proof);

}  // namespace zkbatch::stark
