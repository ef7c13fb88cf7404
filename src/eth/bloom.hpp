// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>
#include <string.h>

#include "base/span.hpp"
#include "eth/log.hpp"

namespace zkbatch::eth {

/// The 2048-bit logs bloom filter of receipts and headers (Yellow Paper §4.3.1, the function M):
/// each entry sets three bits chosen by its Keccak-256. Byte 0 holds the highest bits, as the
/// 256-byte big-endian string the header stores.
struct Bloom {
  uint8_t bytes[256];

  base::ByteSpan span() const { return base::ByteSpan(bytes, 256); }
  base::MutableByteSpan mutable_span() { return base::MutableByteSpan(bytes, 256); }
};

inline bool operator==(const Bloom& a, const Bloom& b) {
  return memcmp(a.bytes, b.bytes, 256) == 0;
}
inline bool operator!=(const Bloom& a, const Bloom& b) {
  return !(a == b);
}

/// M3:2048: for the byte pairs (0,1), (2,3), (4,5) of keccak256(data), sets bit (pair mod 2048).
void bloom_add(Bloom& bloom, base::ByteSpan data);
/// True when the three bits of `data` are set (a possible member; never a false negative).
bool bloom_may_contain(const Bloom& bloom, base::ByteSpan data);
/// Adds a log: its address and each of its topics (not its data).
void bloom_add_log(Bloom& bloom, const Log& log);
/// The bloom of a list of logs: a receipt's logs bloom.
Bloom logs_bloom(base::Span<const Log> logs);
/// bloom |= other: a header's bloom is the union of its receipts' blooms.
void bloom_merge(Bloom& bloom, const Bloom& other);

}  // namespace zkbatch::eth
