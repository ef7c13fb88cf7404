// SPDX-License-Identifier: Apache-2.0
// The prover reads as the protocol (STYLE.md §4 item 4): every step below is one transcript step,
// in the order verifier.cpp repeats.
#include "stark/prover.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>

#include "commit/matrix_commitment.hpp"
#include "field/roots.hpp"
#include "fri/prover.hpp"
#include "poly/domain.hpp"
#include "poly/lde.hpp"
#include "poly/polynomial.hpp"
#include "stark/detail/opening.hpp"
#include "stark/detail/quotient.hpp"
#include "stark/detail/statement.hpp"
#include "stark/detail/trace_pass.hpp"
#include "stark/global.hpp"
#include "stark/logup.hpp"

namespace zkbatch::stark {

using field::Fp;
using field::Fp3;

namespace detail {

struct ProverState {
  const ProvingKey* pk = nullptr;
  ProveOptions options;
  ProverTimings timings;
  std::vector<Fp> public_values;
  std::vector<uint8_t> log_heights;
  std::vector<poly::RowMajorMatrix> traces;
  std::vector<std::vector<Fp>> captured;
  fri::Transcript transcript;
  std::optional<commit::MatrixCommitment> main;
  hash::Digest main_root{};
  hash::Digest commitment{};
};

}  // namespace detail

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

poly::RowMajorMatrix lde(const poly::RowMajorMatrix& m, unsigned log_blowup) {
  return poly::coset_lde(m, log_blowup, field::multiplicative_generator(),
                         kernels::RowOrder::bit_reversed);
}

/// Values of every column of `trace` (on the subgroup of order 2^log_n) at z.
std::vector<Fp3> open_columns(const poly::RowMajorMatrix& trace, unsigned log_n, const Fp3& z) {
  if (trace.width() == 0) return {};
  return poly::evaluate_columns_at(trace, poly::TwoAdicCoset::subgroup(log_n), z);
}

void check_inputs(const ProvingKey& pk,
                  const std::vector<poly::RowMajorMatrix>& traces,
                  const std::vector<Fp>& public_values) {
  const VerifyingKey& vk = pk.vk;
  if (vk.params.test_only && !test_params_allowed()) {
    throw ProveError("prove: test-only parameters '" + vk.params.name + "' are refused");
  }
  if (traces.size() != vk.tables.size()) throw ProveError("prove: one trace per table expected");
  if (public_values.size() != vk.num_public_values) {
    throw ProveError("prove: wrong number of public values");
  }
  for (size_t t = 0; t < traces.size(); ++t) {
    const TableInfo& info = vk.tables[t];
    const int log_h = kernels::log2_exact(traces[t].height());
    if (traces[t].width() != info.width || log_h < 1 ||
        log_h > static_cast<int>(kMaxLogTableHeight) ||
        (info.preprocessed_width > 0 &&
         static_cast<unsigned>(log_h) != info.log_preprocessed_height)) {
      throw ProveError("prove: table '" + info.name +
                       "' has the wrong width or height (a power of two in [2, 2^24], equal to "
                       "its preprocessed height)");
    }
  }
}

}  // namespace

ProverPhase1::ProverPhase1() = default;
ProverPhase1::ProverPhase1(ProverPhase1&&) noexcept = default;
ProverPhase1& ProverPhase1::operator=(ProverPhase1&&) noexcept = default;
ProverPhase1::~ProverPhase1() = default;
const hash::Digest& ProverPhase1::main_root() const {
  return state_->main_root;
}
const hash::Digest& ProverPhase1::commitment() const {
  return state_->commitment;
}

ProverPhase1 prove_phase1(const ProvingKey& pk,
                          std::vector<poly::RowMajorMatrix> traces,
                          std::vector<Fp> public_values,
                          const ProveOptions& options) {
  check_inputs(pk, traces, public_values);
  const VerifyingKey& vk = pk.vk;
  auto st = std::make_unique<detail::ProverState>();
  st->pk = &pk;
  st->options = options;
  st->public_values = std::move(public_values);
  st->traces = std::move(traces);
  fri::Transcript& t = st->transcript;
  t.set_log(options.transcript_log);

  // Constraint check and interaction capture, row by row.
  auto start = Clock::now();
  for (size_t i = 0; i < st->traces.size(); ++i) {
    const poly::RowMajorMatrix* pre =
        vk.tables[i].preprocessed_width > 0 ? &pk.preprocessed_traces[i] : nullptr;
    detail::RowPass pass =
        detail::run_rows(*vk.airs[i], vk.tables[i], st->traces[i], pre, st->public_values);
    if (pass.failed && options.check_constraints) {
      throw ProveError("prove: table '" + vk.tables[i].name + "' row " + std::to_string(pass.row) +
                       " fails constraint " + std::to_string(pass.constraint) +
                       (pass.label.empty() ? "" : " ('" + pass.label + "')"));
    }
    st->captured.push_back(std::move(pass.captured));
    st->log_heights.push_back(static_cast<uint8_t>(kernels::log2_exact(st->traces[i].height())));
  }
  st->timings.checks = seconds_since(start);

  // 1. The statement: key digest, public values, shape.
  detail::observe_statement(t, vk, st->public_values, st->log_heights);

  // 2. Main traces: LDE on the coset, one mixed-height commitment.
  start = Clock::now();
  std::vector<poly::RowMajorMatrix> ldes;
  for (const poly::RowMajorMatrix& trace : st->traces) {
    ldes.push_back(lde(trace, vk.params.fri.log_blowup));
  }
  st->main = commit::MatrixCommitment::commit(std::move(ldes));
  st->main_root = st->main->root();
  t.observe(st->main_root);
  st->timings.main_commit = seconds_since(start);

  // 3. The phase-one commitment (not a challenge: a digest of the statement and main root).
  st->commitment = t.sample_digest();

  ProverPhase1 out;
  out.state_ = std::move(st);
  return out;
}

Proof prove_phase2(ProverPhase1&& phase1, const hash::Digest& global_seed) {
  std::unique_ptr<detail::ProverState> st = std::move(phase1.state_);
  const ProvingKey& pk = *st->pk;
  const VerifyingKey& vk = pk.vk;
  const unsigned lb = vk.params.fri.log_blowup;
  const size_t tables = vk.tables.size();
  fri::Transcript& t = st->transcript;
  Proof proof;
  proof.log_heights = st->log_heights;
  proof.public_values = st->public_values;
  proof.main_root = st->main_root;

  // 4. The global seed, and the LogUp challenges derived from it alone.
  t.observe(global_seed);
  const LogupChallenges ch = derive_logup_challenges(global_seed, vk.max_tuple_len);

  // 5. LogUp traces (extension columns), committed after the main traces.
  auto start = Clock::now();
  proof.local_sums.assign(tables, Fp3::zero());
  proof.global_sums.assign(tables, Fp3::zero());
  std::vector<poly::RowMajorMatrix> logup_traces(tables), logup_ldes;
  std::vector<int> logup_index(tables, -1);
  for (size_t i = 0; i < tables; ++i) {
    if (vk.tables[i].logup.num_columns == 0) continue;
    logup_traces[i] = detail::logup_trace(vk.tables[i], st->traces[i].height(), st->captured[i], ch,
                                          &proof.local_sums[i], &proof.global_sums[i]);
    logup_index[i] = static_cast<int>(logup_ldes.size());
    logup_ldes.push_back(lde(logup_traces[i], lb));
    proof.global_sum += proof.global_sums[i];
  }
  std::optional<commit::MatrixCommitment> logup;
  if (!logup_ldes.empty()) {
    logup = commit::MatrixCommitment::commit(std::move(logup_ldes));
    proof.logup_root = logup->root();
  }
  if (st->options.check_constraints) {
    Fp3 total = Fp3::zero();
    for (const Fp3& s : proof.local_sums)
      total += s;
    if (total != Fp3::zero()) throw ProveError("prove: a local bus does not balance");
  }
  detail::observe_logup(t, proof);
  st->timings.logup = seconds_since(start);

  // 6. alpha combines all constraints: a failing row survives with probability
  //    <= L * C / |F| (docs/security.md, "ALI").
  const Fp3 alpha = t.sample_ext();

  // 7. Quotient of every table, split into chunks of degree < n, one commitment.
  start = Clock::now();
  std::vector<poly::RowMajorMatrix> quotient_coeffs(tables), quotient_ldes;
  for (size_t i = 0; i < tables; ++i) {
    detail::QuotientInputs in;
    in.main = &st->main->matrix(i);
    if (vk.tables[i].preprocessed_width > 0) {
      const size_t k = static_cast<size_t>(
          std::find(vk.preprocessed_tables.begin(), vk.preprocessed_tables.end(), i) -
          vk.preprocessed_tables.begin());
      in.preprocessed = &pk.preprocessed->matrix(k);
    }
    if (logup_index[i] >= 0) in.logup = &logup->matrix(static_cast<size_t>(logup_index[i]));
    detail::QuotientChunks q = detail::compute_quotient(
        *vk.airs[i], vk.tables[i], st->log_heights[i], lb, in, st->public_values, alpha, ch,
        proof.local_sums[i], proof.global_sums[i]);
    quotient_coeffs[i] = std::move(q.coefficients);
    quotient_ldes.push_back(std::move(q.lde));
  }
  commit::MatrixCommitment quotient = commit::MatrixCommitment::commit(std::move(quotient_ldes));
  proof.quotient_root = quotient.root();
  t.observe(proof.quotient_root);
  st->timings.quotient = seconds_since(start);

  // 8. zeta, the out-of-domain point: a wrong quotient agrees with the right one at zeta with
  //    probability <= L (d (N + 1) + N - 1) / (|F| - N - D) (docs/security.md, "DEEP").
  const Fp3 zeta = t.sample_ext();

  // 9. Values at zeta and zeta * g_t.
  start = Clock::now();
  proof.opened.resize(tables);
  for (size_t i = 0; i < tables; ++i) {
    OpenedValues& o = proof.opened[i];
    const unsigned log_n = st->log_heights[i];
    const Fp3 zeta_next = zeta * field::two_adic_generator(log_n);
    if (vk.tables[i].preprocessed_width > 0) {
      o.preprocessed_local = open_columns(pk.preprocessed_traces[i], log_n, zeta);
      o.preprocessed_next = open_columns(pk.preprocessed_traces[i], log_n, zeta_next);
    }
    o.main_local = open_columns(st->traces[i], log_n, zeta);
    o.main_next = open_columns(st->traces[i], log_n, zeta_next);
    o.logup_local = open_columns(logup_traces[i], log_n, zeta);
    o.logup_next = open_columns(logup_traces[i], log_n, zeta_next);
    for (size_t c = 0; c < quotient_coeffs[i].width(); ++c) {
      const std::vector<Fp> column = quotient_coeffs[i].column(c);
      o.quotient.push_back(poly::evaluate_coefficients(column, zeta));
    }
  }
  detail::observe_opened(t, proof.opened);

  // 10. gamma batches the DEEP quotients: a far batch looks close with probability
  //     <= (B - 1) e_lin (docs/security.md, "FRI batching").
  const Fp3 gamma = t.sample_ext();
  const detail::OpeningPlan plan = detail::make_opening_plan(vk, proof.log_heights);
  std::vector<const commit::MatrixCommitment*> batches;
  for (detail::BatchKind kind : plan.batch_kinds) {
    switch (kind) {
      case detail::BatchKind::preprocessed:
        batches.push_back(&*pk.preprocessed);
        break;
      case detail::BatchKind::main:
        batches.push_back(&*st->main);
        break;
      case detail::BatchKind::logup:
        batches.push_back(&*logup);
        break;
      case detail::BatchKind::quotient:
        batches.push_back(&quotient);
        break;
    }
  }
  std::vector<const poly::RowMajorMatrix*> ldes;
  for (const detail::PlannedMatrix& pm : plan.matrices) {
    ldes.push_back(&batches[pm.batch]->matrix(pm.matrix));
  }
  const detail::ReducedOpenings reduced(plan, proof.log_heights, zeta, gamma, proof.opened);
  std::vector<std::vector<Fp3>> fri_inputs = reduced.evaluate_all(ldes);
  st->timings.openings = seconds_since(start);

  // 11. FRI on the reduced openings (betas, final polynomial, grinding, query indices).
  start = Clock::now();
  fri::ProverResult fri_result = fri::prove(vk.params.fri, std::move(fri_inputs), t);
  proof.fri = std::move(fri_result.proof);
  st->timings.fri = seconds_since(start);

  // 12. Open every commitment at every query index.
  start = Clock::now();
  const unsigned log_max = plan.fri_heights.front();
  for (size_t index : fri_result.query_indices) {
    QueryOpenings q;
    for (size_t b = 0; b < batches.size(); ++b) {
      q.batches.push_back(batches[b]->open(index >> (log_max - plan.batch_log_max_height[b])));
    }
    proof.queries.push_back(std::move(q));
  }
  st->timings.query_openings = seconds_since(start);
  if (st->options.timings != nullptr) *st->options.timings = st->timings;
  return proof;
}

Proof prove(const ProvingKey& pk,
            std::vector<poly::RowMajorMatrix> traces,
            std::vector<Fp> public_values,
            const ProveOptions& options) {
  ProverPhase1 phase1 = prove_phase1(pk, std::move(traces), std::move(public_values), options);
  const hash::Digest commitment = phase1.commitment();
  return prove_phase2(std::move(phase1), derive_global_seed({&commitment, 1}));
}

}  // namespace zkbatch::stark
