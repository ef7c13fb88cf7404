// SPDX-License-Identifier: Apache-2.0
// Emulator throughput in instructions (cycles) per second, one thread:
//   execute/<workload>   fast mode over the whole run
//   segments/<workload>  execution with a checkpoint every 2^16 cycles
//   trace/<workload>     trace mode: one 2^16-cycle segment rebuilt from its checkpoint
// Workloads: the example guests (guest/examples, found as in the tests through
// $ZKB_GUEST_ELF_DIR or the build's guest-build directory) and an assembled loop that needs no
// toolchain. docs/vm.md records the figures and the machine.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "vm/vm.hpp"

namespace {

using namespace zkbatch::vm;

constexpr uint32_t kTraceLog2 = 16;

struct Workload {
  std::string name;
  std::unique_ptr<Program> program;
  std::vector<uint8_t> input;
};

std::string guest_dir() {
  if (const char* env = std::getenv("ZKB_GUEST_ELF_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef ZKB_GUEST_ELF_DIR
  return ZKB_GUEST_ELF_DIR;
#else
  return "";
#endif
}

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

// A loop of ALU, multiply, load and store work over a 1 KiB buffer: 2^22 iterations of 8
// instructions.
std::unique_ptr<Program> assembled_loop() {
  using namespace abi;
  Assembler as;
  as.li(s0, kDefaultDataBase);
  as.li(s1, 1u << 22);
  as.li(a0, 0x12345);
  auto loop = as.new_label();
  as.bind(loop);
  as.i(Opcode::andi, t0, s1, 0x3fc);
  as.r(Opcode::add, t0, t0, s0);
  as.load(Opcode::lw, t1, t0, 0);
  as.r(Opcode::mul, t2, a0, s1);
  as.r(Opcode::xor_, t1, t1, t2);
  as.store(Opcode::sw, t1, t0, 0);
  as.i(Opcode::addi, s1, s1, -1);
  as.branch(Opcode::bne, s1, zero, loop);
  as.exit(0);
  return std::make_unique<Program>(
      image_from_code(as.finish(), kDefaultCodeBase, {}, 4096, kDefaultDataBase, "loop"));
}

std::vector<Workload> workloads() {
  std::vector<Workload> w;
  w.push_back({"alu_loop", assembled_loop(), {}});
  const std::string dir = guest_dir();
  if (dir.empty()) {
    std::fprintf(stderr,
                 "vm_bench: guest ELFs not configured (set ZKB_GUEST_ELF_DIR); "
                 "running the assembled loop only\n");
    return w;
  }
  auto load = [&](const std::string& name, std::vector<uint8_t> input) {
    ElfError error;
    Program p = Program::load(dir + "/" + name + ".elf", error);
    if (!error.ok()) {
      std::fprintf(stderr, "vm_bench: %s\n", error.message.c_str());
      return;
    }
    w.push_back({name, std::make_unique<Program>(std::move(p)), std::move(input)});
  };
  std::vector<uint8_t> keccak;
  put_u32(keccak, 200);  // 200 Keccak-256 permutation chains over a 3-byte seed
  for (const char ch : {'a', 'b', 'c'})
    keccak.push_back(static_cast<uint8_t>(ch));
  load("keccak_chain", keccak);
  std::vector<uint8_t> sort;
  put_u32(sort, 50000);
  uint32_t x = 1;
  for (int i = 0; i < 50000; ++i) {
    x = x * 1664525u + 1013904223u;  // Numerical Recipes LCG: any spread of values will do
    put_u32(sort, x);
  }
  load("sort", sort);
  std::vector<uint8_t> bigint;
  for (int r = 0; r < 2; ++r) {
    for (int i = 0; i < 96; ++i)
      bigint.push_back(static_cast<uint8_t>(37 * i + 11 * r + 5));
  }
  load("bigint", bigint);
  return w;
}

void execute(benchmark::State& state, const Workload* w) {
  const Emulator emulator(*w->program);
  uint64_t cycles = 0;
  for (auto _ : state) {
    const RunResult r = emulator.execute(w->input);
    if (!r.succeeded()) state.SkipWithError(describe(r.trap).c_str());
    cycles += r.cycles;
    benchmark::DoNotOptimize(r.public_output.data());
  }
  state.counters["instr/s"] =
      benchmark::Counter(static_cast<double>(cycles), benchmark::Counter::kIsRate);
  state.counters["cycles"] = static_cast<double>(cycles / state.iterations());
}

void segments(benchmark::State& state, const Workload* w) {
  const Emulator emulator(*w->program);
  RunOptions options;
  options.segment_log2 = kTraceLog2;
  uint64_t cycles = 0;
  size_t checkpoint_words = 0;
  for (auto _ : state) {
    checkpoint_words = 0;
    const RunResult r = emulator.execute_segments(
        w->input, options, [&](Checkpoint&& c) { checkpoint_words += c.memory.size(); });
    cycles += r.cycles;
  }
  state.counters["instr/s"] =
      benchmark::Counter(static_cast<double>(cycles), benchmark::Counter::kIsRate);
  state.counters["ckpt_words"] = static_cast<double>(checkpoint_words);
}

void trace(benchmark::State& state, const Workload* w) {
  const Emulator emulator(*w->program);
  RunOptions options;
  options.segment_log2 = kTraceLog2;
  std::vector<Checkpoint> checkpoints;
  emulator.execute_segments(w->input, options,
                            [&](Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
  // A segment from the middle of the run: a full 2^16 cycles of steady-state work.
  const Checkpoint& c = checkpoints.at(checkpoints.size() > 2 ? checkpoints.size() / 2 : 0);
  uint64_t rows = 0;
  for (auto _ : state) {
    const SegmentTrace t = emulator.trace_segment(c);
    rows += t.rows.size();
    benchmark::DoNotOptimize(t.rows.data());
  }
  state.counters["instr/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const std::vector<Workload> loads = workloads();
  for (const Workload& w : loads) {
    benchmark::RegisterBenchmark(("execute/" + w.name).c_str(), execute, &w)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("segments/" + w.name).c_str(), segments, &w)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("trace/" + w.name).c_str(), trace, &w)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
