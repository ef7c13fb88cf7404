// SPDX-License-Identifier: Apache-2.0
// The runner's narrow view of the zkVM prover (DESIGN.md §6): rank 0 executes an input into the
// parts of its proof (segment checkpoints, and whatever else the prover proves separately, such
// as a memory proof), every rank proves parts in two phases around the global seed, and rank 0
// assembles and verifies the proof file. Parts travel as opaque bytes, so the runner does not
// depend on what they are. `vm_prover.cpp` plugs in src/vm/proof; tests plug in small fakes.
#pragma once

#include <stdint.h>

#include <array>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "hash/digest.hpp"
#include "vm/emulator.hpp"

namespace zkbatch::runner {

/// Where proving time goes (DESIGN.md §7; the `phase` label of zkbatch_phase_seconds_total).
enum class Phase : uint8_t { execute, trace, commit, quotient, fri, write };
inline constexpr size_t kPhaseCount = 6;

/// "execute", "trace", "commit", "quotient", "fri", "write".
const char* phase_name(Phase phase);

/// Seconds spent in each phase.
struct PhaseSeconds {
  std::array<double, kPhaseCount> seconds{};
  double& operator[](Phase p) { return seconds[static_cast<size_t>(p)]; }
  double operator[](Phase p) const { return seconds[static_cast<size_t>(p)]; }
  PhaseSeconds& operator+=(const PhaseSeconds& o) {
    for (size_t i = 0; i < kPhaseCount; ++i)
      seconds[i] += o.seconds[i];
    return *this;
  }
};

/// What one segment's prover keeps between the phases (its committed traces). Opaque here.
class Phase1State {
 public:
  virtual ~Phase1State() = default;
};

/// The end of phase one for one segment.
struct Phase1Result {
  /// The digest gathered from every segment of the proof to derive the global seed.
  hash::Digest commitment{};
  /// Cycles the segment executed.
  uint64_t cycles = 0;
  std::unique_ptr<Phase1State> state;
};

/// Receives each part of a proof, in order, as soon as it exists (during execution).
using PartSink = std::function<void(std::vector<uint8_t>&&)>;

/// Proves the parts ("segments") of one program's proofs. One instance per worker thread.
class SegmentProver {
 public:
  virtual ~SegmentProver() = default;
  /// Rebuilds the part's traces from its bytes (a segment's checkpoint) and commits them.
  /// Throws on failure.
  virtual Phase1Result phase1(std::span<const uint8_t> part, PhaseSeconds& times) = 0;
  /// Finishes the segment proof with the global seed; returns its serialized bytes.
  virtual std::vector<uint8_t> phase2(Phase1State& state,
                                      const hash::Digest& global_seed,
                                      PhaseSeconds& times) = 0;
  /// The proof's global seed from every part's commitment, in part order (the default is
  /// stark::derive_global_seed; a prover whose seed orders its parts differently overrides it).
  virtual hash::Digest global_seed(std::span<const hash::Digest> part_commitments) const;
};

/// The verifier's answer on a proof file.
struct VerifyOutcome {
  bool ok = false;
  std::string error;                   ///< why not, when !ok
  std::vector<uint8_t> public_output;  ///< the committed output bytes (the public values)
  uint64_t segments = 0;
  uint64_t cycles = 0;
};

/// The program-level operations, all on rank 0 but `segment_prover`, which every rank calls.
class ProgramProver {
 public:
  virtual ~ProgramProver() = default;
  /// Digest of the verifying key (program, tables, parameters): part of every resume key.
  virtual hash::Digest key_digest() const = 0;
  /// The parameter preset's name (for summaries).
  virtual std::string params_name() const = 0;
  /// Cycles per segment, log2.
  virtual uint32_t segment_log2() const = 0;
  /// Executes the program on `input`, handing every part of its proof to `sink` in order. May
  /// run on its own thread beside the segment provers.
  virtual vm::RunResult execute(std::span<const uint8_t> input, const PartSink& sink) = 0;
  /// A prover for one worker thread.
  virtual std::unique_ptr<SegmentProver> segment_prover() = 0;
  /// The proof file of a whole run from its parts' proofs, in part order.
  virtual std::vector<uint8_t> assemble(
      const std::vector<std::vector<uint8_t>>& segment_proofs) = 0;
  /// Verifies a proof file of this program.
  virtual VerifyOutcome verify(std::span<const uint8_t> proof_file) = 0;
  /// As SegmentProver::global_seed (the two must agree).
  virtual hash::Digest global_seed(std::span<const hash::Digest> part_commitments) const;
};

}  // namespace zkbatch::runner
