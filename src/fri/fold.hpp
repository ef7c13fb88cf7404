// SPDX-License-Identifier: Apache-2.0
// The folding arithmetic of FRI, shared by prover and verifier so that both compute the very same
// field elements.
//
// Codewords are stored in bit-reversed order over the subgroup H_L of order 2^L: position i holds
// the value at w_L^rev(i, L), w_L = two_adic_generator(L). Positions 2j and 2j + 1 then hold the
// values at x and -x with x = w_L^rev(j, L - 1), so one Merkle leaf holding a run of 2^a adjacent
// positions is exactly what a fold by 2^a needs. An input given on a coset s * H_L (an LDE) is the
// codeword of p(s X) on H_L, which has the same degree as p: FRI never needs the shift.
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "fri/errors.hpp"
#include "fri/params.hpp"

namespace zkbatch::fri {

/// The commit phase's shape for a list of input heights, derived from the parameters alone so that
/// prover and verifier agree on it before reading a proof.
struct FoldSchedule {
  /// log2 heights of the inputs, strictly decreasing; input 0 starts the folding.
  std::vector<unsigned> input_log_heights;
  /// log2 of the folding arity of each commit round. A round folds min(log_folding_arity, levels
  /// left to the next input's height, levels left to the final height) levels.
  std::vector<unsigned> round_log_arity;
  /// For each round, the index of the input added to its output, or -1.
  std::vector<int> round_input;
  /// log2 length of the final polynomial: params.log_final_poly_len, clamped so that the shortest
  /// input's degree bound 2^(h_min - log_blowup) is not below it.
  unsigned log_final_poly_len = 0;
  /// log2 height of the last folded codeword: log_blowup + log_final_poly_len.
  unsigned log_final_height = 0;
};

/// Builds the schedule. Errors: bad_parameters (see validate), bad_input_heights (none, not
/// strictly decreasing, above kMaxLogHeight, or below log_blowup).
FriError make_fold_schedule(const FriParams& params,
                            std::span<const unsigned> input_log_heights,
                            FoldSchedule* schedule);

/// The evaluation point of position i of a codeword over H_L: w_L^rev(i, L).
field::Fp position_point(size_t i, unsigned log_height);

/// One binary fold: given e0 = f(x) and e1 = f(-x), returns g(x^2) for
/// g(Y) = f_even(Y) + beta f_odd(Y), where f(X) = f_even(X^2) + X f_odd(X^2); that is
/// (e0 + e1) / 2 + beta (e0 - e1) / (2x). `inv_x` is x^-1.
field::Fp3 fold_pair(const field::Fp3& e0,
                     const field::Fp3& e1,
                     const field::Fp3& beta,
                     field::Fp inv_x);

/// Folds a whole codeword of 2^log_height values by 2^log_arity (log_arity binary folds with beta,
/// beta^2, beta^4, ...): the result has 2^(log_height - log_arity) values in the same order.
std::vector<field::Fp3> fold_codeword(std::span<const field::Fp3> values,
                                      unsigned log_height,
                                      unsigned log_arity,
                                      const field::Fp3& beta);

/// Folds one leaf: the 2^log_arity values at positions leaf_index * 2^log_arity + t of a codeword
/// over H_(log_height). Returns the value at position leaf_index of the folded codeword, equal to
/// fold_codeword(...)[leaf_index].
field::Fp3 fold_leaf(std::span<const field::Fp3> leaf,
                     size_t leaf_index,
                     unsigned log_height,
                     unsigned log_arity,
                     const field::Fp3& beta);

/// The weight of an input entering after a round of log arity a: beta^(2^a). The folded codeword
/// of that round is sum_t beta^t f_t (its 2^a parts f_t); adding beta^(2^a) g makes the sum a
/// batch of 2^a + 1 functions by successive powers of beta, the case the proximity-gap bounds of
/// docs/security.md cover.
field::Fp3 input_weight(const field::Fp3& beta, unsigned log_arity);

}  // namespace zkbatch::fri
