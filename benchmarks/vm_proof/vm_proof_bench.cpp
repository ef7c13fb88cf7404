// SPDX-License-Identifier: Apache-2.0
// Proving throughput of the zkVM at the default preset: one segment of about 2^k cycles of a
// mixed workload (ALU, multiply, shifts, loads/stores, a branch per round, public output), proven
// with its memory proof, then verified. Counters: cycles/s, proof size, verification time, peak
// resident memory (getrusage), and the log2 height of every table of the segment proof. Run with
// --benchmark_filter=BM_ProveSegmentLarge/16 (or /18, /20); table widths are printed once to
// stderr.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "stark/proof_io.hpp"
#include "vm/proof/proof.hpp"
#include "vm/vm.hpp"

namespace zkbatch::vm::proof {
namespace {

using namespace abi;

/// About `cycles` cycles: rounds of 12 instructions, then commit and exit.
Program workload(uint64_t cycles) {
  Assembler as;
  auto loop = as.new_label();
  as.li(s0, kDefaultDataBase);
  as.li(s1, static_cast<uint32_t>((cycles - 32) / 12));
  as.li(t0, 0x9e3779b9u);
  as.bind(loop);
  as.r(Opcode::mul, t0, t0, s1);
  as.i(Opcode::srli, t1, t0, 7);
  as.r(Opcode::xor_, t0, t0, t1);
  as.i(Opcode::andi, t2, s1, 63);
  as.i(Opcode::slli, t2, t2, 2);
  as.r(Opcode::add, t2, t2, s0);
  as.load(Opcode::lw, t3, t2, 0);
  as.r(Opcode::add, t3, t3, t0);
  as.store(Opcode::sw, t3, t2, 0);
  as.load(Opcode::lbu, t4, t2, 1);
  as.i(Opcode::addi, s1, s1, -1);
  as.branch(Opcode::bne, s1, zero, loop);
  as.li(a0, kFdPublic);
  as.r(Opcode::add, a1, s0, zero);
  as.li(a2, 32);
  as.syscall(kSyscallWrite);
  as.exit(0);
  return Program(image_from_code(as.finish(), as.origin(), {}, 1024));
}

void BM_ProveSegment(benchmark::State& state) {
  const uint32_t k = static_cast<uint32_t>(state.range(0));
  const Program program = workload((uint64_t{1} << k) - 64);
  const auto key = make_key(program, stark::presets::default_100());
  static bool printed = false;
  if (!printed) {
    printed = true;
    for (const stark::TableInfo& t : key->segment.vk.tables) {
      std::fprintf(stderr, "segment table %-10s width %3zu  logup columns %2zu  constraints %3zu\n",
                   t.name.c_str(), t.width, 3 * t.logup.num_columns, t.num_constraints);
    }
  }
  ProveStats stats;
  size_t bytes = 0;
  ProgramProof proof;
  for (auto _ : state) {
    proof = prove_program(*key, program, {}, k, {}, &stats);
    bytes = serialize_program_proof(proof).size();
  }
  const auto t0 = std::chrono::steady_clock::now();
  const ProgramVerdict v = verify_program(*key, proof);
  const double verify_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!v.ok()) state.SkipWithError(v.message().c_str());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double prove_s = stats.execute + stats.witness + stats.phase1 + stats.phase2;
  state.counters["cycles"] = static_cast<double>(stats.cycles);
  state.counters["segments"] = static_cast<double>(stats.segments);
  state.counters["cycles_per_s"] = static_cast<double>(stats.cycles) / prove_s;
  state.counters["witness_s"] = stats.witness;
  state.counters["phase1_s"] = stats.phase1;
  state.counters["phase2_s"] = stats.phase2;
  state.counters["proof_KiB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["segment_KiB"] =
      static_cast<double>(stark::serialize_proof(proof.segments[0]).size()) / 1024.0;
  state.counters["verify_ms"] = 1e3 * verify_s;
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  for (size_t t = 0; t < stats.first_segment_heights.size(); ++t) {
    state.counters["h_" + key->segment.vk.tables[t].name] = stats.first_segment_heights[t];
  }
}

// A small segment for benchmarks/smoke.sh; the measured sizes are "Large" (minutes, GiB).
BENCHMARK(BM_ProveSegment)->Arg(10)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime();
void BM_ProveSegmentLarge(benchmark::State& state) {
  BM_ProveSegment(state);
}
BENCHMARK(BM_ProveSegmentLarge)
    ->Arg(16)
    ->Arg(18)
    ->Arg(20)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace
}  // namespace zkbatch::vm::proof

BENCHMARK_MAIN();
