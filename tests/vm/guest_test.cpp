// SPDX-License-Identifier: Apache-2.0
// The guest programs built with the project's toolchain support (guest/): the ISA tests and the
// self-test pass on the emulator, and each example's public output equals an independent
// computation on the host (Crypto++ Keccak-256, std::sort, GMP mpz_powm).
#include <cryptopp/keccak.h>
#include <gmp.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "guest_inputs.hpp"
#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using test::run_all_modes;

TEST(Guest, EveryGuestAgreesInAllModes) {
  for (const test::GuestCase& c : test::guest_cases()) {
    SCOPED_TRACE(c.label);
    ZKB_LOAD_GUEST(program, c.elf);
    const RunResult r = run_all_modes(program, c.input, 14);
    EXPECT_TRUE(r.succeeded()) << describe(r.trap) << " exit " << r.exit_code;
  }
}

TEST(Guest, IsaTestsPass) {
  {
    ZKB_LOAD_GUEST(program, "isa_asm");
    const RunResult r = Emulator(program).execute({});
    EXPECT_EQ(r.status, RunStatus::halted) << describe(r.trap);
    EXPECT_EQ(r.exit_code, 0u) << "first failing check";
    EXPECT_EQ(r.public_output, (std::vector<uint8_t>{170, 0, 0, 0}));  // the last check's number
    EXPECT_EQ(r.debug_output, "rv32im isa: all checks passed\n");
  }
  {
    ZKB_LOAD_GUEST(program, "isa_c");
    const RunResult r = Emulator(program).execute({});
    EXPECT_EQ(r.status, RunStatus::halted) << describe(r.trap);
    EXPECT_EQ(r.exit_code, 0u) << "first failing check";
    EXPECT_EQ(r.public_output, (std::vector<uint8_t>{'C', 'I', 'S', 'A'}));
    EXPECT_EQ(r.debug_output, "c isa: all checks passed\n");
  }
}

TEST(Guest, SelftestPasses) {
  ZKB_LOAD_GUEST(program, "selftest");
  const RunResult r = Emulator(program).execute({});
  EXPECT_TRUE(r.succeeded()) << describe(r.trap) << "\n" << r.debug_output;
  EXPECT_EQ(r.debug_output.find("FAILED"), std::string::npos) << r.debug_output;
  // The start-up code does not clear the 64 MiB heap (crt.c): the run stays small.
  EXPECT_LT(r.cycles, 2'000'000u);
}

TEST(Guest, KeccakChainMatchesCryptopp) {
  ZKB_LOAD_GUEST(program, "keccak_chain");
  for (uint32_t n : {1u, 2u, 5u}) {
    const std::string seed = "zkbatch keccak chain seed";
    const RunResult r = Emulator(program).execute(test::keccak_chain_input(n, seed));
    ASSERT_TRUE(r.succeeded()) << describe(r.trap);
    std::vector<uint8_t> h(seed.begin(), seed.end());
    for (uint32_t i = 0; i < n; ++i) {
      CryptoPP::Keccak_256 keccak;
      std::vector<uint8_t> next(32);
      keccak.CalculateDigest(next.data(), h.data(), h.size());
      h = next;
    }
    EXPECT_EQ(r.public_output, h) << "n = " << n;
  }
  // Known answer: one iteration over "abc" is Keccak-256("abc") (the Keccak team's and
  // Ethereum's well-known vector 4e03657a...6c45).
  const RunResult r = Emulator(program).execute(test::keccak_chain_input(1, "abc"));
  ASSERT_EQ(r.public_output.size(), 32u);
  EXPECT_EQ(r.public_output[0], 0x4e);
  EXPECT_EQ(r.public_output[31], 0x45);
  // Malformed: n = 0.
  EXPECT_EQ(Emulator(program).execute(test::keccak_chain_input(0, "abc")).exit_code, 2u);
}

TEST(Guest, SortMatchesStdSort) {
  ZKB_LOAD_GUEST(program, "sort");
  for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{1000}}) {
    std::vector<uint32_t> values = test::random_values(n, static_cast<uint32_t>(n));
    const RunResult r = Emulator(program).execute(test::sort_input(values));
    ASSERT_TRUE(r.succeeded()) << describe(r.trap) << " exit " << r.exit_code;
    std::sort(values.begin(), values.end());
    std::vector<uint8_t> expected = test::sort_input(values);
    expected.erase(expected.begin(), expected.begin() + 4);  // the output has no count
    EXPECT_EQ(r.public_output, expected) << "n = " << n;
  }
  std::vector<uint8_t> short_input = test::sort_input({1, 2, 3});
  short_input.pop_back();
  EXPECT_EQ(Emulator(program).execute(short_input).exit_code, 2u);
}

std::array<uint8_t, 32> be32(const mpz_t x) {
  std::array<uint8_t, 32> out{};
  size_t count = 0;
  uint8_t buf[32];
  mpz_export(buf, &count, 1, 1, 1, 0, x);
  std::copy(buf, buf + count, out.begin() + (32 - count));
  return out;
}

TEST(Guest, BigintMatchesGmp) {
  ZKB_LOAD_GUEST(program, "bigint");
  std::vector<std::array<std::array<uint8_t, 32>, 3>> records;
  std::vector<uint8_t> expected;
  gmp_randstate_t state;
  gmp_randinit_default(state);
  gmp_randseed_ui(state, 42);
  mpz_t b, e, m, r;
  mpz_inits(b, e, m, r, nullptr);
  for (int i = 0; i < 4; ++i) {
    mpz_urandomb(b, state, 256);
    mpz_urandomb(e, state, i == 0 ? 8 : 64);
    mpz_urandomb(m, state, 256 - 7 * i);
    if (i == 3) mpz_set_ui(m, 0);  // modulus 0: result 0
    if (mpz_sgn(m) != 0) {
      mpz_powm(r, b, e, m);
    } else {
      mpz_set_ui(r, 0);
    }
    records.push_back({be32(b), be32(e), be32(m)});
    const std::array<uint8_t, 32> out = be32(r);
    expected.insert(expected.end(), out.begin(), out.end());
  }
  mpz_clears(b, e, m, r, nullptr);
  gmp_randclear(state);
  const RunResult run = Emulator(program).execute(test::bigint_input(records));
  ASSERT_TRUE(run.succeeded()) << describe(run.trap);
  EXPECT_EQ(run.public_output, expected);
  EXPECT_EQ(Emulator(program).execute(std::vector<uint8_t>(95, 1)).exit_code, 2u);
}

}  // namespace
}  // namespace zkbatch::vm
