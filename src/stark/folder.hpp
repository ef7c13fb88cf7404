// SPDX-License-Identifier: Apache-2.0
// The numeric interpreters of an AIR used by the prover (values in Fp, at each point of the
// quotient domain) and the verifier (values in Fp3, at the out-of-domain point zeta). Both fold
// the constraints into one value sum_j alpha^j C_j with the challenge alpha, and capture the
// interactions' multiplicities and tuples for the LogUp constraints (logup.hpp).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "stark/builder.hpp"

namespace zkbatch::stark {

/// Folds constraints at one point. E is Fp (prover) or Fp3 (verifier). The engine points the
/// inputs at the row values and selectors of a point, calls `reset`, runs the AIR's eval, and
/// reads `accumulator` and the captured interactions. Inputs are trusted to match the AIR's
/// widths: the verifier checks the proof's shape first, and keygen's symbolic pass checked that
/// the AIR stays inside its widths.
template <class E>
class ConstraintFolder : public BuilderBase<ConstraintFolder<E>, E> {
 public:
  // --- inputs, set by the engine ---
  const E* main_local = nullptr;
  const E* main_next_row = nullptr;
  const E* preprocessed_local = nullptr;
  const E* preprocessed_next_row = nullptr;
  const E* public_values = nullptr;
  E first_row{}, last_row{}, transition{};
  /// alpha^0, alpha^1, ... one per constraint of the AIR.
  const field::Fp3* alpha_powers = nullptr;
  size_t num_alpha_powers = 0;
  /// Where interactions are written: for each, the multiplicity then the tuple.
  E* capture = nullptr;
  size_t capture_capacity = 0;

  // --- outputs ---
  field::Fp3 accumulator{};
  size_t constraint_count = 0;
  size_t capture_len = 0;
  /// Set when the AIR made more constraints or interactions than its symbolic pass did.
  bool overflow = false;

  /// Clears the outputs before an eval.
  void reset() {
    accumulator = field::Fp3::zero();
    constraint_count = 0;
    capture_len = 0;
    overflow = false;
  }

  /// Main-trace column c on this row.
  E main(size_t c) const { return main_local[c]; }
  /// Main-trace column c on the next row.
  E main_next(size_t c) const { return main_next_row[c]; }
  /// Preprocessed column c on this row.
  E preprocessed(size_t c) const { return preprocessed_local[c]; }
  /// Preprocessed column c on the next row.
  E preprocessed_next(size_t c) const { return preprocessed_next_row[c]; }
  /// Public value i of the proof.
  E public_value(size_t i) const { return public_values[i]; }
  /// 1 on the first row, 0 on the others (a Lagrange selector off the trace domain).
  E is_first_row() const { return first_row; }
  /// 1 on the last row, 0 on the others.
  E is_last_row() const { return last_row; }
  /// 0 on the last row only: guards constraints between a row and the next.
  E is_transition() const { return transition; }
  /// A constant as an expression.
  static E constant(uint64_t v) { return E(field::Fp(v)); }
  /// A constant as an expression.
  static E constant(field::Fp v) { return E(v); }

  /// accumulator += alpha^j * e for the j-th constraint.
  void assert_zero(const E& e, const char* = nullptr) {
    if (constraint_count >= num_alpha_powers) {
      overflow = true;
      return;
    }
    accumulator += alpha_powers[constraint_count++] * e;
  }

  /// Records multiplicity and tuple.
  void interact(uint32_t, Direction, const E* tuple, size_t len, const E& multiplicity) {
    if (capture_len + 1 + len > capture_capacity) {
      overflow = true;
      return;
    }
    capture[capture_len++] = multiplicity;
    for (size_t i = 0; i < len; ++i)
      capture[capture_len++] = tuple[i];
  }
};

/// The prover's interpreter on the quotient domain.
using ProverFolder = ConstraintFolder<field::Fp>;
/// The verifier's interpreter at zeta.
using VerifierFolder = ConstraintFolder<field::Fp3>;

}  // namespace zkbatch::stark
