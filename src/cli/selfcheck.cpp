// SPDX-License-Identifier: Apache-2.0
// `zkbatch selfcheck`: re-runs known-answer checks of the field and the hashes on this machine and
// measures their throughput. Operators run it after deploying a build to a new node type: a wrong
// compiler flag or a miscompiled intrinsic shows up here instead of as a proof that fails to
// verify.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "field/field.hpp"
#include "hash/hash.hpp"
#include "log/log.hpp"

namespace zkbatch::cli {
namespace {

using field::Fp;
using field::Fp3;

struct Check {
  std::string name;
  bool passed;
};

struct Throughput {
  std::string name;
  std::string unit;
  double per_second;
};

std::string to_hex(const uint8_t* bytes, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i)
    s += fmt::format("{:02x}", bytes[i]);
  return s;
}

bool field_known_answers() {
  const uint64_t p = field::kModulus;
  bool ok = true;
  ok &= (Fp(p - 1) * Fp(p - 1)) == Fp::one();     // (-1)^2 = 1
  ok &= Fp(UINT64_MAX).value() == 0xFFFFFFFEull;  // 2^64 - 1 = 2^32 - 2 (mod p)
  ok &= Fp(7).pow((p - 1) / 2) == Fp(p - 1);      // 7 is a quadratic non-residue
  const Fp root = field::two_adic_generator(32);  // a primitive 2^32-th root of unity
  ok &= root.pow(uint64_t{1} << 31) == Fp(p - 1);
  ok &= root.pow(uint64_t{1} << 32) == Fp::one();
  const Fp x(0x123456789abcdefull);
  ok &= (x * x.inverse()) == Fp::one();
  return ok;
}

bool extension_known_answers() {
  const Fp3 x(Fp(1), Fp(2), Fp(3));
  bool ok = (x * x.inverse()) == Fp3::one();
  ok &= x.frobenius().frobenius().frobenius() == x;
  ok &= x.frobenius() == x.pow(field::kModulus);
  // X^3 = X + 1 in F_p[X]/(X^3 - X - 1).
  const Fp3 X(Fp(0), Fp(1), Fp(0));
  ok &= (X * X * X) == Fp3(Fp(1), Fp(1), Fp(0));
  return ok;
}

// Poseidon2 Goldilocks t = 12 on input (0, 1, ..., 11): the known-answer vector of the reference
// implementation's tests (HorizenLabs/poseidon2, plain_implementations/src/poseidon2/poseidon2.rs,
// module poseidon2_tests_goldilocks, test `kats`).
constexpr uint64_t kPoseidon2KnownAnswer[12] = {
    0x01eaef96bdf1c0c1, 0x1f0d2cc525b2540c, 0x6282c1dfe1e0358d, 0xe780d721f698e1e6,
    0x280c0b6f753d833b, 0x1b942dd5023156ab, 0x43f0df3fcccb8398, 0xe8e8190585489025,
    0x56bdbf72f77ada22, 0x7911c32bf9dcd705, 0xec467926508fbe67, 0x6a50450ddf85a6ed,
};

bool poseidon2_known_answer() {
  Fp state[12];
  for (uint64_t i = 0; i < 12; ++i)
    state[i] = Fp(i);
  hash::Poseidon2::permute(state);
  for (size_t i = 0; i < 12; ++i) {
    if (state[i].value() != kPoseidon2KnownAnswer[i]) return false;
  }
  return true;
}

bool keccak_known_answers() {
  // Keccak-256 of "" and "abc" (Ethereum's Keccak, padding 0x01; the empty value is also the
  // empty-code hash of every Ethereum account without code).
  uint8_t out[32];
  hash::keccak256(base::ByteSpan(), out);
  bool ok = to_hex(out, 32) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
  hash::keccak256(base::bytes_of("abc"), out);
  ok &= to_hex(out, 32) == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45";
  return ok;
}

// Runs `body` (which does `items` units of work) repeatedly for about `seconds`.
template <class Body>
double per_second(double seconds, double items, Body body) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  double done = 0;
  double elapsed = 0;
  do {
    body();
    done += items;
    elapsed = std::chrono::duration<double>(clock::now() - start).count();
  } while (elapsed < seconds);
  return done / elapsed;
}

std::vector<Throughput> measure(double seconds) {
  std::vector<Throughput> out;
  Fp acc(3);
  const Fp m(0x9e3779b97f4a7c15ull);
  out.push_back({"goldilocks_mul", "mul", per_second(seconds, 1 << 16, [&] {
                   for (int i = 0; i < (1 << 16); ++i)
                     acc *= m;
                 })});
  Fp state[12] = {};
  out.push_back({"poseidon2_permute", "permutation", per_second(seconds, 1024, [&] {
                   for (int i = 0; i < 1024; ++i)
                     hash::Poseidon2::permute(state);
                 })});
  std::vector<uint8_t> data(64 * 1024, 0x5a);
  uint8_t digest[32];
  out.push_back({"keccak256_64KiB", "byte", per_second(seconds, double(data.size()), [&] {
                   hash::keccak256(base::ByteSpan(data.data(), data.size()), digest);
                 })});
  // Keep the results observable so the loops are not optimised away.
  if (acc == Fp::zero() && state[0] == Fp::zero() && digest[0] == 0) log::debug("unlikely");
  return out;
}

int run_selfcheck(bool json, double seconds) {
  std::vector<Check> checks = {
      {"goldilocks_known_answers", field_known_answers()},
      {"cubic_extension_known_answers", extension_known_answers()},
      {"poseidon2_known_answer", poseidon2_known_answer()},
      {"keccak256_known_answers", keccak_known_answers()},
  };
  bool passed = true;
  for (const Check& c : checks)
    passed &= c.passed;
  std::vector<Throughput> rates = measure(seconds);

  if (json) {
    nlohmann::json report;
    report["passed"] = passed;
    for (const Check& c : checks)
      report["checks"].push_back({{"name", c.name}, {"passed", c.passed}});
    for (const Throughput& t : rates) {
      report["throughput"].push_back(
          {{"name", t.name}, {"unit", t.unit}, {"per_second", t.per_second}});
    }
    std::puts(report.dump(2).c_str());
  } else {
    for (const Check& c : checks)
      std::printf("%-32s %s\n", c.name.c_str(), c.passed ? "ok" : "FAILED");
    for (const Throughput& t : rates) {
      std::printf("%-32s %.3g %s/s (one thread)\n", t.name.c_str(), t.per_second, t.unit.c_str());
    }
  }
  if (!passed) log::error("selfcheck failed", {{"failed", static_cast<int>(checks.size())}});
  return passed ? kExitOk : kExitFailed;
}

}  // namespace

void register_selfcheck(CLI::App& app, CommandRegistry& registry) {
  CLI::App* cmd = app.add_subcommand(
      "selfcheck",
      "Known-answer checks of Goldilocks, Poseidon2 and Keccak-256 on this machine, "
      "and their single-thread throughput");
  auto json = std::make_shared<bool>(false);
  auto seconds = std::make_shared<double>(0.2);
  cmd->add_flag("--json", *json, "Print the report as JSON");
  cmd->add_option("--seconds", *seconds, "Time spent measuring each throughput figure")
      ->check(CLI::Range(0.0, 60.0))
      ->capture_default_str();
  registry.commands.push_back({cmd, [json, seconds] { return run_selfcheck(*json, *seconds); }});
}

}  // namespace zkbatch::cli
