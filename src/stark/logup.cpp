// SPDX-License-Identifier: Apache-2.0
#include "stark/logup.hpp"

#include <algorithm>

#include "fri/transcript.hpp"

namespace zkbatch::stark {

using field::Fp3;

LogupChallenges derive_logup_challenges(const hash::Digest& seed, size_t max_tuple_len) {
  fri::Transcript t;
  t.observe(seed);
  LogupChallenges ch;
  // alpha: a false bus claim survives with probability <= T (k + 2) / |F| over (alpha, beta),
  // T terms of tuples of length <= k (docs/security.md, "LogUp").
  ch.alpha = t.sample_ext();
  // beta: the fingerprint challenge, covered by the same bound.
  ch.beta = t.sample_ext();
  ch.beta_powers.resize(max_tuple_len + 1);
  Fp3 power = Fp3::one();
  for (Fp3& p : ch.beta_powers) {
    p = power;
    power *= ch.beta;
  }
  return ch;
}

namespace {

/// Degree of a group's helper constraint: h * prod d_j (1 + sum df) against
/// m_j * prod_{l != j} d_l (dm_j + sum_{l != j} df_l).
int group_degree(const std::vector<InteractionInfo>& interactions,
                 const std::vector<uint32_t>& members) {
  int sum_df = 0;
  for (uint32_t j : members)
    sum_df += interactions[j].tuple_degree;
  int degree = 1 + sum_df;
  for (uint32_t j : members) {
    degree = std::max(degree,
                      interactions[j].multiplicity_degree + sum_df - interactions[j].tuple_degree);
  }
  return degree;
}

}  // namespace

std::string make_logup_layout(const std::vector<InteractionInfo>& interactions,
                              const std::vector<BusKind>& kinds,
                              LogupLayout* layout) {
  LogupLayout l;
  for (const InteractionInfo& info : interactions) {
    l.capture_offsets.push_back(l.capture_len);
    l.capture_len += 1 + info.tuple_len;
    l.signs.push_back(info.direction == Direction::send ? 1 : -1);
    l.buses.push_back(info.bus);
  }
  l.kinds = kinds;
  // Greedy grouping per kind, in interaction order: local interactions first, then global.
  for (BusKind kind : {BusKind::local, BusKind::global}) {
    std::vector<uint32_t> group;
    for (uint32_t j = 0; j < interactions.size(); ++j) {
      if (kinds[j] != kind) continue;
      if (group_degree(interactions, {j}) > 3) {
        return "interaction " + std::to_string(j) + " on bus " +
               std::to_string(interactions[j].bus) +
               " needs a LogUp constraint of degree above 3 (lower the degree of its tuple or "
               "multiplicity)";
      }
      std::vector<uint32_t> extended = group;
      extended.push_back(j);
      if (!group.empty() && group_degree(interactions, extended) > 3) {
        l.max_degree = std::max(l.max_degree, group_degree(interactions, group));
        l.groups.push_back(group);
        l.group_kinds.push_back(kind);
        extended = {j};
      }
      group = std::move(extended);
    }
    if (!group.empty()) {
      l.max_degree = std::max(l.max_degree, group_degree(interactions, group));
      l.groups.push_back(group);
      l.group_kinds.push_back(kind);
    }
  }
  l.num_columns = l.groups.size();
  l.num_constraints = l.groups.size();
  const bool has_local = std::count(kinds.begin(), kinds.end(), BusKind::local) > 0;
  const bool has_global = std::count(kinds.begin(), kinds.end(), BusKind::global) > 0;
  if (has_local) l.local_sum_column = static_cast<int>(l.num_columns++);
  if (has_global) l.global_sum_column = static_cast<int>(l.num_columns++);
  if (has_local || has_global) {
    // Running sums: is_first_row * (s - H) and is_last_row * (s - c) have degree 2.
    l.max_degree = std::max(l.max_degree, 2);
    l.num_constraints += 3 * ((has_local ? 1 : 0) + (has_global ? 1 : 0));
  }
  *layout = std::move(l);
  return "";
}

}  // namespace zkbatch::stark
