// SPDX-License-Identifier: Apache-2.0
// Montgomery batch inversion against one inversion per element, zeros included.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "field/batch_inverse.hpp"
#include "field/field_test_support.hpp"

namespace zkbatch::field {
namespace {

using testing::kSeed;

template <class F>
void expect_matches_single_inverses(const std::vector<F>& in) {
  std::vector<F> out(in.size(), F::one());
  batch_inverse(in.data(), out.data(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(out[i], in[i].inverse()) << "i=" << i << " n=" << in.size();
    if (!in[i].is_zero()) {
      EXPECT_EQ(out[i] * in[i], F::one());
    }
  }
}

TEST(BatchInverseTest, EmptyInputWritesNothing) {
  Fp sentinel(42);
  batch_inverse(static_cast<const Fp*>(nullptr), &sentinel, 0);
  EXPECT_EQ(sentinel, Fp(42));
  batch_inverse(static_cast<const Fp3*>(nullptr), static_cast<Fp3*>(nullptr), 0);
}

TEST(BatchInverseTest, SingleElements) {
  expect_matches_single_inverses<Fp>({Fp(5)});
  expect_matches_single_inverses<Fp>({Fp::zero()});
  expect_matches_single_inverses<Fp>({-Fp::one()});
  expect_matches_single_inverses<Fp3>({Fp3(Fp(1), Fp(2), Fp(3))});
  expect_matches_single_inverses<Fp3>({Fp3::zero()});
}

TEST(BatchInverseTest, RandomWithZerosAndEdges) {
  SCOPED_TRACE(kSeed);
  std::mt19937_64 rng(kSeed + 5);
  // 16 and up take the interleaved path; 16..19 cover every length of its partial last block.
  for (size_t n : {2u, 3u, 15u, 16u, 17u, 18u, 19u, 256u, 1001u}) {
    std::vector<Fp> in;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t kind = rng() % 8;
      in.push_back(kind == 0 ? Fp::zero() : testing::random_fp(rng));
    }
    const std::vector<Fp> edges = testing::edge_elements();
    for (size_t i = 0; i < edges.size() && i < n; ++i)
      in[(i * 7) % n] = edges[i];
    expect_matches_single_inverses(in);

    std::vector<Fp3> in3;
    for (size_t i = 0; i < n; ++i) {
      in3.push_back(rng() % 8 == 0 ? Fp3::zero() : testing::random_fp3(rng));
    }
    expect_matches_single_inverses(in3);
  }
}

TEST(BatchInverseTest, AllZeros) {
  expect_matches_single_inverses<Fp>(std::vector<Fp>(9, Fp::zero()));
  expect_matches_single_inverses<Fp3>(std::vector<Fp3>(4, Fp3::zero()));
}

}  // namespace
}  // namespace zkbatch::field
