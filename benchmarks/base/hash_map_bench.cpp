// SPDX-License-Identifier: Apache-2.0
// HashMap with Bytes32 keys (storage slots, trie node hashes): lookups of present and absent
// keys in a map of a given size, and inserting that many keys into an empty map.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "base/bytes.hpp"
#include "base/hash_map.hpp"

namespace zkbatch::base {
namespace {

std::vector<Bytes32> random_keys(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Bytes32> keys(count);
  for (Bytes32& k : keys) {
    for (uint8_t& b : k.bytes)
      b = static_cast<uint8_t>(rng());
  }
  return keys;
}

void BM_HashMapFind(benchmark::State& state) {
  size_t n = static_cast<size_t>(state.range(0));
  std::vector<Bytes32> keys = random_keys(n, 1), absent = random_keys(n, 2);
  HashMap<Bytes32, uint64_t> map;
  for (size_t i = 0; i < n; ++i)
    map.insert_or_assign(keys[i], i);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(map.find(keys[i]));
    benchmark::DoNotOptimize(map.find(absent[i]));
    i = (i + 1) % n;
  }
  state.SetItemsProcessed(2 * state.iterations());
}

void BM_HashMapInsert(benchmark::State& state) {
  size_t n = static_cast<size_t>(state.range(0));
  std::vector<Bytes32> keys = random_keys(n, 1);
  for (auto _ : state) {
    HashMap<Bytes32, uint64_t> map;
    for (size_t i = 0; i < n; ++i)
      map.insert_or_assign(keys[i], i);
    benchmark::DoNotOptimize(map.size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(n) * state.iterations());
}

BENCHMARK(BM_HashMapFind)->Arg(1 << 10)->Arg(1 << 16)->Arg(1 << 20);
BENCHMARK(BM_HashMapInsert)->Arg(1 << 10)->Arg(1 << 16);

}  // namespace
}  // namespace zkbatch::base
