// SPDX-License-Identifier: Apache-2.0
// Proving a program run, as steps the MPI runner distributes (DESIGN.md §6) and as one call for a
// single process:
//   1. execute: run the program once, cut it into segments, keep their checkpoints;
//   2. per segment, anywhere: trace it from its checkpoint, build its witness, prove phase one
//      (its commitment goes to the runner) and keep its summary (for the memory proof);
//   3. the memory proof's witness from all summaries, and its phase one;
//   4. the global seed from all phase-one commitments (run_global_seed);
//   5. phase two of every proof with that seed; assemble the program proof.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <vector>

#include "stark/prover.hpp"
#include "vm/checkpoint.hpp"
#include "vm/emulator.hpp"
#include "vm/proof/keys.hpp"
#include "vm/proof/program_proof.hpp"
#include "vm/proof/witness.hpp"

namespace zkbatch::vm::proof {

/// A run that cannot be proven (it trapped or hit the cycle limit), or a witness that does not
/// satisfy the constraints.
class ProveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A run cut into segments: what step 1 produces.
struct Execution {
  RunResult result;
  std::vector<Checkpoint> checkpoints;
  RunStatement statement;
};

/// Step 1: runs `program` on `input` with segments of 2^segment_log2 cycles. Throws ProveError
/// unless the run halts (any exit code: the verifier rejects a nonzero one) and segment_log2 is
/// at most chips::kMaxSegmentLog2.
Execution execute(const Program& program,
                  std::span<const uint8_t> input,
                  uint32_t segment_log2,
                  uint64_t max_cycles = uint64_t{1} << 40);

/// Knobs of proving. The hooks exist for the soundness tests: they change a witness or the seed
/// after it is built, and with check_constraints off the prover goes on with it.
struct ProveOptions {
  /// Check every witness against its constraints before committing (stark::ProveOptions).
  bool check_constraints = true;
  /// Called with (segment index, witness) before phase one.
  std::function<void(size_t, stark::Witness&)> tamper_segment;
  /// Called with the memory proof's witness before phase one.
  std::function<void(stark::Witness&)> tamper_memory;
  /// Replaces the global seed before phase two.
  std::function<hash::Digest(const hash::Digest&)> tamper_seed;
};

/// Step 2: one segment's witness from its checkpoint alone; `summary` (not null) receives what
/// the memory proof needs from the segment.
stark::Witness segment_witness_from(const VmKey& key,
                                    const Program& program,
                                    const Checkpoint& checkpoint,
                                    const RunStatement& statement,
                                    SegmentSummary* summary);

/// Steps 2 and 3, phase one of a segment or of the memory proof. The key must outlive phase two.
stark::ProverPhase1 prove_segment_phase1(const VmKey& key,
                                         stark::Witness witness,
                                         const ProveOptions& options = {});
stark::ProverPhase1 prove_memory_phase1(const VmKey& key,
                                        stark::Witness witness,
                                        const ProveOptions& options = {});

/// Step 5: the program proof from its parts.
ProgramProof assemble(const VmKey& key,
                      const Program& program,
                      const RunStatement& statement,
                      stark::Proof memory,
                      std::vector<stark::Proof> segments);

/// Where the time of prove_program went (seconds) and what it proved.
struct ProveStats {
  double execute = 0;  ///< step 1
  double witness = 0;  ///< tracing segments and building witnesses
  double phase1 = 0;   ///< phase one of every proof
  double phase2 = 0;   ///< phase two of every proof
  uint64_t cycles = 0;
  size_t segments = 0;
  /// log2 heights of every table of the first segment proof and of the memory proof.
  std::vector<uint8_t> first_segment_heights, memory_heights;
};

/// All steps in one process. Phase-one states are kept for at most `kKeptSegments` segments;
/// beyond that each segment's phase one is computed twice (once for its commitment, once before
/// phase two) so that memory stays bounded; the proof is the same either way.
ProgramProof prove_program(const VmKey& key,
                           const Program& program,
                           std::span<const uint8_t> input,
                           uint32_t segment_log2,
                           const ProveOptions& options = {},
                           ProveStats* stats = nullptr);

/// Segments whose phase-one state prove_program keeps in memory.
inline constexpr size_t kKeptSegments = 8;

}  // namespace zkbatch::vm::proof
