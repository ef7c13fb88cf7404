// SPDX-License-Identifier: Apache-2.0
#include "vm/proof/prover.hpp"

#include <bit>
#include <chrono>
#include <optional>
#include <string>

#include "vm/chips/segment_values.hpp"
#include "vm/elf_writer.hpp"
#include "vm/proof/verifier.hpp"

namespace zkbatch::vm::proof {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

stark::ProverPhase1 phase1(const stark::ProvingKey& pk,
                           stark::Witness witness,
                           const ProveOptions& options) {
  stark::ProveOptions o;
  o.check_constraints = options.check_constraints;
  try {
    return stark::prove_phase1(pk, std::move(witness.traces), std::move(witness.public_values), o);
  } catch (const stark::ProveError& e) {
    throw ProveError(e.what());
  }
}

}  // namespace

Execution execute(const Program& program,
                  std::span<const uint8_t> input,
                  uint32_t segment_log2,
                  uint64_t max_cycles) {
  if (segment_log2 > chips::kMaxSegmentLog2) {
    throw ProveError("segments of 2^" + std::to_string(segment_log2) +
                     " cycles are above the provable 2^" + std::to_string(chips::kMaxSegmentLog2));
  }
  Execution e;
  RunOptions options;
  options.segment_log2 = segment_log2;
  options.max_cycles = max_cycles;
  e.result = Emulator(program).execute_segments(
      input, options, [&](Checkpoint&& c) { e.checkpoints.push_back(std::move(c)); });
  if (e.result.status == RunStatus::trapped) {
    throw ProveError("the run traps: " + describe(e.result.trap));
  }
  if (e.result.status != RunStatus::halted) {
    throw ProveError("the run does not halt within " + std::to_string(max_cycles) + " cycles");
  }
  e.statement = RunStatement::make(segment_log2, e.result.cycles, e.result.public_output);
  return e;
}

stark::Witness segment_witness_from(const VmKey& key,
                                    const Program& program,
                                    const Checkpoint& checkpoint,
                                    const RunStatement& statement,
                                    SegmentSummary* summary) {
  const SegmentTrace trace = Emulator(program).trace_segment(checkpoint);
  *summary = summarize(trace);
  return segment_witness(key, trace, checkpoint.public_output.size(), statement);
}

stark::ProverPhase1 prove_segment_phase1(const VmKey& key,
                                         stark::Witness witness,
                                         const ProveOptions& options) {
  return phase1(key.segment, std::move(witness), options);
}

stark::ProverPhase1 prove_memory_phase1(const VmKey& key,
                                        stark::Witness witness,
                                        const ProveOptions& options) {
  return phase1(key.memory, std::move(witness), options);
}

ProgramProof assemble(const VmKey& key,
                      const Program& program,
                      const RunStatement& statement,
                      stark::Proof memory,
                      std::vector<stark::Proof> segments) {
  ProgramProof p;
  p.params = key.params().name;
  p.elf = write_elf(program.image());
  p.segment_log2 = statement.segment_log2;
  p.public_output = statement.public_output;
  p.memory = std::move(memory);
  p.segments = std::move(segments);
  return p;
}

ProgramProof prove_program(const VmKey& key,
                           const Program& program,
                           std::span<const uint8_t> input,
                           uint32_t segment_log2,
                           const ProveOptions& options,
                           ProveStats* stats) {
  ProveStats local;
  ProveStats& st = stats != nullptr ? *stats : local;
  // 1. Execute.
  auto start = Clock::now();
  const Execution exec = execute(program, input, segment_log2);
  st.execute = seconds_since(start);
  st.cycles = exec.result.cycles;
  const size_t n = exec.checkpoints.size();
  st.segments = n;
  const bool keep = n <= kKeptSegments;

  // 2. Segments: witness and phase one (kept, or only its commitment).
  std::vector<SegmentSummary> summaries(n);
  std::vector<std::optional<stark::ProverPhase1>> kept(n);
  std::vector<hash::Digest> commitments(n);
  auto segment_phase1 = [&](size_t i) {
    auto t0 = Clock::now();
    stark::Witness w =
        segment_witness_from(key, program, exec.checkpoints[i], exec.statement, &summaries[i]);
    if (options.tamper_segment) options.tamper_segment(i, w);
    if (i == 0) {
      st.first_segment_heights.clear();
      for (const poly::RowMajorMatrix& t : w.traces)
        st.first_segment_heights.push_back(static_cast<uint8_t>(std::countr_zero(t.height())));
    }
    st.witness += seconds_since(t0);
    t0 = Clock::now();
    stark::ProverPhase1 p = prove_segment_phase1(key, std::move(w), options);
    st.phase1 += seconds_since(t0);
    return p;
  };
  for (size_t i = 0; i < n; ++i) {
    stark::ProverPhase1 p = segment_phase1(i);
    commitments[i] = p.commitment();
    if (keep) kept[i].emplace(std::move(p));
  }

  // 3. The memory proof's phase one.
  start = Clock::now();
  stark::Witness mw = memory_witness(key, summaries, exec.statement);
  if (options.tamper_memory) options.tamper_memory(mw);
  for (const poly::RowMajorMatrix& t : mw.traces)
    st.memory_heights.push_back(static_cast<uint8_t>(std::countr_zero(t.height())));
  st.witness += seconds_since(start);
  start = Clock::now();
  stark::ProverPhase1 memory = prove_memory_phase1(key, std::move(mw), options);
  st.phase1 += seconds_since(start);

  // 4. The global seed.
  hash::Digest seed = run_global_seed(memory.commitment(), commitments);
  if (options.tamper_seed) seed = options.tamper_seed(seed);

  // 5. Phase two of every proof.
  std::vector<stark::Proof> segments;
  segments.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!keep) kept[i].emplace(segment_phase1(i));
    start = Clock::now();
    segments.push_back(stark::prove_phase2(std::move(*kept[i]), seed));
    kept[i].reset();
    st.phase2 += seconds_since(start);
  }
  start = Clock::now();
  stark::Proof memory_proof = stark::prove_phase2(std::move(memory), seed);
  st.phase2 += seconds_since(start);
  return assemble(key, program, exec.statement, std::move(memory_proof), std::move(segments));
}

}  // namespace zkbatch::vm::proof
