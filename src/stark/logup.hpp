// SPDX-License-Identifier: Apache-2.0
// LogUp buses with multiplicities over the cubic extension (U. Haboeck, "Multivariate lookups
// based on logarithmic derivatives", ePrint 2022/1530).
//
// Every interaction j of a table contributes, on every row, the term
//     t_j = sign_j * m_j / (alpha - fp_j),   fp_j = bus_j + sum_k beta^(k+1) v_jk,
// where m_j is the multiplicity expression, (v_j0, v_j1, ...) the tuple, sign = +1 for a send and
// -1 for a receive, and alpha, beta are LogUp challenges in Fp3. A bus balances when the terms of
// all its interactions sum to zero over all rows of all tables (of the proof for a local bus, of
// every proof sharing the challenges for a global one); the bus id inside the fingerprint keeps
// buses apart, so one sum serves all local buses and one all global buses.
//
// The LogUp trace of a table holds extension columns, committed after the main trace:
//   * helper h_g for each group g of interactions: h_g = sum_{j in g} t_j, constrained by
//         h_g * prod_{j in g} d_j - sum_{j in g} sign_j m_j prod_{l in g, l != j} d_l = 0,
//     with d_j = alpha - fp_j. Interactions are grouped greedily so that this stays degree <= 3;
//   * a running sum s for local interactions and one for global ones:
//         first row:   s - H = 0           (H = sum of the kind's helpers on the row)
//         transition:  s' - s - H' = 0     (primes: next row)
//         last row:    s - cumulative = 0  (cumulative: the table's sum, sent in the proof).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "field/extension.hpp"
#include "hash/digest.hpp"
#include "stark/builder.hpp"
#include "stark/symbolic.hpp"

namespace zkbatch::stark {

/// The two LogUp challenges and the powers of beta the fingerprints use.
struct LogupChallenges {
  field::Fp3 alpha;
  field::Fp3 beta;
  /// beta^0 .. beta^(max tuple length).
  std::vector<field::Fp3> beta_powers;
};

/// Derives the LogUp challenges from the global seed alone, so that every proof sharing the seed
/// uses the same ones (a global bus can only cancel across proofs that way). The seed binds the
/// first phase of every proof (global_seed.hpp).
LogupChallenges derive_logup_challenges(const hash::Digest& seed, size_t max_tuple_len);

/// The LogUp trace layout of one table.
struct LogupLayout {
  /// Interaction indices of each helper column, in column order.
  std::vector<std::vector<uint32_t>> groups;
  /// Bus kind of each group (a group never mixes kinds).
  std::vector<BusKind> group_kinds;
  /// Extension column of the local and global running sums, or -1 when the table has none.
  int local_sum_column = -1;
  int global_sum_column = -1;
  /// Extension columns: helpers, then the running sums.
  size_t num_columns = 0;
  /// LogUp constraints: one per group, three per running sum.
  size_t num_constraints = 0;
  /// Largest LogUp constraint degree (0 without interactions).
  int max_degree = 0;
  /// Offset of interaction j's multiplicity in the captured values (tuple follows it).
  std::vector<size_t> capture_offsets;
  /// Total captured values per row: sum over interactions of 1 + tuple length.
  size_t capture_len = 0;
  /// Kind and sign of each interaction.
  std::vector<BusKind> kinds;
  std::vector<int8_t> signs;
  std::vector<uint32_t> buses;
};

/// Groups the interactions (with the bus kind of each) into helper columns of degree <= 3.
/// Returns an empty string, or why it is impossible (an interaction whose own constraint would
/// exceed degree 3).
std::string make_logup_layout(const std::vector<InteractionInfo>& interactions,
                              const std::vector<BusKind>& kinds,
                              LogupLayout* layout);

/// Evaluates the LogUp constraints of one row or point and passes each value (in Fp3, in the order
/// documented above: groups, then local first/transition/last, then global) to `emit`.
/// V is Fp (prover, debug) or Fp3 (verifier): the type of the captured multiplicities and tuple
/// values and of the selectors. `local` and `next` are the table's LogUp extension columns.
template <class V, class Emit>
void eval_logup_constraints(const LogupLayout& layout,
                            const LogupChallenges& ch,
                            const V* captured,
                            const field::Fp3* local,
                            const field::Fp3* next,
                            const V& first_row,
                            const V& last_row,
                            const V& transition,
                            const field::Fp3& local_cumulative,
                            const field::Fp3& global_cumulative,
                            Emit&& emit) {
  using field::Fp3;
  const size_t count = layout.capture_offsets.size();
  // d_j = alpha - fp_j for every interaction.
  Fp3 denominators_storage[64];
  std::vector<Fp3> denominators_heap;
  Fp3* d = denominators_storage;
  if (count > 64) {
    denominators_heap.resize(count);
    d = denominators_heap.data();
  }
  for (size_t j = 0; j < count; ++j) {
    const V* m_and_tuple = captured + layout.capture_offsets[j];
    const size_t len = (j + 1 < count ? layout.capture_offsets[j + 1] : layout.capture_len) -
                       layout.capture_offsets[j] - 1;
    Fp3 fp(field::Fp(layout.buses[j]));
    for (size_t k = 0; k < len; ++k)
      fp += ch.beta_powers[k + 1] * m_and_tuple[1 + k];
    d[j] = ch.alpha - fp;
  }
  for (size_t g = 0; g < layout.groups.size(); ++g) {
    const std::vector<uint32_t>& members = layout.groups[g];
    Fp3 product = Fp3::one();
    for (uint32_t j : members)
      product *= d[j];
    Fp3 numerator = Fp3::zero();
    for (uint32_t j : members) {
      Fp3 term = Fp3::one();
      for (uint32_t l : members) {
        if (l != j) term *= d[l];
      }
      const V& m = captured[layout.capture_offsets[j]];
      numerator += layout.signs[j] > 0 ? m * term : -(m * term);
    }
    emit(local[g] * product - numerator);
  }
  auto running_sum = [&](int column, BusKind kind, const Fp3& cumulative) {
    if (column < 0) return;
    Fp3 h_local = Fp3::zero(), h_next = Fp3::zero();
    for (size_t g = 0; g < layout.groups.size(); ++g) {
      if (layout.group_kinds[g] != kind) continue;
      h_local += local[g];
      h_next += next[g];
    }
    const Fp3& s = local[column];
    const Fp3& s_next = next[column];
    emit(first_row * (s - h_local));
    emit(transition * (s_next - s - h_next));
    emit(last_row * (s - cumulative));
  };
  running_sum(layout.local_sum_column, BusKind::local, local_cumulative);
  running_sum(layout.global_sum_column, BusKind::global, global_cumulative);
}

}  // namespace zkbatch::stark
