// SPDX-License-Identifier: Apache-2.0
// The debug checker (interpreter (d) of the AIR): runs the constraints on concrete traces and
// names the first failure, and checks that every local bus balances as a multiset.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "field/goldilocks.hpp"
#include "poly/matrix.hpp"
#include "stark/keys.hpp"

namespace zkbatch::stark {

/// The first thing wrong with a set of traces.
struct DebugFailure {
  enum class Kind : uint8_t {
    constraint,  ///< a constraint is not zero on some row
    bus,         ///< a bus's sends and receives differ for some tuple
  };
  Kind kind = Kind::constraint;
  /// Which witness of a batch (debug_check_batch); 0 for debug_check.
  size_t witness = 0;
  /// Table of the failing constraint (kind constraint).
  size_t table = 0;
  std::string table_name;
  /// First failing row, and the index (order of assert_zero calls) and label of its first
  /// failing constraint.
  size_t row = 0;
  size_t constraint = 0;
  std::string label;
  /// The unbalanced bus and tuple, with sends minus receives of its multiplicities (kind bus;
  /// for a global bus, summed over the whole batch).
  uint32_t bus = 0;
  std::vector<field::Fp> tuple;
  field::Fp net_multiplicity;

  /// One line for logs and exceptions.
  std::string message() const;
};

/// Checks the traces of one proof: tables in order, rows in order, the first failing constraint
/// wins; then every local bus, by exact multiset count of (bus, tuple). Global buses are not
/// checked (they balance across proofs). Throws std::invalid_argument when the traces or public
/// values do not fit the key (count, width, height).
std::optional<DebugFailure> debug_check(const ProvingKey& pk,
                                        const std::vector<poly::RowMajorMatrix>& traces,
                                        std::span<const field::Fp> public_values);

/// The traces and public values of one proof.
struct Witness {
  std::vector<poly::RowMajorMatrix> traces;
  std::vector<field::Fp> public_values;
};

/// debug_check for the witnesses of proofs meant to share a global seed: constraints of each,
/// local buses per witness, then global buses over all of them together.
std::optional<DebugFailure> debug_check_batch(const ProvingKey& pk,
                                              std::span<const Witness> witnesses);

}  // namespace zkbatch::stark
