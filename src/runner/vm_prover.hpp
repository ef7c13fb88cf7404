// SPDX-License-Identifier: Apache-2.0
// The zkVM prover (src/vm/proof) behind the runner's seam (segment_prover.hpp). A run of n
// segments is proved as n + 1 parts:
//   parts 0..n-1  one segment each: its checkpoint and the run's statement (segment size,
//                 cycles, public output);
//   part n        the memory proof: the statement and every segment's SegmentSummary, which
//                 rank 0 computes by tracing each segment after execution.
// Any rank proves any part from its bytes alone. The global seed is vm::proof::run_global_seed
// (the memory commitment first, then the segments'), and the assembled file is exactly what
// vm::proof::prove_program writes for the same program, input and segment size.
#pragma once

#include <stdint.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "runner/circuits.hpp"
#include "runner/segment_prover.hpp"
#include "vm/program.hpp"
#include "vm/proof/keys.hpp"
#include "vm/proof/witness.hpp"

namespace zkbatch::runner {

/// The prover's settings (the `--segment-log2` and `--params` options).
struct VmProverOptions {
  uint32_t segment_log2 = 20;
  std::string params = "default_100";
};

/// Builds the zkVM program prover of `elf` (the program file's bytes). Throws
/// std::invalid_argument naming the problem for an unknown preset, a segment size the machine
/// cannot prove, or an ELF that does not load or cannot be proven.
std::unique_ptr<ProgramProver> make_vm_prover(std::span<const uint8_t> elf,
                                              const VmProverOptions& options);

/// The circuits file's content for `elf` (`zkbatch circuits build`): the ELF, the preset, the
/// segment size, the verifying-key digest and the preprocessed data of both machines (program
/// table, memory image and fixed tables as traces, their low-degree extensions and the roots
/// of their commitments). Throws as make_vm_prover.
CircuitsData make_vm_circuits(std::span<const uint8_t> elf, const VmProverOptions& options);

/// Encodings of the parts (exposed for tests). Decoders throw std::invalid_argument.
std::vector<uint8_t> encode_segment_part(const vm::proof::RunStatement& statement,
                                         const vm::Checkpoint& checkpoint);
std::vector<uint8_t> encode_memory_part(const vm::proof::RunStatement& statement,
                                        std::span<const vm::proof::SegmentSummary> summaries);

}  // namespace zkbatch::runner
