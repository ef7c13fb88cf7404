// SPDX-License-Identifier: Apache-2.0
// Goldilocks arithmetic checked against GMP (an independent big-integer implementation) modulo
// p = 2^64 - 2^32 + 1, on edge values and seeded random values.
#include <gmp.h>
#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <random>
#include <vector>

#include "field/field_test_support.hpp"
#include "field/goldilocks.hpp"

namespace zkbatch::field {
namespace {

using testing::kSeed;

static_assert(sizeof(unsigned long) == 8, "mpz_*_ui below take 64-bit values");

// A small RAII wrapper so the tests read as arithmetic.
class Mpz {
 public:
  Mpz() { mpz_init(v_); }
  explicit Mpz(uint64_t x) { mpz_init_set_ui(v_, x); }
  ~Mpz() { mpz_clear(v_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_t& get() { return v_; }
  uint64_t to_u64() const { return mpz_get_ui(v_); }

 private:
  mpz_t v_;
};

class GoldilocksGmpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mpz_set_ui(p_.get(), kModulus);
    std::mt19937_64 rng(kSeed);
    inputs_ = testing::edge_inputs();
    for (int i = 0; i < 2000; ++i)
      inputs_.push_back(rng());
    // Values just below and above the 32-bit boundaries that the reduction splits on.
    for (int i = 0; i < 50; ++i)
      inputs_.push_back(kModulus - 1 - (rng() & 0xFFFF));
    for (int i = 0; i < 50; ++i)
      inputs_.push_back((rng() & 0xFFFF'FFFFull) << 32);
  }
  // (a op b) mod p by GMP.
  uint64_t gmp_mod(uint64_t a, uint64_t b, void (*op)(mpz_ptr, mpz_srcptr, mpz_srcptr)) {
    Mpz x(a), y(b), r;
    op(r.get(), x.get(), y.get());
    mpz_mod(r.get(), r.get(), p_.get());
    return r.to_u64();
  }
  Mpz p_;
  std::vector<uint64_t> inputs_;
};

TEST_F(GoldilocksGmpTest, ConstructorReduces) {
  for (uint64_t a : inputs_) {
    Mpz x(a), r;
    mpz_mod(r.get(), x.get(), p_.get());
    EXPECT_EQ(Fp(a).value(), r.to_u64()) << a;
  }
}

TEST_F(GoldilocksGmpTest, AddSubMulMatchGmp) {
  SCOPED_TRACE(kSeed);
  const size_t n = inputs_.size();
  for (size_t i = 0; i < n; ++i) {
    // Every edge value against every input, and random pairs.
    for (size_t j : {i, (i * 31 + 7) % n, i % testing::edge_inputs().size()}) {
      const uint64_t a = inputs_[i], b = inputs_[j];
      ASSERT_EQ((Fp(a) + Fp(b)).value(), gmp_mod(a, b, mpz_add)) << a << " + " << b;
      ASSERT_EQ((Fp(a) - Fp(b)).value(), gmp_mod(a, b, mpz_sub)) << a << " - " << b;
      ASSERT_EQ((Fp(a) * Fp(b)).value(), gmp_mod(a, b, mpz_mul)) << a << " * " << b;
    }
  }
}

TEST_F(GoldilocksGmpTest, InverseMatchesGmp) {
  for (uint64_t a : inputs_) {
    const Fp x(a);
    if (x.is_zero()) {
      EXPECT_EQ(x.inverse(), Fp::zero());
      EXPECT_EQ(x.inverse_fermat(), Fp::zero());
      continue;
    }
    Mpz in(a), r;
    ASSERT_NE(mpz_invert(r.get(), in.get(), p_.get()), 0);
    EXPECT_EQ(x.inverse().value(), r.to_u64()) << a;
    EXPECT_EQ(x.inverse_binary_gcd().value(), r.to_u64()) << a;
    EXPECT_EQ(x.inverse_fermat().value(), r.to_u64()) << a;
  }
}

TEST_F(GoldilocksGmpTest, PowMatchesGmp) {
  std::mt19937_64 rng(kSeed + 2);
  std::vector<uint64_t> exponents = {0, 1, 2, 3, kModulus - 2, kModulus - 1, kModulus, ~0ull};
  for (int i = 0; i < 8; ++i)
    exponents.push_back(rng());
  for (size_t i = 0; i < inputs_.size(); i += 7) {
    for (uint64_t e : exponents) {
      Mpz base(inputs_[i]), exp(e), r;
      mpz_powm(r.get(), base.get(), exp.get(), p_.get());
      EXPECT_EQ(Fp(inputs_[i]).pow(e).value(), r.to_u64()) << inputs_[i] << "^" << e;
    }
  }
}

TEST_F(GoldilocksGmpTest, HalveDoubleAndSignedConversion) {
  Mpz two_inv, two(2);
  mpz_invert(two_inv.get(), two.get(), p_.get());
  for (uint64_t a : inputs_) {
    EXPECT_EQ(Fp(a).double_().value(), gmp_mod(a, a, mpz_add));
    EXPECT_EQ(Fp(a).halve().value(), gmp_mod(a, two_inv.to_u64(), mpz_mul));
    const int64_t s = static_cast<int64_t>(a);
    Mpz signed_value, r;
    mpz_set_si(signed_value.get(), s);
    mpz_mod(r.get(), signed_value.get(), p_.get());
    EXPECT_EQ(Fp::from_i64(s).value(), r.to_u64()) << s;
    EXPECT_EQ(Fp::from_u32(static_cast<uint32_t>(a)).value(), static_cast<uint32_t>(a));
  }
  EXPECT_EQ(Fp::from_i64(INT64_MIN), -Fp(uint64_t{1} << 63));
  EXPECT_EQ(Fp::from_i64(-1), Fp(kModulus - 1));
}

TEST_F(GoldilocksGmpTest, PowersOfTwoMatchGmp) {
  for (unsigned e = 0; e < 192; ++e) {
    Mpz two(2), r;
    mpz_powm_ui(r.get(), two.get(), e, p_.get());
    EXPECT_EQ(detail::pow2_mod(e), r.to_u64()) << e;
  }
}

// The 32-bit fallback (what the rv32 guest runs) must agree with the __int128 path bit for bit,
// and both with GMP's 128-bit product.
TEST_F(GoldilocksGmpTest, PortableWideMultiplyMatchesNative) {
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const uint64_t a = inputs_[i], b = inputs_[(i * 13 + 5) % inputs_.size()];
    uint64_t lo = 0, hi = 0, plo = 0, phi = 0;
    detail::mul_wide(a, b, lo, hi);
    detail::mul_wide_portable(a, b, plo, phi);
    ASSERT_EQ(lo, plo) << a << " * " << b;
    ASSERT_EQ(hi, phi) << a << " * " << b;
    Mpz x(a), y(b), prod, shifted;
    mpz_mul(prod.get(), x.get(), y.get());
    mpz_tdiv_q_2exp(shifted.get(), prod.get(), 64);
    ASSERT_EQ(phi, shifted.to_u64());
    ASSERT_EQ(plo, static_cast<uint64_t>(mpz_getlimbn(prod.get(), 0)));
  }
}

// reduce128 on arbitrary 128-bit values, not only products of canonical elements.
TEST_F(GoldilocksGmpTest, Reduce128MatchesGmp) {
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const uint64_t lo = inputs_[i], hi = inputs_[(i * 17 + 3) % inputs_.size()];
    Mpz x(hi), low(lo);
    mpz_mul_2exp(x.get(), x.get(), 64);
    mpz_add(x.get(), x.get(), low.get());
    mpz_mod(x.get(), x.get(), p_.get());
    ASSERT_EQ(detail::reduce128(lo, hi), x.to_u64()) << hi << ":" << lo;
  }
}

// The unreduced dot-product accumulator that Fp3 multiplication uses, on sums long enough to
// carry into the top word (products of p - 1 with itself are the largest possible).
TEST_F(GoldilocksGmpTest, WideAccumulatorMatchesGmp) {
  std::mt19937_64 rng(kSeed + 6);
  for (int trial = 0; trial < 200; ++trial) {
    detail::WideAccumulator acc;
    Mpz expected;
    const int terms = 1 + trial % 40;
    for (int i = 0; i < terms; ++i) {
      const bool largest = trial % 3 == 0;
      const uint64_t a = largest ? kModulus - 1 : Fp(rng()).value();
      const uint64_t b = largest ? kModulus - 1 : Fp(rng()).value();
      Mpz x(a), y(b), prod;
      mpz_mul(prod.get(), x.get(), y.get());
      mpz_add(expected.get(), expected.get(), prod.get());
      if (i % 4 == 3) {
        // Fold in a second accumulator and a plain value too.
        detail::WideAccumulator other;
        other.add_product(a, b);
        acc.add(other);
        acc.add_value(a);
        Mpz va(a);
        mpz_add(expected.get(), expected.get(), va.get());
      } else {
        acc.add_product(a, b);
      }
    }
    mpz_mod(expected.get(), expected.get(), p_.get());
    ASSERT_EQ(acc.reduce(), expected.to_u64()) << "trial " << trial;
  }
}

TEST(GoldilocksTest, CanonicalHelpers) {
  EXPECT_EQ(Fp::from_canonical_unchecked(kModulus - 1), -Fp::one());
  EXPECT_TRUE(Fp(kModulus).is_zero());
  EXPECT_FALSE(Fp(kModulus + 1).is_zero());
  EXPECT_EQ(Fp(7).exp_power_of_2(3), Fp(7).pow(8));
  EXPECT_EQ(Fp::one().halve().double_(), Fp::one());
}

}  // namespace
}  // namespace zkbatch::field
