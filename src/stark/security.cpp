// SPDX-License-Identifier: Apache-2.0
#include "stark/security.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "field/goldilocks.hpp"

namespace zkbatch::stark {

namespace {

/// log2 |F| for the cubic extension: 3 log2(p).
double log2_field_size() {
  return 3.0 * std::log2(static_cast<double>(field::kModulus));
}

/// floor(-log2(error)) for an error given as its log2.
int bits_from_log2_error(double log2_error) {
  return static_cast<int>(std::floor(-log2_error));
}

/// log2 of the correlated-agreement error for a random linear combination of two functions, as a
/// function of the code dimension (soundcalc's get_error_linear).
using LinearError = std::function<double(double dimension)>;

RegimeReport make_report(const StarkParams& p,
                         const InstanceSize& in,
                         const char* name,
                         double delta,
                         double list_size,
                         double gap,
                         const LinearError& e_lin) {
  const double log_f = log2_field_size();
  const double n = std::ldexp(1.0, static_cast<int>(in.log_trace_height));
  RegimeReport r;
  r.regime = name;
  r.proximity = delta;
  r.list_size = list_size;
  r.gap = gap;
  auto add = [&](std::string round, int bits) { r.rounds.emplace_back(std::move(round), bits); };

  // LogUp: sum m_i / (a - fp_b(t_i)) is a rational function of (a, b) whose cleared numerator has
  // total degree below T (k + 1); Schwartz-Zippel plus the chance of a zero denominator.
  add("logup", bits_from_log2_error(in.log_bus_terms +
                                    std::log2(static_cast<double>(in.max_tuple_len) + 2) - log_f));
  // ALI: the C constraints combined by powers of alpha; each of the L codewords in the list could
  // be hit (soundcalc get_DEEP_ALI_errors, e_ALI = L * C / |F|).
  add("ali",
      bits_from_log2_error(std::log2(list_size * static_cast<double>(in.num_constraints)) - log_f));
  // DEEP: e_DEEP = L (d (N + m - 1) + (N - 1)) / (|F| - N - D).
  const double deep_num =
      list_size * (in.max_constraint_degree * (n + in.opening_points - 1) + (n - 1));
  add("deep", bits_from_log2_error(std::log2(deep_num) - log_f));
  // FRI batching of the DEEP quotients by powers of gamma: (B - 1) e_lin.
  add("fri batching",
      bits_from_log2_error(std::log2(static_cast<double>(in.batch_size) - 1) + e_lin(n)));
  // Commit rounds: round i folds 2^a parts and may add one input: 2^a + 1 functions by powers
  // of beta_i, error 2^a e_lin at the folded dimension.
  const unsigned a = p.fri.log_folding_arity;
  const unsigned log_final = std::min(p.fri.log_final_poly_len, in.log_trace_height);
  int worst_round = 1 << 30;
  for (unsigned log_dim = in.log_trace_height; log_dim > log_final;) {
    const unsigned step = std::min(a, log_dim - log_final);
    log_dim -= step;
    const double dim = std::ldexp(1.0, static_cast<int>(log_dim));
    worst_round = std::min(worst_round, bits_from_log2_error(step + e_lin(dim)));
  }
  if (worst_round != (1 << 30)) add("fri commit rounds", worst_round);
  // Query phase: each query passes a far word with probability 1 - delta; grinding adds its bits.
  add("fri queries",
      static_cast<int>(std::floor(-static_cast<double>(p.fri.num_queries) * std::log2(1 - delta) +
                                  p.fri.query_pow_bits)));
  // Merkle trees and Fiat-Shamir: 4-element (256-bit) Poseidon2 digests, generic collisions.
  add("hash collisions", 128);
  r.total = 1 << 30;
  for (const auto& [round, bits] : r.rounds)
    r.total = std::min(r.total, bits);
  return r;
}

}  // namespace

SecurityReport estimate_security(const StarkParams& p, const InstanceSize& in) {
  const double log_f = log2_field_size();
  const double rho = std::ldexp(1.0, -static_cast<int>(p.fri.log_blowup));
  const double sqrt_rho = std::sqrt(rho);
  SecurityReport report;

  // Unique decoding: delta = (1 - rho) / 2, L = 1, e_lin = n / |F| with n = dimension / rho
  // ([BCIKS20] Theorem 1.2, as used in soundcalc/proxgaps/unique_decoding.py).
  report.unique_decoding = make_report(p, in, "UDR", (1 - rho) / 2, 1, 0,
                                       [&](double dim) { return std::log2(dim / rho) - log_f; });

  // Johnson bound: delta = 1 - sqrt(rho) - eta, L = 1 / (2 eta sqrt(rho)), and e_lin from
  // [BCHKS25] Theorem 4.2 with m = max(ceil(sqrt(rho) / eta), 3) (johnson_bound.py).
  for (int k = 2; k <= 400; ++k) {
    const double eta = sqrt_rho / k;
    const double delta = 1 - sqrt_rho - eta;
    const double list_size = 1 / (2 * eta * sqrt_rho);
    const double m = std::max(std::ceil(sqrt_rho / eta), 3.0) + 0.5;
    auto e_lin = [&](double dim) {
      const double n = dim / rho;
      const double first = (2 * std::pow(m, 5) + 3 * m * delta * rho) * n / (3 * rho * sqrt_rho);
      return std::log2(first + m / sqrt_rho) - log_f;
    };
    RegimeReport r = make_report(p, in, "JBR", delta, list_size, eta, e_lin);
    if (k == 2 || r.total > report.johnson_bound.total) report.johnson_bound = std::move(r);
  }
  report.provable_bits = std::max(report.unique_decoding.total, report.johnson_bound.total);
  return report;
}

}  // namespace zkbatch::stark
