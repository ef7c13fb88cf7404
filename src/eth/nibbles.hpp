// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/result.hpp"
#include "base/span.hpp"

namespace zkbatch::eth {

/// A trie path: one nibble (0..15) per byte. Keys are turned into nibbles high half first
/// (Yellow Paper appendix D, the function y).
using NibbleSpan = base::Span<const uint8_t>;

/// Writes the 2 * key.size() nibbles of `key` to `out`, high nibble of each byte first.
void unpack_nibbles(base::ByteSpan key, uint8_t* out);

/// The length of the longest common prefix of two paths.
size_t common_prefix_length(NibbleSpan a, NibbleSpan b);

/// The size of the hex-prefix encoding of a path of `nibble_count` nibbles.
constexpr size_t hex_prefix_size(size_t nibble_count) {
  return nibble_count / 2 + 1;
}

/// Hex-prefix encoding (Yellow Paper appendix C, the function HP): a flag nibble (2 for a leaf,
/// plus 1 for an odd length), a zero pad nibble when the length is even, then the path packed two
/// nibbles per byte. Writes hex_prefix_size(path.size()) bytes to `out`.
void hex_prefix_encode(NibbleSpan path, bool leaf, uint8_t* out);

/// A decoded hex-prefix path: where its nibbles were written and what kind of node it names.
struct HexPrefixPath {
  size_t nibble_count = 0;
  bool leaf = false;
};

/// Decodes a hex-prefix path into `out`, which must hold 2 * encoded.size() nibbles. Strict: the
/// flag nibble must be 0..3 and the pad nibble of an even path must be zero (malformed otherwise);
/// an empty input is truncated.
base::Result<HexPrefixPath> hex_prefix_decode(base::ByteSpan encoded, uint8_t* out);

}  // namespace zkbatch::eth
