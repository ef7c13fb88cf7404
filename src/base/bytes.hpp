// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/result.hpp"
#include "base/span.hpp"
#include "base/vector.hpp"

namespace zkbatch::base {

/// An owned, growable byte string (RLP items, code, calldata, trie nodes).
using Bytes = Vector<uint8_t>;

/// Appends `tail` to `out`; `tail` may view `out` itself. Fails with out_of_memory or overflow.
Status append(Bytes& out, ByteSpan tail);

/// True when both views hold the same bytes.
bool equal(ByteSpan a, ByteSpan b);

/// A fixed 32-byte value: hashes, storage keys and values, roots. Plain data, zero by `Bytes32{}`.
struct Bytes32 {
  uint8_t bytes[32];

  /// A read-only view of the 32 bytes.
  ByteSpan span() const { return ByteSpan(bytes, 32); }
  /// A writable view of the 32 bytes (for decoders that fill it).
  MutableByteSpan mutable_span() { return MutableByteSpan(bytes, 32); }
  /// True when every byte is zero.
  bool is_zero() const;

  /// Copies exactly 32 bytes; fails with invalid_argument (position = input size) otherwise.
  static Result<Bytes32> from_span(ByteSpan data);
};

/// Byte-wise equality.
inline bool operator==(const Bytes32& a, const Bytes32& b) {
  return memcmp(a.bytes, b.bytes, 32) == 0;
}
inline bool operator!=(const Bytes32& a, const Bytes32& b) {
  return !(a == b);
}

}  // namespace zkbatch::base
