// SPDX-License-Identifier: Apache-2.0
#include "stark/params.hpp"

#include <atomic>

namespace zkbatch::stark {

namespace {

std::atomic<bool> g_test_params_allowed{false};

StarkParams make(const char* name,
                 unsigned log_blowup,
                 unsigned log_final_poly_len,
                 unsigned num_queries,
                 unsigned pow_bits,
                 bool test_only) {
  StarkParams p;
  p.name = name;
  p.fri.log_blowup = log_blowup;
  p.fri.log_final_poly_len = log_final_poly_len;
  p.fri.num_queries = num_queries;
  p.fri.query_pow_bits = pow_bits;
  p.fri.log_folding_arity = 1;
  p.test_only = test_only;
  return p;
}

}  // namespace

namespace presets {

StarkParams test() {
  return make("test", 1, 2, 12, 8, true);
}

StarkParams default_100() {
  return make("default_100", 3, 3, 57, 16, false);
}

StarkParams secure_128() {
  return make("secure_128", 3, 3, 80, 20, false);
}

}  // namespace presets

void allow_test_params(bool allowed) {
  g_test_params_allowed.store(allowed);
}

bool test_params_allowed() {
  return g_test_params_allowed.load();
}

}  // namespace zkbatch::stark
