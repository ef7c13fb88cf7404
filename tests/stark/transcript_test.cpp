// SPDX-License-Identifier: Apache-2.0
// Prover and verifier perform the same transcript operations on the same values, in the same
// order (STYLE.md §4 item 4), and the statement is absorbed before the first challenge.
#include <gtest/gtest.h>

#include "stark/global.hpp"
#include "stark/prover.hpp"
#include "stark/verifier.hpp"
#include "stark_test_support.hpp"
#include "test_airs.hpp"

namespace zkbatch::stark {
namespace {

using field::Fp;
using fri::TranscriptEvent;

::testing::Environment* const kEnv =
    ::testing::AddGlobalTestEnvironment(new testing::TestParamsEnvironment);

TEST(TranscriptTest, ProverAndVerifierRecordTheSameOperations) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  std::vector<TranscriptEvent> prover_log, verifier_log;
  ProveOptions options;
  options.transcript_log = &prover_log;
  const Proof proof = prove(pk, testing::lookup_traces(5, 3, 8), {}, options);
  const hash::Digest c = phase1_commitment(pk.vk, proof);
  ASSERT_EQ(verify_with_seed(pk.vk, proof, derive_global_seed({&c, 1}), &verifier_log),
            VerifyError::ok);
  ASSERT_FALSE(prover_log.empty());
  EXPECT_EQ(prover_log.size(), verifier_log.size());
  EXPECT_TRUE(prover_log == verifier_log);
}

TEST(TranscriptTest, StatementComesBeforeTheFirstChallenge) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<TranscriptEvent> log;
  ProveOptions options;
  options.transcript_log = &log;
  std::vector<Fp> pv;
  const poly::RowMajorMatrix trace_pv = testing::fibonacci_trace(3, 1, 1, &pv);
  const Proof proof = prove(pk, {trace_pv}, pv, options);
  // Expected prefix: key digest (4), public count and values (1 + 3), table count and height
  // (1 + 1), main root (4): all observations, then the first sample.
  std::vector<Fp> expected(pk.vk.digest.v, pk.vk.digest.v + 4);
  expected.push_back(Fp(3));
  expected.insert(expected.end(), pv.begin(), pv.end());
  expected.push_back(Fp(1));
  expected.push_back(Fp(3));
  expected.insert(expected.end(), proof.main_root.v, proof.main_root.v + 4);
  ASSERT_GT(log.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(log[i].kind, TranscriptEvent::Kind::observe) << i;
    EXPECT_EQ(log[i].value, expected[i]) << i;
  }
  EXPECT_EQ(log[expected.size()].kind, TranscriptEvent::Kind::sample);
}

}  // namespace
}  // namespace zkbatch::stark
