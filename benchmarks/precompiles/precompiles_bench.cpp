// SPDX-License-Identifier: Apache-2.0
// Time per call of each Cancun precompile on a typical input, with the gas it charges, so that
// the "gas/s" counter compares them against the EVM's pricing. Inputs: go-ethereum's precompile
// test vectors (core/vm/testdata/precompiles) where one is typical, else synthetic ones.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "eth/precompiles/precompiles.hpp"

namespace zkbatch::eth::precompiles {
namespace {

std::vector<uint8_t> from_hex(const std::string& text) {
  std::vector<uint8_t> out(text.size() / 2);
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<uint8_t>(digit(text[2 * i]) * 16 + digit(text[2 * i + 1]));
  return out;
}

std::vector<uint8_t> pattern(size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = static_cast<uint8_t>(i * 131 + 7);
  return v;
}

void run(benchmark::State& state, ExecuteFunction fn, const std::vector<uint8_t>& input) {
  base::Bytes out;
  base::ByteSpan in(input.data(), input.size());
  PrecompileResult r{};
  for (auto _ : state) {
    r = fn(in, 100'000'000, out);
    benchmark::DoNotOptimize(out.data());
  }
  if (r.status != Status::success || out.empty()) {
    state.SkipWithError(r.status != Status::success ? status_message(r.status) : "empty output");
  }
  state.counters["gas"] = static_cast<double>(r.gas_used);
  state.counters["gas/s"] =
      benchmark::Counter(static_cast<double>(r.gas_used) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

// ecRecover.json "ValidKey".
const char* kEcrecover =
    "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c000000000000000000000000000000"
    "00"
    "0000000000000000000000000000001c73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a7"
    "5f"
    "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
// bn256Add.json "chfast1", bn256ScalarMul.json "chfast1".
const char* kBnAdd =
    "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa7"
    "49"
    "755796819658d32efc0d288198f3726607c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014e"
    "ed"
    "06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7";
const char* kBnMul =
    "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909"
    "ce"
    "2e49dfad4a4619c8390cae66cefdb204ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ff";
// EIP-197's generators: e(G1, G2) e(G1, -G2) = 1 (two pairs, the common Groth16-like shape).
const char* kG1 =
    "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000"
    "0000"
    "000000000000000000000000000002";
const char* kG2 =
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c44"
    "79"
    "674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd12297"
    "5b"
    "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
const char* kG2Neg =
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c44"
    "79"
    "674322d4f75edadd46debd5cd992f6ed275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65"
    "ec"
    "1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d";
// pointEvaluation.json "pointEvaluation1" (commit e72a63904b8fc651c7e571d0a04093d32e7624de).
const char* kPointEvaluation =
    "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b564c0a11a0f704f4fc3e8acfe0f824"
    "5f"
    "0ad1347b378fbf96e206da11a5d3630624d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5"
    "a1"
    "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952"
    "b7"
    "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c1"
    "6a";

// Blen ‖ Elen ‖ Mlen ‖ B ‖ E ‖ M with patterned B, an odd M, and E as given.
std::vector<uint8_t> modexp_input(size_t blen, const std::vector<uint8_t>& e, size_t mlen) {
  std::vector<uint8_t> in(96, 0);
  in[31] = static_cast<uint8_t>(blen);
  in[30] = static_cast<uint8_t>(blen >> 8);
  in[63] = static_cast<uint8_t>(e.size());
  in[62] = static_cast<uint8_t>(e.size() >> 8);
  in[95] = static_cast<uint8_t>(mlen);
  in[94] = static_cast<uint8_t>(mlen >> 8);
  std::vector<uint8_t> b = pattern(blen), m = pattern(mlen);
  m[0] |= 0x80;
  m.back() |= 1;
  in.insert(in.end(), b.begin(), b.end());
  in.insert(in.end(), e.begin(), e.end());
  in.insert(in.end(), m.begin(), m.end());
  return in;
}

void BM_Ecrecover(benchmark::State& s) {
  run(s, ecrecover, from_hex(kEcrecover));
}
BENCHMARK(BM_Ecrecover);

void BM_Sha256(benchmark::State& s) {
  run(s, sha256, pattern(static_cast<size_t>(s.range(0))));
  s.SetBytesProcessed(s.iterations() * s.range(0));
}
BENCHMARK(BM_Sha256)->Arg(64)->Arg(1024);

void BM_Ripemd160(benchmark::State& s) {
  run(s, ripemd160, pattern(static_cast<size_t>(s.range(0))));
  s.SetBytesProcessed(s.iterations() * s.range(0));
}
BENCHMARK(BM_Ripemd160)->Arg(64)->Arg(1024);

void BM_Identity(benchmark::State& s) {
  run(s, identity, pattern(static_cast<size_t>(s.range(0))));
  s.SetBytesProcessed(s.iterations() * s.range(0));
}
BENCHMARK(BM_Identity)->Arg(64)->Arg(1024);

// 256-bit odd modulus with a 256-bit exponent (the common mainnet shape), 2048-bit RSA
// verification (e = 65537), and a 2048-bit exponent over a 2048-bit even modulus (division path).
void BM_ModexpU256(benchmark::State& s) {
  run(s, modexp, modexp_input(32, pattern(32), 32));
}
BENCHMARK(BM_ModexpU256);
void BM_ModexpRsa2048(benchmark::State& s) {
  run(s, modexp, modexp_input(256, {0x01, 0x00, 0x01}, 256));
}
BENCHMARK(BM_ModexpRsa2048);
void BM_ModexpFull2048(benchmark::State& s) {
  run(s, modexp, modexp_input(256, pattern(256), 256));
}
BENCHMARK(BM_ModexpFull2048);
void BM_ModexpFull2048EvenModulus(benchmark::State& s) {
  std::vector<uint8_t> in = modexp_input(256, pattern(256), 256);
  in.back() &= 0xfe;
  run(s, modexp, in);
}
BENCHMARK(BM_ModexpFull2048EvenModulus);

void BM_Bn254Add(benchmark::State& s) {
  run(s, bn254_add, from_hex(kBnAdd));
}
BENCHMARK(BM_Bn254Add);

void BM_Bn254Mul(benchmark::State& s) {
  run(s, bn254_mul, from_hex(kBnMul));
}
BENCHMARK(BM_Bn254Mul);

void BM_Bn254Pairing(benchmark::State& s) {
  std::vector<uint8_t> in;
  for (int64_t i = 0; i < s.range(0); ++i) {
    std::string pair = std::string(kG1) + (i % 2 == 0 ? kG2 : kG2Neg);
    std::vector<uint8_t> p = from_hex(pair);
    in.insert(in.end(), p.begin(), p.end());
  }
  run(s, bn254_pairing, in);
}
BENCHMARK(BM_Bn254Pairing)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);

void BM_Blake2f(benchmark::State& s) {
  std::vector<uint8_t> in = pattern(kBlake2fInputBytes);
  uint32_t rounds = static_cast<uint32_t>(s.range(0));
  in[0] = static_cast<uint8_t>(rounds >> 24);
  in[1] = static_cast<uint8_t>(rounds >> 16);
  in[2] = static_cast<uint8_t>(rounds >> 8);
  in[3] = static_cast<uint8_t>(rounds);
  in[212] = 1;
  run(s, blake2f, in);
}
BENCHMARK(BM_Blake2f)->Arg(12)->Arg(1200);

void BM_PointEvaluation(benchmark::State& s) {
  run(s, point_evaluation, from_hex(kPointEvaluation));
}
BENCHMARK(BM_PointEvaluation)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zkbatch::eth::precompiles
