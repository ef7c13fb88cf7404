// SPDX-License-Identifier: Apache-2.0
// The prover's quotient (internal to src/stark): evaluate every constraint of a table on the
// quotient domain, divide by the vanishing polynomial, split into chunks of degree < n.
#pragma once

#include <span>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "stark/keys.hpp"
#include "stark/logup.hpp"

namespace zkbatch::stark::detail {

/// The LDEs (bit-reversed rows on the coset g * H', |H'| = n * 2^log_blowup) the quotient reads.
struct QuotientInputs {
  const poly::RowMajorMatrix* preprocessed = nullptr;  ///< null when the table has none
  const poly::RowMajorMatrix* main = nullptr;
  const poly::RowMajorMatrix* logup = nullptr;  ///< null when the table has no LogUp trace
};

/// The quotient of one table, as chunk polynomials.
struct QuotientChunks {
  /// Coefficients: n rows, 3 columns per chunk (chunk k's Fp3 coefficients as c0, c1, c2).
  poly::RowMajorMatrix coefficients;
  /// Their values on the LDE coset, bit-reversed rows: what is committed.
  poly::RowMajorMatrix lde;
};

/// Q(X) = sum_j alpha^j C_j(X) / Z_H(X) over the table's constraints (the AIR's, then LogUp's),
/// evaluated at the 2^lc n points of the coset g * K (|K| = 2^lc n, lc = log_quotient_chunks),
/// interpolated, and split as Q(X) = sum_k X^(k n) Q_k(X) with deg Q_k < n. On g * K the point
/// x * g_H (the next row) is 2^lc positions further in natural order, and natural position i of
/// g * K is row reverse_bits(i) of every LDE, whose first |K| bit-reversed rows are exactly g * K.
QuotientChunks compute_quotient(const Air& air,
                                const TableInfo& info,
                                unsigned log_n,
                                unsigned log_blowup,
                                const QuotientInputs& inputs,
                                std::span<const field::Fp> public_values,
                                const field::Fp3& alpha,
                                const LogupChallenges& challenges,
                                const field::Fp3& local_sum,
                                const field::Fp3& global_sum);

}  // namespace zkbatch::stark::detail
