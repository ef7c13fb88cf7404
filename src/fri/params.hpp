// SPDX-License-Identifier: Apache-2.0
// Parameters of the FRI low-degree test (E. Ben-Sasson, I. Bentov, Y. Horesh, M. Riabzev, "Fast
// Reed-Solomon Interactive Oracle Proofs of Proximity", ICALP 2018).
#pragma once

#include <stdint.h>

#include "fri/errors.hpp"

namespace zkbatch::fri {

/// The knobs of one FRI instance. Every field is part of the statement: the verifying key of a
/// STARK records them and the transcript absorbs them through the key's digest.
struct FriParams {
  /// log2 of the blowup factor: the code rate is rho = 2^-log_blowup. Inputs of height 2^h are
  /// tested for degree < 2^(h - log_blowup).
  unsigned log_blowup = 1;
  /// log2 of the length of the final polynomial, sent in clear as coefficients. Folding stops when
  /// the folded codeword has 2^(log_blowup + log_final_poly_len) values (clamped to the shortest
  /// input, see `FoldSchedule`).
  unsigned log_final_poly_len = 0;
  /// Number of query repetitions of the query phase.
  unsigned num_queries = 1;
  /// Proof-of-work bits ground before the query indices are drawn (each query phase attempt then
  /// costs a cheating prover 2^bits hashes).
  unsigned query_pow_bits = 0;
  /// log2 of the folding arity: 1 folds pairs (arity 2). A round may fold fewer levels when an
  /// input of intermediate height must enter the folded codeword (see `FoldSchedule`).
  unsigned log_folding_arity = 1;
};

/// Bounds `validate` enforces: they keep every size below 2^32 rows and every count cheap to
/// allocate, whatever a verifying key or proof claims.
inline constexpr unsigned kMaxLogBlowup = 8;
inline constexpr unsigned kMaxLogFinalPolyLen = 12;
inline constexpr unsigned kMaxQueries = 1024;
inline constexpr unsigned kMaxPowBits = 32;
inline constexpr unsigned kMaxLogFoldingArity = 4;
/// Largest input codeword: 2^32 values, the two-adicity of Goldilocks.
inline constexpr unsigned kMaxLogHeight = 32;

/// Checks that every field lies in its bound (log_blowup >= 1, num_queries >= 1,
/// log_folding_arity >= 1). Returns FriError::ok or FriError::bad_parameters.
FriError validate(const FriParams& params);

}  // namespace zkbatch::fri
