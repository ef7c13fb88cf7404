// SPDX-License-Identifier: Apache-2.0
// One proving job (`zkbatch prove`, DESIGN.md §6): every rank calls run_prove with the same
// configuration. All ranks set up (program, circuits, prover) and agree on the outcome; then
// rank 0 coordinates and every rank proves.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "runner/circuits.hpp"
#include "runner/communicator.hpp"
#include "runner/segment_prover.hpp"

namespace zkbatch::runner {

/// Exit codes (DESIGN.md §7).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitBadInput = 2;

/// The job's settings (the command-line options of `zkbatch prove`).
struct ProveConfig {
  std::string elf;                  ///< guest program
  std::string circuits;             ///< circuits file, or empty
  std::vector<std::string> inputs;  ///< one proof per input
  std::string out_dir;              ///< proofs, summaries, ledger, resume records
  std::string previous_proof;       ///< the proof the first input links to, or empty
  double progress_interval_s = 30;  ///< seconds between progress lines (0: per segment only)
  int metrics_port = 0;             ///< 0: no metrics endpoint
  std::string metrics_address = "0.0.0.0";
  double metrics_linger_s = 0;  ///< keep serving metrics this long after the batch
  size_t resident_states = 4;   ///< phase-one states a rank keeps
  double ledger_poll_s = 1;     ///< how often the ledger is re-read (queue cancel)
};

/// What every rank builds its prover from.
struct ProverSpec {
  std::vector<uint8_t> elf;      ///< the program file's bytes
  const CircuitsData* circuits;  ///< the checked circuits file, or nullptr
};

/// Builds the program prover (the same on every rank). Throws std::exception with a message
/// naming the problem for a program that cannot be proven (exit code 2).
using ProverFactory = std::function<std::unique_ptr<ProgramProver>(const ProverSpec&)>;

/// Runs the job on this rank and returns the process exit code, the same on every rank: 0 when
/// every input was proved (or was already, or is cancelled), 1 when an input failed, 2 for bad
/// usage or bad input on any rank (one line naming the rank, the file and the problem).
int run_prove(Communicator& comm, const ProveConfig& config, const ProverFactory& factory);

}  // namespace zkbatch::runner
