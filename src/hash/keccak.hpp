// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "hash/detail/keccak_sponge.hpp"

namespace zkbatch::hash {

/// Keccak-256 digest size in bytes.
inline constexpr size_t kKeccak256Bytes = 32;
/// Keccak-256 rate in bytes: 1600 - 2 * 256 bits.
inline constexpr size_t kKeccak256Rate = 136;

/// The Keccak-f[1600] permutation, 24 rounds (FIPS 202 §3.3, Algorithm 7). Lane (x, y) is
/// state[x + 5 y]; bytes map to lanes little-endian.
void keccak_f1600(uint64_t state[25]);

/// Ethereum's Keccak-256: Keccak[c = 512] with the original Keccak padding (domain byte 0x01,
/// last byte 0x80), which differs from FIPS 202 SHA3-256 (0x06) — Yellow Paper Appendix E uses
/// this function for every hash (KEC).
class Keccak256 {
 public:
  Keccak256() : sponge_(kKeccak256Rate, 0x01) {}

  /// Absorbs more message bytes; any split of a message gives the same digest.
  void update(base::ByteSpan data) { sponge_.absorb(data); }
  /// Writes the 32-byte digest and resets the hasher for a new message.
  void finalize(uint8_t out[kKeccak256Bytes]) { sponge_.finish(out, kKeccak256Bytes); }

 private:
  detail::KeccakSponge sponge_;
};

/// One-shot Keccak-256 of `data` into `out`.
void keccak256(base::ByteSpan data, uint8_t out[kKeccak256Bytes]);

/// One-shot Keccak-256 of `data` as a 32-byte value (block hashes, trie node hashes, code hashes).
base::Bytes32 keccak256(base::ByteSpan data);

}  // namespace zkbatch::hash
