// SPDX-License-Identifier: Apache-2.0
// Keccak-256 throughput in bytes per second on inputs of 32 B (a trie key), 1 KiB and 64 KiB.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "hash/keccak.hpp"

namespace zkbatch::hash {
namespace {

void BM_Keccak256(benchmark::State& state) {
  const size_t len = static_cast<size_t>(state.range(0));
  std::vector<uint8_t> data(len);
  for (size_t i = 0; i < len; ++i) {
    data[i] = static_cast<uint8_t>(i * 131 + 7);
  }
  uint8_t out[kKeccak256Bytes];
  for (auto _ : state) {
    keccak256(base::ByteSpan(data.data(), len), out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(len));
}
BENCHMARK(BM_Keccak256)->Arg(32)->Arg(1 << 10)->Arg(64 << 10);

void BM_KeccakF1600(benchmark::State& state) {
  uint64_t lanes[25] = {};
  for (auto _ : state) {
    keccak_f1600(lanes);
    benchmark::DoNotOptimize(lanes);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KeccakF1600);

}  // namespace
}  // namespace zkbatch::hash
