// SPDX-License-Identifier: Apache-2.0
// 0x05 MODEXP: EIP-198 "Big integer modular exponentiation" and EIP-2565 "ModExp Gas Cost"
// (https://eips.ethereum.org/EIPS/eip-198, -2565), checked against GMP on random inputs.
#include <gmp.h>
#include <gtest/gtest.h>

#include <string>

#include "eth/precompiles/modexp.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

Blob word(uint64_t v) {
  Blob w(32, 0);
  for (int i = 0; i < 8; ++i)
    w[31 - i] = static_cast<uint8_t>(v >> (8 * i));
  return w;
}

// Blen ‖ Elen ‖ Mlen ‖ B ‖ E ‖ M.
Blob modexp_input(const Blob& b, const Blob& e, const Blob& m) {
  Blob in = word(b.size());
  Blob el = word(e.size()), ml = word(m.size());
  in.insert(in.end(), el.begin(), el.end());
  in.insert(in.end(), ml.begin(), ml.end());
  in.insert(in.end(), b.begin(), b.end());
  in.insert(in.end(), e.begin(), e.end());
  in.insert(in.end(), m.begin(), m.end());
  return in;
}

// GMP's b^e mod m as |m| big-endian bytes (zeros for m = 0).
Blob gmp_modexp(const Blob& b, const Blob& e, const Blob& m) {
  mpz_t base, exp, mod, r;
  mpz_inits(base, exp, mod, r, nullptr);
  mpz_import(base, b.size(), 1, 1, 1, 0, b.data());
  mpz_import(exp, e.size(), 1, 1, 1, 0, e.data());
  mpz_import(mod, m.size(), 1, 1, 1, 0, m.data());
  Blob out(m.size(), 0);
  if (mpz_sgn(mod) != 0) {
    mpz_powm(r, base, exp, mod);
    size_t count = 0;
    Blob raw((mpz_sizeinbase(r, 2) + 7) / 8 + 1);
    mpz_export(raw.data(), &count, 1, 1, 1, 0, r);
    std::copy(raw.begin(), raw.begin() + count, out.end() - count);
  }
  mpz_clears(base, exp, mod, r, nullptr);
  return out;
}

Blob random_number(std::mt19937_64& rng, size_t n, int shape) {
  Blob v = random_bytes(rng, n);
  if (n == 0) return v;
  if (shape == 1) v[0] = 0;                              // a leading zero byte
  if (shape == 2) std::fill(v.begin(), v.end() - 1, 0);  // a small value
  if (shape == 3) std::fill(v.begin(), v.end(), 0xff);   // all ones
  return v;
}

TEST(Modexp, Eip198Examples) {
  // EIP-198 "Examples": 3^(p-1) mod p = 1 for the secp256k1 field prime p (Fermat), and the same
  // with a base of length 0 (0^(p-1) mod p = 0). Gas 1360 under EIP-2565 (go-ethereum
  // core/vm/testdata/precompiles/modexp_eip2565.json, eip_example1/2).
  std::string p = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
  std::string p_minus_1 = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
  Call one = call(modexp, modexp_input(Blob{3}, from_hex(p_minus_1), from_hex(p)));
  ASSERT_EQ(one.status, Status::success);
  EXPECT_EQ(to_hex(one.output), std::string(63, '0') + "1");
  EXPECT_EQ(one.gas_used, 1360u);
  Call zero = call(modexp, modexp_input(Blob{}, from_hex(p_minus_1), from_hex(p)));
  ASSERT_EQ(zero.status, Status::success);
  EXPECT_EQ(to_hex(zero.output), std::string(64, '0'));
  EXPECT_EQ(zero.gas_used, 1360u);
}

TEST(Modexp, Eip2565GasOfGethVectors) {
  // Gas of go-ethereum's modexp_eip2565.json vectors (commit
  // 18e76a5424d3979008c197afdfe7e6392a84ffc5): it depends on Blen, Mlen, Elen and the exponent's
  // head only.
  struct {
    const char* name;
    size_t blen, mlen;
    const char* exponent;
    uint64_t gas;
  } cases[] = {
      {"nagydani-1-square", 64, 64, "02", 200},
      {"nagydani-1-pow0x10001", 64, 64, "010001", 341},
      {"nagydani-2-pow0x10001", 128, 128, "010001", 1365},
      {"nagydani-3-square", 256, 256, "02", 341},
      {"nagydani-3-pow0x10001", 256, 256, "010001", 5461},
      {"nagydani-4-square", 512, 512, "02", 1365},
  };
  std::mt19937_64 rng(2565);
  for (const auto& c : cases) {
    Blob in =
        modexp_input(random_bytes(rng, c.blen), from_hex(c.exponent), random_bytes(rng, c.mlen));
    EXPECT_EQ(modexp_gas(span_of(in)), c.gas) << c.name;
  }
}

// EIP-2565's gas written out again with GMP integers, for declared lengths of any size.
uint64_t reference_gas(const mpz_t blen, const mpz_t elen, const mpz_t mlen, const mpz_t head) {
  mpz_t words, complexity, iterations, gas;
  mpz_inits(words, complexity, iterations, gas, nullptr);
  mpz_set(words, mpz_cmp(blen, mlen) > 0 ? blen : mlen);
  mpz_cdiv_q_ui(words, words, 8);
  mpz_mul(complexity, words, words);
  size_t head_bits = mpz_sgn(head) == 0 ? 0 : mpz_sizeinbase(head, 2);
  if (mpz_cmp_ui(elen, 32) <= 0) {
    mpz_set_ui(iterations, head_bits > 0 ? head_bits - 1 : 0);
  } else {
    mpz_sub_ui(iterations, elen, 32);
    mpz_mul_ui(iterations, iterations, 8);
    mpz_add_ui(iterations, iterations, head_bits > 0 ? head_bits - 1 : 0);
  }
  if (mpz_cmp_ui(iterations, 1) < 0) mpz_set_ui(iterations, 1);
  mpz_mul(gas, complexity, iterations);
  mpz_fdiv_q_ui(gas, gas, 3);
  if (mpz_cmp_ui(gas, 200) < 0) mpz_set_ui(gas, 200);
  uint64_t result = UINT64_MAX;
  if (mpz_sizeinbase(gas, 2) <= 64) {
    result = 0;
    mpz_export(&result, nullptr, -1, 8, 0, 0, gas);
  }
  mpz_clears(words, complexity, iterations, gas, nullptr);
  return result;
}

TEST(Modexp, GasMatchesTheFormulaForAnyDeclaredLengths) {
  std::mt19937_64 rng(198);
  const uint64_t lengths[] = {0,  1,  7,    8,          9,          31,        32,
                              33, 64, 1000, 1ull << 32, 1ull << 40, UINT64_MAX};
  for (uint64_t b : lengths) {
    for (uint64_t e : lengths) {
      for (uint64_t m : {uint64_t{0}, uint64_t{1}, uint64_t{32}, uint64_t{1} << 33}) {
        Blob in = word(b);
        Blob ew = word(e), mw = word(m);
        in.insert(in.end(), ew.begin(), ew.end());
        in.insert(in.end(), mw.begin(), mw.end());
        // Some base bytes and an exponent head that lie inside the input when Blen is small.
        Blob tail = random_bytes(rng, 40);
        in.insert(in.end(), tail.begin(), tail.end());
        mpz_t blen, elen, mlen, head;
        mpz_inits(blen, elen, mlen, head, nullptr);
        mpz_import(blen, 32, 1, 1, 1, 0, in.data());
        mpz_import(elen, 32, 1, 1, 1, 0, in.data() + 32);
        mpz_import(mlen, 32, 1, 1, 1, 0, in.data() + 64);
        // The head: min(Elen, 32) bytes at 96 + Blen, zero past the input.
        size_t head_len = e < 32 ? e : 32;
        Blob head_bytes(head_len, 0);
        for (size_t i = 0; i < head_len; ++i) {
          if (b < in.size() && 96 + b + i < in.size()) head_bytes[i] = in[96 + b + i];
        }
        mpz_import(head, head_len, 1, 1, 1, 0, head_bytes.data());
        EXPECT_EQ(modexp_gas(span_of(in)), reference_gas(blen, elen, mlen, head))
            << "Blen " << b << " Elen " << e << " Mlen " << m;
        mpz_clears(blen, elen, mlen, head, nullptr);
      }
    }
  }
  // Lengths beyond 2^64 saturate.
  Blob huge(96, 0xff);
  EXPECT_EQ(modexp_gas(span_of(huge)), UINT64_MAX);
}

TEST(Modexp, HugeDeclaredLengthsAreRejectedBeforeAllocating) {
  // Mlen = 2^64 - 1 and Blen = 2^40: the cost saturates, so no gas limit pays for it.
  Blob in = word(1ull << 40);
  Blob e = word(1), m = word(UINT64_MAX);
  in.insert(in.end(), e.begin(), e.end());
  in.insert(in.end(), m.begin(), m.end());
  Call c = call(modexp, in, 30'000'000);
  EXPECT_EQ(c.status, Status::out_of_gas);
  EXPECT_EQ(c.gas_used, 30'000'000u);
  // Mlen = 0 costs the minimum whatever Elen says, and returns nothing.
  Blob zero_mod = word(0);
  Blob big_e = word(UINT64_MAX), no_m = word(0);
  zero_mod.insert(zero_mod.end(), big_e.begin(), big_e.end());
  zero_mod.insert(zero_mod.end(), no_m.begin(), no_m.end());
  Call empty = call(modexp, zero_mod, 200);
  EXPECT_EQ(empty.status, Status::success);
  EXPECT_EQ(empty.gas_used, 200u);
  EXPECT_TRUE(empty.output.empty());
}

TEST(Modexp, ShortInputIsZeroPadded) {
  // Blen = 1, Elen = 1, Mlen = 1 with the modulus byte missing: M reads as 0, output one zero byte.
  Blob in = modexp_input(Blob{5}, Blob{3}, Blob{7});
  Call full = call(modexp, in);
  ASSERT_EQ(full.status, Status::success);
  EXPECT_EQ(full.output, Blob{6});  // 5^3 = 125 = 6 mod 7
  in.pop_back();
  Call padded = call(modexp, in);
  ASSERT_EQ(padded.status, Status::success);
  EXPECT_EQ(padded.output, Blob{0});
  // The exponent's low byte missing: E = 0x0300 with Elen 2 when the input stops early.
  Blob in2 = modexp_input(Blob{2}, Blob{3, 0}, Blob{});
  Blob mlen = word(32);
  std::copy(mlen.begin(), mlen.end(), in2.begin() + 64);
  in2.resize(96 + 1 + 1);  // B = 2, E = 0x03 then (missing) 0x00, M missing
  Call c = call(modexp, in2);
  ASSERT_EQ(c.status, Status::success);
  EXPECT_EQ(c.output, Blob(32, 0));  // M = 0
}

TEST(Modexp, MatchesGmpOnRandomInputs) {
  std::mt19937_64 rng(20210415);
  const size_t sizes[] = {0, 1, 2, 7, 8, 9, 16, 31, 32, 33, 63, 64, 65, 100, 128, 200, 256};
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    size_t bn = sizes[rng() % std::size(sizes)], en = sizes[rng() % 13];
    size_t mn = sizes[rng() % std::size(sizes)];
    Blob b = random_number(rng, bn, static_cast<int>(rng() % 4));
    Blob e = random_number(rng, en, static_cast<int>(rng() % 4));
    Blob m = random_number(rng, mn, static_cast<int>(rng() % 4));
    if (!m.empty() && trial % 2 == 0) m.back() |= 1;     // odd moduli: the Montgomery path
    if (!m.empty() && trial % 4 == 1) m.back() &= 0xfe;  // even moduli: the division path
    Call c = call(modexp, modexp_input(b, e, m));
    ASSERT_EQ(c.status, Status::success);
    ASSERT_EQ(to_hex(c.output), to_hex(gmp_modexp(b, e, m)))
        << "trial " << trial << " B=" << to_hex(b) << " E=" << to_hex(e) << " M=" << to_hex(m);
    ++checked;
  }
  EXPECT_EQ(checked, 400);
}

TEST(Modexp, EdgeValues) {
  // 0^0 = 1; x mod 1 = 0; mod 0 gives zeros of the modulus' length.
  EXPECT_EQ(call(modexp, modexp_input(Blob{}, Blob{}, Blob{0, 5})).output, (Blob{0, 1}));
  EXPECT_EQ(call(modexp, modexp_input(Blob{7}, Blob{9}, Blob{0, 1})).output, (Blob{0, 0}));
  EXPECT_EQ(call(modexp, modexp_input(Blob{7}, Blob{9}, Blob{0, 0})).output, (Blob{0, 0}));
  // A base longer than the modulus is reduced first.
  Blob big_base(100, 0xab);
  Blob m = from_hex("f123456789abcdef01");
  EXPECT_EQ(call(modexp, modexp_input(big_base, Blob{1}, m)).output,
            gmp_modexp(big_base, Blob{1}, m));
  // An exponent that runs past the input end leaves the modulus past it too: M = 0, zeros.
  Blob in = modexp_input(Blob{3}, Blob{1, 0, 0, 0}, from_hex("0fffffffffffffc5"));
  in.resize(in.size() - 8 - 3);  // drop M and the exponent's last three bytes
  Blob mlen = word(8);
  std::copy(mlen.begin(), mlen.end(), in.begin() + 64);
  Call c = call(modexp, in);
  ASSERT_EQ(c.status, Status::success);
  EXPECT_EQ(c.output, Blob(8, 0));  // the modulus is missing too: zeros
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
