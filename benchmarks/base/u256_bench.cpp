// SPDX-License-Identifier: Apache-2.0
// U256 operations the EVM interpreter runs per opcode. Each benchmark cycles through a small
// table of random operands so that the branch predictor cannot learn one input. The *Portable
// variants run the rv32 guest's 32-bit primitives on the host, to compare the two paths.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "base/detail/u256_arith.hpp"
#include "base/u256.hpp"

namespace zkbatch::base {
namespace {

constexpr size_t kTable = 256;

// Random operands with `bits` significant bits.
std::vector<U256> operands(unsigned bits, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<U256> out(kTable);
  for (U256& x : out) {
    x = U256::from_limbs(rng(), rng(), rng(), rng());
    if (bits < 256) x = x >> (256 - bits);
    x.limb[(bits - 1) / 64] |= uint64_t{1} << ((bits - 1) % 64);
  }
  return out;
}

template <class F>
void run_binary(benchmark::State& state, unsigned bits_a, unsigned bits_b, F f) {
  std::vector<U256> a = operands(bits_a, 1), b = operands(bits_b, 2);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f(a[i], b[i]));
    i = (i + 1) % kTable;
  }
}

void BM_Add(benchmark::State& s) {
  run_binary(s, 256, 256, [](const U256& a, const U256& b) { return a + b; });
}
void BM_Mul(benchmark::State& s) {
  run_binary(s, 256, 256, [](const U256& a, const U256& b) { return mul(a, b); });
}
void BM_MulPortable(benchmark::State& s) {
  run_binary(s, 256, 256, detail::U256Arith<detail::PortableWide>::mul);
}
// DIV with divisors of 64, 128 and 192 bits: short division and algorithm D with n = 2, 3.
void BM_Div(benchmark::State& s) {
  unsigned bits = static_cast<unsigned>(s.range(0));
  run_binary(s, 256, bits, [](const U256& a, const U256& b) { return div(a, b); });
}
void BM_DivPortable(benchmark::State& s) {
  unsigned bits = static_cast<unsigned>(s.range(0));
  run_binary(s, 256, bits, detail::U256Arith<detail::PortableWide>::div);
}
void BM_Sdiv(benchmark::State& s) {
  run_binary(s, 256, 128, [](const U256& a, const U256& b) { return sdiv(a, b); });
}
void BM_Mulmod(benchmark::State& s) {
  std::vector<U256> m = operands(256, 3);
  size_t k = 0;
  run_binary(s, 256, 256, [&](const U256& a, const U256& b) {
    k = (k + 1) % kTable;
    return mulmod(a, b, m[k]);
  });
}
void BM_Addmod(benchmark::State& s) {
  std::vector<U256> m = operands(200, 3);
  size_t k = 0;
  run_binary(s, 256, 256, [&](const U256& a, const U256& b) {
    k = (k + 1) % kTable;
    return addmod(a, b, m[k]);
  });
}
// EXP with a full 256-bit exponent: 256 squarings and about 128 multiplications.
void BM_Exp(benchmark::State& s) {
  run_binary(s, 256, 256, [](const U256& a, const U256& b) { return exp(a, b); });
}
void BM_ToDecimal(benchmark::State& s) {
  std::vector<U256> a = operands(256, 4);
  char buf[U256::kMaxDecimalChars];
  size_t i = 0;
  for (auto _ : s) {
    benchmark::DoNotOptimize(a[i].to_decimal(buf, sizeof buf));
    i = (i + 1) % kTable;
  }
}

BENCHMARK(BM_Add);
BENCHMARK(BM_Mul);
BENCHMARK(BM_MulPortable);
BENCHMARK(BM_Div)->Arg(64)->Arg(128)->Arg(192);
BENCHMARK(BM_DivPortable)->Arg(64)->Arg(128)->Arg(192);
BENCHMARK(BM_Sdiv);
BENCHMARK(BM_Mulmod);
BENCHMARK(BM_Addmod);
BENCHMARK(BM_Exp);
BENCHMARK(BM_ToDecimal);

}  // namespace
}  // namespace zkbatch::base
