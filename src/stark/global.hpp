// SPDX-License-Identifier: Apache-2.0
// The global challenge shared by the proofs of one batch (DESIGN.md §3 "global bus").
#pragma once

#include <span>

#include "field/extension.hpp"
#include "hash/digest.hpp"
#include "stark/errors.hpp"

namespace zkbatch::stark {

/// The global seed from the phase-one commitments of every proof of a batch, in segment order:
/// hash_elements of their concatenation (the sponge absorbs the count through the length). Each
/// commitment already binds its proof's key, public values, shape and main-trace root, so the
/// LogUp challenges derived from the seed come after every main trace of the batch is fixed.
hash::Digest derive_global_seed(std::span<const hash::Digest> phase1_commitments);

/// VerifyError::ok when the global partial sums of proofs sharing one seed add up to zero, else
/// global_sums_nonzero (and wrong_proof_count for none).
VerifyError check_global_sums(std::span<const field::Fp3> partial_sums);

}  // namespace zkbatch::stark
