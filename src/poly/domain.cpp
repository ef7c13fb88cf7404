// SPDX-License-Identifier: Apache-2.0
#include "poly/domain.hpp"

#include "field/roots.hpp"
#include "poly/detail/check.hpp"
#include "poly/detail/parallel.hpp"

namespace zkbatch::poly {

using field::Fp;
using field::Fp3;
using kernels::RowOrder;

Fp TwoAdicCoset::generator() const {
  return field::two_adic_generator(log_n);
}

Fp TwoAdicCoset::element(size_t i) const {
  return shift * generator().pow(i & (size() - 1));
}

std::vector<Fp> TwoAdicCoset::elements(RowOrder order) const {
  std::vector<Fp> natural(size());
  detail::parallel_powers(natural.data(), natural.size(), shift, generator());
  if (order == RowOrder::natural) return natural;
  std::vector<Fp> reversed(size());
  for (size_t r = 0; r < reversed.size(); ++r)
    reversed[r] = natural[kernels::reverse_bits(r, log_n)];
  return reversed;
}

Fp TwoAdicCoset::vanishing(Fp x) const {
  return x.pow(size()) - shift.pow(size());
}

Fp3 TwoAdicCoset::vanishing(const Fp3& x) const {
  return x.pow(size()) - shift.pow(size());
}

LagrangeSelectors<Fp3> TwoAdicCoset::selectors_at(const Fp3& x) const {
  // L_i(x) = Z(x) / (Z'(x_i) (x - x_i)) and Z'(x_i) = n x_i^(n-1) = n shift^n / x_i, so
  // L_i(x) = Z(x) x_i / (n shift^n (x - x_i)).
  const Fp first = shift;
  const Fp last = shift * generator().inverse();
  const Fp3 z = vanishing(x);
  const Fp n_shift_n_inv = (Fp(size()) * shift.pow(size())).inverse();
  const Fp3 d_first = x - first;
  const Fp3 d_last = x - last;
  return LagrangeSelectors<Fp3>{
      z * d_first.inverse() * (first * n_shift_n_inv),
      z * d_last.inverse() * (last * n_shift_n_inv),
      d_last,
      z.inverse(),
  };
}

LagrangeSelectors<std::vector<Fp>> TwoAdicCoset::selectors_on(const TwoAdicCoset& lde,
                                                              RowOrder order) const {
  detail::require(lde.log_n >= log_n, "selectors_on: the LDE domain is smaller than the domain");
  const size_t count = lde.size();
  const unsigned log_period = lde.log_n - log_n;
  const size_t period = size_t{1} << log_period;
  // On lde, x_j^n = lde.shift^n * w_N^(j n) = lde.shift^n * w_B^j with B = N / n: Z repeats with
  // period B, so B values and B inversions cover all N points.
  std::vector<Fp> z(period), z_inv(period);
  const Fp shift_n = shift.pow(size());
  detail::parallel_powers(z.data(), period, lde.shift.pow(size()),
                          field::two_adic_generator(log_period));
  for (Fp& value : z) {
    value -= shift_n;
    detail::require(value != Fp::zero(), "selectors_on: the LDE domain meets the domain");
  }
  detail::parallel_batch_inverse(z.data(), z_inv.data(), period);

  const Fp first = shift;
  const Fp last = shift * generator().inverse();
  const Fp n_shift_n_inv = (Fp(size()) * shift_n).inverse();
  const Fp first_factor = first * n_shift_n_inv;
  const Fp last_factor = last * n_shift_n_inv;

  LagrangeSelectors<std::vector<Fp>> s;
  s.is_transition = lde.elements(order);  // the points, turned into x - last below
  std::vector<Fp> d_first(count);
#pragma omp parallel for schedule(static) if (count >= detail::kParallelThreshold)
  for (size_t r = 0; r < count; ++r) {
    d_first[r] = s.is_transition[r] - first;
    s.is_transition[r] -= last;
  }
  s.is_first_row.resize(count);
  s.is_last_row.resize(count);
  s.inv_vanishing.resize(count);
  detail::parallel_batch_inverse(d_first.data(), s.is_first_row.data(), count);
  detail::parallel_batch_inverse(s.is_transition.data(), s.is_last_row.data(), count);
#pragma omp parallel for schedule(static) if (count >= detail::kParallelThreshold)
  for (size_t r = 0; r < count; ++r) {
    const size_t j = order == RowOrder::natural ? r : kernels::reverse_bits(r, lde.log_n);
    const size_t t = j & (period - 1);
    s.is_first_row[r] *= z[t] * first_factor;
    s.is_last_row[r] *= z[t] * last_factor;
    s.inv_vanishing[r] = z_inv[t];
  }
  return s;
}

}  // namespace zkbatch::poly
