// SPDX-License-Identifier: Apache-2.0
// Soundness: traces with one cell changed, proven anyway (with the prover's check turned off),
// are rejected; every part of a valid proof, mutated in turn, is rejected; a proof does not
// verify for another statement or key; an unbalanced local bus is rejected.
#include <gtest/gtest.h>

#include <functional>

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

ProveOptions unchecked() {
  ProveOptions o;
  o.check_constraints = false;
  return o;
}

TEST(SoundnessTest, FibonacciWithOneChangedCellIsRejected) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<Fp> pv;
  const poly::RowMajorMatrix good = testing::fibonacci_trace(5, 1, 2, &pv);
  for (size_t row : {0u, 7u, 31u}) {
    for (size_t col : {0u, 1u}) {
      poly::RowMajorMatrix bad = good;
      bad.at(row, col) += Fp(5);
      const Proof proof = prove(pk, {bad}, pv, unchecked());
      EXPECT_NE(verify(pk.vk, proof), VerifyError::ok) << "row " << row << " col " << col;
    }
  }
}

TEST(SoundnessTest, LookupTablesWithOneChangedCellAreRejected) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  const auto good = testing::lookup_traces(5, 4, 12);
  // mul: z on an active row; products: a received x; bytes: a multiplicity; mul: active flag.
  const std::vector<std::tuple<size_t, size_t, size_t>> cells{
      {0, 3, 2}, {1, 5, 0}, {2, 77, 0}, {0, 4, 3}, {0, 10, 0}};
  for (auto [table, row, col] : cells) {
    auto bad = good;
    bad[table].at(row, col) += Fp::one();
    const Proof proof = prove(pk, bad, {}, unchecked());
    EXPECT_NE(verify(pk.vk, proof), VerifyError::ok)
        << "table " << table << " row " << row << " col " << col;
  }
  // A value outside the byte range, with its product consistent, is caught by the lookup.
  auto bad = good;
  bad[0].at(2, 0) = Fp(300);
  bad[0].at(2, 2) = Fp(300) * bad[0].at(2, 1);
  bad[1].at(2, 0) = Fp(300);
  bad[1].at(2, 2) = bad[0].at(2, 2);
  EXPECT_EQ(verify(pk.vk, prove(pk, bad, {}, unchecked())), VerifyError::local_bus_unbalanced);
}

TEST(SoundnessTest, TransferTableWithOneChangedCellIsRejectedInTheBatch) {
  const ProvingKey pk = keygen(testing::transfer_machine(), presets::test());
  poly::RowMajorMatrix bad = testing::transfer_trace(3, false);
  bad.at(4, 0) += Fp::one();  // receives a value nobody sent
  ProverPhase1 a = prove_phase1(pk, {testing::transfer_trace(3, true)}, {});
  ProverPhase1 b = prove_phase1(pk, {bad}, {}, unchecked());
  const std::vector<hash::Digest> c{a.commitment(), b.commitment()};
  const hash::Digest seed = derive_global_seed(c);
  const std::vector<Proof> proofs{prove_phase2(std::move(a), seed),
                                  prove_phase2(std::move(b), seed)};
  EXPECT_EQ(verify_batch(pk.vk, proofs), VerifyError::global_sums_nonzero);
}

TEST(SoundnessTest, UnbalancedLocalBusIsRejected) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  auto traces = testing::lookup_traces(5, 4, 12);
  traces[1].at(0, 3) = Fp(2);  // the first product received twice
  const Proof proof = prove(pk, traces, {}, unchecked());
  EXPECT_EQ(verify(pk.vk, proof), VerifyError::local_bus_unbalanced);
  // Hiding the imbalance by editing the claimed sums breaks the last-row constraint instead.
  Proof edited = proof;
  edited.local_sums[1] -= proof.local_sums[0] + proof.local_sums[1] + proof.local_sums[2];
  EXPECT_NE(verify(pk.vk, edited), VerifyError::ok);
}

/// Applies `mutate` to a copy of `proof` and expects verification to fail.
void expect_rejected(const VerifyingKey& vk,
                     const Proof& proof,
                     const std::function<void(Proof&)>& mutate,
                     const std::string& what) {
  Proof bad = proof;
  mutate(bad);
  EXPECT_NE(verify(vk, bad), VerifyError::ok) << what;
}

void bump(Fp& v) {
  v += Fp::one();
}
void bump(Fp3& v) {
  v += Fp3(Fp::zero(), Fp::one(), Fp::zero());
}
void bump(hash::Digest& d) {
  d.v[1] += Fp::one();
}

TEST(SoundnessTest, EveryPartOfTheProofIsCovered) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  const Proof proof = prove(pk, testing::lookup_traces(4, 3, 8), {});
  ASSERT_EQ(verify(pk.vk, proof), VerifyError::ok);
  const VerifyingKey& vk = pk.vk;

  expect_rejected(
      vk, proof, [](Proof& p) { bump(p.main_root); }, "main root");
  expect_rejected(
      vk, proof, [](Proof& p) { bump(*p.logup_root); }, "logup root");
  expect_rejected(
      vk, proof, [](Proof& p) { bump(p.quotient_root); }, "quotient root");
  expect_rejected(
      vk, proof, [](Proof& p) { p.log_heights[1] += 1; }, "height");
  for (size_t t = 0; t < 3; ++t) {
    expect_rejected(
        vk, proof, [&](Proof& p) { bump(p.local_sums[t]); }, "local sum");
    expect_rejected(
        vk, proof, [&](Proof& p) { bump(p.global_sums[t]); }, "global sum");
    for (auto field :
         {&OpenedValues::preprocessed_local, &OpenedValues::preprocessed_next,
          &OpenedValues::main_local, &OpenedValues::main_next, &OpenedValues::logup_local,
          &OpenedValues::logup_next, &OpenedValues::quotient}) {
      const size_t n = (proof.opened[t].*field).size();
      for (size_t i = 0; i < n; ++i) {
        expect_rejected(
            vk, proof, [&](Proof& p) { bump((p.opened[t].*field)[i]); },
            "opened value " + std::to_string(t) + "/" + std::to_string(i));
      }
    }
  }
  expect_rejected(
      vk, proof, [](Proof& p) { bump(p.global_sum); }, "global partial sum");
  for (size_t r = 0; r < proof.fri.layer_roots.size(); ++r) {
    expect_rejected(
        vk, proof, [&](Proof& p) { bump(p.fri.layer_roots[r]); }, "FRI root");
  }
  for (size_t i = 0; i < proof.fri.final_poly.size(); ++i) {
    expect_rejected(
        vk, proof, [&](Proof& p) { bump(p.fri.final_poly[i]); }, "final poly");
  }
  expect_rejected(
      vk, proof, [](Proof& p) { p.fri.pow_witness += 1; }, "PoW witness");
  const size_t q = proof.queries.size() - 1;
  for (size_t r = 0; r < proof.fri.queries[q].layers.size(); ++r) {
    expect_rejected(
        vk, proof, [&](Proof& p) { bump(p.fri.queries[q].layers[r].siblings[0]); },
        "FRI layer value");
    expect_rejected(
        vk, proof, [&](Proof& p) { bump(p.fri.queries[q].layers[r].path.siblings.back()); },
        "FRI layer path");
  }
  for (size_t b = 0; b < proof.queries[q].batches.size(); ++b) {
    const commit::Opening& o = proof.queries[q].batches[b];
    for (size_t m = 0; m < o.rows.size(); ++m) {
      expect_rejected(
          vk, proof, [&](Proof& p) { bump(p.queries[q].batches[b].rows[m][0]); }, "opened row");
    }
    for (size_t k = 0; k < o.path.siblings.size(); ++k) {
      expect_rejected(
          vk, proof, [&](Proof& p) { bump(p.queries[q].batches[b].path.siblings[k]); },
          "opening path");
    }
  }
}

TEST(SoundnessTest, PublicValuesAreBound) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<Fp> pv;
  const poly::RowMajorMatrix trace_pv = testing::fibonacci_trace(4, 1, 1, &pv);
  const Proof proof = prove(pk, {trace_pv}, pv);
  ASSERT_EQ(verify(pk.vk, proof), VerifyError::ok);
  for (size_t i = 0; i < pv.size(); ++i) {
    expect_rejected(
        pk.vk, proof, [&](Proof& p) { bump(p.public_values[i]); }, "public value");
  }
  // A true statement about other public values does not transfer either.
  std::vector<Fp> other;
  const poly::RowMajorMatrix trace_other = testing::fibonacci_trace(4, 2, 1, &other);
  const Proof other_proof = prove(pk, {trace_other}, other);
  Proof mixed = proof;
  mixed.public_values = other;
  EXPECT_NE(verify(pk.vk, mixed), VerifyError::ok);
  EXPECT_EQ(verify(pk.vk, other_proof), VerifyError::ok);
}

TEST(SoundnessTest, WrongVerifyingKeyIsRejected) {
  const ProvingKey pk = keygen(testing::fibonacci_machine(), presets::test());
  std::vector<Fp> pv;
  const poly::RowMajorMatrix trace_pv = testing::fibonacci_trace(4, 1, 1, &pv);
  const Proof proof = prove(pk, {trace_pv}, pv);
  // Same machine, other parameters: another digest, another transcript.
  StarkParams params = presets::test();
  params.fri.num_queries += 1;
  EXPECT_NE(verify(keygen(testing::fibonacci_machine(), params).vk, proof), VerifyError::ok);
  params = presets::test();
  params.name = "renamed";
  EXPECT_NE(verify(keygen(testing::fibonacci_machine(), params).vk, proof), VerifyError::ok);
  // Another machine entirely.
  const ProvingKey transfer = keygen(testing::transfer_machine(), presets::test());
  EXPECT_NE(verify(transfer.vk, proof), VerifyError::ok);
  // A tampered key digest.
  VerifyingKey vk = pk.vk;
  vk.digest.v[0] += Fp::one();
  EXPECT_NE(verify(vk, proof), VerifyError::ok);
}

TEST(SoundnessTest, ShapeErrorsAreNamedBeforeArithmetic) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  const Proof proof = prove(pk, testing::lookup_traces(4, 3, 8), {});
  auto check = [&](const std::function<void(Proof&)>& mutate, VerifyError expected) {
    Proof bad = proof;
    mutate(bad);
    EXPECT_EQ(check_shape(pk.vk, bad), expected) << error_message(expected);
    EXPECT_EQ(verify(pk.vk, bad), expected);
  };
  check([](Proof& p) { p.log_heights.pop_back(); }, VerifyError::wrong_table_count);
  check([](Proof& p) { p.log_heights[2] = 7; }, VerifyError::bad_table_height);
  check([](Proof& p) { p.log_heights[0] = 0; }, VerifyError::bad_table_height);
  check([](Proof& p) { p.log_heights[0] = 40; }, VerifyError::bad_table_height);
  check([](Proof& p) { p.public_values.push_back(Fp::one()); },
        VerifyError::wrong_public_value_count);
  check([](Proof& p) { p.logup_root.reset(); }, VerifyError::logup_root_mismatch);
  check([](Proof& p) { p.local_sums.pop_back(); }, VerifyError::wrong_sum_count);
  check([](Proof& p) { p.global_sums[0] = Fp3(Fp::one()); }, VerifyError::unexpected_sum);
  check([](Proof& p) { p.opened.pop_back(); }, VerifyError::wrong_opened_shape);
  check([](Proof& p) { p.opened[0].main_next.pop_back(); }, VerifyError::wrong_opened_shape);
  check([](Proof& p) { p.opened[1].quotient.push_back({}); }, VerifyError::wrong_opened_shape);
  check([](Proof& p) { p.fri.final_poly.pop_back(); }, VerifyError::wrong_fri_shape);
  check([](Proof& p) { p.queries.pop_back(); }, VerifyError::wrong_query_count);
  check([](Proof& p) { p.queries[0].batches.pop_back(); }, VerifyError::wrong_opening_shape);
  check([](Proof& p) { p.queries[1].batches[0].rows[0].push_back({}); },
        VerifyError::wrong_opening_shape);
  check([](Proof& p) { p.queries[1].batches[2].path.siblings.pop_back(); },
        VerifyError::wrong_opening_shape);
}

}  // namespace
}  // namespace zkbatch::stark
