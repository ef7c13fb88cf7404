// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only. Internal to src/eth.
#pragma once

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::detail {

/// Keccak-256 of `data` as a Bytes32 (Yellow Paper appendix E, KEC).
inline base::Bytes32 keccak(base::ByteSpan data) {
  base::Bytes32 digest;
  hash::keccak256(data, digest.bytes);
  return digest;
}

}  // namespace zkbatch::eth::detail
