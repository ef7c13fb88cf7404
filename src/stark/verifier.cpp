// SPDX-License-Identifier: Apache-2.0
// The verifier repeats prover.cpp's steps in the same order (STYLE.md §4 item 4).
#include "stark/verifier.hpp"

#include "commit/matrix_commitment.hpp"
#include "field/roots.hpp"
#include "fri/verifier.hpp"
#include "poly/domain.hpp"
#include "stark/detail/opening.hpp"
#include "stark/detail/statement.hpp"
#include "stark/global.hpp"
#include "stark/logup.hpp"

namespace zkbatch::stark {

using field::Fp;
using field::Fp3;

namespace {

bool sized(const std::vector<Fp3>& v, size_t n) {
  return v.size() == n;
}

/// An extension column committed as three base columns, from their values at a point:
/// F = f0 + X f1 + X^2 f2.
Fp3 recombine(const Fp3* v) {
  return v[0] + Fp3(Fp::zero(), Fp::one(), Fp::zero()) * v[1] +
         Fp3(Fp::zero(), Fp::zero(), Fp::one()) * v[2];
}

/// The quotient identity of one table at zeta: sum_j alpha^j C_j(zeta) = Z_H(zeta) Q(zeta).
bool check_table_at_zeta(const VerifyingKey& vk,
                         size_t t,
                         const Proof& proof,
                         const std::vector<Fp3>& public_values,
                         const LogupChallenges& ch,
                         const Fp3& alpha,
                         const Fp3& zeta) {
  const TableInfo& info = vk.tables[t];
  const OpenedValues& o = proof.opened[t];
  const unsigned log_n = proof.log_heights[t];
  const poly::TwoAdicCoset domain = poly::TwoAdicCoset::subgroup(log_n);
  const poly::LagrangeSelectors<Fp3> sel = domain.selectors_at(zeta);

  std::vector<Fp3> alpha_powers(info.num_constraints);
  Fp3 power = Fp3::one();
  for (Fp3& p : alpha_powers) {
    p = power;
    power *= alpha;
  }
  const size_t air_constraints = info.symbolic.constraints.size();
  std::vector<Fp3> capture(info.logup.capture_len);
  VerifierFolder f;
  f.main_local = o.main_local.data();
  f.main_next_row = o.main_next.data();
  f.preprocessed_local = o.preprocessed_local.data();
  f.preprocessed_next_row = o.preprocessed_next.data();
  f.public_values = public_values.data();
  f.first_row = sel.is_first_row;
  f.last_row = sel.is_last_row;
  f.transition = sel.is_transition;
  f.alpha_powers = alpha_powers.data();
  f.num_alpha_powers = air_constraints;
  f.capture = capture.data();
  f.capture_capacity = capture.size();
  f.reset();
  vk.airs[t]->eval_verifier(f);
  if (f.overflow || f.constraint_count != air_constraints || f.capture_len != capture.size()) {
    return false;  // the AIR did not replay its symbolic pass
  }
  Fp3 acc = f.accumulator;
  const size_t cols = info.logup.num_columns;
  if (cols > 0) {
    std::vector<Fp3> local(cols), next(cols);
    for (size_t c = 0; c < cols; ++c) {
      local[c] = recombine(&o.logup_local[3 * c]);
      next[c] = recombine(&o.logup_next[3 * c]);
    }
    size_t j = air_constraints;
    eval_logup_constraints<Fp3>(info.logup, ch, capture.data(), local.data(), next.data(),
                                sel.is_first_row, sel.is_last_row, sel.is_transition,
                                proof.local_sums[t], proof.global_sums[t],
                                [&](const Fp3& v) { acc += alpha_powers[j++] * v; });
  }
  // Q(zeta) = sum_k zeta^(k n) Q_k(zeta).
  const Fp3 zeta_n = zeta.pow(domain.size());
  Fp3 quotient = Fp3::zero(), zeta_kn = Fp3::one();
  for (size_t k = 0; k < (size_t{1} << info.log_quotient_chunks); ++k) {
    quotient += zeta_kn * recombine(&o.quotient[3 * k]);
    zeta_kn *= zeta_n;
  }
  return acc == (zeta_n - Fp::one()) * quotient;
}

}  // namespace

VerifyError check_shape(const VerifyingKey& vk, const Proof& proof) {
  const unsigned lb = vk.params.fri.log_blowup;
  const size_t tables = vk.tables.size();
  if (vk.params.test_only && !test_params_allowed()) return VerifyError::test_params_refused;
  if (proof.log_heights.size() != tables) return VerifyError::wrong_table_count;
  bool any_logup = false;
  for (size_t t = 0; t < tables; ++t) {
    const TableInfo& info = vk.tables[t];
    const unsigned h = proof.log_heights[t];
    if (h < 1 || h > kMaxLogTableHeight || h + lb > fri::kMaxLogHeight ||
        (info.preprocessed_width > 0 && h != info.log_preprocessed_height)) {
      return VerifyError::bad_table_height;
    }
    any_logup = any_logup || info.logup.num_columns > 0;
  }
  if (proof.public_values.size() != vk.num_public_values) {
    return VerifyError::wrong_public_value_count;
  }
  if (proof.logup_root.has_value() != any_logup) return VerifyError::logup_root_mismatch;
  if (proof.local_sums.size() != tables || proof.global_sums.size() != tables) {
    return VerifyError::wrong_sum_count;
  }
  if (proof.opened.size() != tables) return VerifyError::wrong_opened_shape;
  for (size_t t = 0; t < tables; ++t) {
    const TableInfo& info = vk.tables[t];
    if ((info.logup.local_sum_column < 0 && proof.local_sums[t] != Fp3::zero()) ||
        (info.logup.global_sum_column < 0 && proof.global_sums[t] != Fp3::zero())) {
      return VerifyError::unexpected_sum;
    }
    const OpenedValues& o = proof.opened[t];
    const size_t logup_width = 3 * info.logup.num_columns;
    if (!sized(o.preprocessed_local, info.preprocessed_width) ||
        !sized(o.preprocessed_next, info.preprocessed_width) || !sized(o.main_local, info.width) ||
        !sized(o.main_next, info.width) || !sized(o.logup_local, logup_width) ||
        !sized(o.logup_next, logup_width) ||
        !sized(o.quotient, size_t{3} << info.log_quotient_chunks)) {
      return VerifyError::wrong_opened_shape;
    }
  }
  const detail::OpeningPlan plan = detail::make_opening_plan(vk, proof.log_heights);
  if (fri::check_proof_shape(vk.params.fri, plan.fri_heights, proof.fri) != fri::FriError::ok) {
    return VerifyError::wrong_fri_shape;
  }
  if (proof.queries.size() != vk.params.fri.num_queries) return VerifyError::wrong_query_count;
  for (const QueryOpenings& q : proof.queries) {
    if (q.batches.size() != plan.batch_kinds.size()) return VerifyError::wrong_opening_shape;
    for (size_t b = 0; b < q.batches.size(); ++b) {
      const commit::Opening& opening = q.batches[b];
      const std::vector<commit::Dimensions>& dims = plan.batch_dims[b];
      if (opening.rows.size() != dims.size() ||
          opening.path.siblings.size() != plan.batch_log_max_height[b]) {
        return VerifyError::wrong_opening_shape;
      }
      for (size_t m = 0; m < dims.size(); ++m) {
        if (opening.rows[m].size() != dims[m].width) return VerifyError::wrong_opening_shape;
      }
    }
  }
  return VerifyError::ok;
}

hash::Digest phase1_commitment(const VerifyingKey& vk, const Proof& proof) {
  fri::Transcript t;
  detail::observe_statement(t, vk, proof.public_values, proof.log_heights);
  t.observe(proof.main_root);
  return t.sample_digest();
}

VerifyError verify_with_seed(const VerifyingKey& vk,
                             const Proof& proof,
                             const hash::Digest& global_seed,
                             std::vector<fri::TranscriptEvent>* transcript_log) {
  const VerifyError shape = check_shape(vk, proof);
  if (shape != VerifyError::ok) return shape;
  const size_t tables = vk.tables.size();
  fri::Transcript t;
  t.set_log(transcript_log);

  // 1-3. Statement, main root, phase-one commitment.
  detail::observe_statement(t, vk, proof.public_values, proof.log_heights);
  t.observe(proof.main_root);
  (void)t.sample_digest();

  // 4. Global seed and LogUp challenges (error <= T (k + 2) / |F|, logup.cpp).
  t.observe(global_seed);
  const LogupChallenges ch = derive_logup_challenges(global_seed, vk.max_tuple_len);

  // 5. LogUp commitment and sums; local buses balance, the partial sum is the tables' sum.
  detail::observe_logup(t, proof);
  Fp3 local_total = Fp3::zero(), global_total = Fp3::zero();
  for (size_t i = 0; i < tables; ++i) {
    local_total += proof.local_sums[i];
    global_total += proof.global_sums[i];
  }
  if (local_total != Fp3::zero()) return VerifyError::local_bus_unbalanced;
  if (global_total != proof.global_sum) return VerifyError::global_sum_mismatch;

  // 6. alpha: a failing constraint survives with probability <= L C / |F| (ALI).
  const Fp3 alpha = t.sample_ext();

  // 7. Quotient commitment.
  t.observe(proof.quotient_root);

  // 8. zeta: a wrong quotient agrees at zeta with probability
  //    <= L (d (N + 1) + N - 1) / (|F| - N - D) (DEEP).
  const Fp3 zeta = t.sample_ext();

  // 9. Opened values, and every table's constraints at zeta.
  detail::observe_opened(t, proof.opened);
  std::vector<Fp3> public_values;
  for (const Fp& v : proof.public_values)
    public_values.push_back(Fp3(v));
  for (size_t i = 0; i < tables; ++i) {
    if (!check_table_at_zeta(vk, i, proof, public_values, ch, alpha, zeta)) {
      return VerifyError::constraints_not_satisfied;
    }
  }

  // 10. gamma: a far DEEP batch looks close with probability <= (B - 1) e_lin (FRI batching);
  // 11. FRI's transcript (betas, final polynomial, proof of work, query indices).
  const Fp3 gamma = t.sample_ext();
  const detail::OpeningPlan plan = detail::make_opening_plan(vk, proof.log_heights);
  fri::VerifierChallenges fri_challenges;
  if (fri::begin_verify(vk.params.fri, plan.fri_heights, proof.fri, t, &fri_challenges) !=
      fri::FriError::ok) {
    return VerifyError::fri_rejected;
  }

  // 12. Each query: authenticate the opened rows, reduce them, run FRI's query check.
  const detail::ReducedOpenings reduced(plan, proof.log_heights, zeta, gamma, proof.opened);
  std::vector<const hash::Digest*> roots;
  for (detail::BatchKind kind : plan.batch_kinds) {
    switch (kind) {
      case detail::BatchKind::preprocessed:
        roots.push_back(&vk.preprocessed_root);
        break;
      case detail::BatchKind::main:
        roots.push_back(&proof.main_root);
        break;
      case detail::BatchKind::logup:
        roots.push_back(&*proof.logup_root);
        break;
      case detail::BatchKind::quotient:
        roots.push_back(&proof.quotient_root);
        break;
    }
  }
  const unsigned log_max = plan.fri_heights.front();
  for (size_t q = 0; q < proof.queries.size(); ++q) {
    const size_t index = fri_challenges.query_indices[q];
    const QueryOpenings& openings = proof.queries[q];
    for (size_t b = 0; b < openings.batches.size(); ++b) {
      const size_t tree_index = index >> (log_max - plan.batch_log_max_height[b]);
      if (commit::verify_opening(*roots[b], plan.batch_dims[b], tree_index, openings.batches[b]) !=
          commit::CommitError::ok) {
        return VerifyError::opening_invalid;
      }
    }
    std::vector<std::span<const Fp>> rows;
    for (const detail::PlannedMatrix& pm : plan.matrices) {
      rows.emplace_back(openings.batches[pm.batch].rows[pm.matrix]);
    }
    const std::vector<Fp3> inputs = reduced.evaluate_at(index, rows);
    if (fri::verify_query(fri_challenges, proof.fri, q, inputs) != fri::FriError::ok) {
      return VerifyError::fri_rejected;
    }
  }
  return VerifyError::ok;
}

VerifyError verify(const VerifyingKey& vk, const Proof& proof) {
  const hash::Digest commitment = phase1_commitment(vk, proof);
  return verify_with_seed(vk, proof, derive_global_seed({&commitment, 1}));
}

VerifyError verify_batch(const VerifyingKey& vk, std::span<const Proof> proofs) {
  if (proofs.empty()) return VerifyError::wrong_proof_count;
  std::vector<hash::Digest> commitments;
  for (const Proof& p : proofs)
    commitments.push_back(phase1_commitment(vk, p));
  const hash::Digest seed = derive_global_seed(commitments);
  std::vector<Fp3> sums;
  for (const Proof& p : proofs) {
    const VerifyError e = verify_with_seed(vk, p, seed);
    if (e != VerifyError::ok) return e;
    sums.push_back(p.global_sum);
  }
  return check_global_sums(sums);
}

}  // namespace zkbatch::stark
