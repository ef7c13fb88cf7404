// SPDX-License-Identifier: Apache-2.0
#include "stark/detail/opening.hpp"

#include <omp.h>

#include <algorithm>
#include <functional>

#include "field/batch_inverse.hpp"
#include "field/roots.hpp"
#include "kernels/backend.hpp"
#include "poly/domain.hpp"

namespace zkbatch::stark::detail {

using field::Fp;
using field::Fp3;

OpeningPlan make_opening_plan(const VerifyingKey& vk, std::span<const uint8_t> log_heights) {
  OpeningPlan plan;
  const unsigned lb = vk.params.fri.log_blowup;
  auto add_batch = [&](BatchKind kind, const std::vector<size_t>& tables, auto width_of,
                       bool has_next) {
    if (tables.empty()) return;
    const size_t batch = plan.batch_kinds.size();
    plan.batch_kinds.push_back(kind);
    plan.batch_dims.emplace_back();
    unsigned log_max = 0;
    for (size_t m = 0; m < tables.size(); ++m) {
      const size_t t = tables[m];
      PlannedMatrix pm;
      pm.kind = kind;
      pm.batch = batch;
      pm.matrix = m;
      pm.table = t;
      pm.log_lde_height = log_heights[t] + lb;
      pm.width = width_of(vk.tables[t]);
      pm.has_next = has_next;
      plan.matrices.push_back(pm);
      plan.batch_dims.back().push_back({pm.width, size_t{1} << pm.log_lde_height});
      log_max = std::max(log_max, pm.log_lde_height);
    }
    plan.batch_log_max_height.push_back(log_max);
  };
  std::vector<size_t> all(vk.tables.size()), logup;
  for (size_t t = 0; t < vk.tables.size(); ++t) {
    all[t] = t;
    if (vk.tables[t].logup.num_columns > 0) logup.push_back(t);
  }
  add_batch(
      BatchKind::preprocessed, vk.preprocessed_tables,
      [](const TableInfo& i) { return i.preprocessed_width; }, true);
  add_batch(
      BatchKind::main, all, [](const TableInfo& i) { return i.width; }, true);
  add_batch(
      BatchKind::logup, logup, [](const TableInfo& i) { return 3 * i.logup.num_columns; }, true);
  add_batch(
      BatchKind::quotient, all,
      [](const TableInfo& i) { return size_t{3} << i.log_quotient_chunks; }, false);
  for (const PlannedMatrix& pm : plan.matrices)
    plan.fri_heights.push_back(pm.log_lde_height);
  std::sort(plan.fri_heights.begin(), plan.fri_heights.end(), std::greater<>());
  plan.fri_heights.erase(std::unique(plan.fri_heights.begin(), plan.fri_heights.end()),
                         plan.fri_heights.end());
  return plan;
}

const std::vector<Fp3>& local_values(const OpenedValues& o, BatchKind kind) {
  switch (kind) {
    case BatchKind::preprocessed:
      return o.preprocessed_local;
    case BatchKind::main:
      return o.main_local;
    case BatchKind::logup:
      return o.logup_local;
    case BatchKind::quotient:
      break;
  }
  return o.quotient;
}

const std::vector<Fp3>& next_values(const OpenedValues& o, BatchKind kind) {
  switch (kind) {
    case BatchKind::preprocessed:
      return o.preprocessed_next;
    case BatchKind::main:
      return o.main_next;
    case BatchKind::logup:
      return o.logup_next;
    case BatchKind::quotient:
      break;
  }
  static const std::vector<Fp3> kNone;
  return kNone;
}

ReducedOpenings::ReducedOpenings(const OpeningPlan& plan,
                                 std::span<const uint8_t> log_heights,
                                 const Fp3& zeta,
                                 const Fp3& gamma,
                                 std::span<const OpenedValues> opened)
    : plan_(plan) {
  size_t max_width = 0;
  for (const PlannedMatrix& pm : plan.matrices)
    max_width = std::max(max_width, pm.width);
  gamma_powers_.resize(max_width);
  Fp3 power = Fp3::one();
  for (Fp3& g : gamma_powers_) {
    g = power;
    power *= gamma;
  }
  // Offsets: gamma^o for o = running sum of widths over (matrix, point) in canonical order.
  Fp3 weight = Fp3::one();
  for (const PlannedMatrix& pm : plan.matrices) {
    const OpenedValues& o = opened[pm.table];
    std::vector<Point> points;
    auto add_point = [&](const Fp3& value, const std::vector<Fp3>& v) {
      Fp3 s = Fp3::zero();
      for (size_t c = 0; c < pm.width; ++c)
        s += gamma_powers_[c] * v[c];
      points.push_back({value, weight, s});
      weight *= gamma.pow(pm.width);
    };
    add_point(zeta, local_values(o, pm.kind));
    if (pm.has_next) {
      add_point(zeta * field::two_adic_generator(log_heights[pm.table]), next_values(o, pm.kind));
    }
    points_.push_back(std::move(points));
  }
}

std::vector<std::vector<Fp3>> ReducedOpenings::evaluate_all(
    std::span<const poly::RowMajorMatrix* const> ldes) const {
  std::vector<std::vector<Fp3>> out;
  const Fp shift = field::multiplicative_generator();
  for (unsigned h : plan_.fri_heights) {
    const size_t size = size_t{1} << h;
    std::vector<size_t> members;
    std::vector<Fp3> distinct;
    for (size_t m = 0; m < plan_.matrices.size(); ++m) {
      if (plan_.matrices[m].log_lde_height != h) continue;
      members.push_back(m);
      for (const Point& p : points_[m]) {
        if (std::find(distinct.begin(), distinct.end(), p.value) == distinct.end()) {
          distinct.push_back(p.value);
        }
      }
    }
    // 1 / (x - p) for every position x of g * H_h (bit-reversed) and distinct point p.
    const std::vector<Fp> xs =
        poly::TwoAdicCoset{h, shift}.elements(kernels::RowOrder::bit_reversed);
    std::vector<std::vector<Fp3>> inv(distinct.size(), std::vector<Fp3>(size));
    for (size_t d = 0; d < distinct.size(); ++d) {
      std::vector<Fp3> diff(size);
#pragma omp parallel for schedule(static)
      for (size_t i = 0; i < size; ++i)
        diff[i] = Fp3(xs[i]) - distinct[d];
#pragma omp parallel
      {
        const size_t threads = static_cast<size_t>(omp_get_num_threads());
        const size_t id = static_cast<size_t>(omp_get_thread_num());
        const size_t chunk = (size + threads - 1) / threads;
        const size_t begin = std::min(size, id * chunk);
        const size_t end = std::min(size, begin + chunk);
        if (begin < end)
          field::batch_inverse(diff.data() + begin, inv[d].data() + begin, end - begin);
      }
    }
    // The constants sum gamma^o S_m(p) per distinct point.
    std::vector<Fp3> constant(distinct.size(), Fp3::zero());
    std::vector<std::vector<size_t>> point_slot(members.size());
    for (size_t k = 0; k < members.size(); ++k) {
      for (const Point& p : points_[members[k]]) {
        const size_t d = static_cast<size_t>(std::find(distinct.begin(), distinct.end(), p.value) -
                                             distinct.begin());
        point_slot[k].push_back(d);
        constant[d] += p.weight * p.at_point;
      }
    }
    std::vector<Fp3> ro(size);
#pragma omp parallel
    {
      std::vector<Fp3> acc(distinct.size());
#pragma omp for schedule(static)
      for (size_t i = 0; i < size; ++i) {
        std::fill(acc.begin(), acc.end(), Fp3::zero());
        for (size_t k = 0; k < members.size(); ++k) {
          const size_t m = members[k];
          const Fp* row = ldes[m]->row(i).data();
          Fp3 s = Fp3::zero();
          for (size_t c = 0; c < plan_.matrices[m].width; ++c)
            s += gamma_powers_[c] * row[c];
          for (size_t r = 0; r < points_[m].size(); ++r) {
            acc[point_slot[k][r]] += points_[m][r].weight * s;
          }
        }
        Fp3 value = Fp3::zero();
        for (size_t d = 0; d < distinct.size(); ++d)
          value += (acc[d] - constant[d]) * inv[d][i];
        ro[i] = value;
      }
    }
    out.push_back(std::move(ro));
  }
  return out;
}

std::vector<Fp3> ReducedOpenings::evaluate_at(size_t index,
                                              std::span<const std::span<const Fp>> rows) const {
  std::vector<Fp3> out(plan_.fri_heights.size(), Fp3::zero());
  const unsigned log_max = plan_.fri_heights.front();
  const Fp shift = field::multiplicative_generator();
  for (size_t m = 0; m < plan_.matrices.size(); ++m) {
    const PlannedMatrix& pm = plan_.matrices[m];
    const unsigned h = pm.log_lde_height;
    const size_t position = index >> (log_max - h);
    const Fp x = shift * field::two_adic_generator(h).pow(kernels::reverse_bits(position, h));
    Fp3 s = Fp3::zero();
    for (size_t c = 0; c < pm.width; ++c)
      s += gamma_powers_[c] * rows[m][c];
    const size_t k =
        static_cast<size_t>(std::find(plan_.fri_heights.begin(), plan_.fri_heights.end(), h) -
                            plan_.fri_heights.begin());
    for (const Point& p : points_[m]) {
      out[k] += p.weight * (s - p.at_point) * (Fp3(x) - p.value).inverse();
    }
  }
  return out;
}

}  // namespace zkbatch::stark::detail
