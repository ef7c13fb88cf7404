// SPDX-License-Identifier: Apache-2.0
// The primitives under U256's multiply and divide (detail/wide.hpp) and the limb division
// (Knuth's algorithm D, detail/u256_arith.hpp), checked per Wide policy: the portable 32-bit path
// against __int128, and the division against GMP, including the rare "add back" step.
#include <gmp.h>
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "base/detail/u256_arith.hpp"
#include "base/detail/wide.hpp"
#include "u256_reference.hpp"

namespace zkbatch::base {
namespace {

using testing::hex_of;
using testing::Mpz;
using testing::to_u256;
using testing::U256Generator;

#if defined(__SIZEOF_INT128__)
using u128 = unsigned __int128;

TEST(WidePrimitives, PortableMulMatchesInt128) {
  uint64_t seed = testing::test_seed();
  U256Generator gen(seed);
  for (int i = 0; i < 200000; ++i) {
    uint64_t a = (i & 1) ? gen.limb() : gen.special_limb();
    uint64_t b = (i & 2) ? gen.limb() : gen.special_limb();
    uint64_t hi = 0;
    uint64_t lo = detail::PortableWide::mul(a, b, &hi);
    u128 want = static_cast<u128>(a) * b;
    ASSERT_EQ(lo, static_cast<uint64_t>(want)) << a << " * " << b << " seed " << seed;
    ASSERT_EQ(hi, static_cast<uint64_t>(want >> 64)) << a << " * " << b << " seed " << seed;
    uint64_t hi2 = 0;
    ASSERT_EQ(detail::Int128Wide::mul(a, b, &hi2), lo);
    ASSERT_EQ(hi2, hi);
  }
}

// Both policies' 128/64 division against __int128 division, for normalized and unnormalized
// divisors (the portable path shifts them itself) and numerators right below the bound hi < d.
template <class W>
void check_wide_div(uint64_t seed) {
  U256Generator gen(seed);
  for (int i = 0; i < 200000; ++i) {
    uint64_t d = 0;
    switch (i % 4) {
      case 0:
        d = gen.limb();
        break;
      case 1:
        d = gen.special_limb();
        break;
      case 2:
        d = gen.limb() >> (gen.limb() % 64);
        break;
      default:
        d = gen.limb() | (uint64_t{1} << 63);
        break;
    }
    if (d == 0) d = 1;
    uint64_t hi = (i % 3 == 0) ? d - 1 : gen.limb() % d;
    uint64_t lo = (i % 5 == 0) ? gen.special_limb() : gen.limb();
    uint64_t rem = 0;
    uint64_t q = W::div(hi, lo, d, &rem);
    u128 n = (static_cast<u128>(hi) << 64) | lo;
    ASSERT_EQ(q, static_cast<uint64_t>(n / d)) << hi << ":" << lo << " / " << d << " seed " << seed;
    ASSERT_EQ(rem, static_cast<uint64_t>(n % d)) << hi << ":" << lo << " / " << d;
  }
}

TEST(WidePrimitives, PortableDivMatchesInt128) {
  check_wide_div<detail::PortableWide>(testing::test_seed());
}
TEST(WidePrimitives, Int128DivMatchesInt128) {
  check_wide_div<detail::Int128Wide>(testing::test_seed());
}
#endif

template <class W>
class LimbDivisionTest : public ::testing::Test {};
#if defined(__SIZEOF_INT128__)
using Policies = ::testing::Types<detail::PortableWide, detail::Int128Wide>;
#else
using Policies = ::testing::Types<detail::PortableWide>;
#endif
TYPED_TEST_SUITE(LimbDivisionTest, Policies);

void import_limbs(Mpz& out, const uint64_t* limbs, size_t count) {
  mpz_import(out, count, -1, sizeof(uint64_t), 0, 0, limbs);
}

// divide_limbs on every shape up to 8 by 8 limbs with boundary-heavy limbs, against GMP.
TYPED_TEST(LimbDivisionTest, MatchesGmpOnAllShapes) {
  uint64_t seed = testing::test_seed();
  U256Generator gen(seed);
  for (int round = 0; round < 400; ++round) {
    for (size_t m = 1; m <= 8; ++m) {
      for (size_t n = 1; n <= 8; ++n) {
        uint64_t u[8], v[8], q[8], r[8];
        for (size_t i = 0; i < m; ++i)
          u[i] = (round & 1) ? gen.limb() : gen.special_limb();
        for (size_t i = 0; i < n; ++i)
          v[i] = (round & 2) ? gen.limb() : gen.special_limb();
        if (v[n - 1] == 0) v[n - 1] = 1 + (gen.limb() >> (gen.limb() % 64));
        detail::divide_limbs<TypeParam>(u, m, v, n, q, r);
        Mpz mu, mv, mq, mr, got_q, got_r;
        import_limbs(mu, u, m);
        import_limbs(mv, v, n);
        mpz_fdiv_qr(mq, mr, mu, mv);
        import_limbs(got_q, q, m);
        import_limbs(got_r, r, n);
        ASSERT_EQ(mpz_cmp(got_q, mq), 0) << "m=" << m << " n=" << n << " seed " << seed;
        ASSERT_EQ(mpz_cmp(got_r, mr), 0) << "m=" << m << " n=" << n << " seed " << seed;
      }
    }
  }
}

// Inputs on which the quotient estimate of algorithm D is still one too large after the
// two-limb correction, so step D6 ("add back") runs. Found by searching boundary-limb inputs
// with an instrumented build; the expected results come from GMP below.
struct AddBackCase {
  const char* a;
  const char* b;
};
constexpr AddBackCase kAddBackCases[] = {
    {"ffffffff00000001ffffffffffffffff00000000ffffffff0000000000000001",
     "1ffffffffffffffffffffffffffffffff8000000000000001"},
    {"ffffffff00000000000000000000000000000000ffffffff5111fdd69d3e99a2",
     "ffffffff00000000ffffffff000000010000000000000001"},
    {"100000000000000000000000200000001000000000000000000000002",
     "80000000000000000000000100000000c8b0b5457bc417e4"},
    {"ffffffff000000000000000000000000582d3d6f20987917ffffffff00000001",
     "200000000000000000000000000000002"},
    {"fffffffffffffffffffffffffffffffeddb3fc38f74804c57fffffffffffffff",
     "fffffffffffffffffffffffffffffffeffffffff000000010000000000000001"},
    {"ffffffffffffffffffffffffffffffff80000000000000008000000000000001",
     "ffffffffffffffffffffffffffffffffffffffff"},
    {"80000000000000000000000000000002bda85974305725798000000000000000",
     "80000000000000000000000000000002fffffffffffffffeffffffffffffffff"},
    {"ffffffffffffffffffffffffffffffffe035cf26bcafc23bffffffff00000000",
     "7fffffffffffffffffffffffffffffffffffffff00000000"},
    {"8000000000000000000000000000000200000001000000007fffffffffffffff",
     "800000000000000000000000000000028000000000000001"},
    {"ffffffff00000001ffffffffffffffff8000000000000001ffffffff00000001",
     "ffffffff00000001ffffffffffffffffef01668f6a4d47e1"},
};

TYPED_TEST(LimbDivisionTest, AddBackCases) {
  for (const AddBackCase& c : kAddBackCases) {
    Mpz ma, mb, mq, mr;
    ASSERT_EQ(mpz_set_str(ma, c.a, 16), 0);
    ASSERT_EQ(mpz_set_str(mb, c.b, 16), 0);
    mpz_fdiv_qr(mq, mr, ma, mb);
    U256 a = to_u256(ma), b = to_u256(mb), q, r;
    detail::U256Arith<TypeParam>::divmod(a, b, &q, &r);
    EXPECT_EQ(q, to_u256(mq)) << hex_of(a) << " / " << hex_of(b);
    EXPECT_EQ(r, to_u256(mr)) << hex_of(a) << " % " << hex_of(b);
  }
}

// Many divisions and MULMODs of boundary-limb operands: about one in a thousand takes the add-back
// step, so this run passes through it a few dozen times per policy.
TYPED_TEST(LimbDivisionTest, BoundaryLimbOperands) {
  uint64_t seed = testing::test_seed();
  U256Generator gen(seed);
  using A = detail::U256Arith<TypeParam>;
  for (int i = 0; i < 30000; ++i) {
    U256 a, b, m;
    for (int k = 0; k < 4; ++k)
      a.limb[k] = gen.special_limb();
    int nb = 1 + static_cast<int>(gen.limb() % 4);
    for (int k = 0; k < nb; ++k)
      b.limb[k] = gen.special_limb();
    for (int k = 0; k < 4; ++k)
      m.limb[k] = gen.special_limb();
    Mpz ma(a), mb(b), mm(m), want;
    if (!b.is_zero()) {
      mpz_fdiv_q(want, ma, mb);
      ASSERT_EQ(A::div(a, b), to_u256(want)) << hex_of(a) << " / " << hex_of(b) << " seed " << seed;
      mpz_fdiv_r(want, ma, mb);
      ASSERT_EQ(A::mod(a, b), to_u256(want)) << hex_of(a) << " % " << hex_of(b) << " seed " << seed;
    }
    if (!m.is_zero()) {
      mpz_mul(want, ma, mb);
      mpz_fdiv_r(want, want, mm);
      ASSERT_EQ(A::mulmod(a, b, m), to_u256(want))
          << hex_of(a) << " * " << hex_of(b) << " % " << hex_of(m) << " seed " << seed;
    }
  }
}

}  // namespace
}  // namespace zkbatch::base
