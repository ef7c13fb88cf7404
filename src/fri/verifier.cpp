// SPDX-License-Identifier: Apache-2.0
#include "fri/verifier.hpp"

#include <utility>

#include "commit/matrix_commitment.hpp"
#include "fri/detail/codeword.hpp"

namespace zkbatch::fri {

using field::Fp;
using field::Fp3;

namespace {

/// Counts and lengths of the proof against the schedule; no arithmetic.
FriError check_shape(const FriParams& params, const FoldSchedule& s, const FriProof& proof) {
  const size_t rounds = s.round_log_arity.size();
  if (proof.layer_roots.size() != rounds) return FriError::wrong_layer_count;
  if (proof.final_poly.size() != (size_t{1} << s.log_final_poly_len)) {
    return FriError::wrong_final_poly_len;
  }
  if (proof.queries.size() != params.num_queries) return FriError::wrong_query_count;
  for (const QueryProof& query : proof.queries) {
    if (query.layers.size() != rounds) return FriError::wrong_query_shape;
    unsigned log_height = s.input_log_heights[0];
    for (size_t r = 0; r < rounds; ++r) {
      const unsigned a = s.round_log_arity[r];
      if (query.layers[r].siblings.size() != (size_t{1} << a) - 1) {
        return FriError::wrong_query_shape;
      }
      log_height -= a;
      // The layer's tree has 2^(L - a) leaves.
      if (query.layers[r].path.siblings.size() != log_height) return FriError::wrong_path_length;
    }
  }
  return FriError::ok;
}

}  // namespace

FriError check_proof_shape(const FriParams& params,
                           std::span<const unsigned> input_log_heights,
                           const FriProof& proof) {
  FoldSchedule schedule;
  const FriError e = make_fold_schedule(params, input_log_heights, &schedule);
  if (e != FriError::ok) return e;
  return check_shape(params, schedule, proof);
}

FriError begin_verify(const FriParams& params,
                      std::span<const unsigned> input_log_heights,
                      const FriProof& proof,
                      Transcript& transcript,
                      VerifierChallenges* challenges) {
  VerifierChallenges c;
  const FriError schedule_error = make_fold_schedule(params, input_log_heights, &c.schedule);
  if (schedule_error != FriError::ok) return schedule_error;
  const FriError shape_error = check_shape(params, c.schedule, proof);
  if (shape_error != FriError::ok) return shape_error;

  for (const hash::Digest& root : proof.layer_roots) {
    transcript.observe(root);
    // beta_i: error 2^a e_lin per round (docs/security.md, "FRI commit rounds").
    c.betas.push_back(transcript.sample_ext());
  }
  transcript.observe_many(proof.final_poly.data(), proof.final_poly.size());
  if (!transcript.check_witness(params.query_pow_bits, proof.pow_witness)) {
    return FriError::bad_pow_witness;
  }
  // Query indices: each passes a far word with probability 1 - delta (after the grinding).
  for (unsigned q = 0; q < params.num_queries; ++q) {
    c.query_indices.push_back(
        static_cast<size_t>(transcript.sample_bits(c.schedule.input_log_heights[0])));
  }
  *challenges = std::move(c);
  return FriError::ok;
}

FriError verify_query(const VerifierChallenges& c,
                      const FriProof& proof,
                      size_t q,
                      std::span<const Fp3> input_values) {
  const FoldSchedule& s = c.schedule;
  if (input_values.size() != s.input_log_heights.size()) return FriError::wrong_input_count;
  if (q >= proof.queries.size() || q >= c.query_indices.size()) return FriError::wrong_query_count;
  const QueryProof& query = proof.queries[q];
  size_t index = c.query_indices[q];
  unsigned log_height = s.input_log_heights[0];
  Fp3 folded = input_values[0];
  for (size_t r = 0; r < s.round_log_arity.size(); ++r) {
    const unsigned a = s.round_log_arity[r];
    const size_t arity = size_t{1} << a;
    const size_t leaf = index >> a;
    const size_t position = index & (arity - 1);
    const LayerOpening& layer = query.layers[r];
    std::vector<Fp3> values;
    values.reserve(arity);
    for (size_t t = 0, k = 0; t < arity; ++t) {
      values.push_back(t == position ? folded : layer.siblings[k++]);
    }
    std::vector<Fp> row;
    row.reserve(3 * arity);
    for (const Fp3& v : values)
      row.insert(row.end(), v.c, v.c + 3);
    const commit::Dimensions dims{3 * arity, size_t{1} << (log_height - a)};
    const std::vector<std::vector<Fp>> rows{std::move(row)};
    if (commit::verify_opening(proof.layer_roots[r], {&dims, 1}, leaf, rows, layer.path) !=
        commit::CommitError::ok) {
      return FriError::layer_path_mismatch;
    }
    folded = fold_leaf(values, leaf, log_height, a, c.betas[r]);
    log_height -= a;
    index = leaf;
    if (s.round_input[r] >= 0) {
      folded += input_weight(c.betas[r], a) * input_values[static_cast<size_t>(s.round_input[r])];
    }
  }
  const Fp x = position_point(index, log_height);
  if (detail::evaluate(proof.final_poly, x) != folded) return FriError::final_poly_mismatch;
  return FriError::ok;
}

}  // namespace zkbatch::fri
