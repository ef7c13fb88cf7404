// SPDX-License-Identifier: Apache-2.0
// Evaluation domains: elements, vanishing polynomial and the Lagrange selectors.
#include <gtest/gtest.h>

#include "field/roots.hpp"
#include "poly/domain.hpp"
#include "poly/matrix.hpp"
#include "poly_test_util.hpp"

namespace zkbatch::poly {
namespace {

using field::Fp;
using field::Fp3;
using testing::random_fp3;
using testing::reference_reverse;

TEST(DomainTest, ElementsAreShiftedPowersOfAPrimitiveRoot) {
  const TwoAdicCoset d{5, Fp(7)};
  EXPECT_EQ(d.size(), 32u);
  EXPECT_EQ(d.generator(), testing::reference_root(5));
  EXPECT_EQ(d.generator().pow(32), Fp::one());
  EXPECT_NE(d.generator().pow(16), Fp::one());
  const std::vector<Fp> natural = d.elements();
  const std::vector<Fp> reversed = d.elements(RowOrder::bit_reversed);
  for (size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(natural[i], Fp(7) * d.generator().pow(i));
    EXPECT_EQ(d.element(i), natural[i]);
    EXPECT_EQ(reversed[i], natural[reference_reverse(i, 5)]);
    EXPECT_EQ(d.vanishing(natural[i]), Fp::zero());
  }
  EXPECT_EQ(d.element(32), d.element(0));
  EXPECT_NE(d.vanishing(Fp(3)), Fp::zero());
  EXPECT_EQ(d.vanishing(Fp(3)), Fp(3).pow(32) - Fp(7).pow(32));
}

/// L_i(x) = prod_{j != i} (x - x_j) / (x_i - x_j), straight from the definition.
Fp3 lagrange(const std::vector<Fp>& points, size_t i, const Fp3& x) {
  Fp3 num = Fp3::one();
  Fp den = Fp::one();
  for (size_t j = 0; j < points.size(); ++j) {
    if (j == i) continue;
    num *= x - points[j];
    den *= points[i] - points[j];
  }
  return num * den.inverse();
}

TEST(DomainTest, SelectorsAtAPointMatchTheLagrangeDefinition) {
  std::mt19937_64 rng(testing::kSeed + 20);
  for (const TwoAdicCoset& d : {TwoAdicCoset::subgroup(3), TwoAdicCoset{4, Fp(11)}}) {
    const std::vector<Fp> points = d.elements();
    const Fp3 x = random_fp3(rng);
    const LagrangeSelectors<Fp3> s = d.selectors_at(x);
    EXPECT_EQ(s.is_first_row, lagrange(points, 0, x));
    EXPECT_EQ(s.is_last_row, lagrange(points, points.size() - 1, x));
    EXPECT_EQ(s.is_transition, x - points.back());
    Fp3 z = Fp3::one();
    for (const Fp& p : points)
      z *= x - p;
    EXPECT_EQ(s.inv_vanishing * z, Fp3::one());
  }
}

TEST(DomainTest, SelectorsOnAnLdeMatchPointwiseSelectors) {
  const TwoAdicCoset trace = TwoAdicCoset::subgroup(4);
  const TwoAdicCoset lde = trace.extended(2, field::multiplicative_generator());
  for (RowOrder order : {RowOrder::natural, RowOrder::bit_reversed}) {
    const LagrangeSelectors<std::vector<Fp>> s = trace.selectors_on(lde, order);
    ASSERT_EQ(s.is_first_row.size(), lde.size());
    const std::vector<Fp> points = lde.elements(order);
    for (size_t r = 0; r < lde.size(); ++r) {
      const LagrangeSelectors<Fp3> at = trace.selectors_at(Fp3(points[r]));
      EXPECT_EQ(Fp3(s.is_first_row[r]), at.is_first_row) << r;
      EXPECT_EQ(Fp3(s.is_last_row[r]), at.is_last_row) << r;
      EXPECT_EQ(Fp3(s.is_transition[r]), at.is_transition) << r;
      EXPECT_EQ(Fp3(s.inv_vanishing[r]), at.inv_vanishing) << r;
    }
  }
}

TEST(DomainTest, SelectorsOnRejectsOverlappingOrSmallerDomains) {
  const TwoAdicCoset trace = TwoAdicCoset::subgroup(4);
  EXPECT_THROW((void)trace.selectors_on(TwoAdicCoset::subgroup(6)), std::invalid_argument);
  EXPECT_THROW((void)trace.selectors_on(TwoAdicCoset{3, Fp(7)}), std::invalid_argument);
}

}  // namespace
}  // namespace zkbatch::poly
