// SPDX-License-Identifier: Apache-2.0
// RowMajorMatrix layout and helpers.
#include <gtest/gtest.h>

#include "poly/matrix.hpp"
#include "poly_test_util.hpp"

namespace zkbatch::poly {
namespace {

using field::Fp;

TEST(MatrixTest, RowMajorLayout) {
  const RowMajorMatrix m(3, {Fp(1), Fp(2), Fp(3), Fp(4), Fp(5), Fp(6)});
  EXPECT_EQ(m.width(), 3u);
  EXPECT_EQ(m.height(), 2u);
  EXPECT_EQ(m.at(1, 0), Fp(4));
  EXPECT_EQ(m.row(1)[2], Fp(6));
  EXPECT_EQ(m.column(1), (std::vector<Fp>{Fp(2), Fp(5)}));
  EXPECT_EQ(RowMajorMatrix::from_columns({{Fp(1), Fp(4)}, {Fp(2), Fp(5)}, {Fp(3), Fp(6)}}), m);
  EXPECT_EQ(m.ref().data, m.values().data());
}

TEST(MatrixTest, TransposeSwapsRowsAndColumns) {
  std::mt19937_64 rng(testing::kSeed + 40);
  const RowMajorMatrix m = testing::random_matrix(rng, 37, 70);
  const RowMajorMatrix t = m.transpose();
  ASSERT_EQ(t.width(), 70u);
  ASSERT_EQ(t.height(), 37u);
  for (size_t r = 0; r < m.height(); ++r) {
    for (size_t c = 0; c < m.width(); ++c)
      ASSERT_EQ(t.at(c, r), m.at(r, c));
  }
  EXPECT_EQ(t.transpose(), m);
}

TEST(MatrixTest, RejectsInconsistentShapes) {
  EXPECT_THROW(RowMajorMatrix(3, std::vector<Fp>(7)), std::invalid_argument);
  EXPECT_THROW(RowMajorMatrix(0, std::vector<Fp>(1)), std::invalid_argument);
  EXPECT_THROW(RowMajorMatrix::from_columns({{Fp(1)}, {}}), std::invalid_argument);
  RowMajorMatrix m(2, 4);
  const std::vector<Fp> values = m.release_values();
  EXPECT_EQ(values.size(), 8u);
  EXPECT_EQ(m.height(), 0u);
}

}  // namespace
}  // namespace zkbatch::poly
