// SPDX-License-Identifier: Apache-2.0
// Row-by-row passes over concrete traces (internal to src/stark): the constraint check that the
// prover and the debug checker share, and the LogUp trace generation.
#pragma once

#include <stddef.h>

#include <span>
#include <string>
#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "stark/keys.hpp"
#include "stark/logup.hpp"

namespace zkbatch::stark::detail {

/// Result of evaluating an AIR on every row of its trace.
struct RowPass {
  /// Interactions' values, capture_len per row, rows in order.
  std::vector<field::Fp> captured;
  /// The first failing row and its first failing constraint, if any.
  bool failed = false;
  size_t row = 0;
  size_t constraint = 0;
  std::string label;
};

/// Evaluates `air` on each row r (with row r + 1 mod n as the next row). `preprocessed` may be
/// null when the table has none.
RowPass run_rows(const Air& air,
                 const TableInfo& info,
                 const poly::RowMajorMatrix& trace,
                 const poly::RowMajorMatrix* preprocessed,
                 std::span<const field::Fp> public_values);

/// The LogUp trace of a table (n rows, 3 base columns per extension column, logup.hpp layout)
/// from its captured interaction values, and its final local and global running sums.
poly::RowMajorMatrix logup_trace(const TableInfo& info,
                                 size_t n,
                                 const std::vector<field::Fp>& captured,
                                 const LogupChallenges& challenges,
                                 field::Fp3* local_sum,
                                 field::Fp3* global_sum);

}  // namespace zkbatch::stark::detail
