// SPDX-License-Identifier: Apache-2.0
// Merkle node compression: the first 4 elements of Perm(left || right || 0, 0, 0, 0)
// (DESIGN.md §3).
#include "hash/compress.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "hash/poseidon2.hpp"
#include "hash/sponge.hpp"
#include "hash_test_util.hpp"

namespace zkbatch::hash {
namespace {

using field::Fp;

Digest random_digest(std::mt19937_64& rng) {
  Digest d;
  for (Fp& e : d.v) {
    e = Fp(rng());
  }
  return d;
}

TEST(CompressTest, IsTheTruncatedPermutationWithZeroCapacity) {
  std::mt19937_64 rng(0x5eed0201);
  for (int trial = 0; trial < 20; ++trial) {
    Digest left = random_digest(rng), right = random_digest(rng);
    Fp state[12] = {};
    for (size_t i = 0; i < 4; ++i) {
      state[i] = left.v[i];
      state[4 + i] = right.v[i];
    }
    Poseidon2::permute(state);
    EXPECT_EQ(compress(left, right), (Digest{{state[0], state[1], state[2], state[3]}}));
  }
}

TEST(CompressTest, IsDeterministicAndOrderSensitive) {
  std::mt19937_64 rng(0x5eed0202);
  Digest a = random_digest(rng), b = random_digest(rng);
  EXPECT_EQ(compress(a, b), compress(a, b));
  EXPECT_NE(compress(a, b), compress(b, a));
  Digest a2 = a;
  a2.v[3] += Fp::one();
  EXPECT_NE(compress(a2, b), compress(a, b));
}

TEST(CompressTest, DiffersFromTheLeafSpongeOnTheSameElements) {
  std::mt19937_64 rng(0x5eed0203);
  Digest a = random_digest(rng), b = random_digest(rng);
  Fp row[8];
  for (size_t i = 0; i < 4; ++i) {
    row[i] = a.v[i];
    row[4 + i] = b.v[i];
  }
  EXPECT_NE(compress(a, b), hash_elements(row, 8));
}

TEST(DigestTest, EqualityIsElementWise) {
  Digest a{{Fp(1), Fp(2), Fp(3), Fp(4)}};
  Digest b = a;
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a != b);
  for (size_t i = 0; i < 4; ++i) {
    Digest c = a;
    c.v[i] = Fp(9);
    EXPECT_TRUE(a != c) << i;
    EXPECT_FALSE(a == c) << i;
  }
}

}  // namespace
}  // namespace zkbatch::hash
