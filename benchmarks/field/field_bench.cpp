// SPDX-License-Identifier: Apache-2.0
// Microbenchmarks of Goldilocks and its cubic extension. Latency variants chain each result into
// the next operation; throughput variants run independent operations over an array.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "field/field.hpp"

namespace zkbatch::field {
namespace {

Fp random_fp(std::mt19937_64& rng) {
  return Fp(rng());
}

Fp3 random_fp3(std::mt19937_64& rng) {
  Fp c0 = random_fp(rng), c1 = random_fp(rng);
  return Fp3(c0, c1, random_fp(rng));
}

constexpr int kChain = 256;  // operations per benchmark iteration in the latency variants

void BM_FpMulLatency(benchmark::State& state) {
  std::mt19937_64 rng(1);
  Fp x = random_fp(rng);
  const Fp y = random_fp(rng);
  for (auto _ : state) {
    for (int i = 0; i < kChain; ++i)
      x = x * y;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * kChain);
}
BENCHMARK(BM_FpMulLatency);

void BM_FpMulThroughput(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(2);
  std::vector<Fp> a(n), b(n), c(n);
  for (size_t i = 0; i < n; ++i) {
    a[i] = random_fp(rng);
    b[i] = random_fp(rng);
  }
  for (auto _ : state) {
    for (size_t i = 0; i < n; ++i)
      c[i] = a[i] * b[i];
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_FpMulThroughput)->Arg(1 << 12);

void BM_FpAddLatency(benchmark::State& state) {
  std::mt19937_64 rng(3);
  Fp x = random_fp(rng);
  const Fp y = random_fp(rng);
  for (auto _ : state) {
    for (int i = 0; i < kChain; ++i)
      x = x + y;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * kChain);
}
BENCHMARK(BM_FpAddLatency);

void BM_FpAddThroughput(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(4);
  std::vector<Fp> a(n), b(n), c(n);
  for (size_t i = 0; i < n; ++i) {
    a[i] = random_fp(rng);
    b[i] = random_fp(rng);
  }
  for (auto _ : state) {
    for (size_t i = 0; i < n; ++i)
      c[i] = a[i] + b[i];
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_FpAddThroughput)->Arg(1 << 12);

// Inverse of a chain of values (each inverse feeds the next), so that data-dependent branches of
// the binary GCD see fresh inputs.
template <Fp (Fp::*Inverse)() const>
void BM_FpInverse(benchmark::State& state) {
  std::mt19937_64 rng(5);
  Fp x = random_fp(rng);
  const Fp shift = random_fp(rng);
  for (auto _ : state) {
    x = (x.*Inverse)() + shift;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FpInverse<&Fp::inverse>)->Name("BM_FpInverse");
BENCHMARK(BM_FpInverse<&Fp::inverse_binary_gcd>)->Name("BM_FpInverseBinaryGcd");
BENCHMARK(BM_FpInverse<&Fp::inverse_fermat>)->Name("BM_FpInverseFermat");

template <class F>
void BM_BatchInverse(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(6);
  std::vector<F> in(n), out(n);
  for (size_t i = 0; i < n; ++i) {
    if constexpr (sizeof(F) == sizeof(Fp)) {
      in[i] = random_fp(rng);
    } else {
      in[i] = random_fp3(rng);
    }
  }
  for (auto _ : state) {
    batch_inverse(in.data(), out.data(), n);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_BatchInverse<Fp>)->Name("BM_FpBatchInverse")->Arg(1 << 10)->Arg(1 << 16);
BENCHMARK(BM_BatchInverse<Fp3>)->Name("BM_Fp3BatchInverse")->Arg(1 << 10)->Arg(1 << 16);

void BM_Fp3MulLatency(benchmark::State& state) {
  std::mt19937_64 rng(7);
  Fp3 x = random_fp3(rng);
  const Fp3 y = random_fp3(rng);
  for (auto _ : state) {
    for (int i = 0; i < kChain; ++i)
      x = x * y;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * kChain);
}
BENCHMARK(BM_Fp3MulLatency);

void BM_Fp3MulThroughput(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::mt19937_64 rng(8);
  std::vector<Fp3> a(n), b(n), c(n);
  for (size_t i = 0; i < n; ++i) {
    a[i] = random_fp3(rng);
    b[i] = random_fp3(rng);
  }
  for (auto _ : state) {
    for (size_t i = 0; i < n; ++i)
      c[i] = a[i] * b[i];
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_Fp3MulThroughput)->Arg(1 << 12);

void BM_Fp3Square(benchmark::State& state) {
  std::mt19937_64 rng(9);
  Fp3 x = random_fp3(rng);
  for (auto _ : state) {
    for (int i = 0; i < kChain; ++i)
      x = x.square();
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations() * kChain);
}
BENCHMARK(BM_Fp3Square);

void BM_Fp3Inverse(benchmark::State& state) {
  std::mt19937_64 rng(10);
  Fp3 x = random_fp3(rng);
  const Fp3 shift = random_fp3(rng);
  for (auto _ : state) {
    x = x.inverse() + shift;
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Fp3Inverse);

void BM_Fp3Frobenius(benchmark::State& state) {
  std::mt19937_64 rng(11);
  Fp3 x = random_fp3(rng);
  for (auto _ : state) {
    x = x.frobenius();
    benchmark::DoNotOptimize(x);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Fp3Frobenius);

}  // namespace
}  // namespace zkbatch::field

BENCHMARK_MAIN();
