// SPDX-License-Identifier: Apache-2.0
// Folding arithmetic and the fold schedule, checked against the definitions: folding f by beta
// must give the codeword of f_even + beta f_odd on the squared domain.
#include <gtest/gtest.h>

#include "fri/detail/codeword.hpp"
#include "fri/fold.hpp"
#include "fri_test_support.hpp"

namespace zkbatch::fri {
namespace {

using field::Fp;
using field::Fp3;
using testing::codeword;
using testing::random_fp3;
using testing::random_poly;

/// f_even + beta f_odd, by coefficients.
std::vector<Fp3> fold_coefficients(const std::vector<Fp3>& f, const Fp3& beta) {
  std::vector<Fp3> g(f.size() / 2);
  for (size_t i = 0; i < g.size(); ++i)
    g[i] = f[2 * i] + beta * f[2 * i + 1];
  return g;
}

TEST(FoldTest, BinaryFoldMatchesEvenOddDecomposition) {
  std::mt19937_64 rng(testing::kSeed);
  const std::vector<Fp3> f = random_poly(rng, 16);
  const Fp3 beta = random_fp3(rng);
  const std::vector<Fp3> folded = fold_codeword(codeword(f, 6), 6, 1, beta);
  EXPECT_EQ(folded, codeword(fold_coefficients(f, beta), 5));
}

TEST(FoldTest, HigherArityIsRepeatedFoldingWithSquaredChallenges) {
  std::mt19937_64 rng(testing::kSeed + 1);
  const std::vector<Fp3> f = random_poly(rng, 32);
  const Fp3 beta = random_fp3(rng);
  // Arity 8: beta, beta^2, beta^4.
  std::vector<Fp3> g = fold_coefficients(f, beta);
  g = fold_coefficients(g, beta * beta);
  g = fold_coefficients(g, beta * beta * beta * beta);
  EXPECT_EQ(fold_codeword(codeword(f, 7), 7, 3, beta), codeword(g, 4));
}

TEST(FoldTest, FoldLeafAgreesWithWholeCodewordFold) {
  std::mt19937_64 rng(testing::kSeed + 2);
  for (unsigned a = 1; a <= 3; ++a) {
    const std::vector<Fp3> values = codeword(random_poly(rng, 8), 6);
    const Fp3 beta = random_fp3(rng);
    const std::vector<Fp3> folded = fold_codeword(values, 6, a, beta);
    const size_t arity = size_t{1} << a;
    for (size_t leaf = 0; leaf < folded.size(); ++leaf) {
      std::span<const Fp3> run(values.data() + leaf * arity, arity);
      ASSERT_EQ(fold_leaf(run, leaf, 6, a, beta), folded[leaf]) << "arity " << arity;
    }
  }
}

TEST(FoldTest, InterpolateInvertsCodeword) {
  std::mt19937_64 rng(testing::kSeed + 3);
  const std::vector<Fp3> f = random_poly(rng, 8);
  EXPECT_EQ(detail::interpolate(codeword(f, 3), 3), f);
  const Fp x(123456789);
  EXPECT_EQ(detail::evaluate(f, x), testing::eval(f, x));
}

TEST(FoldTest, PositionPointIsBitReversedPower) {
  EXPECT_EQ(position_point(1, 4), testing::root(4).pow(8));
  EXPECT_EQ(position_point(6, 4), testing::root(4).pow(6));
  EXPECT_EQ(input_weight(Fp3(Fp(3)), 2), Fp3(Fp(81)));
}

TEST(FoldScheduleTest, ArityShrinksToMeetInputsAndFinalHeight) {
  FriParams p;
  p.log_blowup = 1;
  p.log_final_poly_len = 1;
  p.log_folding_arity = 2;
  const unsigned heights[] = {10, 7, 4};
  FoldSchedule s;
  ASSERT_EQ(make_fold_schedule(p, heights, &s), FriError::ok);
  // 10 -> 8 -> 7 (input 1) -> 5 -> 4 (input 2) -> 2 (final height 1 + 1).
  EXPECT_EQ(s.round_log_arity, (std::vector<unsigned>{2, 1, 2, 1, 2}));
  EXPECT_EQ(s.round_input, (std::vector<int>{-1, 1, -1, 2, -1}));
  EXPECT_EQ(s.log_final_height, 2u);
  EXPECT_EQ(s.log_final_poly_len, 1u);
}

TEST(FoldScheduleTest, FinalLengthClampedToShortestInput) {
  FriParams p;
  p.log_blowup = 2;
  p.log_final_poly_len = 5;
  const unsigned heights[] = {9, 4};
  FoldSchedule s;
  ASSERT_EQ(make_fold_schedule(p, heights, &s), FriError::ok);
  EXPECT_EQ(s.log_final_poly_len, 2u);
  EXPECT_EQ(s.log_final_height, 4u);
  EXPECT_EQ(s.round_log_arity.size(), 5u);
  EXPECT_EQ(s.round_input.back(), 1);
}

TEST(FoldScheduleTest, RejectsBadHeightsAndParameters) {
  FriParams p;
  FoldSchedule s;
  const unsigned increasing[] = {4, 6};
  const unsigned equal[] = {6, 6};
  const unsigned too_small[] = {6, 0};
  const unsigned too_tall[] = {33};
  EXPECT_EQ(make_fold_schedule(p, {}, &s), FriError::bad_input_heights);
  EXPECT_EQ(make_fold_schedule(p, increasing, &s), FriError::bad_input_heights);
  EXPECT_EQ(make_fold_schedule(p, equal, &s), FriError::bad_input_heights);
  EXPECT_EQ(make_fold_schedule(p, too_small, &s), FriError::bad_input_heights);
  EXPECT_EQ(make_fold_schedule(p, too_tall, &s), FriError::bad_input_heights);
  FriParams bad = p;
  bad.log_folding_arity = 0;
  const unsigned ok[] = {6};
  EXPECT_EQ(make_fold_schedule(bad, ok, &s), FriError::bad_parameters);
  bad = p;
  bad.num_queries = 0;
  EXPECT_EQ(validate(bad), FriError::bad_parameters);
  bad = p;
  bad.query_pow_bits = 33;
  EXPECT_EQ(validate(bad), FriError::bad_parameters);
  EXPECT_EQ(validate(p), FriError::ok);
}

}  // namespace
}  // namespace zkbatch::fri
