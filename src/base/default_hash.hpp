// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/bytes.hpp"

namespace zkbatch::base {

/// A 64-bit finalizer: xor-shift, multiply, xor-shift, multiply, xor-shift, so that every input
/// bit affects every output bit. Keys in zkbatch are addresses, slots and Keccak digests, not
/// adversarial input to the map, so a keyless mixer is enough (no seeded hashing).
constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ull;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ull;
  x ^= x >> 32;
  return x;
}

/// Hashes the bytes of a run of 64-bit words by chaining mix64; used for fixed-size keys.
inline uint64_t hash_words(const uint8_t* bytes, size_t word_count) {
  uint64_t h = 0x9e3779b97f4a7c15ull;  // any nonzero start; the 64-bit golden ratio
  for (size_t i = 0; i < word_count; ++i) {
    uint64_t w;
    memcpy(&w, bytes + 8 * i, 8);
    h = mix64(h ^ w);
  }
  return h;
}

/// The hash functor HashMap uses by default. Specialized for the integer types and Bytes32;
/// other key types give their own specialization or a Hasher argument.
template <class K>
struct DefaultHash;

/// Integers hash by value through mix64.
template <class K>
struct IntegerHash {
  uint64_t operator()(K key) const { return mix64(static_cast<uint64_t>(key)); }
};

// Spelled with the fundamental types: the fixed-width aliases map onto different ones on the
// host and on rv32 (where int32_t is long), and specializing both would clash.
template <>
struct DefaultHash<unsigned char> : IntegerHash<unsigned char> {};
template <>
struct DefaultHash<unsigned short> : IntegerHash<unsigned short> {};
template <>
struct DefaultHash<unsigned int> : IntegerHash<unsigned int> {};
template <>
struct DefaultHash<unsigned long> : IntegerHash<unsigned long> {};
template <>
struct DefaultHash<unsigned long long> : IntegerHash<unsigned long long> {};
template <>
struct DefaultHash<signed char> : IntegerHash<signed char> {};
template <>
struct DefaultHash<char> : IntegerHash<char> {};
template <>
struct DefaultHash<short> : IntegerHash<short> {};
template <>
struct DefaultHash<int> : IntegerHash<int> {};
template <>
struct DefaultHash<long> : IntegerHash<long> {};
template <>
struct DefaultHash<long long> : IntegerHash<long long> {};

/// All 32 bytes take part: storage slots 0, 1, 2 ... differ only in their last byte.
template <>
struct DefaultHash<Bytes32> {
  uint64_t operator()(const Bytes32& key) const { return hash_words(key.bytes, 4); }
};

}  // namespace zkbatch::base
