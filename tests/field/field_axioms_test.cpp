// SPDX-License-Identifier: Apache-2.0
// Ring and field axioms, run as one typed suite over Fp and Fp3 (STYLE.md §4.11), on edge values
// and on seeded random values.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "field/field.hpp"
#include "field/field_test_support.hpp"

namespace zkbatch::field {
namespace {

using testing::kSeed;

// Per-type sample values and the extension degree over F_p.
template <class F>
struct Traits;

template <>
struct Traits<Fp> {
  static constexpr int kDegree = 1;
  static std::vector<Fp> samples(std::mt19937_64& rng) {
    std::vector<Fp> out = testing::edge_elements();
    for (int i = 0; i < 24; ++i)
      out.push_back(testing::random_fp(rng));
    return out;
  }
};

template <>
struct Traits<Fp3> {
  static constexpr int kDegree = 3;
  static std::vector<Fp3> samples(std::mt19937_64& rng) {
    std::vector<Fp3> out;
    const std::vector<Fp> edges = testing::edge_elements();
    // Each edge value alone in each coefficient, and mixed with its neighbours.
    for (size_t i = 0; i < edges.size(); ++i) {
      const Fp e = edges[i], f = edges[(i + 5) % edges.size()];
      out.push_back(Fp3(e, Fp::zero(), Fp::zero()));
      out.push_back(Fp3(Fp::zero(), e, Fp::zero()));
      out.push_back(Fp3(Fp::zero(), Fp::zero(), e));
      out.push_back(Fp3(e, f, e));
    }
    for (int i = 0; i < 12; ++i)
      out.push_back(testing::random_fp3(rng));
    return out;
  }
};

template <class F>
class FieldAxiomsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(kSeed);
    values_ = Traits<F>::samples(rng);
  }
  std::vector<F> values_;
};

using FieldTypes = ::testing::Types<Fp, Fp3>;
TYPED_TEST_SUITE(FieldAxiomsTest, FieldTypes);

TYPED_TEST(FieldAxiomsTest, AdditiveGroup) {
  using F = TypeParam;
  SCOPED_TRACE(kSeed);
  for (const F& x : this->values_) {
    EXPECT_EQ(x + F::zero(), x);
    EXPECT_EQ(x + (-x), F::zero());
    EXPECT_EQ(-(-x), x);
    EXPECT_EQ(x - x, F::zero());
    for (const F& y : this->values_) {
      EXPECT_EQ(x + y, y + x);
      EXPECT_EQ(x - y, x + (-y));
      EXPECT_EQ((x - y) + y, x);
      F z = x;
      z += y;
      EXPECT_EQ(z, x + y);
      z -= y;
      EXPECT_EQ(z, x);
    }
  }
}

TYPED_TEST(FieldAxiomsTest, Associativity) {
  using F = TypeParam;
  const auto& v = this->values_;
  for (size_t i = 0; i < v.size(); ++i) {
    for (size_t j = 0; j < v.size(); j += 3) {
      const F &x = v[i], &y = v[j], &z = v[(i * 7 + j) % v.size()];
      EXPECT_EQ((x + y) + z, x + (y + z));
      EXPECT_EQ((x * y) * z, x * (y * z));
    }
  }
}

TYPED_TEST(FieldAxiomsTest, MultiplicativeMonoid) {
  using F = TypeParam;
  for (const F& x : this->values_) {
    EXPECT_EQ(x * F::one(), x);
    EXPECT_EQ(x * F::zero(), F::zero());
    EXPECT_EQ(x.square(), x * x);
    for (const F& y : this->values_) {
      EXPECT_EQ(x * y, y * x);
      EXPECT_EQ((-x) * y, -(x * y));
      F z = x;
      z *= y;
      EXPECT_EQ(z, x * y);
    }
  }
}

TYPED_TEST(FieldAxiomsTest, Distributivity) {
  using F = TypeParam;
  const auto& v = this->values_;
  for (size_t i = 0; i < v.size(); ++i) {
    for (size_t j = 0; j < v.size(); ++j) {
      const F &x = v[i], &y = v[j], &z = v[(i + 3 * j + 1) % v.size()];
      EXPECT_EQ(x * (y + z), x * y + x * z);
      EXPECT_EQ((x - y) * z, x * z - y * z);
      EXPECT_EQ((x + y).square(), x.square() + (x * y) + (x * y) + y.square());
    }
  }
}

TYPED_TEST(FieldAxiomsTest, InverseIsMultiplicativeInverse) {
  using F = TypeParam;
  EXPECT_EQ(F::zero().inverse(), F::zero());  // inverse(0) = 0 by definition
  EXPECT_EQ(F::one().inverse(), F::one());
  for (const F& x : this->values_) {
    if (x == F::zero()) continue;
    const F inv = x.inverse();
    EXPECT_EQ(x * inv, F::one());
    EXPECT_EQ(inv.inverse(), x);
    for (const F& y : this->values_) {
      if (y == F::zero()) continue;
      EXPECT_EQ((x * y).inverse(), inv * y.inverse());
    }
  }
}

TYPED_TEST(FieldAxiomsTest, PowMatchesRepeatedMultiplication) {
  using F = TypeParam;
  for (const F& x : this->values_) {
    F acc = F::one();
    for (uint64_t e = 0; e < 20; ++e) {
      EXPECT_EQ(x.pow(e), acc) << "e=" << e;
      acc *= x;
    }
  }
}

TYPED_TEST(FieldAxiomsTest, PowExponentLaws) {
  using F = TypeParam;
  std::mt19937_64 rng(kSeed + 1);
  for (const F& x : this->values_) {
    const uint64_t a = rng() >> 1, b = rng() >> 1;  // a + b does not overflow
    EXPECT_EQ(x.pow(a + b), x.pow(a) * x.pow(b));
    EXPECT_EQ(x.pow(a).pow(2), x.pow(2 * a));
    if (x != F::zero()) {
      EXPECT_EQ(x.pow(a) * x.inverse().pow(a), F::one());
    }
  }
}

// In the field with q = p^degree elements every x satisfies x^q = x (Lagrange on the group of
// order q - 1); x^q is computed as x -> x^p applied degree times.
TYPED_TEST(FieldAxiomsTest, FermatLittleTheorem) {
  using F = TypeParam;
  for (const F& x : this->values_) {
    F y = x;
    for (int i = 0; i < Traits<F>::kDegree; ++i)
      y = y.pow(kModulus);
    EXPECT_EQ(y, x);
  }
}

}  // namespace
}  // namespace zkbatch::field
