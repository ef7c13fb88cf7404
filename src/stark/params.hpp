// SPDX-License-Identifier: Apache-2.0
// The parameters of a STARK proof: one struct with named presets (DESIGN.md §3). Their security is
// computed by security.hpp and explained in docs/security.md.
#pragma once

#include <stdint.h>

#include <string>

#include "fri/params.hpp"

namespace zkbatch::stark {

/// Everything a prover and verifier must agree on besides the AIRs. Part of the verifying key.
struct StarkParams {
  /// Preset name, for logs and the verifying key ("test", "default_100", "secure_128", ...).
  std::string name;
  /// The FRI low-degree test: blowup, queries, grinding, final polynomial, folding arity.
  fri::FriParams fri;
  /// True for parameters that give no meaningful security. Proving and verifying with them is
  /// refused unless `allow_test_params` was called (tests do; the CLI and runner never do).
  bool test_only = false;

  bool operator==(const StarkParams& other) const {
    return name == other.name && test_only == other.test_only &&
           fri.log_blowup == other.fri.log_blowup &&
           fri.log_final_poly_len == other.fri.log_final_poly_len &&
           fri.num_queries == other.fri.num_queries &&
           fri.query_pow_bits == other.fri.query_pow_bits &&
           fri.log_folding_arity == other.fri.log_folding_arity;
  }
};

/// The named presets. Their bits for a reference instance are tabulated in docs/security.md and
/// checked by tests/stark/security_test.cpp.
namespace presets {

/// FAST AND INSECURE, for unit tests only: blowup 2, 12 queries, 8 grinding bits (a few bits of
/// security). Marked test_only, so provers and verifiers refuse it outside tests.
StarkParams test();
/// The default: rate 1/8, 57 queries, 16 grinding bits; at least 100 provable bits (Johnson-bound
/// regime) for traces up to 2^24 rows (docs/security.md).
StarkParams default_100();
/// Rate 1/8, 80 queries, 20 grinding bits; at least 128 provable bits (Johnson-bound regime,
/// hash collisions included) for traces up to 2^24 rows.
StarkParams secure_128();

}  // namespace presets

/// Lets this process prove and verify with test_only parameters. Only tests call it.
void allow_test_params(bool allowed = true);
/// Whether test_only parameters are currently accepted.
bool test_params_allowed();

}  // namespace zkbatch::stark
