// SPDX-License-Identifier: Apache-2.0
// The STARK verifier: the prover's steps in the same order, after a check of the proof's shape.
// It returns a VerifyError for every input, however malformed, and never throws or crashes.
#pragma once

#include <span>
#include <vector>

#include "fri/transcript.hpp"
#include "hash/digest.hpp"
#include "stark/errors.hpp"
#include "stark/keys.hpp"
#include "stark/proof.hpp"

namespace zkbatch::stark {

/// Checks every count, width and height of `proof` against the key (and the FRI proof's shape
/// against its schedule) without any arithmetic.
VerifyError check_shape(const VerifyingKey& vk, const Proof& proof);

/// The phase-one commitment of a proof, recomputed from its statement and main root (what
/// derive_global_seed takes for this proof).
hash::Digest phase1_commitment(const VerifyingKey& vk, const Proof& proof);

/// Verifies a proof whose LogUp challenges come from `global_seed`. A global bus is checked only
/// as far as this proof goes: its partial sum must be the sum of its tables' global sums;
/// check_global_sums (global.hpp) completes the check across proofs. `transcript_log`, when not
/// null, records the transcript's operations.
VerifyError verify_with_seed(const VerifyingKey& vk,
                             const Proof& proof,
                             const hash::Digest& global_seed,
                             std::vector<fri::TranscriptEvent>* transcript_log = nullptr);

/// Verifies a proof that stands alone (seed = derive_global_seed of its own phase-one
/// commitment, as prove() does). Its global partial sum is not checked against anything.
VerifyError verify(const VerifyingKey& vk, const Proof& proof);

/// Verifies the proofs of a batch that share one global seed: recomputes the seed from all of
/// their phase-one commitments (in order), verifies each, then checks that their global partial
/// sums cancel.
VerifyError verify_batch(const VerifyingKey& vk, std::span<const Proof> proofs);

}  // namespace zkbatch::stark
