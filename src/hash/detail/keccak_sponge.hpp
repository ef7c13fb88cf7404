// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// Internal to src/hash (and its tests): the Keccak sponge with a chosen rate and padding byte,
// shared by Keccak-256 (Ethereum) and, in the tests, SHA3-256 as a check against OpenSSL.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/span.hpp"

namespace zkbatch::hash::detail {

/// Keccak[c] over Keccak-f[1600] (FIPS 202 §4, §5.1): bytes are XORed into the state's lanes
/// little-endian, a full rate block triggers the permutation, and `finish` applies the
/// multi-rate padding pad10*1 preceded by the domain bits in `pad` (0x01 for original Keccak as
/// Ethereum uses it, 0x06 for SHA-3, 0x1F for SHAKE).
class KeccakSponge {
 public:
  /// `rate_bytes` must be a multiple of 8 below 200 (136 for 256-bit outputs).
  KeccakSponge(size_t rate_bytes, uint8_t pad);

  /// Absorbs more message bytes.
  void absorb(base::ByteSpan data);
  /// Pads, permutes and writes the first `out_len` (<= rate) output bytes, then returns to the
  /// initial state so the object can hash another message.
  void finish(uint8_t* out, size_t out_len);

 private:
  void reset();

  uint64_t state_[25];
  size_t rate_;      // bytes per block
  size_t position_;  // bytes absorbed into the current block
  uint8_t pad_;
};

}  // namespace zkbatch::hash::detail
