// SPDX-License-Identifier: Apache-2.0
#include "fri/fold.hpp"

#include <algorithm>

#include "field/roots.hpp"
#include "kernels/backend.hpp"

namespace zkbatch::fri {

using field::Fp;
using field::Fp3;

namespace {

/// 1/2 in F_p: (p + 1) / 2.
constexpr Fp kInvTwo = Fp::from_canonical_unchecked((field::kModulus >> 1) + 1);

}  // namespace

FriError make_fold_schedule(const FriParams& params,
                            std::span<const unsigned> heights,
                            FoldSchedule* schedule) {
  if (validate(params) != FriError::ok) return FriError::bad_parameters;
  if (heights.empty()) return FriError::bad_input_heights;
  for (size_t i = 0; i < heights.size(); ++i) {
    if (heights[i] > kMaxLogHeight || heights[i] < params.log_blowup) {
      return FriError::bad_input_heights;
    }
    if (i > 0 && heights[i] >= heights[i - 1]) return FriError::bad_input_heights;
  }
  FoldSchedule s;
  s.input_log_heights.assign(heights.begin(), heights.end());
  s.log_final_poly_len = std::min(params.log_final_poly_len, heights.back() - params.log_blowup);
  s.log_final_height = params.log_blowup + s.log_final_poly_len;
  unsigned log_height = heights[0];
  size_t next = 1;
  while (log_height > s.log_final_height) {
    unsigned a = std::min(params.log_folding_arity, log_height - s.log_final_height);
    if (next < heights.size()) a = std::min(a, log_height - heights[next]);
    log_height -= a;
    s.round_log_arity.push_back(a);
    if (next < heights.size() && heights[next] == log_height) {
      s.round_input.push_back(static_cast<int>(next));
      ++next;
    } else {
      s.round_input.push_back(-1);
    }
  }
  *schedule = std::move(s);
  return FriError::ok;
}

Fp position_point(size_t i, unsigned log_height) {
  return field::two_adic_generator(log_height).pow(kernels::reverse_bits(i, log_height));
}

Fp3 fold_pair(const Fp3& e0, const Fp3& e1, const Fp3& beta, Fp inv_x) {
  return ((e0 + e1) + beta * ((e0 - e1) * inv_x)) * kInvTwo;
}

std::vector<Fp3> fold_codeword(std::span<const Fp3> values,
                               unsigned log_height,
                               unsigned log_arity,
                               const Fp3& beta) {
  std::vector<Fp3> current(values.begin(), values.end());
  Fp3 beta_power = beta;
  for (unsigned step = 0; step < log_arity; ++step, --log_height) {
    const size_t half = current.size() / 2;
    // inv_x for pair j is w_L^-rev(j, L - 1): the natural powers of w_L^-1, read bit-reversed.
    std::vector<Fp> inv_powers(half);
    const Fp inv_root = field::two_adic_generator(log_height).inverse();
    Fp power = Fp::one();
    for (size_t k = 0; k < half; ++k) {
      inv_powers[k] = power;
      power *= inv_root;
    }
    std::vector<Fp3> next(half);
#pragma omp parallel for schedule(static) if (half >= 4096)
    for (size_t j = 0; j < half; ++j) {
      const Fp inv_x = inv_powers[kernels::reverse_bits(j, log_height - 1)];
      next[j] = fold_pair(current[2 * j], current[2 * j + 1], beta_power, inv_x);
    }
    current = std::move(next);
    beta_power = beta_power.square();
  }
  return current;
}

Fp3 fold_leaf(std::span<const Fp3> leaf,
              size_t leaf_index,
              unsigned log_height,
              unsigned log_arity,
              const Fp3& beta) {
  std::vector<Fp3> current(leaf.begin(), leaf.end());
  Fp3 beta_power = beta;
  for (unsigned step = 0; step < log_arity; ++step, --log_height) {
    const size_t half = current.size() / 2;
    // Position of the leaf's first pair in the layer being folded, in units of pairs.
    const size_t first_pair = leaf_index << (log_arity - step - 1);
    for (size_t m = 0; m < half; ++m) {
      // Positions 2j and 2j + 1 of a layer over H_L sit at x and -x, x = w_L^rev(j, L - 1).
      const Fp x = field::two_adic_generator(log_height)
                       .pow(kernels::reverse_bits(first_pair + m, log_height - 1));
      current[m] = fold_pair(current[2 * m], current[2 * m + 1], beta_power, x.inverse());
    }
    current.resize(half);
    beta_power = beta_power.square();
  }
  return current[0];
}

Fp3 input_weight(const Fp3& beta, unsigned log_arity) {
  Fp3 w = beta;
  for (unsigned i = 0; i < log_arity; ++i)
    w = w.square();
  return w;
}

}  // namespace zkbatch::fri
