// SPDX-License-Identifier: Apache-2.0
#include "eth/nibbles.hpp"

namespace zkbatch::eth {

void unpack_nibbles(base::ByteSpan key, uint8_t* out) {
  for (size_t i = 0; i < key.size(); ++i) {
    out[2 * i] = static_cast<uint8_t>(key[i] >> 4);
    out[2 * i + 1] = static_cast<uint8_t>(key[i] & 0x0f);
  }
}

size_t common_prefix_length(NibbleSpan a, NibbleSpan b) {
  size_t n = a.size() < b.size() ? a.size() : b.size();
  size_t i = 0;
  while (i < n && a[i] == b[i])
    ++i;
  return i;
}

void hex_prefix_encode(NibbleSpan path, bool leaf, uint8_t* out) {
  bool odd = (path.size() & 1) != 0;
  uint8_t flag = static_cast<uint8_t>((leaf ? 2 : 0) + (odd ? 1 : 0));
  size_t i = 0;
  if (odd) {
    out[0] = static_cast<uint8_t>((flag << 4) | path[0]);
    i = 1;
  } else {
    out[0] = static_cast<uint8_t>(flag << 4);
  }
  for (size_t o = 1; i < path.size(); i += 2, ++o) {
    out[o] = static_cast<uint8_t>((path[i] << 4) | path[i + 1]);
  }
}

base::Result<HexPrefixPath> hex_prefix_decode(base::ByteSpan encoded, uint8_t* out) {
  if (encoded.empty()) return base::make_error(base::Errc::truncated, 0, "empty hex-prefix path");
  uint8_t flag = encoded[0] >> 4;
  if (flag > 3) return base::make_error(base::Errc::malformed, 0, "hex-prefix flag above 3");
  bool odd = (flag & 1) != 0;
  if (!odd && (encoded[0] & 0x0f) != 0) {
    return base::make_error(base::Errc::malformed, 0, "hex-prefix pad nibble is not zero");
  }
  HexPrefixPath path;
  path.leaf = (flag & 2) != 0;
  size_t n = 0;
  if (odd) out[n++] = encoded[0] & 0x0f;
  for (size_t i = 1; i < encoded.size(); ++i) {
    out[n++] = encoded[i] >> 4;
    out[n++] = encoded[i] & 0x0f;
  }
  path.nibble_count = n;
  return path;
}

}  // namespace zkbatch::eth
