// SPDX-License-Identifier: Apache-2.0
// Security bits of the presets (docs/security.md), and single rounds recomputed by hand from the
// soundcalc formulas.
#include <gtest/gtest.h>

#include <cmath>

#include "stark/security.hpp"

namespace zkbatch::stark {
namespace {

int round_bits(const RegimeReport& r, const std::string& name) {
  for (const auto& [round, bits] : r.rounds) {
    if (round == name) return bits;
  }
  return -1;
}

TEST(SecurityTest, PresetsReachTheirTargets) {
  for (unsigned log_n : {16u, 20u, 22u, 24u}) {
    InstanceSize in;
    in.log_trace_height = log_n;
    EXPECT_GE(estimate_security(presets::default_100(), in).provable_bits, 100) << log_n;
    EXPECT_GE(estimate_security(presets::secure_128(), in).provable_bits, 128) << log_n;
    EXPECT_LT(estimate_security(presets::test(), in).provable_bits, 30) << log_n;
  }
  EXPECT_TRUE(presets::test().test_only);
  EXPECT_FALSE(presets::default_100().test_only);
  EXPECT_FALSE(presets::secure_128().test_only);
}

TEST(SecurityTest, UniqueDecodingRoundsByHand) {
  const SecurityReport r = estimate_security(presets::default_100());
  const RegimeReport& u = r.unique_decoding;
  // rho = 1/8: delta = 7/16, each query passes with probability 9/16; 57 queries + 16 bits.
  EXPECT_DOUBLE_EQ(u.proximity, 7.0 / 16);
  EXPECT_EQ(round_bits(u, "fri queries"),
            static_cast<int>(std::floor(-57 * std::log2(9.0 / 16) + 16)));
  // Batching: (B - 1) * D / |F| with D = 2^25, B = 2048, |F| = p^3.
  const double log_f = 3 * std::log2(18446744069414584321.0);
  EXPECT_EQ(round_bits(u, "fri batching"),
            static_cast<int>(std::floor(-(std::log2(2047.0) + 25 - log_f))));
  EXPECT_EQ(round_bits(u, "hash collisions"), 128);
  EXPECT_EQ(u.total, round_bits(u, "fri queries"));
  // The Johnson-bound regime is the better one for these parameters.
  EXPECT_GT(r.johnson_bound.total, u.total);
  EXPECT_EQ(r.provable_bits, r.johnson_bound.total);
}

TEST(SecurityTest, MoreQueriesOrGrindingNeverHurt) {
  StarkParams p = presets::default_100();
  const int base = estimate_security(p).provable_bits;
  p.fri.num_queries += 10;
  EXPECT_GE(estimate_security(p).provable_bits, base);
  p.fri.query_pow_bits += 4;
  EXPECT_GE(estimate_security(p).provable_bits, base);
}

}  // namespace
}  // namespace zkbatch::stark
