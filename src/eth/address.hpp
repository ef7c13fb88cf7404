// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>
#include <string.h>

#include "base/default_hash.hpp"
#include "base/span.hpp"

namespace zkbatch::eth {

/// A 20-byte account address: the last 20 bytes of the Keccak-256 of a public key, or of a
/// creation's RLP (Yellow Paper §4.1, §7). Plain data, zero by `Address{}`.
struct Address {
  uint8_t bytes[20];

  /// A read-only view of the 20 bytes.
  base::ByteSpan span() const { return base::ByteSpan(bytes, 20); }
  /// A writable view of the 20 bytes (for decoders that fill it).
  base::MutableByteSpan mutable_span() { return base::MutableByteSpan(bytes, 20); }
};

inline bool operator==(const Address& a, const Address& b) {
  return memcmp(a.bytes, b.bytes, 20) == 0;
}
inline bool operator!=(const Address& a, const Address& b) {
  return !(a == b);
}
/// Byte-wise order: the order in which a witness lists the accounts of a transaction.
inline bool operator<(const Address& a, const Address& b) {
  return memcmp(a.bytes, b.bytes, 20) < 0;
}

}  // namespace zkbatch::eth

/// Addresses key the state maps: hash the 20 bytes.
template <>
struct zkbatch::base::DefaultHash<zkbatch::eth::Address> {
  uint64_t operator()(const zkbatch::eth::Address& a) const {
    uint8_t padded[24] = {};
    memcpy(padded, a.bytes, 20);
    return hash_words(padded, 3);
  }
};
