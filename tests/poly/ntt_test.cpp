// SPDX-License-Identifier: Apache-2.0
// Batched NTTs against the O(n^2) definition, round trips, row orders and thread counts.
#include <gtest/gtest.h>
#include <omp.h>

#include "poly/ntt.hpp"
#include "poly_test_util.hpp"

namespace zkbatch::poly {
namespace {

using field::Fp;
using testing::random_matrix;
using testing::reference_reverse;
using testing::reference_root;

/// The DFT by its definition: X_j = sum_i x_i w^(ij), one column at a time.
RowMajorMatrix naive_dft(const RowMajorMatrix& m, bool inverse) {
  const size_t n = m.height();
  unsigned log_n = 0;
  while ((size_t{1} << log_n) < n)
    ++log_n;
  Fp w = reference_root(log_n);
  if (inverse) w = w.inverse();
  const Fp n_inv = Fp(n).inverse();
  RowMajorMatrix out(m.width(), n);
  for (size_t j = 0; j < n; ++j) {
    const Fp wj = w.pow(j);
    for (size_t c = 0; c < m.width(); ++c) {
      Fp sum = Fp::zero(), power = Fp::one();
      for (size_t i = 0; i < n; ++i) {
        sum += m.at(i, c) * power;
        power *= wj;
      }
      out.at(j, c) = inverse ? sum * n_inv : sum;
    }
  }
  return out;
}

RowMajorMatrix reversed_rows(const RowMajorMatrix& m, unsigned log_n) {
  RowMajorMatrix out(m.width(), m.height());
  for (size_t r = 0; r < m.height(); ++r) {
    for (size_t c = 0; c < m.width(); ++c)
      out.at(reference_reverse(r, log_n), c) = m.at(r, c);
  }
  return out;
}

TEST(NttTest, MatchesNaiveDftForSizesUpTo1024) {
  std::mt19937_64 rng(testing::kSeed);
  for (unsigned log_n = 0; log_n <= 10; ++log_n) {
    const RowMajorMatrix x = random_matrix(rng, 3, size_t{1} << log_n);
    RowMajorMatrix forward = x;
    ntt(forward);
    EXPECT_EQ(forward, naive_dft(x, false)) << "log_n = " << log_n;
    RowMajorMatrix inverse = x;
    intt(inverse);
    EXPECT_EQ(inverse, naive_dft(x, true)) << "log_n = " << log_n;
  }
}

// Values at the edges of the reduction (0, 1, p - 1, 2^32 +- 1, ...) in every column position,
// so the vector and scalar butterflies meet every carry and borrow case.
TEST(NttTest, EdgeValuesMatchNaiveDft) {
  const uint64_t p = field::kModulus;
  const uint64_t edges[] = {0,
                            1,
                            2,
                            p - 1,
                            p - 2,
                            1ull << 32,
                            (1ull << 32) - 1,
                            (1ull << 32) + 1,
                            1ull << 63,
                            p - (1ull << 32),
                            0xFFFFFFFFull << 16,
                            0x8000000080000000ull};
  const size_t n_edges = sizeof(edges) / sizeof(edges[0]);
  for (size_t width : {size_t{1}, size_t{16}}) {
    RowMajorMatrix x(width, 64);
    for (size_t i = 0; i < x.values().size(); ++i)
      x.values()[i] = Fp(edges[(i * 7 + i / 13) % n_edges]);
    for (bool inverse : {false, true}) {
      RowMajorMatrix y = x;
      if (inverse) {
        intt(y);
      } else {
        ntt(y);
      }
      EXPECT_EQ(y, naive_dft(x, inverse)) << "width " << width;
      y = x;
      if (inverse) {
        intt(y, RowOrder::natural, RowOrder::bit_reversed);
      } else {
        ntt(y, RowOrder::natural, RowOrder::bit_reversed);
      }
      EXPECT_EQ(y, reversed_rows(naive_dft(x, inverse), 6)) << "width " << width;
    }
  }
}

// Known answers from the definition: the transform of the unit vector e_0 is all ones, and of a
// constant c is (n c, 0, ..., 0) (sum over j of w^(ij) vanishes for i != 0).
TEST(NttTest, UnitVectorAndConstant) {
  const size_t n = 256;
  RowMajorMatrix m(2, n);
  m.at(0, 0) = Fp::one();
  for (size_t r = 0; r < n; ++r)
    m.at(r, 1) = Fp(5);
  ntt(m);
  for (size_t r = 0; r < n; ++r) {
    EXPECT_EQ(m.at(r, 0), Fp::one());
    EXPECT_EQ(m.at(r, 1), r == 0 ? Fp(5 * n) : Fp::zero());
  }
}

const RowOrder kOrders[] = {RowOrder::natural, RowOrder::bit_reversed};

TEST(NttTest, RoundTripsInEveryOrder) {
  std::mt19937_64 rng(testing::kSeed + 1);
  // Widths 1 and 8/17 take the vector paths where the target has AVX-512, 7 the scalar one.
  for (unsigned log_n : {1u, 5u, 12u}) {
    for (size_t width : {size_t{1}, size_t{7}, size_t{17}}) {
      const RowMajorMatrix x = random_matrix(rng, width, size_t{1} << log_n);
      for (RowOrder a : kOrders) {
        for (RowOrder b : kOrders) {
          RowMajorMatrix y = x;
          ntt(y, a, b);
          intt(y, b, a);
          EXPECT_EQ(y, x) << "log_n = " << log_n;
          intt(y, a, b);
          ntt(y, b, a);
          EXPECT_EQ(y, x) << "log_n = " << log_n;
        }
      }
    }
  }
}

// Each order variant is the natural transform with its input and/or output rows permuted.
TEST(NttTest, BitReversedVariantsArePermutationsOfNatural) {
  std::mt19937_64 rng(testing::kSeed + 2);
  for (unsigned log_n : {0u, 3u, 9u, 13u}) {
    for (size_t width : {size_t{1}, size_t{5}, size_t{16}}) {
      const RowMajorMatrix x = random_matrix(rng, width, size_t{1} << log_n);
      RowMajorMatrix natural = x;
      ntt(natural);
      const RowMajorMatrix natural_rev = reversed_rows(natural, log_n);
      const RowMajorMatrix x_rev = reversed_rows(x, log_n);

      RowMajorMatrix y = x;
      ntt(y, RowOrder::natural, RowOrder::bit_reversed);
      EXPECT_EQ(y, natural_rev);
      y = x_rev;
      ntt(y, RowOrder::bit_reversed, RowOrder::natural);
      EXPECT_EQ(y, natural);
      y = x_rev;
      ntt(y, RowOrder::bit_reversed, RowOrder::bit_reversed);
      EXPECT_EQ(y, natural_rev);

      y = x;
      bit_reverse_rows(y);
      EXPECT_EQ(y, x_rev);
    }
  }
}

// Sizes too large for the O(n^2) check, with widths that exercise both the cache-blocked and the
// whole-matrix stages: sampled rows must equal the column polynomial evaluated at w^j.
TEST(NttTest, LargeTransformsAgreeWithPolynomialEvaluation) {
  std::mt19937_64 rng(testing::kSeed + 3);
  struct Shape {
    unsigned log_n;
    size_t width;
  };
  for (Shape shape : {Shape{16, 1}, Shape{14, 16}, Shape{12, 130}}) {
    const RowMajorMatrix x = random_matrix(rng, shape.width, size_t{1} << shape.log_n);
    RowMajorMatrix y = x;
    ntt(y);
    const Fp w = reference_root(shape.log_n);
    for (int sample = 0; sample < 6; ++sample) {
      const size_t j = rng() % x.height();
      const size_t c = rng() % x.width();
      EXPECT_EQ(y.at(j, c), testing::reference_eval(x.column(c), w.pow(j)))
          << "log_n = " << shape.log_n << " row " << j << " column " << c;
    }
  }
}

// Field arithmetic is exact, so the thread count must not change a single element.
TEST(NttTest, SameResultWithOneThreadAndMany) {
  std::mt19937_64 rng(testing::kSeed + 4);
  const RowMajorMatrix x = random_matrix(rng, 8, size_t{1} << 15);
  const int saved = omp_get_max_threads();
  for (RowOrder a : kOrders) {
    for (RowOrder b : kOrders) {
      omp_set_num_threads(1);
      RowMajorMatrix serial = x;
      ntt(serial, a, b);
      omp_set_num_threads(4);
      RowMajorMatrix parallel = x;
      ntt(parallel, a, b);
      EXPECT_EQ(serial, parallel);
    }
  }
  omp_set_num_threads(saved);
}

TEST(NttTest, CosetTransformsEvaluateOnTheCoset) {
  std::mt19937_64 rng(testing::kSeed + 5);
  const unsigned log_n = 6;
  for (size_t width : {size_t{1}, size_t{4}, size_t{8}}) {
    const RowMajorMatrix coeffs = random_matrix(rng, width, size_t{1} << log_n);
    const Fp shift(7);
    const Fp w = reference_root(log_n);
    for (RowOrder order : kOrders) {
      RowMajorMatrix evals = coeffs;
      coset_ntt(evals, shift, order);
      for (size_t r = 0; r < evals.height(); ++r) {
        const size_t j = order == RowOrder::natural ? r : reference_reverse(r, log_n);
        for (size_t c = 0; c < evals.width(); ++c) {
          ASSERT_EQ(evals.at(r, c), testing::reference_eval(coeffs.column(c), shift * w.pow(j)));
        }
      }
      coset_intt(evals, shift, order);
      EXPECT_EQ(evals, coeffs);
    }
  }
}

TEST(NttTest, RejectsHeightsThatAreNotPowersOfTwo) {
  RowMajorMatrix m(2, 12);
  EXPECT_THROW(ntt(m), std::invalid_argument);
  EXPECT_THROW(intt(m), std::invalid_argument);
  EXPECT_THROW(bit_reverse_rows(m), std::invalid_argument);
  RowMajorMatrix empty(3, 0);
  EXPECT_THROW(ntt(empty), std::invalid_argument);
  RowMajorMatrix ok(4, 16);
  EXPECT_THROW(coset_intt(ok, Fp::zero()), std::invalid_argument);
}

}  // namespace
}  // namespace zkbatch::poly
