// SPDX-License-Identifier: Apache-2.0
// Interpreter throughput in gas per second on loops of one instruction family: arithmetic and
// stack shuffling, 256-bit multiplication and division, KECCAK256 over a word, memory
// writes, warm SSTORE/SLOAD pairs, TSTORE/TLOAD, and calls to the IDENTITY precompile (a
// suspend/resume of the frame per iteration). Each iteration of the benchmark runs one whole
// transaction on a fresh State.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "evm_bench_support.hpp"

namespace zkbatch::eth::evm::bench {
namespace {

void run_loop(benchmark::State& st, const std::vector<uint8_t>& body) {
  BenchSource source(loop(static_cast<uint32_t>(st.range(0)), body));
  uint64_t gas = 0;
  for (auto _ : st) {
    uint64_t used = run_call(source, 30000000);
    if (used == 0) st.SkipWithError("transaction failed");
    gas += used;
  }
  st.counters["gas/s"] = benchmark::Counter(static_cast<double>(gas), benchmark::Counter::kIsRate);
}

// PUSH1 7, PUSH1 9, ADD, DUP1, XOR, POP: cheap stack instructions.
void BM_Arithmetic(benchmark::State& st) {
  run_loop(st, {0x60, 0x07, 0x60, 0x09, 0x01, 0x80, 0x18, 0x50});
}
BENCHMARK(BM_Arithmetic)->Arg(1000)->Arg(10000);

// PUSH32 big, DUP1, MUL, PUSH1 3, SWAP1, DIV, POP: the 256-bit multiply and divide.
void BM_MulDiv(benchmark::State& st) {
  std::vector<uint8_t> body = {0x7f};
  for (int i = 0; i < 32; ++i)
    body.push_back(static_cast<uint8_t>(0x91 + i * 7));
  const std::vector<uint8_t> rest = {0x80, 0x02, 0x60, 0x03, 0x90, 0x04, 0x50};
  body.insert(body.end(), rest.begin(), rest.end());
  run_loop(st, body);
}
BENCHMARK(BM_MulDiv)->Arg(1000)->Arg(10000);

// PUSH1 32, PUSH1 0, KECCAK256, POP.
void BM_Keccak(benchmark::State& st) {
  run_loop(st, {0x60, 0x20, 0x60, 0x00, 0x20, 0x50});
}
BENCHMARK(BM_Keccak)->Arg(1000);

// DUP1, PUSH1 31, AND, DUP1, MSTORE: a word written at (counter & 31).
void BM_Mstore(benchmark::State& st) {
  run_loop(st, {0x80, 0x60, 0x1f, 0x16, 0x80, 0x52});
}
BENCHMARK(BM_Mstore)->Arg(1000);

// DUP1, PUSH1 0, SSTORE, PUSH1 0, SLOAD, POP: one warm slot written and read.
void BM_Storage(benchmark::State& st) {
  run_loop(st, {0x80, 0x60, 0x00, 0x55, 0x60, 0x00, 0x54, 0x50});
}
BENCHMARK(BM_Storage)->Arg(1000);

// DUP1, PUSH1 0, TSTORE, PUSH1 0, TLOAD, POP.
void BM_Transient(benchmark::State& st) {
  run_loop(st, {0x80, 0x60, 0x00, 0x5d, 0x60, 0x00, 0x5c, 0x50});
}
BENCHMARK(BM_Transient)->Arg(1000);

// STATICCALL(gas, 0x04, 0, 32, 0, 32), POP: a precompile call per iteration.
void BM_PrecompileCall(benchmark::State& st) {
  run_loop(st, {0x60, 0x20, 0x60, 0x00, 0x60, 0x20, 0x60, 0x00, 0x60, 0x04, 0x5a, 0xfa, 0x50});
}
BENCHMARK(BM_PrecompileCall)->Arg(1000);

// CALL(gas, 0xc1 (empty account), 0, 0, 0, 0, 0), POP: a call to an account without code.
void BM_EmptyCall(benchmark::State& st) {
  run_loop(st, {0x60, 0x00, 0x80, 0x80, 0x80, 0x80, 0x60, 0xc1, 0x5a, 0xf1, 0x50});
}
BENCHMARK(BM_EmptyCall)->Arg(1000);

}  // namespace
}  // namespace zkbatch::eth::evm::bench
