// SPDX-License-Identifier: Apache-2.0
// Prove and verify a Fibonacci-like AIR at the default preset: width 16 or 64 (pairs
// a' = b, b' = a + b^3, so the constraints have degree 3 like the zkVM's), 2^12 .. 2^16 rows.
// Reported per size: prove time with its per-step breakdown, verify time, proof size. Run with
// --benchmark_repetitions=N to get medians.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <chrono>
#include <memory>
#include <string>

#include "stark/stark.hpp"

namespace zkbatch::stark {
namespace {

using field::Fp;

class CubicFibonacciAir final : public AirBase<CubicFibonacciAir> {
 public:
  explicit CubicFibonacciAir(size_t width) : width_(width) {}
  std::string name() const override { return "cubic_fibonacci_" + std::to_string(width_); }
  size_t width() const override { return width_; }

  template <class B>
  void eval(B& b) const {
    for (size_t i = 0; i + 1 < width_; i += 2) {
      const auto a = b.main(i), v = b.main(i + 1);
      b.when_first_row().assert_eq(a, b.constant(i + 1));
      b.when_first_row().assert_eq(v, b.constant(i + 2));
      b.when_transition().assert_eq(b.main_next(i), v);
      b.when_transition().assert_eq(b.main_next(i + 1), a + v * v * v);
    }
  }

 private:
  size_t width_;
};

poly::RowMajorMatrix trace(size_t width, unsigned log_n) {
  poly::RowMajorMatrix m(width, size_t{1} << log_n);
  for (size_t i = 0; i + 1 < width; i += 2) {
    Fp a(i + 1), v(i + 2);
    for (size_t r = 0; r < m.height(); ++r) {
      m.at(r, i) = a;
      m.at(r, i + 1) = v;
      const Fp next = a + v * v * v;
      a = v;
      v = next;
    }
  }
  return m;
}

ProvingKey key(size_t width) {
  Machine m;
  m.tables.push_back(std::make_shared<CubicFibonacciAir>(width));
  return keygen(m, presets::default_100());
}

void BM_Prove(benchmark::State& state) {
  const size_t width = static_cast<size_t>(state.range(0));
  const unsigned log_n = static_cast<unsigned>(state.range(1));
  const ProvingKey pk = key(width);
  const poly::RowMajorMatrix t = trace(width, log_n);
  ProverTimings timings;
  ProveOptions options;
  options.timings = &timings;
  size_t bytes = 0;
  for (auto _ : state) {
    const Proof proof = prove(pk, {t}, {}, options);
    bytes = serialize_proof(proof).size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["proof_KiB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["main_commit_ms"] = 1e3 * timings.main_commit;
  state.counters["quotient_ms"] = 1e3 * timings.quotient;
  state.counters["openings_ms"] = 1e3 * timings.openings;
  state.counters["fri_ms"] = 1e3 * timings.fri;
  state.counters["checks_ms"] = 1e3 * timings.checks;
  state.counters["logup_ms"] = 1e3 * timings.logup;
  state.counters["query_open_ms"] = 1e3 * timings.query_openings;
  state.counters["rows"] = static_cast<double>(size_t{1} << log_n);
}

void BM_Verify(benchmark::State& state) {
  const size_t width = static_cast<size_t>(state.range(0));
  const unsigned log_n = static_cast<unsigned>(state.range(1));
  const ProvingKey pk = key(width);
  const Proof proof = prove(pk, {trace(width, log_n)}, {});
  for (auto _ : state) {
    const VerifyError e = verify(pk.vk, proof);
    if (e != VerifyError::ok) state.SkipWithError(error_message(e));
  }
  state.counters["proof_KiB"] = static_cast<double>(serialize_proof(proof).size()) / 1024.0;
}

void sizes(benchmark::internal::Benchmark* b) {
  for (int width : {16, 64}) {
    for (int log_n : {12, 14, 16})
      b->Args({width, log_n});
  }
  // Real time is the headline; the CPU column counts every thread (MeasureProcessCPUTime), which
  // stays meaningful when other jobs share the machine.
  b->ArgNames({"width", "log_rows"})
      ->Unit(benchmark::kMillisecond)
      ->MeasureProcessCPUTime()
      ->UseRealTime();
}

BENCHMARK(BM_Prove)->Apply(sizes)->Iterations(1);
BENCHMARK(BM_Verify)->Apply(sizes);

// Peak resident memory of the process so far, in MiB (Linux reports ru_maxrss in KiB).
double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The reference size of docs/benchmarks.md: 2^20 rows x 32 columns at the default preset, proved
// once and verified once. Minutes on a 2-core machine, so benchmarks/smoke.sh filters it out
// ("Large"); run it with --benchmark_filter=Large. Peak memory is the process maximum, so run it
// alone for a clean figure.
void BM_ProveVerifyLarge(benchmark::State& state) {
  const size_t width = 32;
  const unsigned log_n = 20;
  const ProvingKey pk = key(width);
  const poly::RowMajorMatrix t = trace(width, log_n);
  ProverTimings timings;
  ProveOptions options;
  options.timings = &timings;
  double verify_ms = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    const Proof proof = prove(pk, {t}, {}, options);
    bytes = serialize_proof(proof).size();
    state.PauseTiming();
    const auto start = std::chrono::steady_clock::now();
    const VerifyError e = verify(pk.vk, proof);
    verify_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (e != VerifyError::ok) state.SkipWithError(error_message(e));
    state.ResumeTiming();
  }
  state.counters["proof_KiB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["verify_ms"] = verify_ms;
  state.counters["peak_rss_MiB"] = peak_rss_mib();
  state.counters["main_commit_ms"] = 1e3 * timings.main_commit;
  state.counters["quotient_ms"] = 1e3 * timings.quotient;
  state.counters["openings_ms"] = 1e3 * timings.openings;
  state.counters["fri_ms"] = 1e3 * timings.fri;
}
BENCHMARK(BM_ProveVerifyLarge)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace
}  // namespace zkbatch::stark

BENCHMARK_MAIN();
