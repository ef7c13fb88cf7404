// SPDX-License-Identifier: Apache-2.0
// DEEP openings (internal to src/stark): which committed matrices are opened at which points, in
// one canonical order that prover and verifier share, and the reduced openings FRI tests.
//
// Every committed matrix m of LDE log height h is opened at zeta and, for the trace-like batches
// (preprocessed, main, LogUp), at zeta * g_t, g_t the generator of its table's trace domain. With
// the FRI batching challenge gamma, the reduced opening of height h is
//     RO_h(x) = sum_{m of height h} sum_{points p of m} gamma^(o_{m,p}) (S_m(x) - S_m(p)) / (x -
//     p), S_m(x) = sum_c gamma^c f_{m,c}(x),
// where o_{m,p} runs over the canonical order (batch, matrix, point) in steps of the width, so that
// every (column, point) pair gets its own power of gamma. Each quotient (f - f(p)) / (X - p) has
// degree < n exactly when f(p) is the true value, which is what the DEEP method needs.
#pragma once

#include <stddef.h>

#include <span>
#include <vector>

#include "commit/dimensions.hpp"
#include "field/extension.hpp"
#include "poly/matrix.hpp"
#include "stark/keys.hpp"
#include "stark/proof.hpp"

namespace zkbatch::stark::detail {

/// The four kinds of commitment, in transcript and query-opening order.
enum class BatchKind : uint8_t { preprocessed, main, logup, quotient };

/// One committed matrix in the canonical order.
struct PlannedMatrix {
  BatchKind kind = BatchKind::main;
  /// Position of its commitment in QueryOpenings::batches.
  size_t batch = 0;
  /// Position inside that commitment.
  size_t matrix = 0;
  size_t table = 0;
  unsigned log_lde_height = 0;
  size_t width = 0;
  /// Opened at zeta * g_t as well.
  bool has_next = false;
};

/// What the proof's shape implies about the commitments and the FRI inputs.
struct OpeningPlan {
  std::vector<PlannedMatrix> matrices;
  /// Per batch: its kind and the dimensions of its matrices (commit order).
  std::vector<BatchKind> batch_kinds;
  std::vector<std::vector<commit::Dimensions>> batch_dims;
  /// log2 of the tallest matrix of each batch.
  std::vector<unsigned> batch_log_max_height;
  /// Distinct LDE heights, decreasing: the FRI inputs.
  std::vector<unsigned> fri_heights;
};

/// The plan for a key and the table heights of a proof (heights already checked).
OpeningPlan make_opening_plan(const VerifyingKey& vk, std::span<const uint8_t> log_heights);

/// The values a proof gives for a planned matrix at zeta (local) and zeta * g_t (next; empty for
/// the quotient).
const std::vector<field::Fp3>& local_values(const OpenedValues& opened, BatchKind kind);
const std::vector<field::Fp3>& next_values(const OpenedValues& opened, BatchKind kind);

/// Precomputed weights of the reduced openings.
class ReducedOpenings {
 public:
  /// zeta, the tables' log heights (for zeta * g_t), gamma, and every table's opened values.
  ReducedOpenings(const OpeningPlan& plan,
                  std::span<const uint8_t> log_heights,
                  const field::Fp3& zeta,
                  const field::Fp3& gamma,
                  std::span<const OpenedValues> opened);

  /// Prover: RO_h on every position of each FRI height (bit-reversed order on g * H_h), from the
  /// LDEs of the planned matrices (same order as plan.matrices).
  std::vector<std::vector<field::Fp3>> evaluate_all(
      std::span<const poly::RowMajorMatrix* const> ldes) const;

  /// Verifier: RO_h at one query, given each planned matrix's opened row. `index` is the query's
  /// position at the tallest height; returns one value per FRI height.
  std::vector<field::Fp3> evaluate_at(size_t index,
                                      std::span<const std::span<const field::Fp>> rows) const;

 private:
  struct Point {
    field::Fp3 value;
    field::Fp3 weight;    ///< gamma^o
    field::Fp3 at_point;  ///< S_m(p)
  };
  const OpeningPlan& plan_;
  std::vector<field::Fp3> gamma_powers_;
  /// Points of each planned matrix (1 or 2).
  std::vector<std::vector<Point>> points_;
};

}  // namespace zkbatch::stark::detail
