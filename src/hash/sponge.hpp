// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Fixed-length hashing with the Poseidon2 sponge of DESIGN.md §3: rate 8, capacity 4, overwrite
// mode. The exact rules (every prover, verifier and device kernel must follow them bit for bit):
//
//   1. The state is 12 zeros, then state[8] = n (the input length: elements for hash_elements,
//      bytes for hash_bytes) and state[9] = a domain tag: 0 for hash_elements, 1 for hash_bytes.
//   2. The input elements are cut into chunks of 8; a last, shorter chunk is padded with zeros.
//      Each chunk overwrites state[0..8) and the state is permuted. An empty input permutes the
//      initial state once, so every call permutes max(1, ceil(n / 8)) times.
//   3. The digest is state[0..4) after the last permutation.
//
// No padding rule is needed beyond zero-filling because the length sits in the capacity: two
// inputs of different lengths start from different states, and two inputs of one length differ
// in some chunk. The domain tag keeps hash_bytes(b) apart from hash_elements of b's packing.
// compress() uses an all-zero capacity, which only an empty hash_elements input shares (and
// Merkle rows are never empty).
#pragma once

#include <stddef.h>

#include "base/span.hpp"
#include "field/goldilocks.hpp"
#include "hash/digest.hpp"

namespace zkbatch::hash {

/// Elements absorbed per permutation.
inline constexpr size_t kSpongeRate = 8;
/// Elements never written by the input: state[8..12).
inline constexpr size_t kSpongeCapacity = 4;
/// Domain tag in state[9] for `hash_elements`.
inline constexpr uint64_t kSpongeTagElements = 0;
/// Domain tag in state[9] for `hash_bytes`.
inline constexpr uint64_t kSpongeTagBytes = 1;
/// Bytes packed into one field element by `hash_bytes`: 7 bytes are below 2^56 < p, so the
/// packing is injective.
inline constexpr size_t kBytesPerElement = 7;

/// Hashes `n` field elements (a Merkle leaf row, for instance) with the rules above.
Digest hash_elements(const field::Fp* data, size_t n);

/// Hashes a byte string: bytes are packed 7 per element, little-endian (element k is
/// sum_j bytes[7k + j] * 256^j over the bytes that exist), and the ceil(len / 7) elements are
/// absorbed as in `hash_elements`, with state[8] = the byte length and state[9] = 1.
Digest hash_bytes(base::ByteSpan bytes);

}  // namespace zkbatch::hash
