// SPDX-License-Identifier: Apache-2.0
// The typed-in constants of the three curves, recomputed from their defining parameters with GMP:
// a mistyped limb cannot pass.
#include <gmp.h>
#include <gtest/gtest.h>

#include <string>

#include "eth/precompiles/bls12_381.hpp"
#include "eth/precompiles/bn254.hpp"
#include "eth/precompiles/secp256k1.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

// A GMP integer from little-endian 64-bit limbs.
struct Big {
  mpz_t v;
  Big() { mpz_init(v); }
  explicit Big(const char* hex) { mpz_init_set_str(v, hex, 16); }
  Big(const uint64_t* limbs, size_t n) {
    mpz_init(v);
    mpz_import(v, n, -1, 8, 0, 0, limbs);
  }
  ~Big() { mpz_clear(v); }
  Big(const Big&) = delete;
  Big& operator=(const Big&) = delete;
  bool operator==(const Big& o) const { return mpz_cmp(v, o.v) == 0; }
  std::string hex() const {
    char* s = mpz_get_str(nullptr, 16, v);
    std::string out(s);
    free(s);
    return out;
  }
};

// (p^4 - p^2 + 1) / r, exactly.
void hard_exponent(const Big& p, const Big& r, Big& out) {
  Big p2, p4;
  mpz_mul(p2.v, p.v, p.v);
  mpz_mul(p4.v, p2.v, p2.v);
  mpz_sub(out.v, p4.v, p2.v);
  mpz_add_ui(out.v, out.v, 1);
  ASSERT_TRUE(mpz_divisible_p(out.v, r.v));
  mpz_divexact(out.v, out.v, r.v);
}

TEST(CurveConstants, Bn254FromItsParameter) {
  // EIP-197: p = 36u^4 + 36u^3 + 24u^2 + 6u + 1, r = 36u^4 + 36u^3 + 18u^2 + 6u + 1, u =
  // 4965661367192848881.
  Big u, u2, u3, u4, p, r, t;
  mpz_set_str(u.v, "4965661367192848881", 10);
  mpz_mul(u2.v, u.v, u.v);
  mpz_mul(u3.v, u2.v, u.v);
  mpz_mul(u4.v, u3.v, u.v);
  mpz_mul_ui(p.v, u4.v, 36);
  mpz_addmul_ui(p.v, u3.v, 36);
  mpz_set(r.v, p.v);
  mpz_addmul_ui(p.v, u2.v, 24);
  mpz_addmul_ui(r.v, u2.v, 18);
  mpz_addmul_ui(p.v, u.v, 6);
  mpz_addmul_ui(r.v, u.v, 6);
  mpz_add_ui(p.v, p.v, 1);
  mpz_add_ui(r.v, r.v, 1);
  EXPECT_EQ(Big(bn254::FpParams::kModulus.v, 4).hex(), p.hex());
  EXPECT_EQ(Big(bn254::kOrder.v, 4).hex(), r.hex());
  mpz_mul_ui(t.v, u2.v, 6);  // the ate loop 6u^2 = t - 1
  EXPECT_EQ(Big(bn254::Curve::kLoop, bn254::Curve::kLoopLimbs).hex(), t.hex());
  Big hard;
  hard_exponent(p, r, hard);
  EXPECT_EQ(Big(bn254::Curve::kHard, bn254::Curve::kHardLimbs).hex(), hard.hex());
}

TEST(CurveConstants, Bls12381FromItsParameter) {
  // x = -0xd201000000010000: r = x^4 - x^2 + 1, p = (x - 1)^2 r / 3 + x.
  Big x, x2, r, p;
  mpz_set_str(x.v, "-d201000000010000", 16);
  mpz_mul(x2.v, x.v, x.v);
  mpz_mul(r.v, x2.v, x2.v);
  mpz_sub(r.v, r.v, x2.v);
  mpz_add_ui(r.v, r.v, 1);
  mpz_sub_ui(p.v, x.v, 1);
  mpz_mul(p.v, p.v, p.v);
  mpz_mul(p.v, p.v, r.v);
  mpz_divexact_ui(p.v, p.v, 3);
  mpz_add(p.v, p.v, x.v);
  EXPECT_EQ(Big(bls12_381::FpParams::kModulus.v, 6).hex(), p.hex());
  EXPECT_EQ(Big(bls12_381::kOrder.v, 4).hex(), r.hex());
  Big loop;
  mpz_neg(loop.v, x.v);
  EXPECT_EQ(Big(bls12_381::Curve::kLoop, 1).hex(), loop.hex());
  EXPECT_TRUE(bls12_381::Curve::kLoopNegative);
  Big hard;
  hard_exponent(p, r, hard);
  EXPECT_EQ(Big(bls12_381::Curve::kHard, bls12_381::Curve::kHardLimbs).hex(), hard.hex());
}

TEST(CurveConstants, Secp256k1) {
  // SEC 2 v2 §2.4.1: p = 2^256 - 2^32 - 977; n and G as published; G lies on y^2 = x^3 + 7.
  Big p, n("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  mpz_ui_pow_ui(p.v, 2, 256);
  mpz_sub_ui(p.v, p.v, (1ull << 32) + 977);
  EXPECT_EQ(Big(secp256k1::FpParams::kModulus.v, 4).hex(), p.hex());
  EXPECT_EQ(Big(secp256k1::FnParams::kModulus.v, 4).hex(), n.hex());
  auto gx = secp256k1::kGx.canonical(), gy = secp256k1::kGy.canonical();
  EXPECT_EQ(Big(gx.v, 4).hex(), "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
  EXPECT_EQ(Big(gy.v, 4).hex(), "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
  EXPECT_TRUE(
      detail::on_curve(secp256k1::Affine::at(secp256k1::kGx, secp256k1::kGy), secp256k1::kB));
  // n G = infinity.
  auto g = secp256k1::Jacobian::from_affine(secp256k1::Affine::at(secp256k1::kGx, secp256k1::kGy));
  EXPECT_TRUE(detail::scalar_mul(g, secp256k1::FnParams::kModulus.v, 4).is_infinity());
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
