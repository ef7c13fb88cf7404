// SPDX-License-Identifier: Apache-2.0
// The Montgomery prime fields (detail/mont.hpp) of secp256k1 (p and n), BN254 and BLS12-381,
// against GMP on random values: products, sums, inverses, square roots and encodings.
#include <gmp.h>
#include <gtest/gtest.h>

#include "eth/precompiles/bls12_381.hpp"
#include "eth/precompiles/bn254.hpp"
#include "eth/precompiles/secp256k1.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

template <class F>
class FieldTest : public ::testing::Test {};

using Fields = ::testing::Types<secp256k1::Fp, secp256k1::Fn, bn254::Fp, bls12_381::Fp>;
TYPED_TEST_SUITE(FieldTest, Fields);

// A random element (canonical value below p) and its value as a GMP integer.
template <class F>
F random_element(std::mt19937_64& rng, mpz_t value) {
  typename F::Raw raw{};
  for (;;) {
    for (auto& l : raw.v)
      l = rng();
    raw.v[F::kLimbs - 1] >>= rng() % 4;  // some values well below p, some near it
    F out;
    if (F::from_canonical(raw, &out)) {
      mpz_import(value, F::kLimbs, -1, 8, 0, 0, raw.v);
      return out;
    }
  }
}

template <class F>
void to_mpz(const F& x, mpz_t out) {
  typename F::Raw raw = x.canonical();
  mpz_import(out, F::kLimbs, -1, 8, 0, 0, raw.v);
}

TYPED_TEST(FieldTest, ArithmeticMatchesGmp) {
  using F = TypeParam;
  mpz_t p, a, b, want, got;
  mpz_inits(p, a, b, want, got, nullptr);
  mpz_import(p, F::kLimbs, -1, 8, 0, 0, F::kModulus.v);
  std::mt19937_64 rng(F::kModulus.v[0]);
  for (int i = 0; i < 200; ++i) {
    F x = random_element<F>(rng, a), y = random_element<F>(rng, b);
    mpz_mul(want, a, b);
    mpz_mod(want, want, p);
    to_mpz(x * y, got);
    ASSERT_EQ(mpz_cmp(want, got), 0) << "product, iteration " << i;
    mpz_add(want, a, b);
    mpz_mod(want, want, p);
    to_mpz(x + y, got);
    ASSERT_EQ(mpz_cmp(want, got), 0) << "sum, iteration " << i;
    mpz_sub(want, a, b);
    mpz_mod(want, want, p);
    to_mpz(x - y, got);
    ASSERT_EQ(mpz_cmp(want, got), 0) << "difference, iteration " << i;
    if (!x.is_zero()) {
      mpz_invert(want, a, p);
      to_mpz(x.inverse(), got);
      ASSERT_EQ(mpz_cmp(want, got), 0) << "inverse, iteration " << i;
      EXPECT_TRUE(x.inverse() == x.inverse_fermat());
    }
  }
  EXPECT_TRUE(F::zero().inverse().is_zero());
  EXPECT_TRUE(F::one().inverse() == F::one());
  mpz_clears(p, a, b, want, got, nullptr);
}

TYPED_TEST(FieldTest, BytesRoundTripAndRangeCheck) {
  using F = TypeParam;
  std::mt19937_64 rng(7);
  mpz_t v;
  mpz_init(v);
  uint8_t bytes[F::kBytes];
  for (int i = 0; i < 20; ++i) {
    F x = random_element<F>(rng, v), y;
    x.to_be_bytes(bytes);
    ASSERT_TRUE(F::from_be_bytes(bytes, &y));
    EXPECT_TRUE(x == y);
  }
  // p itself and 2^(64 N) - 1 are rejected.
  for (size_t i = 0; i < F::kBytes; ++i) {
    size_t weight = F::kBytes - 1 - i;
    bytes[i] = static_cast<uint8_t>(F::kModulus.v[weight / 8] >> (8 * (weight % 8)));
  }
  F out;
  EXPECT_FALSE(F::from_be_bytes(bytes, &out));
  std::fill(bytes, bytes + F::kBytes, 0xff);
  EXPECT_FALSE(F::from_be_bytes(bytes, &out));
  mpz_clear(v);
}

TEST(Fields, SquareRoots) {
  // p = 3 mod 4 for the three base fields: a^((p+1)/4) is a root exactly when one exists.
  std::mt19937_64 rng(11);
  mpz_t v, p;
  mpz_inits(v, p, nullptr);
  auto check = [&](auto x) {
    using F = decltype(x);
    mpz_import(p, F::kLimbs, -1, 8, 0, 0, F::kModulus.v);
    int squares = 0;
    for (int i = 0; i < 40; ++i) {
      F a = random_element<F>(rng, v), root;
      bool has = a.sqrt(&root);
      EXPECT_EQ(has, mpz_legendre(v, p) >= 0) << i;
      if (has) {
        EXPECT_TRUE(root.square() == a);
        ++squares;
      }
      F sq = a.square();
      ASSERT_TRUE(sq.sqrt(&root));
      EXPECT_TRUE(root == a || root == -a);
    }
    EXPECT_GT(squares, 5);
  };
  check(secp256k1::Fp{});
  check(bn254::Fp{});
  check(bls12_381::Fp{});
  mpz_clears(v, p, nullptr);
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
