// SPDX-License-Identifier: Apache-2.0
// The FRI prover: commit phase, final polynomial, grinding, query phase.
#pragma once

#include <stddef.h>

#include <vector>

#include "field/extension.hpp"
#include "fri/params.hpp"
#include "fri/proof.hpp"
#include "fri/transcript.hpp"

namespace zkbatch::fri {

/// What the prover hands back: the proof and the query indices (each in [0, 2^h0), h0 the
/// tallest input's log height), at which the caller opens its own commitments to the inputs.
struct ProverResult {
  FriProof proof;
  std::vector<size_t> query_indices;
};

/// Proves that every input is close to a polynomial of degree < height / 2^log_blowup. `inputs`
/// are codewords in bit-reversed order (fold.hpp), heights strictly decreasing powers of two
/// (inputs of equal height must be combined by the caller first). Steps, in transcript order:
///   1. for each round: commit the layer (pairs of siblings per leaf), observe its root, sample
///      beta_i, fold, add the input whose height is reached (weighted by beta_i^(2^a));
///   2. observe the final polynomial's coefficients;
///   3. grind query_pow_bits and check the witness (observing it);
///   4. sample num_queries indices and open every layer at each.
/// Throws std::invalid_argument when the parameters or heights are invalid (a caller bug).
ProverResult prove(const FriParams& params,
                   std::vector<std::vector<field::Fp3>> inputs,
                   Transcript& transcript);

}  // namespace zkbatch::fri
