// SPDX-License-Identifier: Apache-2.0
// The leaf sponge (rate 8, capacity 4, length and domain tag in the capacity): the documented
// absorption rules, rebuilt here from Poseidon2::permute, and the properties they are for.
#include "hash/sponge.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "hash/poseidon2.hpp"
#include "hash_test_util.hpp"

namespace zkbatch::hash {
namespace {

using field::Fp;

std::vector<Fp> random_elements(std::mt19937_64& rng, size_t n) {
  std::vector<Fp> out(n);
  for (Fp& e : out) {
    e = Fp(rng());
  }
  return out;
}

/// The rules of sponge.hpp, written out for one input.
Digest spec_hash(const std::vector<Fp>& elements, uint64_t length, uint64_t tag) {
  Fp state[12] = {};
  state[8] = Fp(length);
  state[9] = Fp(tag);
  size_t offset = 0;
  do {
    for (size_t i = 0; i < 8; ++i) {
      state[i] = offset + i < elements.size() ? elements[offset + i] : Fp::zero();
    }
    Poseidon2::permute(state);
    offset += 8;
  } while (offset < elements.size());
  return Digest{{state[0], state[1], state[2], state[3]}};
}

auto key(const Digest& d) {
  return std::make_tuple(d.v[0].value(), d.v[1].value(), d.v[2].value(), d.v[3].value());
}

TEST(SpongeTest, HashElementsFollowsTheDocumentedRules) {
  std::mt19937_64 rng(0x5eed0101);
  for (size_t n = 0; n <= 33; ++n) {
    std::vector<Fp> data = random_elements(rng, n);
    EXPECT_EQ(hash_elements(data.data(), n), spec_hash(data, n, kSpongeTagElements)) << n;
  }
}

TEST(SpongeTest, EmptyInputPermutesOnce) {
  Fp state[12] = {};
  Poseidon2::permute(state);
  EXPECT_EQ(hash_elements(nullptr, 0), (Digest{{state[0], state[1], state[2], state[3]}}));
}

TEST(SpongeTest, IsDeterministic) {
  std::mt19937_64 rng(0x5eed0102);
  std::vector<Fp> data = random_elements(rng, 20);
  EXPECT_EQ(hash_elements(data.data(), 20), hash_elements(data.data(), 20));
}

TEST(SpongeTest, ZeroExtensionsAndPrefixesAllDiffer) {
  // Zero padding inside the sponge must not make [x], [x, 0], [x, 0, 0], ... collide: the length
  // in the capacity separates them. Prefixes of one random row must differ as well.
  std::mt19937_64 rng(0x5eed0103);
  std::vector<Fp> zeros_after(40, Fp::zero());
  zeros_after[0] = Fp(7);
  std::vector<Fp> row = random_elements(rng, 40);
  std::set<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>> seen;
  for (size_t n = 0; n <= 40; ++n) {
    EXPECT_TRUE(seen.insert(key(hash_elements(zeros_after.data(), n))).second) << n;
    if (n > 0) {
      EXPECT_TRUE(seen.insert(key(hash_elements(row.data(), n))).second) << n;
    }
  }
}

TEST(SpongeTest, IsOrderSensitive) {
  std::mt19937_64 rng(0x5eed0104);
  std::vector<Fp> data = random_elements(rng, 16);
  Digest base = hash_elements(data.data(), data.size());
  for (size_t i : {0u, 7u, 8u, 15u}) {
    std::vector<Fp> swapped = data;
    std::swap(swapped[i], swapped[i ^ 1]);
    EXPECT_NE(hash_elements(swapped.data(), swapped.size()), base) << i;
  }
}

TEST(SpongeTest, HashBytesPacksSevenBytesLittleEndian) {
  // 10 bytes: element 0 holds bytes 0..6, element 1 bytes 7..9; length 10, tag 1.
  const uint8_t bytes[10] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xA8, 0xB9, 0xCA};
  std::vector<Fp> packed = {Fp(0x07060504030201ull), Fp(0xCAB9A8ull)};
  EXPECT_EQ(hash_bytes(base::ByteSpan(bytes, 10)), spec_hash(packed, 10, kSpongeTagBytes));
}

TEST(SpongeTest, HashBytesFollowsTheRulesAcrossChunkBoundaries) {
  std::mt19937_64 rng(0x5eed0105);
  for (size_t len : {0u, 1u, 6u, 7u, 8u, 55u, 56u, 57u, 111u, 112u, 113u, 300u}) {
    std::vector<uint8_t> bytes(len);
    for (uint8_t& b : bytes) {
      b = static_cast<uint8_t>(rng());
    }
    std::vector<Fp> packed;
    for (size_t start = 0; start < len; start += 7) {
      uint64_t value = 0;
      for (size_t j = 0; j < 7 && start + j < len; ++j) {
        value |= static_cast<uint64_t>(bytes[start + j]) << (8 * j);
      }
      packed.push_back(Fp(value));
    }
    EXPECT_EQ(hash_bytes(base::ByteSpan(bytes.data(), len)),
              spec_hash(packed, len, kSpongeTagBytes))
        << len;
  }
}

TEST(SpongeTest, HashBytesSeparatesTrailingZerosAndDomains) {
  std::vector<uint8_t> zeros(64, 0);
  std::set<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>> seen;
  for (size_t len = 0; len <= 64; ++len) {
    EXPECT_TRUE(seen.insert(key(hash_bytes(base::ByteSpan(zeros.data(), len)))).second) << len;
  }
  // The byte tag keeps hash_bytes apart from hash_elements on the packed elements, even when the
  // byte length equals the element count.
  const uint8_t one_byte[1] = {5};
  Fp packed[1] = {Fp(5)};
  EXPECT_NE(hash_bytes(base::ByteSpan(one_byte, 1)), hash_elements(packed, 1));
}

}  // namespace
}  // namespace zkbatch::hash
