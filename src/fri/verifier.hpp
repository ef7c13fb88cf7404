// SPDX-License-Identifier: Apache-2.0
// The FRI verifier, split so that the caller can check its own input openings in between:
// `begin_verify` checks the shape and replays the transcript (roots, betas, final polynomial,
// proof of work, query indices); `verify_query` checks one query given the inputs' values there.
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "field/extension.hpp"
#include "fri/errors.hpp"
#include "fri/fold.hpp"
#include "fri/params.hpp"
#include "fri/proof.hpp"
#include "fri/transcript.hpp"

namespace zkbatch::fri {

/// The verifier's view after the transcript replay.
struct VerifierChallenges {
  FoldSchedule schedule;
  /// beta_i of each fold round.
  std::vector<field::Fp3> betas;
  /// The query indices, in [0, 2^h0).
  std::vector<size_t> query_indices;
};

/// Checks every count and length of `proof` against the schedule of `input_log_heights`, without
/// arithmetic or transcript: callers may run it before anything else. FriError::ok or the first
/// shape error.
FriError check_proof_shape(const FriParams& params,
                           std::span<const unsigned> input_log_heights,
                           const FriProof& proof);

/// Checks every count and length of `proof` against the schedule of `input_log_heights` (before
/// touching the transcript), then replays the commit phase, checks the proof-of-work witness and
/// samples the query indices, exactly as `prove` did.
FriError begin_verify(const FriParams& params,
                      std::span<const unsigned> input_log_heights,
                      const FriProof& proof,
                      Transcript& transcript,
                      VerifierChallenges* challenges);

/// Checks query `q`: `input_values[k]` is input k's value at the query's position in its own
/// codeword (index >> (h0 - h_k)), which the caller has authenticated. Folds through every layer,
/// checking each Merkle opening, and compares with the final polynomial.
FriError verify_query(const VerifierChallenges& challenges,
                      const FriProof& proof,
                      size_t q,
                      std::span<const field::Fp3> input_values);

}  // namespace zkbatch::fri
