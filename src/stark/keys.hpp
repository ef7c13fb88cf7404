// SPDX-License-Identifier: Apache-2.0
// Verifying and proving keys: what keygen learns about a machine's tables (symbolic pass, LogUp
// layout, quotient size) and the commitment to its preprocessed columns.
#pragma once

#include <stddef.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commit/dimensions.hpp"
#include "commit/matrix_commitment.hpp"
#include "hash/digest.hpp"
#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "stark/logup.hpp"
#include "stark/machine.hpp"
#include "stark/params.hpp"
#include "stark/symbolic.hpp"

namespace zkbatch::stark {

/// Largest table height accepted: 2^kMaxLogHeight rows (the LDE must stay within 2^32).
inline constexpr unsigned kMaxLogTableHeight = 24;
/// Largest constraint degree (DESIGN.md §3).
inline constexpr int kMaxConstraintDegree = 3;

/// An AIR or machine that cannot be proven: the message names the table and the problem.
class AirError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// What keygen derived for one table.
struct TableInfo {
  std::string name;
  size_t width = 0;
  size_t preprocessed_width = 0;
  /// log2 height of the preprocessed columns, which fixes the table's height (when any).
  unsigned log_preprocessed_height = 0;
  /// The symbolic pass: constraints (degree, label) and interactions.
  SymbolicReport symbolic;
  /// LogUp trace layout (empty without interactions).
  LogupLayout logup;
  /// Constraints combined by alpha: the AIR's, then LogUp's.
  size_t num_constraints = 0;
  /// Largest degree over all of them.
  int max_degree = 0;
  /// log2 of the number of quotient chunks: 1 for degree 3, 0 below.
  unsigned log_quotient_chunks = 0;
};

/// The symbolic report of one table: counts and degrees (the "symbolic pass" result).
struct TableReport {
  std::string name;
  size_t num_constraints = 0;        ///< the AIR's own constraints
  size_t num_logup_constraints = 0;  ///< added for its interactions
  size_t num_interactions = 0;
  size_t num_logup_columns = 0;  ///< extension columns of its LogUp trace
  int max_degree = 0;            ///< over both kinds
};

/// Everything a verifier needs besides a proof.
struct VerifyingKey {
  StarkParams params;
  std::vector<std::shared_ptr<const Air>> airs;
  std::vector<TableInfo> tables;
  std::vector<BusSpec> buses;
  size_t num_public_values = 0;
  /// The preprocessed commitment: tables that have preprocessed columns, in table order.
  std::vector<size_t> preprocessed_tables;
  std::vector<commit::Dimensions> preprocessed_dims;
  hash::Digest preprocessed_root{};
  /// Longest tuple over all interactions (sizes the fingerprint powers).
  size_t max_tuple_len = 0;
  /// Poseidon2 hash of all of the above (but the AIR code itself): the statement's first
  /// transcript input.
  hash::Digest digest{};
};

/// The verifying key and the prover's copy of the preprocessed data.
struct ProvingKey {
  VerifyingKey vk;
  /// Preprocessed columns on the trace domain (natural order), per table (empty when none).
  std::vector<poly::RowMajorMatrix> preprocessed_traces;
  /// Their LDEs, committed (when any table has preprocessed columns).
  std::optional<commit::MatrixCommitment> preprocessed;
};

/// Runs the symbolic pass on one table and lays out its LogUp trace. Throws AirError for a column
/// or public value out of range, a constraint of degree above 3, an interaction on an undeclared
/// bus, or a LogUp term that cannot be kept at degree 3.
TableInfo analyze_table(const Air& air,
                        const std::vector<BusSpec>& buses,
                        size_t num_public_values);

/// The symbolic report of every table of a machine (throws as analyze_table).
std::vector<TableReport> symbolic_report(const Machine& machine);

/// Builds the keys: analyzes every table, commits the preprocessed columns' LDEs and hashes the
/// verifying key. Throws AirError for any problem of the machine (see analyze_table; also
/// duplicate bus ids, empty tables, preprocessed heights that are not powers of two).
ProvingKey keygen(const Machine& machine, const StarkParams& params);

}  // namespace zkbatch::stark
