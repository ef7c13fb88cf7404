// SPDX-License-Identifier: Apache-2.0
// Rank 0's side of a proving job: feeds the scheduler, talks to the workers (its own through
// in-process queues, the others through the communicator), gathers commitments, stores segment
// proofs, assembles and writes proof files, and reports progress, metrics and the ledger.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/communicator.hpp"
#include "runner/ledger.hpp"
#include "runner/metrics.hpp"
#include "runner/prove_job.hpp"
#include "runner/segment_prover.hpp"

namespace zkbatch::runner::detail {

/// One input of the batch, read and hashed during setup.
struct BatchInput {
  std::string name;  ///< input_name(path): the proof is <out>/<name>.proof
  std::string path;
  std::vector<uint8_t> bytes;
  std::string input_hash;  ///< Keccak-256 hex
};

/// What the coordinator works with.
struct CoordinatorContext {
  const ProveConfig& config;
  Communicator& comm;
  ProgramProver& prover;
  Ledger& ledger;
  Metrics& metrics;
  std::vector<BatchInput> inputs;  ///< the inputs to prove, in batch order
  /// The verified --previous-proof's public output and Keccak-256, when linking.
  std::optional<std::vector<uint8_t>> previous_output;
  std::string previous_proof_keccak;
  /// Inputs skipped at setup that still count as failures (failed earlier, not retried).
  size_t failed_before = 0;
  /// OpenMP threads for rank 0's worker (0: the default).
  int threads = 0;
};

/// Runs the job's coordination on rank 0 (with rank 0's worker on a thread of its own) and
/// returns the exit code. With an MPI communicator a failed rank ends the whole job through
/// Communicator::abort after its error is logged; without MPI it returns the code.
int run_coordinator(CoordinatorContext& ctx);

}  // namespace zkbatch::runner::detail
