// SPDX-License-Identifier: Apache-2.0
#include "stark/detail/trace_pass.hpp"

#include <omp.h>

#include <algorithm>

#include "field/batch_inverse.hpp"

namespace zkbatch::stark::detail {

using field::Fp;
using field::Fp3;

RowPass run_rows(const Air& air,
                 const TableInfo& info,
                 const poly::RowMajorMatrix& trace,
                 const poly::RowMajorMatrix* preprocessed,
                 std::span<const Fp> public_values) {
  const size_t n = trace.height();
  const size_t capture_len = info.logup.capture_len;
  RowPass pass;
  pass.captured.resize(n * capture_len);
  size_t first_failed_row = n;
#pragma omp parallel
  {
    DebugBuilder b;
    b.public_values = public_values.data();
    size_t local_failed = n;
#pragma omp for schedule(static)
    for (size_t r = 0; r < n; ++r) {
      const size_t next = (r + 1) & (n - 1);
      b.reset();
      b.main_local = trace.row(r).data();
      b.main_next_row = trace.row(next).data();
      if (preprocessed != nullptr) {
        b.preprocessed_local = preprocessed->row(r).data();
        b.preprocessed_next_row = preprocessed->row(next).data();
      }
      b.first_row = r == 0 ? Fp::one() : Fp::zero();
      b.last_row = r == n - 1 ? Fp::one() : Fp::zero();
      b.transition = r == n - 1 ? Fp::zero() : Fp::one();
      air.eval_debug(b);
      if (b.failed && r < local_failed) local_failed = r;
      if (b.captured.size() == capture_len) {
        std::copy(b.captured.begin(), b.captured.end(), pass.captured.begin() + r * capture_len);
      } else if (r < local_failed) {
        local_failed = r;  // the AIR interacted differently from its symbolic pass
      }
    }
#pragma omp critical
    first_failed_row = std::min(first_failed_row, local_failed);
  }
  if (first_failed_row < n) {
    // Re-run the failing row alone to read its first failing constraint.
    const size_t r = first_failed_row;
    DebugBuilder b;
    b.public_values = public_values.data();
    b.main_local = trace.row(r).data();
    b.main_next_row = trace.row((r + 1) & (n - 1)).data();
    if (preprocessed != nullptr) {
      b.preprocessed_local = preprocessed->row(r).data();
      b.preprocessed_next_row = preprocessed->row((r + 1) & (n - 1)).data();
    }
    b.first_row = r == 0 ? Fp::one() : Fp::zero();
    b.last_row = r == n - 1 ? Fp::one() : Fp::zero();
    b.transition = r == n - 1 ? Fp::zero() : Fp::one();
    air.eval_debug(b);
    pass.failed = true;
    pass.row = r;
    if (b.failed) {
      pass.constraint = b.failed_index;
      pass.label = b.failed_label != nullptr ? b.failed_label : "";
    } else {
      pass.constraint = b.constraint_count;
      pass.label = "interaction count differs from the symbolic pass";
    }
  }
  return pass;
}

poly::RowMajorMatrix logup_trace(const TableInfo& info,
                                 size_t n,
                                 const std::vector<Fp>& captured,
                                 const LogupChallenges& ch,
                                 Fp3* local_sum,
                                 Fp3* global_sum) {
  const LogupLayout& l = info.logup;
  const size_t k = l.capture_offsets.size();
  const size_t cols = l.num_columns;
  poly::RowMajorMatrix out(3 * cols, n);
  *local_sum = Fp3::zero();
  *global_sum = Fp3::zero();
  if (cols == 0) return out;

  // Denominators alpha - fp for every (row, interaction), inverted in one batch per thread.
  std::vector<Fp3> denominators(n * k), inverses(n * k);
#pragma omp parallel for schedule(static)
  for (size_t r = 0; r < n; ++r) {
    const Fp* row = captured.data() + r * l.capture_len;
    for (size_t j = 0; j < k; ++j) {
      const size_t offset = l.capture_offsets[j];
      const size_t len = (j + 1 < k ? l.capture_offsets[j + 1] : l.capture_len) - offset - 1;
      Fp3 fp(Fp(l.buses[j]));
      for (size_t t = 0; t < len; ++t)
        fp += ch.beta_powers[t + 1] * row[offset + 1 + t];
      denominators[r * k + j] = ch.alpha - fp;
    }
  }
#pragma omp parallel
  {
    const size_t threads = static_cast<size_t>(omp_get_num_threads());
    const size_t id = static_cast<size_t>(omp_get_thread_num());
    const size_t chunk = (n * k + threads - 1) / threads;
    const size_t begin = std::min(n * k, id * chunk);
    const size_t end = std::min(n * k, begin + chunk);
    if (begin < end)
      field::batch_inverse(denominators.data() + begin, inverses.data() + begin, end - begin);
  }
  // Helpers h_g = sum_{j in g} sign_j m_j / d_j.
#pragma omp parallel for schedule(static)
  for (size_t r = 0; r < n; ++r) {
    const Fp* row = captured.data() + r * l.capture_len;
    for (size_t g = 0; g < l.groups.size(); ++g) {
      Fp3 h = Fp3::zero();
      for (uint32_t j : l.groups[g]) {
        const Fp3 term = row[l.capture_offsets[j]] * inverses[r * k + j];
        h += l.signs[j] > 0 ? term : -term;
      }
      for (size_t c = 0; c < 3; ++c)
        out.at(r, 3 * g + c) = h.c[c];
    }
  }
  // Running sums, one sequential prefix sum per kind.
  auto running = [&](int column, BusKind kind, Fp3* total) {
    if (column < 0) return;
    Fp3 s = Fp3::zero();
    for (size_t r = 0; r < n; ++r) {
      for (size_t g = 0; g < l.groups.size(); ++g) {
        if (l.group_kinds[g] != kind) continue;
        s += Fp3(out.at(r, 3 * g), out.at(r, 3 * g + 1), out.at(r, 3 * g + 2));
      }
      for (size_t c = 0; c < 3; ++c)
        out.at(r, 3 * static_cast<size_t>(column) + c) = s.c[c];
    }
    *total = s;
  };
  running(l.local_sum_column, BusKind::local, local_sum);
  running(l.global_sum_column, BusKind::global, global_sum);
  return out;
}

}  // namespace zkbatch::stark::detail
