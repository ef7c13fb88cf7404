// SPDX-License-Identifier: Apache-2.0
// FRI round trips over inputs of several heights, rejection of codewords that are not low degree,
// tampering with every part of a proof, shape errors, and prover/verifier transcript agreement.
#include <gtest/gtest.h>

#include "fri/prover.hpp"
#include "fri/verifier.hpp"
#include "fri_test_support.hpp"

namespace zkbatch::fri {
namespace {

using field::Fp;
using field::Fp3;

FriParams small_params(unsigned log_arity = 1) {
  FriParams p;
  p.log_blowup = 1;
  p.log_final_poly_len = 1;
  p.num_queries = 16;
  p.query_pow_bits = 6;
  p.log_folding_arity = log_arity;
  return p;
}

/// Low-degree codewords (degree < height / 2) of the given log heights.
std::vector<std::vector<Fp3>> low_degree_inputs(std::mt19937_64& rng,
                                                const std::vector<unsigned>& heights,
                                                unsigned log_blowup) {
  std::vector<std::vector<Fp3>> inputs;
  for (unsigned h : heights) {
    inputs.push_back(
        testing::codeword(testing::random_poly(rng, size_t{1} << (h - log_blowup)), h));
  }
  return inputs;
}

struct Proven {
  FriParams params;
  std::vector<unsigned> heights;
  std::vector<std::vector<Fp3>> inputs;
  ProverResult result;
  std::vector<TranscriptEvent> prover_log;
};

Proven prove_inputs(const FriParams& params,
                    const std::vector<unsigned>& heights,
                    std::vector<std::vector<Fp3>> inputs) {
  Proven p{params, heights, inputs, {}, {}};
  Transcript t;
  t.set_log(&p.prover_log);
  t.observe(Fp(42));  // some earlier protocol step
  p.result = prove(params, std::move(inputs), t);
  return p;
}

/// Runs the whole verifier; input values are read from the true inputs, as a caller would after
/// authenticating its openings.
FriError verify_all(const Proven& p,
                    const FriProof& proof,
                    std::vector<TranscriptEvent>* log = nullptr) {
  Transcript t;
  t.set_log(log);
  t.observe(Fp(42));
  VerifierChallenges c;
  const FriError e = begin_verify(p.params, p.heights, proof, t, &c);
  if (e != FriError::ok) return e;
  for (size_t q = 0; q < c.query_indices.size(); ++q) {
    std::vector<Fp3> values;
    for (size_t k = 0; k < p.inputs.size(); ++k) {
      values.push_back(p.inputs[k][c.query_indices[q] >> (p.heights[0] - p.heights[k])]);
    }
    const FriError qe = verify_query(c, proof, q, values);
    if (qe != FriError::ok) return qe;
  }
  return FriError::ok;
}

TEST(FriTest, RoundTripMixedHeights) {
  std::mt19937_64 rng(testing::kSeed);
  for (unsigned a = 1; a <= 3; ++a) {
    const std::vector<unsigned> heights{11, 9, 8, 4};
    const FriParams params = small_params(a);
    Proven p = prove_inputs(params, heights, low_degree_inputs(rng, heights, 1));
    std::vector<TranscriptEvent> verifier_log;
    EXPECT_EQ(verify_all(p, p.result.proof, &verifier_log), FriError::ok) << "arity 2^" << a;
    EXPECT_EQ(verifier_log, p.prover_log);
    EXPECT_EQ(p.result.proof.final_poly.size(), 2u);
  }
}

TEST(FriTest, SingleInputWithoutFolding) {
  std::mt19937_64 rng(testing::kSeed + 1);
  FriParams params = small_params();
  params.log_final_poly_len = 3;
  const std::vector<unsigned> heights{4};
  Proven p = prove_inputs(params, heights, low_degree_inputs(rng, heights, 1));
  EXPECT_TRUE(p.result.proof.layer_roots.empty());
  EXPECT_EQ(verify_all(p, p.result.proof), FriError::ok);
}

TEST(FriTest, RejectsHighDegreeInputs) {
  std::mt19937_64 rng(testing::kSeed + 2);
  const std::vector<unsigned> heights{10, 7};
  // Input 0 of degree < 2^9 claimed below 2^9 is fine; raise input 1 to full degree 2^7.
  std::vector<std::vector<Fp3>> inputs = low_degree_inputs(rng, heights, 1);
  inputs[1] = testing::codeword(testing::random_poly(rng, 128), 7);
  Proven p = prove_inputs(small_params(), heights, inputs);
  EXPECT_NE(verify_all(p, p.result.proof), FriError::ok);
  // A single changed value in a low-degree input is caught as well.
  inputs = low_degree_inputs(rng, heights, 1);
  for (auto& v : inputs[0])
    v += Fp3(Fp(1));  // constant shift keeps the degree: still fine
  Proven shifted = prove_inputs(small_params(), heights, inputs);
  EXPECT_EQ(verify_all(shifted, shifted.result.proof), FriError::ok);
}

TEST(FriTest, RejectsEveryTamperedPart) {
  std::mt19937_64 rng(testing::kSeed + 3);
  const std::vector<unsigned> heights{9, 6};
  Proven p = prove_inputs(small_params(), heights, low_degree_inputs(rng, heights, 1));
  const FriProof& good = p.result.proof;
  ASSERT_EQ(verify_all(p, good), FriError::ok);
  const Fp3 one(Fp(1));

  for (size_t r = 0; r < good.layer_roots.size(); ++r) {
    FriProof bad = good;
    bad.layer_roots[r].v[0] += Fp(1);
    EXPECT_NE(verify_all(p, bad), FriError::ok) << "root " << r;
  }
  for (size_t i = 0; i < good.final_poly.size(); ++i) {
    FriProof bad = good;
    bad.final_poly[i] += one;
    EXPECT_NE(verify_all(p, bad), FriError::ok) << "final coefficient " << i;
  }
  {
    FriProof bad = good;
    bad.pow_witness += 1;
    EXPECT_NE(verify_all(p, bad), FriError::ok);
    bad.pow_witness = field::kModulus;  // not a field element
    EXPECT_EQ(verify_all(p, bad), FriError::bad_pow_witness);
  }
  for (size_t r = 0; r < good.layer_roots.size(); ++r) {
    FriProof bad = good;
    bad.queries[0].layers[r].siblings[0] += one;
    EXPECT_EQ(verify_all(p, bad), FriError::layer_path_mismatch) << "sibling " << r;
    bad = good;
    bad.queries[3].layers[r].path.siblings[0].v[2] += Fp(1);
    if (!bad.queries[3].layers[r].path.siblings.empty()) {
      EXPECT_EQ(verify_all(p, bad), FriError::layer_path_mismatch) << "path " << r;
    }
  }
  // A wrong input value at a query (what the caller would pass if its opening lied).
  Transcript t;
  t.observe(Fp(42));
  VerifierChallenges c;
  ASSERT_EQ(begin_verify(p.params, p.heights, good, t, &c), FriError::ok);
  for (size_t k = 0; k < p.inputs.size(); ++k) {
    std::vector<Fp3> values;
    for (size_t j = 0; j < p.inputs.size(); ++j) {
      values.push_back(p.inputs[j][c.query_indices[0] >> (p.heights[0] - p.heights[j])]);
    }
    values[k] += one;
    EXPECT_NE(verify_query(c, good, 0, values), FriError::ok) << "input " << k;
    values.pop_back();
    EXPECT_EQ(verify_query(c, good, 0, values), FriError::wrong_input_count);
  }
}

TEST(FriTest, ShapeErrorsAreNamed) {
  std::mt19937_64 rng(testing::kSeed + 4);
  const std::vector<unsigned> heights{8};
  Proven p = prove_inputs(small_params(), heights, low_degree_inputs(rng, heights, 1));
  const FriProof& good = p.result.proof;
  FriProof bad = good;
  bad.layer_roots.pop_back();
  EXPECT_EQ(verify_all(p, bad), FriError::wrong_layer_count);
  bad = good;
  bad.final_poly.push_back(Fp3::zero());
  EXPECT_EQ(verify_all(p, bad), FriError::wrong_final_poly_len);
  bad = good;
  bad.queries.pop_back();
  EXPECT_EQ(verify_all(p, bad), FriError::wrong_query_count);
  bad = good;
  bad.queries[1].layers.pop_back();
  EXPECT_EQ(verify_all(p, bad), FriError::wrong_query_shape);
  bad = good;
  bad.queries[1].layers[0].siblings.push_back(Fp3::zero());
  EXPECT_EQ(verify_all(p, bad), FriError::wrong_query_shape);
  bad = good;
  bad.queries[1].layers[0].path.siblings.pop_back();
  EXPECT_EQ(verify_all(p, bad), FriError::wrong_path_length);
  // Heights the verifier expects must match those proven.
  Proven other = p;
  other.heights = {9};
  EXPECT_NE(verify_all(other, good), FriError::ok);
}

TEST(FriTest, ProofIsDeterministic) {
  std::mt19937_64 rng(testing::kSeed + 5);
  const std::vector<unsigned> heights{8, 5};
  const auto inputs = low_degree_inputs(rng, heights, 1);
  Proven a = prove_inputs(small_params(), heights, inputs);
  Proven b = prove_inputs(small_params(), heights, inputs);
  EXPECT_EQ(a.result.proof, b.result.proof);
  EXPECT_EQ(a.result.query_indices, b.result.query_indices);
}

TEST(TranscriptTest, GrindFindsSmallestWitnessAndRecords) {
  Transcript t;
  t.observe(Fp(7));
  const uint64_t w = t.grind(8);
  // The smallest valid witness: every smaller one fails.
  for (uint64_t s = 0; s < w; ++s) {
    Transcript trial = t;
    EXPECT_FALSE(trial.check_witness(8, s));
  }
  std::vector<TranscriptEvent> log;
  t.set_log(&log);
  EXPECT_TRUE(t.check_witness(8, w));
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].kind, TranscriptEvent::Kind::observe);
  EXPECT_EQ(log[0].value, Fp(w));
  EXPECT_EQ(log[1].kind, TranscriptEvent::Kind::sample);
  EXPECT_EQ(log[1].value.value() & 0xFF, 0u);
  EXPECT_FALSE(t.check_witness(8, field::kModulus));
  EXPECT_EQ(log.size(), 2u);  // a non-canonical witness leaves the transcript untouched
}

TEST(TranscriptTest, MatchesChallengerAndSplitsExtensionElements) {
  Transcript t;
  hash::Challenger c;
  t.observe(Fp3(Fp(1), Fp(2), Fp(3)));
  for (uint64_t v : {1, 2, 3})
    c.observe(Fp(v));
  hash::Digest d{{Fp(4), Fp(5), Fp(6), Fp(7)}};
  t.observe(d);
  c.observe(d);
  EXPECT_EQ(t.sample_ext(), c.sample_ext());
  EXPECT_EQ(t.sample_bits(10), c.sample_bits(10));
}

}  // namespace
}  // namespace zkbatch::fri
