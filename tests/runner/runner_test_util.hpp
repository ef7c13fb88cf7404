// SPDX-License-Identifier: Apache-2.0
// Shared pieces of the runner tests: a tiny guest program assembled in-process, its inputs, a
// fake program prover that exercises the protocol in milliseconds, temporary directories, and
// a job run on N in-process ranks (threads connected by make_local_group).
#pragma once

#include <stdint.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "runner/prove_job.hpp"
#include "runner/segment_prover.hpp"
#include "vm/program.hpp"

namespace zkbatch::runner::test {

/// The test guest: reads 69 bytes of private input — prev link (32), own link (32), a loop count
/// n (u32 little-endian), an exit code (u8) — commits the first 64 bytes as public output, loops
/// n times (about 4 cycles each) and exits with the given code. Small n and 2^6-cycle segments
/// give a handful of segments.
std::vector<uint8_t> linking_program_elf();

/// Its input.
std::vector<uint8_t> program_input(uint8_t prev_link,
                                   uint8_t own_link,
                                   uint32_t loops,
                                   uint8_t exit_code = 0);

/// Segment size the tests use: 2^6 cycles.
inline constexpr uint32_t kTestSegmentLog2 = 6;

/// A stand-in for the zkVM prover with the same determinism contract: phase one traces the
/// segment with the real emulator and hashes the checkpoint and the trace's end state; phase
/// two binds the commitment to the seed; verify re-derives the seed from every segment's
/// commitment and checks each binding, so a proof assembled from mixed seeds or reordered
/// segments is rejected. Options make a segment fail or slow down.
/// FakeOptions::fail_segment value that fails every segment.
inline constexpr uint32_t kEverySegment = UINT32_MAX - 1;

struct FakeOptions {
  uint32_t fail_segment = UINT32_MAX;         ///< phase one of this segment throws
  uint32_t fail_phase2_segment = UINT32_MAX;  ///< phase two of this segment throws
  int fail_rank = -1;                         ///< ... only on this rank (-1: any)
  int delay_ms = 0;                           ///< sleep in each phase (to interleave ranks)
  std::atomic<int>* phase1_calls = nullptr;
  std::atomic<int>* phase2_calls = nullptr;
};

/// Builds the fake program prover from a ProverSpec (the ELF bytes), as the factory does.
std::unique_ptr<ProgramProver> make_fake_prover(const ProverSpec& spec,
                                                const FakeOptions& options,
                                                int rank);

/// A fresh directory under the system's temporary directory, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  /// Writes a file under the directory and returns its path.
  std::string write(const std::string& name, const std::vector<uint8_t>& bytes) const;

 private:
  std::filesystem::path path_;
};

/// Runs `config` as a job of `ranks` in-process ranks with the fake prover; returns each rank's
/// exit code.
std::vector<int> run_local_job(int ranks,
                               const ProveConfig& config,
                               const FakeOptions& options = {});

/// Reads a whole file (empty when missing).
std::vector<uint8_t> slurp(const std::filesystem::path& path);

}  // namespace zkbatch::runner::test
