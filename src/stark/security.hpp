// SPDX-License-Identifier: Apache-2.0
// Provable soundness of a parameter set, computed the way Ethereum's soundcalc does
// (github.com/ethereum/soundcalc, soundcalc/zkvms/fri_based_vm.py and soundcalc/proxgaps/):
// round-by-round errors in the unique-decoding and Johnson-bound regimes, each converted to bits
// as floor(-log2(error)), and the total of a regime is the smallest of its rounds. The formulas
// and their sources are in docs/security.md.
#pragma once

#include <stddef.h>

#include <string>
#include <vector>

#include "stark/params.hpp"

namespace zkbatch::stark {

/// The sizes of a statement that the errors depend on. The defaults are the reference instance of
/// docs/security.md (a large zkVM segment).
struct InstanceSize {
  /// log2 of the tallest table's height (the trace length N of soundcalc).
  unsigned log_trace_height = 22;
  /// Functions in the DEEP/FRI batch: every (committed base column, opening point) pair.
  size_t batch_size = 2048;
  /// Constraints combined by the challenge alpha, LogUp constraints included, over all tables.
  size_t num_constraints = 1024;
  /// Maximum constraint degree (3 is enforced by the symbolic pass).
  unsigned max_constraint_degree = 3;
  /// Opening points per column (zeta and zeta * g): soundcalc's max_combo.
  unsigned opening_points = 2;
  /// log2 of the number of LogUp terms (rows times interactions), summed over every proof that
  /// shares a global bus.
  double log_bus_terms = 40;
  /// Longest tuple sent on a bus (the fingerprint is a polynomial of this degree in its challenge).
  size_t max_tuple_len = 16;
};

/// One regime's round-by-round bits.
struct RegimeReport {
  /// "UDR" (unique decoding) or "JBR" (Johnson bound).
  std::string regime;
  /// Proximity parameter delta of the low-degree test.
  double proximity = 0;
  /// List size L of the code at that proximity (1 in the unique-decoding regime).
  double list_size = 1;
  /// Johnson-bound gap eta = 1 - sqrt(rho) - delta (0 in the unique-decoding regime).
  double gap = 0;
  /// (round name, bits) in protocol order.
  std::vector<std::pair<std::string, int>> rounds;
  /// min over rounds.
  int total = 0;
};

/// Both regimes and the provable bits: each regime is a complete proof of its bound, so the
/// parameters are at least as sound as the better of the two.
struct SecurityReport {
  RegimeReport unique_decoding;
  RegimeReport johnson_bound;
  int provable_bits = 0;
};

/// Computes the report. The Johnson-bound regime is evaluated for eta = sqrt(rho) / k with
/// k = 2..400 and the best k is kept (any eta in (0, 1 - sqrt(rho)) gives a valid bound).
SecurityReport estimate_security(const StarkParams& params, const InstanceSize& instance = {});

}  // namespace zkbatch::stark
