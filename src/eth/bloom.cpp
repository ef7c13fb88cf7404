// SPDX-License-Identifier: Apache-2.0
#include "eth/bloom.hpp"

#include "hash/keccak.hpp"

namespace zkbatch::eth {

namespace {

// The three bit indices of M3:2048 (Yellow Paper §4.3.1): the low 11 bits of the first three
// big-endian byte pairs of the hash.
void bloom_bits(base::ByteSpan data, unsigned bits[3]) {
  uint8_t h[32];
  hash::keccak256(data, h);
  for (int i = 0; i < 3; ++i)
    bits[i] = ((h[2 * i] << 8) | h[2 * i + 1]) & 2047u;
}

}  // namespace

void bloom_add(Bloom& bloom, base::ByteSpan data) {
  unsigned bits[3];
  bloom_bits(data, bits);
  for (unsigned bit : bits)
    bloom.bytes[255 - bit / 8] |= static_cast<uint8_t>(1u << (bit % 8));
}

bool bloom_may_contain(const Bloom& bloom, base::ByteSpan data) {
  unsigned bits[3];
  bloom_bits(data, bits);
  for (unsigned bit : bits) {
    if ((bloom.bytes[255 - bit / 8] & (1u << (bit % 8))) == 0) return false;
  }
  return true;
}

void bloom_add_log(Bloom& bloom, const Log& log) {
  bloom_add(bloom, log.address.span());
  for (const base::Bytes32& topic : log.topic_span())
    bloom_add(bloom, topic.span());
}

Bloom logs_bloom(base::Span<const Log> logs) {
  Bloom bloom{};
  for (const Log& log : logs)
    bloom_add_log(bloom, log);
  return bloom;
}

void bloom_merge(Bloom& bloom, const Bloom& other) {
  for (size_t i = 0; i < 256; ++i)
    bloom.bytes[i] |= other.bytes[i];
}

}  // namespace zkbatch::eth
