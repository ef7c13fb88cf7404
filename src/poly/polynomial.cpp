// SPDX-License-Identifier: Apache-2.0
#include "poly/polynomial.hpp"

#include <omp.h>

#include <algorithm>

#include "poly/detail/check.hpp"
#include "poly/detail/parallel.hpp"

namespace zkbatch::poly {

using field::Fp;
using field::Fp3;
using kernels::RowOrder;

Fp evaluate_coefficients(std::span<const Fp> coeffs, Fp x) {
  Fp acc = Fp::zero();
  for (size_t i = coeffs.size(); i-- > 0;)
    acc = acc * x + coeffs[i];
  return acc;
}

Fp3 evaluate_coefficients(std::span<const Fp> coeffs, const Fp3& x) {
  Fp3 acc = Fp3::zero();
  for (size_t i = coeffs.size(); i-- > 0;)
    acc = acc * x + coeffs[i];
  return acc;
}

Fp3 evaluate_coefficients(std::span<const Fp3> coeffs, const Fp3& x) {
  Fp3 acc = Fp3::zero();
  for (size_t i = coeffs.size(); i-- > 0;)
    acc = acc * x + coeffs[i];
  return acc;
}

namespace {

/// The row of `domain` (in `order`) equal to z, or SIZE_MAX when z is not in the domain.
size_t row_of_point(const TwoAdicCoset& domain, const Fp3& z, RowOrder order) {
  if (!z.is_base() || domain.vanishing(z.c[0]) != Fp::zero()) return SIZE_MAX;
  const std::vector<Fp> points = domain.elements(order);
  const auto it = std::find(points.begin(), points.end(), z.c[0]);
  return it == points.end() ? SIZE_MAX : static_cast<size_t>(it - points.begin());
}

/// Barycentric weights x_i / (z - x_i) in row order, and the common factor Z(z) / (n shift^n).
std::vector<Fp3> barycentric_weights(const TwoAdicCoset& domain,
                                     const Fp3& z,
                                     RowOrder order,
                                     Fp3* factor) {
  const size_t n = domain.size();
  const std::vector<Fp> points = domain.elements(order);
  std::vector<Fp3> diff(n), weights(n);
#pragma omp parallel for schedule(static) if (n >= detail::kParallelThreshold)
  for (size_t i = 0; i < n; ++i)
    diff[i] = z - points[i];
  detail::parallel_batch_inverse(diff.data(), weights.data(), n);
#pragma omp parallel for schedule(static) if (n >= detail::kParallelThreshold)
  for (size_t i = 0; i < n; ++i)
    weights[i] *= points[i];
  *factor = domain.vanishing(z) * (Fp(n) * domain.shift.pow(n)).inverse();
  return weights;
}

}  // namespace

std::vector<Fp3> evaluate_columns_at(const RowMajorMatrix& evals,
                                     const TwoAdicCoset& domain,
                                     const Fp3& z,
                                     RowOrder order) {
  detail::require(evals.height() == domain.size(),
                  "evaluate_columns_at: the matrix height differs from the domain size");
  const size_t width = evals.width();
  const size_t n = evals.height();
  std::vector<Fp3> result(width);
  if (const size_t row = row_of_point(domain, z, order); row != SIZE_MAX) {
    for (size_t c = 0; c < width; ++c)
      result[c] = Fp3(evals.at(row, c));
    return result;
  }
  Fp3 factor;
  const std::vector<Fp3> weights = barycentric_weights(domain, z, order, &factor);
  // Each thread sums its own block of rows into its own accumulators; the blocks are added at
  // the end. Field addition is exact, so the thread count cannot change the result.
#pragma omp parallel if (n * width >= detail::kParallelThreshold)
  {
    std::vector<Fp3> partial(width);
#pragma omp for schedule(static) nowait
    for (size_t i = 0; i < n; ++i) {
      const Fp3 w = weights[i];
      const std::span<const Fp> row = evals.row(i);
      for (size_t c = 0; c < width; ++c)
        partial[c] += w * row[c];
    }
#pragma omp critical
    for (size_t c = 0; c < width; ++c)
      result[c] += partial[c];
  }
  for (Fp3& value : result)
    value *= factor;
  return result;
}

Fp3 evaluate_column_at(std::span<const Fp> values,
                       const TwoAdicCoset& domain,
                       const Fp3& z,
                       RowOrder order) {
  const RowMajorMatrix column(1, std::vector<Fp>(values.begin(), values.end()));
  detail::require(column.height() == domain.size(),
                  "evaluate_column_at: the value count differs from the domain size");
  return evaluate_columns_at(column, domain, z, order)[0];
}

}  // namespace zkbatch::poly
