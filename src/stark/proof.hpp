// SPDX-License-Identifier: Apache-2.0
// A multi-table STARK proof: plain data only. The file format is in proof_io.cpp.
#pragma once

#include <stdint.h>

#include <optional>
#include <vector>

#include "commit/matrix_commitment.hpp"
#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "fri/proof.hpp"
#include "hash/digest.hpp"

namespace zkbatch::stark {

/// The values of one table's polynomials at the out-of-domain points: "local" at zeta, "next" at
/// zeta * g_t (g_t the generator of the table's trace domain). An extension column of the LogUp
/// trace is committed as three base columns (its coefficients), so it has three values here.
struct OpenedValues {
  std::vector<field::Fp3> preprocessed_local;
  std::vector<field::Fp3> preprocessed_next;
  std::vector<field::Fp3> main_local;
  std::vector<field::Fp3> main_next;
  std::vector<field::Fp3> logup_local;
  std::vector<field::Fp3> logup_next;
  /// Quotient chunks at zeta, three base columns per chunk.
  std::vector<field::Fp3> quotient;

  bool operator==(const OpenedValues& other) const = default;
};

/// The commitments opened at one FRI query index, in batch order: preprocessed (when the key has
/// one), main, LogUp (when the proof has one), quotient.
struct QueryOpenings {
  std::vector<commit::Opening> batches;

  bool operator==(const QueryOpenings& other) const = default;
};

/// A proof of one statement: a machine's tables, of the heights given, satisfy their constraints
/// for these public values, and the buses balance (local) or sum to `global_sum` (global).
struct Proof {
  /// log2 of each table's height, in the verifying key's table order.
  std::vector<uint8_t> log_heights;
  std::vector<field::Fp> public_values;
  hash::Digest main_root{};
  /// Present exactly when some table has interactions.
  std::optional<hash::Digest> logup_root;
  /// Each table's final running sums (zero for a table without that kind of interaction).
  std::vector<field::Fp3> local_sums;
  std::vector<field::Fp3> global_sums;
  /// The proof's partial sum of every global bus: the sum of global_sums. Proofs sharing a global
  /// seed balance when these add up to zero (check_global_sums).
  field::Fp3 global_sum{};
  hash::Digest quotient_root{};
  std::vector<OpenedValues> opened;
  fri::FriProof fri;
  /// One per FRI query.
  std::vector<QueryOpenings> queries;

  bool operator==(const Proof& other) const = default;
};

}  // namespace zkbatch::stark
