// SPDX-License-Identifier: Apache-2.0
// The cubic extension F_p[X]/(X^3 - X - 1): that it is a field, the Frobenius map and its
// constants, and Fp3 arithmetic against generic polynomial arithmetic mod X^3 - X - 1.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "field/extension.hpp"
#include "field/field_test_support.hpp"
#include "field/goldilocks.hpp"

namespace zkbatch::field {
namespace {

using testing::cubic_modulus;
using testing::kSeed;
using testing::Poly;

std::vector<Fp3> samples() {
  std::mt19937_64 rng(kSeed + 3);
  std::vector<Fp3> out = {Fp3::zero(), Fp3::one(), Fp3(Fp::zero(), Fp::one(), Fp::zero()),
                          Fp3(-Fp::one(), -Fp::one(), -Fp::one())};
  for (int i = 0; i < 40; ++i)
    out.push_back(testing::random_fp3(rng));
  return out;
}

// X^p mod f by polynomial square-and-multiply. Since X^p - X is the product of (X - a) over all
// a in F_p, gcd(X^p - X, f) = 1 says f has no root in F_p; a cubic without a root has no linear
// factor, hence no factor at all, so f is irreducible and F_p[X]/(f) is a field.
TEST(ExtensionTest, ModulusHasNoRootInBaseField) {
  const Poly f = cubic_modulus();
  const Poly x_p = testing::poly_pow_mod({Fp::zero(), Fp::one()}, kModulus, f);
  const Poly g = testing::poly_gcd(f, testing::poly_sub(x_p, {Fp::zero(), Fp::one()}));
  ASSERT_EQ(testing::degree(g), 0) << "gcd is not a non-zero constant";
  // Consistent with irreducibility: X^(p^3) = X (mod f), but X^p != X.
  Poly x_p3 = x_p;
  for (int i = 0; i < 2; ++i)
    x_p3 = testing::poly_pow_mod(x_p3, kModulus, f);
  EXPECT_EQ(testing::from_poly(x_p3), Fp3(Fp::zero(), Fp::one(), Fp::zero()));
}

TEST(ExtensionTest, FrobeniusConstantsAreXToThePAndX2P) {
  const Poly f = cubic_modulus();
  const Poly x = {Fp::zero(), Fp::one()};
  const Fp3 x_p = testing::from_poly(testing::poly_pow_mod(x, kModulus, f));
  EXPECT_EQ(x_p, Fp3(Fp3::kFrobX[0], Fp3::kFrobX[1], Fp3::kFrobX[2]));
  // 2p overflows 64 bits, so X^(2p) = (X^p)^2 mod f.
  const Fp3 x_p_squared = testing::from_poly(
      testing::poly_mod(testing::poly_mul(testing::to_poly(x_p), testing::to_poly(x_p)), f));
  EXPECT_EQ(x_p_squared, Fp3(Fp3::kFrobX2[0], Fp3::kFrobX2[1], Fp3::kFrobX2[2]));
  // And against Fp3's own exponentiation.
  EXPECT_EQ(Fp3(Fp::zero(), Fp::one(), Fp::zero()).pow(kModulus), x_p);
}

TEST(ExtensionTest, MultiplicationMatchesPolynomialProductModF) {
  const Poly f = cubic_modulus();
  const std::vector<Fp3> v = samples();
  for (const Fp3& a : v) {
    for (const Fp3& b : v) {
      const Poly expected =
          testing::poly_mod(testing::poly_mul(testing::to_poly(a), testing::to_poly(b)), f);
      ASSERT_EQ(a * b, testing::from_poly(expected));
    }
    ASSERT_EQ(a.square(), a * a);
  }
}

TEST(ExtensionTest, FrobeniusIsPthPowerAutomorphism) {
  const std::vector<Fp3> v = samples();
  for (const Fp3& x : v) {
    EXPECT_EQ(x.frobenius(), x.pow(kModulus));
    EXPECT_EQ(x.frobenius().frobenius().frobenius(), x);
    for (const Fp3& y : v) {
      EXPECT_EQ((x * y).frobenius(), x.frobenius() * y.frobenius());
      EXPECT_EQ((x + y).frobenius(), x.frobenius() + y.frobenius());
    }
  }
  // It fixes exactly the base field on these samples.
  EXPECT_EQ(Fp3(Fp(12345)).frobenius(), Fp3(Fp(12345)));
  EXPECT_NE(Fp3(Fp::zero(), Fp::one(), Fp::zero()).frobenius(),
            Fp3(Fp::zero(), Fp::one(), Fp::zero()));
}

TEST(ExtensionTest, NormLiesInBaseFieldAndGivesInverse) {
  for (const Fp3& x : samples()) {
    const Fp3 conj = x.frobenius() * x.frobenius().frobenius();
    const Fp3 n = x * conj;
    EXPECT_TRUE(n.is_base());
    EXPECT_EQ(n, Fp3(x.norm()));
    // x^-1 = x^p x^(p^2) / N(x): an inverse computed a second, independent way.
    if (!x.is_zero()) {
      EXPECT_EQ(x.inverse(), conj * n.c[0].inverse_fermat());
    }
  }
  EXPECT_EQ(Fp3::zero().inverse(), Fp3::zero());
}

TEST(ExtensionTest, MixedBaseFieldOperationsMatchEmbedding) {
  std::mt19937_64 rng(kSeed + 4);
  for (const Fp3& x : samples()) {
    const Fp b = testing::random_fp(rng);
    const Fp3 e = Fp3::from_base(b);
    EXPECT_EQ(x + b, x + e);
    EXPECT_EQ(b + x, e + x);
    EXPECT_EQ(x - b, x - e);
    EXPECT_EQ(b - x, e - x);
    EXPECT_EQ(x * b, x * e);
    EXPECT_EQ(b * x, e * x);
    Fp3 y = x;
    y += b;
    y -= b;
    y *= b;
    EXPECT_EQ(y, x * e);
  }
  EXPECT_EQ(Fp3(Fp(5)), Fp3(Fp(5), Fp::zero(), Fp::zero()));
  const Fp3 a(Fp(1), Fp(2), Fp(3));
  EXPECT_EQ(a.coeff(0), Fp(1));
  EXPECT_EQ(a.coeff(1), Fp(2));
  EXPECT_EQ(a.coeff(2), Fp(3));
  EXPECT_NE(a, Fp3(Fp(1), Fp(2), Fp(4)));
}

// Hand-checked: X * X^2 = X^3 = X + 1 and X^2 * X^2 = X^4 = X^2 + X.
TEST(ExtensionTest, ReductionRule) {
  const Fp3 x(Fp::zero(), Fp::one(), Fp::zero());
  const Fp3 x2(Fp::zero(), Fp::zero(), Fp::one());
  EXPECT_EQ(x * x, x2);
  EXPECT_EQ(x * x2, Fp3(Fp::one(), Fp::one(), Fp::zero()));
  EXPECT_EQ(x2 * x2, Fp3(Fp::zero(), Fp::one(), Fp::one()));
}

}  // namespace
}  // namespace zkbatch::field
