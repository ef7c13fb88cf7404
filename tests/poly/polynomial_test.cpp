// SPDX-License-Identifier: Apache-2.0
// Horner evaluation and barycentric evaluation from values on a domain.
#include <gtest/gtest.h>

#include "poly/polynomial.hpp"
#include "poly_test_util.hpp"

namespace zkbatch::poly {
namespace {

using field::Fp;
using field::Fp3;
using testing::random_fp3;
using testing::random_matrix;
using testing::reference_eval;

TEST(PolynomialTest, HornerKnownAnswers) {
  // 1 + 2x + 3x^2 at x = 5 is 1 + 10 + 75 = 86.
  const std::vector<Fp> p = {Fp(1), Fp(2), Fp(3)};
  EXPECT_EQ(evaluate_coefficients(p, Fp(5)), Fp(86));
  EXPECT_EQ(evaluate_coefficients(p, Fp3(Fp(5))), Fp3(Fp(86)));
  // At X (the extension generator, X^3 = X + 1): 1 + 2X + 3X^2.
  EXPECT_EQ(evaluate_coefficients(p, Fp3(Fp(0), Fp(1), Fp(0))), Fp3(Fp(1), Fp(2), Fp(3)));
  EXPECT_EQ(evaluate_coefficients(std::span<const Fp>(), Fp(9)), Fp::zero());
  // (X) + (1) x with extension coefficients at x = X: X + X = 2X.
  const std::vector<Fp3> q = {Fp3(Fp(0), Fp(1), Fp(0)), Fp3::one()};
  EXPECT_EQ(evaluate_coefficients(q, Fp3(Fp(0), Fp(1), Fp(0))), Fp3(Fp(0), Fp(2), Fp(0)));
}

TEST(PolynomialTest, HornerMatchesPowerSum) {
  std::mt19937_64 rng(testing::kSeed + 30);
  const RowMajorMatrix c = random_matrix(rng, 1, 50);
  const std::vector<Fp> coeffs = c.column(0);
  const Fp3 x = random_fp3(rng);
  EXPECT_EQ(evaluate_coefficients(coeffs, x), reference_eval(coeffs, x));
  EXPECT_EQ(evaluate_coefficients(coeffs, x.c[1]), reference_eval(coeffs, x.c[1]));
}

TEST(PolynomialTest, BarycentricMatchesCoefficientEvaluation) {
  std::mt19937_64 rng(testing::kSeed + 31);
  for (const TwoAdicCoset& d : {TwoAdicCoset::subgroup(0), TwoAdicCoset::subgroup(5),
                                TwoAdicCoset{7, Fp(7)}, TwoAdicCoset{10, Fp(3)}}) {
    const RowMajorMatrix coeffs = random_matrix(rng, 6, d.size());
    for (RowOrder order : {RowOrder::natural, RowOrder::bit_reversed}) {
      const std::vector<Fp> points = d.elements(order);
      RowMajorMatrix evals(coeffs.width(), d.size());
      for (size_t c = 0; c < coeffs.width(); ++c) {
        const std::vector<Fp> column = coeffs.column(c);
        for (size_t r = 0; r < d.size(); ++r)
          evals.at(r, c) = evaluate_coefficients(column, points[r]);
      }
      const Fp3 z = random_fp3(rng);
      const std::vector<Fp3> values = evaluate_columns_at(evals, d, z, order);
      ASSERT_EQ(values.size(), coeffs.width());
      for (size_t c = 0; c < coeffs.width(); ++c) {
        EXPECT_EQ(values[c], reference_eval(coeffs.column(c), z)) << "log_n " << d.log_n;
      }
      EXPECT_EQ(evaluate_column_at(evals.column(2), d, z, order), values[2]);
      // A point of the domain returns its row.
      const size_t row = rng() % d.size();
      const std::vector<Fp3> at_row = evaluate_columns_at(evals, d, Fp3(points[row]), order);
      for (size_t c = 0; c < coeffs.width(); ++c)
        EXPECT_EQ(at_row[c], Fp3(evals.at(row, c)));
    }
  }
}

TEST(PolynomialTest, BarycentricRejectsHeightMismatch) {
  const RowMajorMatrix m(2, 8);
  EXPECT_THROW((void)evaluate_columns_at(m, TwoAdicCoset::subgroup(4), Fp3::one()),
               std::invalid_argument);
}

}  // namespace
}  // namespace zkbatch::poly
