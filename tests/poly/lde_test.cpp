// SPDX-License-Identifier: Apache-2.0
// Coset LDE: agreement with direct evaluation, degree preservation, orders and thread counts.
#include <gtest/gtest.h>
#include <omp.h>

#include "poly/lde.hpp"
#include "poly/ntt.hpp"
#include "poly_test_util.hpp"

namespace zkbatch::poly {
namespace {

using field::Fp;
using testing::random_matrix;
using testing::reference_eval;
using testing::reference_reverse;
using testing::reference_root;

/// Values of the coefficient columns on the subgroup of order coeffs.height(), by direct
/// evaluation.
RowMajorMatrix evaluate_on_subgroup(const RowMajorMatrix& coeffs, unsigned log_n) {
  RowMajorMatrix evals(coeffs.width(), coeffs.height());
  const Fp w = reference_root(log_n);
  for (size_t c = 0; c < coeffs.width(); ++c) {
    const std::vector<Fp> column = coeffs.column(c);
    for (size_t j = 0; j < coeffs.height(); ++j)
      evals.at(j, c) = reference_eval(column, w.pow(j));
  }
  return evals;
}

const RowOrder kOrders[] = {RowOrder::natural, RowOrder::bit_reversed};

TEST(LdeTest, AgreesWithDirectEvaluationOnTheCoset) {
  std::mt19937_64 rng(testing::kSeed + 10);
  for (unsigned log_n : {0u, 1u, 3u, 6u}) {
    for (unsigned log_blowup : {0u, 1u, 2u, 3u}) {
      // Width 1 and 9 take the vector paths where the target has AVX-512, 3 the scalar one.
      for (size_t width : {size_t{1}, size_t{3}, size_t{9}}) {
        const RowMajorMatrix coeffs = random_matrix(rng, width, size_t{1} << log_n);
        const RowMajorMatrix evals = evaluate_on_subgroup(coeffs, log_n);
        const unsigned log_big = log_n + log_blowup;
        const Fp w = reference_root(log_big);
        const Fp shift(7);
        for (RowOrder order : kOrders) {
          const RowMajorMatrix lde = coset_lde(evals, log_blowup, shift, order);
          ASSERT_EQ(lde.height(), size_t{1} << log_big);
          ASSERT_EQ(lde.width(), coeffs.width());
          for (size_t r = 0; r < lde.height(); ++r) {
            const size_t k = order == RowOrder::natural ? r : reference_reverse(r, log_big);
            for (size_t c = 0; c < lde.width(); ++c) {
              ASSERT_EQ(lde.at(r, c), reference_eval(coeffs.column(c), shift * w.pow(k)))
                  << "log_n " << log_n << " log_blowup " << log_blowup << " row " << r;
            }
          }
        }
      }
    }
  }
}

// Interpolating the LDE back from the coset gives the original coefficients followed by zeros:
// the extension adds no degree.
TEST(LdeTest, InterpolationHasNoHighDegreeCoefficients) {
  std::mt19937_64 rng(testing::kSeed + 11);
  const unsigned log_n = 10, log_blowup = 2;
  const Fp shift(7);
  const RowMajorMatrix coeffs = random_matrix(rng, 9, size_t{1} << log_n);
  RowMajorMatrix evals = coeffs;
  ntt(evals);
  for (RowOrder order : kOrders) {
    RowMajorMatrix lde = coset_lde(evals, log_blowup, shift, order);
    coset_intt(lde, shift, order);
    for (size_t r = 0; r < lde.height(); ++r) {
      for (size_t c = 0; c < lde.width(); ++c) {
        ASSERT_EQ(lde.at(r, c), r < coeffs.height() ? coeffs.at(r, c) : Fp::zero()) << r;
      }
    }
  }
}

// Large enough for the parallel and cache-blocked paths: sampled rows against direct evaluation,
// and the bit-reversed output is exactly the natural output permuted.
TEST(LdeTest, LargeLdeSampledAndOrdersConsistent) {
  std::mt19937_64 rng(testing::kSeed + 12);
  const unsigned log_n = 13, log_blowup = 2, log_big = log_n + log_blowup;
  const Fp shift = field::multiplicative_generator();
  const RowMajorMatrix coeffs = random_matrix(rng, 16, size_t{1} << log_n);
  RowMajorMatrix evals = coeffs;
  ntt(evals);
  const RowMajorMatrix natural = coset_lde(evals, log_blowup);
  const RowMajorMatrix reversed = coset_lde(evals, log_blowup, shift, RowOrder::bit_reversed);
  const Fp w = reference_root(log_big);
  for (int sample = 0; sample < 8; ++sample) {
    const size_t k = rng() % natural.height();
    const size_t c = rng() % natural.width();
    EXPECT_EQ(natural.at(k, c), reference_eval(coeffs.column(c), shift * w.pow(k)));
  }
  for (size_t r = 0; r < natural.height(); ++r) {
    ASSERT_TRUE(std::equal(natural.row(r).begin(), natural.row(r).end(),
                           reversed.row(reference_reverse(r, log_big)).begin()));
  }
}

TEST(LdeTest, SameResultWithOneThreadAndMany) {
  std::mt19937_64 rng(testing::kSeed + 13);
  const RowMajorMatrix evals = random_matrix(rng, 8, size_t{1} << 13);
  const int saved = omp_get_max_threads();
  for (RowOrder order : kOrders) {
    omp_set_num_threads(1);
    const RowMajorMatrix serial = coset_lde(evals, 2, Fp(7), order);
    omp_set_num_threads(4);
    const RowMajorMatrix parallel = coset_lde(evals, 2, Fp(7), order);
    EXPECT_EQ(serial, parallel);
  }
  omp_set_num_threads(saved);
}

TEST(LdeTest, RejectsBadArguments) {
  const RowMajorMatrix bad_height(2, 6);
  EXPECT_THROW((void)coset_lde(bad_height, 1), std::invalid_argument);
  const RowMajorMatrix m(2, 8);
  // A shift inside the extended subgroup would make the coset the subgroup itself.
  EXPECT_THROW((void)coset_lde(m, 1, Fp::one()), std::invalid_argument);
  EXPECT_THROW((void)coset_lde(m, 1, reference_root(4)), std::invalid_argument);
  EXPECT_THROW((void)coset_lde(m, 1, Fp::zero()), std::invalid_argument);
  EXPECT_THROW((void)coset_lde(m, 30), std::invalid_argument);  // 2^33 rows
}

}  // namespace
}  // namespace zkbatch::poly
