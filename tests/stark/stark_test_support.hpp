// SPDX-License-Identifier: Apache-2.0
// Shared setup of the src/stark tests.
#pragma once

#include <gtest/gtest.h>

#include "stark/params.hpp"

namespace zkbatch::stark::testing {

/// Every test here may use the insecure `test` preset.
class TestParamsEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { allow_test_params(true); }
};

/// The test preset with fewer queries: small proofs for byte-level tests.
inline StarkParams tiny_params() {
  StarkParams p = presets::test();
  p.name = "tiny";
  p.fri.num_queries = 2;
  p.fri.query_pow_bits = 4;
  p.fri.log_final_poly_len = 1;
  return p;
}

}  // namespace zkbatch::stark::testing
