// SPDX-License-Identifier: Apache-2.0
// Poseidon2 throughput: one permutation at a time, a batch of independent states split over
// OpenMP threads (the shape of Merkle leaf hashing), the leaf sponge over 8-element rows, and
// node compression. Items are permutations (or rows, or nodes).
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cstdint>
#include <random>
#include <vector>

#include "hash/compress.hpp"
#include "hash/poseidon2.hpp"
#include "hash/sponge.hpp"

namespace zkbatch::hash {
namespace {

using field::Fp;

std::vector<Fp> random_elements(size_t n) {
  std::mt19937_64 rng(42);
  std::vector<Fp> out(n);
  for (Fp& e : out) {
    e = Fp(rng());
  }
  return out;
}

void BM_Poseidon2Permute(benchmark::State& state) {
  std::vector<Fp> s = random_elements(Poseidon2::kWidth);
  for (auto _ : state) {
    Poseidon2::permute(s.data());
    benchmark::DoNotOptimize(s.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Poseidon2Permute);

/// range(0): number of states (2^k); range(1): OpenMP threads.
void BM_Poseidon2Batch(benchmark::State& state) {
  const size_t count = static_cast<size_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  std::vector<Fp> states = random_elements(count * Poseidon2::kWidth);
  for (auto _ : state) {
#pragma omp parallel for num_threads(threads) schedule(static)
    for (size_t i = 0; i < count; ++i) {
      Poseidon2::permute(states.data() + i * Poseidon2::kWidth);
    }
    benchmark::DoNotOptimize(states.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(count));
  state.counters["threads"] = threads;
}
BENCHMARK(BM_Poseidon2Batch)->Args({1 << 14, 1})->Args({1 << 14, 2})->UseRealTime();

/// Hashes 2^k rows of 8 elements each: one permutation per row, as for a Merkle leaf layer.
void BM_HashElementsRow8(benchmark::State& state) {
  const size_t rows = static_cast<size_t>(state.range(0));
  std::vector<Fp> data = random_elements(rows * 8);
  std::vector<Digest> out(rows);
  for (auto _ : state) {
    for (size_t r = 0; r < rows; ++r) {
      out[r] = hash_elements(data.data() + r * 8, 8);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(rows));
}
BENCHMARK(BM_HashElementsRow8)->Arg(1 << 10);

void BM_Compress(benchmark::State& state) {
  std::vector<Fp> e = random_elements(8);
  Digest left{{e[0], e[1], e[2], e[3]}}, right{{e[4], e[5], e[6], e[7]}};
  for (auto _ : state) {
    left = compress(left, right);
    benchmark::DoNotOptimize(left);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Compress);

}  // namespace
}  // namespace zkbatch::hash
