// SPDX-License-Identifier: Apache-2.0
// The block-level verifier of a program proof (DESIGN.md §4 "Segments"): the segments' public
// values chain from the entry point at timestamp 0 to an exit with code 0, every STARK proof
// verifies under one global seed derived from all their phase-one commitments, and the global
// buses (memory across segments, public output) balance to zero.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "hash/digest.hpp"
#include "stark/errors.hpp"
#include "stark/params.hpp"
#include "vm/proof/errors.hpp"
#include "vm/proof/keys.hpp"
#include "vm/proof/program_proof.hpp"

namespace zkbatch::vm::proof {

/// The outcome of verifying a program proof.
struct ProgramVerdict {
  ProgramError error = ProgramError::ok;
  /// The segment an error is about (segment errors only).
  size_t segment = 0;
  /// The STARK verifier's reason (segment_rejected, memory_rejected).
  stark::VerifyError stark_error = stark::VerifyError::ok;
  /// Digest of the program's key (VmKey::digest): what the proof is a proof about.
  hash::Digest program{};

  bool ok() const { return error == ProgramError::ok; }
  /// One line for logs and the CLI.
  std::string message() const;
};

/// The parameters of a preset name: "default_100", "secure_128", or "test" (only while
/// stark::test_params_allowed()). Nothing else.
std::optional<stark::StarkParams> params_by_name(const std::string& name);

/// Verifies `proof` for the program of `key` (the verifying key the caller trusts). The proof's
/// preset must be the key's.
ProgramVerdict verify_program(const VmKey& key, const ProgramProof& proof);

/// Verifies a self-contained proof: builds the keys from the embedded ELF and the preset name,
/// then verify_program. `key_out` receives the keys when they could be built.
ProgramVerdict verify_program_file(const ProgramProof& proof,
                                   std::shared_ptr<const VmKey>* key_out = nullptr);

/// The global seed of a run: derive_global_seed of the memory proof's phase-one commitment
/// followed by every segment's, in order.
hash::Digest run_global_seed(const hash::Digest& memory_commitment,
                             std::span<const hash::Digest> segment_commitments);

/// The public output's share of the global sum: sum over i of 1 / (alpha - fp(kBusOutput,
/// (i, output[i]))) with the LogUp challenges of `seed`. The segments send each output byte; the
/// verifier receives them, so the proofs' partial sums minus this must vanish.
field::Fp3 output_sum(const hash::Digest& seed, std::span<const uint8_t> output);

}  // namespace zkbatch::vm::proof
