// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>

#include "field/goldilocks.hpp"

namespace zkbatch::hash {

/// Number of field elements in a digest: 4 Goldilocks elements, about 256 bits, which gives
/// about 128 bits of collision resistance (DESIGN.md §3).
inline constexpr size_t kDigestElements = 4;

/// One Poseidon2 digest: a Merkle leaf or node, or the output of `hash_elements`/`hash_bytes`.
struct Digest {
  field::Fp v[kDigestElements];

  /// Element-wise equality.
  constexpr bool operator==(const Digest& other) const {
    for (size_t i = 0; i < kDigestElements; ++i) {
      if (v[i] != other.v[i]) return false;
    }
    return true;
  }
  /// Element-wise inequality.
  constexpr bool operator!=(const Digest& other) const { return !(*this == other); }
};

}  // namespace zkbatch::hash
