// SPDX-License-Identifier: Apache-2.0
// The row-by-row interpreter of an AIR on a concrete trace: the debug checker (debug.hpp) and the
// LogUp trace generation run it on every row.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "field/goldilocks.hpp"
#include "stark/builder.hpp"

namespace zkbatch::stark {

/// Evaluates an AIR on one row (and the next, wrapping around) of a trace. Selectors are 0 or 1.
/// Records the first constraint that is not zero and every interaction's values.
class DebugBuilder : public BuilderBase<DebugBuilder, field::Fp> {
 public:
  // --- inputs, set by the caller for each row ---
  const field::Fp* main_local = nullptr;
  const field::Fp* main_next_row = nullptr;
  const field::Fp* preprocessed_local = nullptr;
  const field::Fp* preprocessed_next_row = nullptr;
  const field::Fp* public_values = nullptr;
  field::Fp first_row, last_row, transition;

  // --- outputs ---
  /// Constraints seen so far on this row.
  size_t constraint_count = 0;
  /// Whether a constraint failed, and the first one that did.
  bool failed = false;
  size_t failed_index = 0;
  const char* failed_label = nullptr;
  /// For each interaction in order: multiplicity, then the tuple.
  std::vector<field::Fp> captured;

  /// Clears the outputs before a row.
  void reset() {
    constraint_count = 0;
    failed = false;
    failed_index = 0;
    failed_label = nullptr;
    captured.clear();
  }

  /// Main-trace column c on this row.
  field::Fp main(size_t c) const { return main_local[c]; }
  /// Main-trace column c on the next row.
  field::Fp main_next(size_t c) const { return main_next_row[c]; }
  /// Preprocessed column c on this row.
  field::Fp preprocessed(size_t c) const { return preprocessed_local[c]; }
  /// Preprocessed column c on the next row.
  field::Fp preprocessed_next(size_t c) const { return preprocessed_next_row[c]; }
  /// Public value i of the proof.
  field::Fp public_value(size_t i) const { return public_values[i]; }
  /// 1 on the first row, 0 on the others (a Lagrange selector off the trace domain).
  field::Fp is_first_row() const { return first_row; }
  /// 1 on the last row, 0 on the others.
  field::Fp is_last_row() const { return last_row; }
  /// 0 on the last row only: guards constraints between a row and the next.
  field::Fp is_transition() const { return transition; }
  /// A constant as an expression.
  static field::Fp constant(uint64_t v) { return field::Fp(v); }
  /// A constant as an expression.
  static field::Fp constant(field::Fp v) { return v; }

  /// Records the first constraint that is not zero.
  void assert_zero(field::Fp e, const char* label = nullptr) {
    if (!e.is_zero() && !failed) {
      failed = true;
      failed_index = constraint_count;
      failed_label = label;
    }
    ++constraint_count;
  }

  /// Captures multiplicity and tuple.
  void interact(uint32_t, Direction, const field::Fp* tuple, size_t len, field::Fp multiplicity) {
    captured.push_back(multiplicity);
    captured.insert(captured.end(), tuple, tuple + len);
  }
};

}  // namespace zkbatch::stark
