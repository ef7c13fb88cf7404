// SPDX-License-Identifier: Apache-2.0
// Differential tests of every U256 operation against GMP. The reference side is written from the
// EVM definitions (Yellow Paper Appendix H.2; EIP-145 for shifts) with GMP's exact integers, so it
// shares no code with U256. Each operation runs on all combinations of the edge values plus
// kRounds random inputs; the seed is printed on failure and can be set with ZKB_TEST_SEED.
// The multiply/divide family runs once through the public functions and once per Wide policy,
// so the 32-bit path of the rv32 guest is checked on the host too.
#include <gmp.h>
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>

#include "base/detail/u256_arith.hpp"
#include "base/u256.hpp"
#include "u256_reference.hpp"

namespace zkbatch::base {
namespace {

using testing::edge_values;
using testing::hex_of;
using testing::Mpz;
using testing::to_u256;
using testing::U256Generator;

constexpr int kRounds = 3000;
constexpr int kMaxReports = 5;

using Unary = std::function<U256(const U256&)>;
using Binary = std::function<U256(const U256&, const U256&)>;
using Ternary = std::function<U256(const U256&, const U256&, const U256&)>;

// Counts mismatches and reports the first few with their inputs and the seed.
struct Reporter {
  const char* op;
  uint64_t seed;
  int failures = 0;
  void check(const U256& got, const U256& want, const std::string& inputs) {
    if (got == want) return;
    if (++failures <= kMaxReports) {
      ADD_FAILURE() << op << "(" << inputs << ") = " << hex_of(got) << ", want " << hex_of(want)
                    << "  [seed " << seed << "]";
    }
  }
};

void check_binary(const char* op,
                  const Binary& ours,
                  const Binary& ref,
                  U256 (*second)(U256Generator&) = nullptr) {
  uint64_t seed = testing::test_seed();
  Reporter report{op, seed};
  for (const U256& a : edge_values()) {
    for (const U256& b : edge_values())
      report.check(ours(a, b), ref(a, b), hex_of(a) + ", " + hex_of(b));
  }
  U256Generator gen(seed);
  for (int i = 0; i < kRounds; ++i) {
    U256 a = gen.next();
    U256 b = second != nullptr ? second(gen) : gen.next();
    report.check(ours(a, b), ref(a, b), hex_of(a) + ", " + hex_of(b));
  }
  EXPECT_EQ(report.failures, 0) << op;
}

void check_ternary(const char* op, const Ternary& ours, const Ternary& ref) {
  uint64_t seed = testing::test_seed();
  Reporter report{op, seed};
  for (const U256& a : edge_values()) {
    for (const U256& b : edge_values()) {
      for (const U256& m : edge_values()) {
        report.check(ours(a, b, m), ref(a, b, m), hex_of(a) + ", " + hex_of(b) + ", " + hex_of(m));
      }
    }
  }
  U256Generator gen(seed);
  for (int i = 0; i < kRounds; ++i) {
    U256 a = gen.next(), b = gen.next(), m = gen.next();
    report.check(ours(a, b, m), ref(a, b, m), hex_of(a) + ", " + hex_of(b) + ", " + hex_of(m));
  }
  EXPECT_EQ(report.failures, 0) << op;
}

void check_unary(const char* op, const Unary& ours, const Unary& ref) {
  uint64_t seed = testing::test_seed();
  Reporter report{op, seed};
  for (const U256& a : edge_values())
    report.check(ours(a), ref(a), hex_of(a));
  U256Generator gen(seed);
  for (int i = 0; i < kRounds; ++i) {
    U256 a = gen.next();
    report.check(ours(a), ref(a), hex_of(a));
  }
  EXPECT_EQ(report.failures, 0) << op;
}

// ---- Reference semantics on GMP integers ----

U256 ref_mul(const U256& a, const U256& b) {
  Mpz r;
  mpz_mul(r, Mpz(a), Mpz(b));
  return to_u256(r);
}
U256 ref_div(const U256& a, const U256& b) {
  if (b.is_zero()) return U256();
  Mpz r;
  mpz_fdiv_q(r, Mpz(a), Mpz(b));
  return to_u256(r);
}
U256 ref_mod(const U256& a, const U256& b) {
  if (b.is_zero()) return U256();
  Mpz r;
  mpz_fdiv_r(r, Mpz(a), Mpz(b));
  return to_u256(r);
}
// SDIV truncates toward zero on the two's-complement values; the result is taken mod 2^256,
// which maps 2^255 (from -2^255 / -1) back to -2^255 as the Yellow Paper requires.
U256 ref_sdiv(const U256& a, const U256& b) {
  if (b.is_zero()) return U256();
  Mpz sa, sb, r;
  sa.set_signed(a);
  sb.set_signed(b);
  mpz_tdiv_q(r, sa, sb);
  return to_u256(r);
}
// SMOD: truncated remainder, so its sign is the dividend's.
U256 ref_smod(const U256& a, const U256& b) {
  if (b.is_zero()) return U256();
  Mpz sa, sb, r;
  sa.set_signed(a);
  sb.set_signed(b);
  mpz_tdiv_r(r, sa, sb);
  return to_u256(r);
}
U256 ref_addmod(const U256& a, const U256& b, const U256& m) {
  if (m.is_zero()) return U256();
  Mpz r;
  mpz_add(r, Mpz(a), Mpz(b));
  mpz_fdiv_r(r, r, Mpz(m));
  return to_u256(r);
}
U256 ref_mulmod(const U256& a, const U256& b, const U256& m) {
  if (m.is_zero()) return U256();
  Mpz r;
  mpz_mul(r, Mpz(a), Mpz(b));
  mpz_fdiv_r(r, r, Mpz(m));
  return to_u256(r);
}
U256 ref_exp(const U256& base, const U256& exponent) {
  Mpz r, modulus;
  mpz_ui_pow_ui(modulus, 2, 256);
  mpz_powm(r, Mpz(base), Mpz(exponent), modulus);  // GMP: 0^0 = 1
  return to_u256(r);
}

// ---- The operations under test, through the public API or one Wide policy ----

struct PublicOps {
  static U256 mul(const U256& a, const U256& b) { return base::mul(a, b); }
  static U256 div(const U256& a, const U256& b) { return base::div(a, b); }
  static U256 mod(const U256& a, const U256& b) { return base::mod(a, b); }
  static U256 sdiv(const U256& a, const U256& b) { return base::sdiv(a, b); }
  static U256 smod(const U256& a, const U256& b) { return base::smod(a, b); }
  static U256 addmod(const U256& a, const U256& b, const U256& m) { return base::addmod(a, b, m); }
  static U256 mulmod(const U256& a, const U256& b, const U256& m) { return base::mulmod(a, b, m); }
  static U256 exp(const U256& a, const U256& b) { return base::exp(a, b); }
  static void divmod(const U256& a, const U256& b, U256* q, U256* r) { base::divmod(a, b, q, r); }
};

template <class W>
struct PolicyOps {
  using A = detail::U256Arith<W>;
  static U256 mul(const U256& a, const U256& b) { return A::mul(a, b); }
  static U256 div(const U256& a, const U256& b) { return A::div(a, b); }
  static U256 mod(const U256& a, const U256& b) { return A::mod(a, b); }
  static U256 sdiv(const U256& a, const U256& b) { return A::sdiv(a, b); }
  static U256 smod(const U256& a, const U256& b) { return A::smod(a, b); }
  static U256 addmod(const U256& a, const U256& b, const U256& m) { return A::addmod(a, b, m); }
  static U256 mulmod(const U256& a, const U256& b, const U256& m) { return A::mulmod(a, b, m); }
  static U256 exp(const U256& a, const U256& b) { return A::exp(a, b); }
  static void divmod(const U256& a, const U256& b, U256* q, U256* r) { A::divmod(a, b, q, r); }
};

template <class Ops>
class U256WideOpsTest : public ::testing::Test {};

#if defined(__SIZEOF_INT128__)
using OpsTypes =
    ::testing::Types<PublicOps, PolicyOps<detail::PortableWide>, PolicyOps<detail::Int128Wide>>;
#else
using OpsTypes = ::testing::Types<PublicOps, PolicyOps<detail::PortableWide>>;
#endif
TYPED_TEST_SUITE(U256WideOpsTest, OpsTypes);

TYPED_TEST(U256WideOpsTest, Mul) {
  check_binary("mul", TypeParam::mul, ref_mul);
}
TYPED_TEST(U256WideOpsTest, Div) {
  check_binary("div", TypeParam::div, ref_div);
}
TYPED_TEST(U256WideOpsTest, Mod) {
  check_binary("mod", TypeParam::mod, ref_mod);
}
TYPED_TEST(U256WideOpsTest, DivmodMatchesDivAndMod) {
  auto quotient = [](const U256& a, const U256& b) {
    U256 q, r;
    TypeParam::divmod(a, b, &q, &r);
    return q;
  };
  auto remainder = [](const U256& a, const U256& b) {
    U256 q, r;
    TypeParam::divmod(a, b, &q, &r);
    return r;
  };
  check_binary("divmod.q", quotient, ref_div);
  check_binary("divmod.r", remainder, ref_mod);
}
TYPED_TEST(U256WideOpsTest, Sdiv) {
  check_binary("sdiv", TypeParam::sdiv, ref_sdiv);
}
TYPED_TEST(U256WideOpsTest, Smod) {
  check_binary("smod", TypeParam::smod, ref_smod);
}
TYPED_TEST(U256WideOpsTest, Addmod) {
  check_ternary("addmod", TypeParam::addmod, ref_addmod);
}
TYPED_TEST(U256WideOpsTest, Mulmod) {
  check_ternary("mulmod", TypeParam::mulmod, ref_mulmod);
}
TYPED_TEST(U256WideOpsTest, Exp) {
  check_binary("exp", TypeParam::exp, ref_exp);
}

// Division by a divisor near the dividend (quotients 0, 1, 2 and large) and by divisors that are
// one limb, so every path of the division (short division, algorithm D, q = 0) is taken.
TYPED_TEST(U256WideOpsTest, DivNearbyAndOneLimbDivisors) {
  U256Generator gen(testing::test_seed() + 1);
  Reporter report{"div/mod nearby", testing::test_seed() + 1};
  for (int i = 0; i < kRounds; ++i) {
    U256 a = gen.next();
    U256 delta(gen.limb() % 5);
    U256 b = (gen.limb() & 1) ? a - delta : a + delta;
    if (gen.limb() % 3 == 0) b = U256(gen.special_limb());
    std::string in = hex_of(a) + ", " + hex_of(b);
    report.check(TypeParam::div(a, b), ref_div(a, b), in);
    report.check(TypeParam::mod(a, b), ref_mod(a, b), in);
  }
  EXPECT_EQ(report.failures, 0);
}

// ---- Operations with no wide multiply: checked once, through the public API ----

// Shift amounts: mostly around 0..300, sometimes huge with a small low limb (only the whole
// value decides whether the amount is >= 256).
U256 shift_amount(U256Generator& gen) {
  switch (gen.limb() % 4) {
    case 0:
      return U256(gen.limb() % 300);
    case 1:
      return U256(gen.limb() % 256);
    case 2:
      return U256::from_limbs(gen.limb() % 256, gen.special_limb(), 0, gen.special_limb());
    default:
      return gen.next();
  }
}
// SIGNEXTEND and BYTE indices: mostly small, sometimes huge.
U256 small_index(U256Generator& gen) {
  switch (gen.limb() % 3) {
    case 0:
      return U256(gen.limb() % 40);
    case 1:
      return U256::from_limbs(gen.limb() % 40, gen.special_limb(), 0, 0);
    default:
      return gen.next();
  }
}

unsigned clamped(const U256& s) {
  return s.fits_uint64() && s.limb[0] < 256 ? static_cast<unsigned>(s.limb[0]) : 256;
}

TEST(U256Gmp, AddSubNegate) {
  check_binary("add", add, [](const U256& a, const U256& b) {
    Mpz r;
    mpz_add(r, Mpz(a), Mpz(b));
    return to_u256(r);
  });
  check_binary("sub", sub, [](const U256& a, const U256& b) {
    Mpz r;
    mpz_sub(r, Mpz(a), Mpz(b));
    return to_u256(r);
  });
  check_unary("negate", negate, [](const U256& a) {
    Mpz r;
    mpz_neg(r, Mpz(a));
    return to_u256(r);
  });
}

TEST(U256Gmp, Shifts) {
  check_binary(
      "shl", shl,
      [](const U256& s, const U256& v) {
        Mpz r;
        mpz_mul_2exp(r, Mpz(v), clamped(s));  // 2^256 * v is 0 mod 2^256
        return to_u256(r);
      },
      shift_amount);
  check_binary(
      "shr", shr,
      [](const U256& s, const U256& v) {
        Mpz r;
        mpz_fdiv_q_2exp(r, Mpz(v), clamped(s));
        return to_u256(r);
      },
      shift_amount);
  // SAR = floor(v / 2^s) on the signed value (EIP-145); s = 256 already gives 0 or -1.
  check_binary(
      "sar", sar,
      [](const U256& s, const U256& v) {
        Mpz sv, r;
        sv.set_signed(v);
        mpz_fdiv_q_2exp(r, sv, clamped(s));
        return to_u256(r);
      },
      shift_amount);
  // The operators with plain counts agree with SHL/SHR.
  U256Generator gen(testing::test_seed());
  for (int i = 0; i < kRounds; ++i) {
    U256 v = gen.next();
    unsigned n = static_cast<unsigned>(gen.limb() % 300);
    ASSERT_EQ(v << n, shl(U256(n), v)) << hex_of(v) << " << " << n;
    ASSERT_EQ(v >> n, shr(U256(n), v)) << hex_of(v) << " >> " << n;
  }
}

TEST(U256Gmp, SignextendAndByte) {
  // SIGNEXTEND(b, x): for b < 31 the low 8(b+1) bits of x read as a signed number.
  check_binary(
      "signextend", signextend,
      [](const U256& b, const U256& x) {
        if (!b.fits_uint64() || b.limb[0] >= 31) return x;
        unsigned bits = 8 * (static_cast<unsigned>(b.limb[0]) + 1);
        Mpz low, half, full;
        mpz_fdiv_r_2exp(low, Mpz(x), bits);
        mpz_ui_pow_ui(half, 2, bits - 1);
        mpz_ui_pow_ui(full, 2, bits);
        if (mpz_cmp(low, half) >= 0) mpz_sub(low, low, full);
        return to_u256(low);
      },
      small_index);
  // BYTE(i, x): byte i counted from the most significant; 0 for i >= 32.
  check_binary(
      "byte", byte,
      [](const U256& i, const U256& x) {
        if (!i.fits_uint64() || i.limb[0] >= 32) return U256();
        Mpz r;
        mpz_fdiv_q_2exp(r, Mpz(x), 8 * (31 - static_cast<unsigned>(i.limb[0])));
        mpz_fdiv_r_2exp(r, r, 8);
        return to_u256(r);
      },
      small_index);
}

TEST(U256Gmp, Comparisons) {
  auto as_u256 = [](bool b) { return U256(b ? 1 : 0); };
  auto cmp = [](const U256& a, const U256& b) { return mpz_cmp(Mpz(a), Mpz(b)); };
  auto scmp = [](const U256& a, const U256& b) {
    Mpz sa, sb;
    sa.set_signed(a);
    sb.set_signed(b);
    return mpz_cmp(sa, sb);
  };
  check_binary(
      "lt", [&](const U256& a, const U256& b) { return as_u256(lt(a, b)); },
      [&](const U256& a, const U256& b) { return as_u256(cmp(a, b) < 0); });
  check_binary(
      "gt", [&](const U256& a, const U256& b) { return as_u256(gt(a, b)); },
      [&](const U256& a, const U256& b) { return as_u256(cmp(a, b) > 0); });
  check_binary(
      "le", [&](const U256& a, const U256& b) { return as_u256(a <= b); },
      [&](const U256& a, const U256& b) { return as_u256(cmp(a, b) <= 0); });
  check_binary(
      "ge", [&](const U256& a, const U256& b) { return as_u256(a >= b); },
      [&](const U256& a, const U256& b) { return as_u256(cmp(a, b) >= 0); });
  check_binary(
      "eq", [&](const U256& a, const U256& b) { return as_u256(eq(a, b)); },
      [&](const U256& a, const U256& b) { return as_u256(cmp(a, b) == 0); });
  check_binary(
      "ne", [&](const U256& a, const U256& b) { return as_u256(a != b); },
      [&](const U256& a, const U256& b) { return as_u256(cmp(a, b) != 0); });
  check_binary(
      "slt", [&](const U256& a, const U256& b) { return as_u256(slt(a, b)); },
      [&](const U256& a, const U256& b) { return as_u256(scmp(a, b) < 0); });
  check_binary(
      "sgt", [&](const U256& a, const U256& b) { return as_u256(sgt(a, b)); },
      [&](const U256& a, const U256& b) { return as_u256(scmp(a, b) > 0); });
  check_unary(
      "iszero", [&](const U256& a) { return as_u256(iszero(a)); },
      [&](const U256& a) { return as_u256(mpz_sgn(Mpz(a).get()) == 0); });
}

TEST(U256Gmp, Bitwise) {
  check_binary("and", bit_and, [](const U256& a, const U256& b) {
    Mpz r;
    mpz_and(r, Mpz(a), Mpz(b));
    return to_u256(r);
  });
  check_binary("or", bit_or, [](const U256& a, const U256& b) {
    Mpz r;
    mpz_ior(r, Mpz(a), Mpz(b));
    return to_u256(r);
  });
  check_binary("xor", bit_xor, [](const U256& a, const U256& b) {
    Mpz r;
    mpz_xor(r, Mpz(a), Mpz(b));
    return to_u256(r);
  });
  // NOT x = 2^256 - 1 - x.
  check_unary("not", bit_not, [](const U256& a) {
    Mpz r;
    mpz_ui_pow_ui(r, 2, 256);
    mpz_sub_ui(r, r, 1);
    mpz_sub(r, r, Mpz(a));
    return to_u256(r);
  });
}

TEST(U256Gmp, SizesAndBytes) {
  uint64_t seed = testing::test_seed();
  U256Generator gen(seed);
  std::vector<U256> values = edge_values();
  for (int i = 0; i < kRounds; ++i)
    values.push_back(gen.next());
  for (const U256& x : values) {
    Mpz m(x);
    unsigned bits = x.is_zero() ? 0 : static_cast<unsigned>(mpz_sizeinbase(m, 2));
    ASSERT_EQ(x.bit_length(), bits) << hex_of(x) << " seed " << seed;
    ASSERT_EQ(x.count_significant_bytes(), (bits + 7) / 8) << hex_of(x);
    ASSERT_EQ(x.fits_uint64(), bits <= 64) << hex_of(x);
    // Big-endian bytes as GMP exports them (most significant byte first, 32 bytes).
    uint8_t want[32] = {};
    size_t count = 0;
    uint8_t tmp[32];
    mpz_export(tmp, &count, 1, 1, 0, 0, m);
    for (size_t k = 0; k < count; ++k)
      want[32 - count + k] = tmp[k];
    uint8_t got[32];
    x.to_be_bytes(got);
    ASSERT_EQ(0, memcmp(got, want, 32)) << hex_of(x);
    ASSERT_EQ(U256::from_be_bytes(ByteSpan(want, 32)), x);
    Bytes32 word = x.to_bytes32();
    ASSERT_EQ(0, memcmp(word.bytes, want, 32));
    ASSERT_EQ(U256::from_bytes32(word), x);
    // The shortest encoding (RLP integers) decodes to the same value.
    ASSERT_EQ(U256::from_be_bytes(ByteSpan(want + 32 - count, count)), x);
  }
}

TEST(U256Gmp, HexAndDecimalText) {
  uint64_t seed = testing::test_seed();
  U256Generator gen(seed);
  std::vector<U256> values = edge_values();
  for (int i = 0; i < kRounds; ++i)
    values.push_back(gen.next());
  for (const U256& x : values) {
    Mpz m(x);
    char* want_hex = mpz_get_str(nullptr, 16, m);
    char* want_dec = mpz_get_str(nullptr, 10, m);
    char buf[U256::kMaxDecimalChars];
    size_t n = x.to_hex(buf, sizeof buf);
    ASSERT_EQ(std::string(buf, n), std::string("0x") + want_hex) << "seed " << seed;
    Result<U256> back = U256::from_hex(buf, n);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(*back, x);
    n = x.to_decimal(buf, sizeof buf);
    ASSERT_EQ(std::string(buf, n), want_dec) << "seed " << seed;
    back = U256::from_decimal(buf, n);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(*back, x);
    free(want_hex);
    free(want_dec);
  }
}

}  // namespace
}  // namespace zkbatch::base
