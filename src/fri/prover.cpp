// SPDX-License-Identifier: Apache-2.0
#include "fri/prover.hpp"

#include <stdexcept>
#include <utility>

#include "commit/matrix_commitment.hpp"
#include "fri/detail/codeword.hpp"
#include "fri/fold.hpp"

namespace zkbatch::fri {

using field::Fp;
using field::Fp3;

ProverResult prove(const FriParams& params,
                   std::vector<std::vector<Fp3>> inputs,
                   Transcript& transcript) {
  std::vector<unsigned> heights;
  for (const auto& input : inputs) {
    const int log = detail::log2_of(input.size());
    if (log < 0) throw std::invalid_argument("fri::prove: input length is not a power of two");
    heights.push_back(static_cast<unsigned>(log));
  }
  FoldSchedule schedule;
  if (make_fold_schedule(params, heights, &schedule) != FriError::ok) {
    throw std::invalid_argument("fri::prove: invalid parameters or input heights");
  }

  ProverResult result;
  FriProof& proof = result.proof;

  // 1. Commit phase.
  std::vector<commit::MatrixCommitment> layers;
  std::vector<Fp3> current = std::move(inputs[0]);
  unsigned log_height = heights[0];
  for (size_t r = 0; r < schedule.round_log_arity.size(); ++r) {
    const unsigned a = schedule.round_log_arity[r];
    layers.push_back(commit::MatrixCommitment::commit({detail::leaves_matrix(current, a)}));
    proof.layer_roots.push_back(layers.back().root());
    transcript.observe(layers.back().root());
    // beta_i: a far word stays far after folding except with probability 2^a * e_lin
    // (docs/security.md, "FRI commit rounds").
    const Fp3 beta = transcript.sample_ext();
    current = fold_codeword(current, log_height, a, beta);
    log_height -= a;
    if (schedule.round_input[r] >= 0) {
      const std::vector<Fp3>& input = inputs[static_cast<size_t>(schedule.round_input[r])];
      const Fp3 weight = input_weight(beta, a);
#pragma omp parallel for schedule(static) if (current.size() >= 4096)
      for (size_t i = 0; i < current.size(); ++i)
        current[i] += weight * input[i];
    }
  }

  // 2. Final polynomial: interpolate the last codeword, keep the low coefficients (the others
  // are zero for an honest prover; a dishonest one is caught by the queries).
  proof.final_poly = detail::interpolate(current, log_height);
  proof.final_poly.resize(size_t{1} << schedule.log_final_poly_len);
  transcript.observe_many(proof.final_poly.data(), proof.final_poly.size());

  // 3. Grinding: every attempt at the query phase costs 2^query_pow_bits hashes.
  proof.pow_witness = transcript.grind(params.query_pow_bits);
  if (!transcript.check_witness(params.query_pow_bits, proof.pow_witness)) {
    throw std::logic_error("fri::prove: ground witness does not verify");
  }

  // 4. Query phase. Each index: a far word passes one query with probability 1 - delta.
  for (unsigned q = 0; q < params.num_queries; ++q) {
    result.query_indices.push_back(static_cast<size_t>(transcript.sample_bits(heights[0])));
  }
  for (size_t index : result.query_indices) {
    QueryProof query;
    for (size_t r = 0; r < layers.size(); ++r) {
      const unsigned a = schedule.round_log_arity[r];
      const size_t leaf = index >> a;
      const size_t position = index & ((size_t{1} << a) - 1);
      commit::Opening opening = layers[r].open(leaf);
      LayerOpening layer;
      const std::vector<Fp>& row = opening.rows[0];
      for (size_t t = 0; t < (size_t{1} << a); ++t) {
        if (t != position) layer.siblings.emplace_back(row[3 * t], row[3 * t + 1], row[3 * t + 2]);
      }
      layer.path = std::move(opening.path);
      query.layers.push_back(std::move(layer));
      index = leaf;
    }
    proof.queries.push_back(std::move(query));
  }
  return result;
}

}  // namespace zkbatch::fri
