// SPDX-License-Identifier: Apache-2.0
// Batched NTT and coset LDE over 2^16..2^22 rows and 1..64 columns on the default back end.
#include <benchmark/benchmark.h>

#include <random>

#include "poly/lde.hpp"
#include "poly/ntt.hpp"

namespace zkbatch::poly {
namespace {

RowMajorMatrix random_matrix(size_t width, size_t height) {
  std::mt19937_64 rng(width * 1000003 + height);
  RowMajorMatrix m(width, height);
  for (field::Fp& v : m.values())
    v = field::Fp(rng());
  return m;
}

/// Forward NTT, natural order in and out, of a 2^range(0) x range(1) matrix, in place.
void BM_Ntt(benchmark::State& state) {
  const auto log_n = static_cast<unsigned>(state.range(0));
  const auto width = static_cast<size_t>(state.range(1));
  RowMajorMatrix m = random_matrix(width, size_t{1} << log_n);
  for (auto _ : state) {
    ntt(m);
    benchmark::DoNotOptimize(m.values().data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(m.values().size()));
}

/// Forward NTT into bit-reversed order (no permutation pass), the order FRI folds in.
void BM_NttBitReversedOutput(benchmark::State& state) {
  const auto log_n = static_cast<unsigned>(state.range(0));
  const auto width = static_cast<size_t>(state.range(1));
  RowMajorMatrix m = random_matrix(width, size_t{1} << log_n);
  for (auto _ : state) {
    ntt(m, RowOrder::natural, RowOrder::bit_reversed);
    benchmark::DoNotOptimize(m.values().data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(m.values().size()));
}

/// Coset LDE of a 2^range(0) x range(1) trace with blowup 2^range(2), output in natural order
/// (range(3) = 0) or bit-reversed (1); includes allocating the output.
void BM_CosetLde(benchmark::State& state) {
  const auto log_n = static_cast<unsigned>(state.range(0));
  const auto width = static_cast<size_t>(state.range(1));
  const auto log_blowup = static_cast<unsigned>(state.range(2));
  const RowOrder order = state.range(3) == 0 ? RowOrder::natural : RowOrder::bit_reversed;
  const RowMajorMatrix evals = random_matrix(width, size_t{1} << log_n);
  for (auto _ : state) {
    RowMajorMatrix lde = coset_lde(evals, log_blowup, field::multiplicative_generator(), order);
    benchmark::DoNotOptimize(lde.values().data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(evals.values().size() << log_blowup));
}

void ntt_sizes(benchmark::internal::Benchmark* b) {
  for (int log_n : {16, 18, 20}) {
    for (int width : {1, 8, 16, 64})
      b->Args({log_n, width});
  }
  b->Args({22, 1})->Args({22, 16});
}

void lde_sizes(benchmark::internal::Benchmark* b) {
  for (int log_n : {16, 18, 20}) {
    for (int width : {8, 16, 64}) {
      for (int log_blowup : {1, 2})
        b->Args({log_n, width, log_blowup, 0});
    }
  }
  b->Args({20, 16, 1, 1})->Args({20, 16, 2, 1});
}

BENCHMARK(BM_Ntt)->Apply(ntt_sizes)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_NttBitReversedOutput)
    ->Args({20, 16})
    ->Args({20, 64})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_CosetLde)->Apply(lde_sizes)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace zkbatch::poly

BENCHMARK_MAIN();
