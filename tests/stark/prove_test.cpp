// SPDX-License-Identifier: Apache-2.0
// Completeness: the example machines prove and verify at several sizes and shapes, through the
// single-proof wrapper and the two phases; a global bus split across two proofs cancels.
#include <gtest/gtest.h>

#include "stark/global.hpp"
#include "stark/prover.hpp"
#include "stark/verifier.hpp"
#include "stark_test_support.hpp"
#include "test_airs.hpp"

namespace zkbatch::stark {
namespace {

using field::Fp;
using field::Fp3;

::testing::Environment* const kEnv =
    ::testing::AddGlobalTestEnvironment(new testing::TestParamsEnvironment);

TEST(ProveTest, FibonacciSeveralSizes) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  for (unsigned log_n : {1u, 3u, 5u, 8u, 11u}) {
    std::vector<Fp> pv;
    auto trace = testing::fibonacci_trace(log_n, 2, 3, &pv);
    const Proof proof = prove(pk, {trace}, pv);
    EXPECT_EQ(verify(pk.vk, proof), VerifyError::ok) << "2^" << log_n << " rows";
    EXPECT_EQ(proof.log_heights, std::vector<uint8_t>{static_cast<uint8_t>(log_n)});
  }
}

TEST(ProveTest, FibonacciTallTrace) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<Fp> pv;
  auto trace = testing::fibonacci_trace(16, 0, 1, &pv);
  EXPECT_EQ(verify(pk.vk, prove(pk, {trace}, pv)), VerifyError::ok);
}

TEST(ProveTest, FibonacciWithDefaultPreset) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::default_100());
  std::vector<Fp> pv;
  auto trace = testing::fibonacci_trace(6, 1, 1, &pv);
  const Proof proof = prove(pk, {trace}, pv);
  EXPECT_EQ(verify(pk.vk, proof), VerifyError::ok);
  EXPECT_EQ(proof.queries.size(), 57u);
}

TEST(ProveTest, LookupMachineTablesOfDifferentHeights) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  // mul taller than bytes, mul shorter than bytes, products of several heights.
  for (auto [log_mul, log_products, count] :
       {std::tuple{9u, 3u, 8u}, std::tuple{3u, 3u, 8u}, std::tuple{5u, 6u, 30u}}) {
    const Proof proof = prove(pk, testing::lookup_traces(log_mul, log_products, count), {});
    EXPECT_EQ(verify(pk.vk, proof), VerifyError::ok) << log_mul << " " << log_products;
    ASSERT_TRUE(proof.logup_root.has_value());
    EXPECT_EQ(proof.local_sums[0] + proof.local_sums[1] + proof.local_sums[2], Fp3::zero());
    EXPECT_NE(proof.local_sums[0], Fp3::zero());
  }
}

TEST(ProveTest, HigherFoldingArity) {
  // Arity 8: rounds shrink to land on every table's LDE height (2^10, 2^9, 2^6).
  StarkParams params = presets::test();
  params.fri.log_folding_arity = 3;
  const ProvingKey pk = keygen(testing::lookup_machine(), params);
  const Proof proof = prove(pk, testing::lookup_traces(9, 5, 20), {});
  EXPECT_EQ(verify(pk.vk, proof), VerifyError::ok);
  EXPECT_EQ(proof.fri.queries[0].layers[0].siblings.size(), 1u);  // 2^10 -> 2^9: arity 2
  EXPECT_EQ(proof.fri.queries[0].layers[1].siblings.size(), 7u);  // 2^9 -> 2^6: arity 8
}

TEST(ProveTest, TwoPhasesMatchTheSingleProofWrapper) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  const Proof single = prove(pk, testing::lookup_traces(5, 4, 10), {});
  ProverPhase1 p1 = prove_phase1(pk, testing::lookup_traces(5, 4, 10), {});
  EXPECT_EQ(p1.main_root(), single.main_root);
  const hash::Digest commitment = p1.commitment();
  EXPECT_EQ(commitment, phase1_commitment(pk.vk, single));
  const Proof two_phase = prove_phase2(std::move(p1), derive_global_seed({&commitment, 1}));
  EXPECT_EQ(two_phase, single);
}

TEST(ProveTest, GlobalBusAcrossTwoProofsCancels) {
  const ProvingKey pk = keygen(testing::transfer_machine(), presets::test());
  ProverPhase1 sender = prove_phase1(pk, {testing::transfer_trace(4, true)}, {});
  ProverPhase1 receiver = prove_phase1(pk, {testing::transfer_trace(4, false)}, {});
  const std::vector<hash::Digest> commitments{sender.commitment(), receiver.commitment()};
  const hash::Digest seed = derive_global_seed(commitments);
  const std::vector<Proof> proofs{prove_phase2(std::move(sender), seed),
                                  prove_phase2(std::move(receiver), seed)};
  EXPECT_NE(proofs[0].global_sum, Fp3::zero());
  EXPECT_EQ(proofs[0].global_sum + proofs[1].global_sum, Fp3::zero());
  EXPECT_EQ(verify_with_seed(pk.vk, proofs[0], seed), VerifyError::ok);
  EXPECT_EQ(verify_with_seed(pk.vk, proofs[1], seed), VerifyError::ok);
  EXPECT_EQ(verify_batch(pk.vk, proofs), VerifyError::ok);
  // Either proof alone, or in the wrong order, does not verify as a batch.
  EXPECT_NE(verify_batch(pk.vk, {proofs.data(), 1}), VerifyError::ok);
  const std::vector<Proof> swapped{proofs[1], proofs[0]};
  EXPECT_NE(verify_batch(pk.vk, swapped), VerifyError::ok);
  EXPECT_EQ(verify_batch(pk.vk, {}), VerifyError::wrong_proof_count);
}

TEST(ProveTest, GlobalSumsThatDoNotCancelAreRejected) {
  const ProvingKey pk = keygen(testing::transfer_machine(), presets::test());
  poly::RowMajorMatrix short_receiver = testing::transfer_trace(4, false);
  short_receiver.at(5, 2) = Fp::zero();  // one value never received
  ProverPhase1 a = prove_phase1(pk, {testing::transfer_trace(4, true)}, {});
  ProverPhase1 b = prove_phase1(pk, {short_receiver}, {});
  const std::vector<hash::Digest> commitments{a.commitment(), b.commitment()};
  const hash::Digest seed = derive_global_seed(commitments);
  const std::vector<Proof> proofs{prove_phase2(std::move(a), seed),
                                  prove_phase2(std::move(b), seed)};
  EXPECT_EQ(verify_with_seed(pk.vk, proofs[0], seed), VerifyError::ok);
  EXPECT_EQ(verify_with_seed(pk.vk, proofs[1], seed), VerifyError::ok);
  EXPECT_EQ(verify_batch(pk.vk, proofs), VerifyError::global_sums_nonzero);
  EXPECT_EQ(check_global_sums(std::vector<Fp3>{proofs[0].global_sum, proofs[1].global_sum}),
            VerifyError::global_sums_nonzero);
}

TEST(ProveTest, TestParamsRefusedOutsideTests) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<Fp> pv;
  auto trace = testing::fibonacci_trace(3, 1, 1, &pv);
  const Proof proof = prove(pk, {trace}, pv);
  allow_test_params(false);
  EXPECT_THROW(prove(pk, {trace}, pv), ProveError);
  EXPECT_EQ(verify(pk.vk, proof), VerifyError::test_params_refused);
  allow_test_params(true);
  EXPECT_EQ(verify(pk.vk, proof), VerifyError::ok);
}

TEST(ProveTest, ProverRefusesBadTracesAndInputs) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<Fp> pv;
  auto trace = testing::fibonacci_trace(3, 1, 1, &pv);
  trace.at(2, 0) += Fp::one();
  try {
    (void)prove(pk, {trace}, pv);
    FAIL() << "bad trace proven";
  } catch (const ProveError& e) {
    EXPECT_EQ(std::string(e.what()),
              "prove: table 'fibonacci' row 1 fails constraint 2 ('a' = b')");
  }
  EXPECT_THROW(prove(pk, {}, pv), ProveError);
  EXPECT_THROW(prove(pk, {trace}, {}), ProveError);
  EXPECT_THROW(prove(pk, {poly::RowMajorMatrix(2, 6)}, pv), ProveError);
  const ProvingKey lookup = keygen(testing::lookup_machine(), presets::test());
  auto traces = testing::lookup_traces(5, 4, 12);
  traces[2] = poly::RowMajorMatrix(1, 128);  // bytes table must have its preprocessed height
  EXPECT_THROW(prove(lookup, traces, {}), ProveError);
  traces = testing::lookup_traces(5, 4, 12);
  traces[1].at(0, 3) = Fp(2);  // a product received twice: the local bus does not balance
  EXPECT_THROW(prove(lookup, traces, {}), ProveError);
}

}  // namespace
}  // namespace zkbatch::stark
