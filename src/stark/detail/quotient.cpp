// SPDX-License-Identifier: Apache-2.0
#include "stark/detail/quotient.hpp"

#include <vector>

#include "field/roots.hpp"
#include "kernels/backend.hpp"
#include "poly/domain.hpp"
#include "poly/ntt.hpp"

namespace zkbatch::stark::detail {

using field::Fp;
using field::Fp3;

QuotientChunks compute_quotient(const Air& air,
                                const TableInfo& info,
                                unsigned log_n,
                                unsigned log_blowup,
                                const QuotientInputs& in,
                                std::span<const Fp> public_values,
                                const Fp3& alpha,
                                const LogupChallenges& ch,
                                const Fp3& local_sum,
                                const Fp3& global_sum) {
  const unsigned lc = info.log_quotient_chunks;
  const unsigned log_q = log_n + lc;
  const size_t q = size_t{1} << log_q;
  const size_t n = size_t{1} << log_n;
  const size_t step = size_t{1} << lc;  // natural-order distance of the next row on g * K
  const Fp shift = field::multiplicative_generator();
  (void)log_blowup;  // log_blowup >= 1 >= lc, so the LDE has at least q rows

  const poly::TwoAdicCoset trace_domain = poly::TwoAdicCoset::subgroup(log_n);
  const poly::LagrangeSelectors<std::vector<Fp>> sel =
      trace_domain.selectors_on(poly::TwoAdicCoset{log_q, shift});

  std::vector<Fp3> alpha_powers(info.num_constraints);
  Fp3 power = Fp3::one();
  for (Fp3& p : alpha_powers) {
    p = power;
    power *= alpha;
  }
  const size_t num_air_constraints = info.symbolic.constraints.size();
  const size_t logup_cols = info.logup.num_columns;

  poly::RowMajorMatrix values(3, q);
#pragma omp parallel
  {
    ProverFolder f;
    f.public_values = public_values.data();
    f.alpha_powers = alpha_powers.data();
    f.num_alpha_powers = num_air_constraints;
    std::vector<Fp> capture(info.logup.capture_len);
    f.capture = capture.data();
    f.capture_capacity = capture.size();
    std::vector<Fp3> logup_local(logup_cols), logup_next(logup_cols);
#pragma omp for schedule(static)
    for (size_t i = 0; i < q; ++i) {
      const size_t row = kernels::reverse_bits(i, log_q);
      const size_t next = kernels::reverse_bits((i + step) & (q - 1), log_q);
      f.reset();
      f.main_local = in.main->row(row).data();
      f.main_next_row = in.main->row(next).data();
      if (in.preprocessed != nullptr) {
        f.preprocessed_local = in.preprocessed->row(row).data();
        f.preprocessed_next_row = in.preprocessed->row(next).data();
      }
      f.first_row = sel.is_first_row[i];
      f.last_row = sel.is_last_row[i];
      f.transition = sel.is_transition[i];
      air.eval_prover(f);
      Fp3 acc = f.accumulator;
      if (logup_cols > 0) {
        const Fp* lr = in.logup->row(row).data();
        const Fp* ln = in.logup->row(next).data();
        for (size_t c = 0; c < logup_cols; ++c) {
          logup_local[c] = Fp3(lr[3 * c], lr[3 * c + 1], lr[3 * c + 2]);
          logup_next[c] = Fp3(ln[3 * c], ln[3 * c + 1], ln[3 * c + 2]);
        }
        size_t j = num_air_constraints;
        eval_logup_constraints<Fp>(info.logup, ch, capture.data(), logup_local.data(),
                                   logup_next.data(), f.first_row, f.last_row, f.transition,
                                   local_sum, global_sum,
                                   [&](const Fp3& v) { acc += alpha_powers[j++] * v; });
      }
      const Fp3 quotient = acc * sel.inv_vanishing[i];
      for (size_t c = 0; c < 3; ++c)
        values.at(i, c) = quotient.c[c];
    }
  }

  // Coefficients of Q (degree < q), then chunk k = coefficients [k n, (k + 1) n).
  poly::coset_intt(values, shift, poly::RowOrder::natural);
  const size_t chunks = step;
  QuotientChunks out;
  out.coefficients = poly::RowMajorMatrix(3 * chunks, n);
  for (size_t k = 0; k < chunks; ++k) {
    for (size_t r = 0; r < n; ++r) {
      for (size_t c = 0; c < 3; ++c)
        out.coefficients.at(r, 3 * k + c) = values.at(k * n + r, c);
    }
  }
  // LDE of the chunks: zero-padded coefficients evaluated on g * H'.
  out.lde = poly::RowMajorMatrix(3 * chunks, n << log_blowup);
  for (size_t r = 0; r < n; ++r) {
    for (size_t c = 0; c < 3 * chunks; ++c)
      out.lde.at(r, c) = out.coefficients.at(r, c);
  }
  poly::coset_ntt(out.lde, shift, poly::RowOrder::bit_reversed);
  return out;
}

}  // namespace zkbatch::stark::detail
