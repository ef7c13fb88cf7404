// SPDX-License-Identifier: Apache-2.0
// The multiplicative generator and the power-of-two roots of unity.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "field/goldilocks.hpp"
#include "field/roots.hpp"

namespace zkbatch::field {
namespace {

// Odd prime factors of p - 1 = 2^32 * (2^32 - 1) = 2^32 * 3 * 5 * 17 * 257 * 65537 (2^32 - 1 is
// the product of the five Fermat primes F0..F4).
const std::vector<uint64_t> kOddPrimeFactors = {3, 5, 17, 257, 65537};

bool is_prime(uint64_t n) {
  if (n < 2) return false;
  for (uint64_t d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return true;
}

TEST(RootsTest, FactorisationOfGroupOrder) {
  uint64_t product = uint64_t{1} << kTwoAdicity;
  for (uint64_t q : kOddPrimeFactors) {
    EXPECT_TRUE(is_prime(q)) << q;
    product *= q;
  }
  EXPECT_EQ(product, kModulus - 1);
  // 2^32 is the exact power of two: (p - 1) / 2^32 is odd.
  EXPECT_EQ(((kModulus - 1) >> kTwoAdicity) & 1, 1u);
}

// g generates the cyclic group of order n iff g^(n/q) != 1 for every prime q | n.
TEST(RootsTest, SevenGeneratesTheMultiplicativeGroup) {
  const Fp g = multiplicative_generator();
  EXPECT_EQ(g, Fp(7));
  EXPECT_EQ(g.pow(kModulus - 1), Fp::one());
  std::vector<uint64_t> primes = kOddPrimeFactors;
  primes.push_back(2);
  for (uint64_t q : primes)
    EXPECT_NE(g.pow((kModulus - 1) / q), Fp::one()) << "q=" << q;
}

TEST(RootsTest, TwoAdicGeneratorHasExactOrder) {
  EXPECT_EQ(two_adic_generator(0), Fp::one());
  EXPECT_EQ(two_adic_generator(1), -Fp::one());
  for (unsigned k = 1; k <= kTwoAdicity; ++k) {
    const Fp w = two_adic_generator(k);
    EXPECT_EQ(w.exp_power_of_2(k), Fp::one()) << "k=" << k;
    EXPECT_NE(w.exp_power_of_2(k - 1), Fp::one()) << "k=" << k;
    EXPECT_EQ(w.exp_power_of_2(k - 1), -Fp::one()) << "k=" << k;
  }
}

TEST(RootsTest, TwoAdicGeneratorsAreConsistent) {
  for (unsigned k = 0; k < kTwoAdicity; ++k) {
    EXPECT_EQ(two_adic_generator(k + 1).square(), two_adic_generator(k)) << "k=" << k;
  }
  // No root of order 2^33 exists.
  EXPECT_EQ(two_adic_generator(kTwoAdicity + 1), Fp::zero());
}

// Known answers: Plonky2's Goldilocks POWER_OF_TWO_GENERATOR = 7^((p-1)/2^32)
// (plonky2 field/src/goldilocks_field.rs), and the order-4 root 2^48, since 2^96 = -1 (mod p)
// makes 2^48 a square root of -1 (which one we get is fixed by the generator: checked by value).
TEST(RootsTest, KnownAnswers) {
  EXPECT_EQ(two_adic_generator(32).value(), 1753635133440165772ull);
  const Fp i = two_adic_generator(2);
  EXPECT_TRUE(i == Fp(uint64_t{1} << 48) || i == -Fp(uint64_t{1} << 48)) << i.value();
}

}  // namespace
}  // namespace zkbatch::field
