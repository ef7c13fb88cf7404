// SPDX-License-Identifier: Apache-2.0
// Compile-time checks of the cubic extension; the arithmetic is constexpr in the header.
#include "field/extension.hpp"

namespace zkbatch::field {

namespace {
constexpr Fp3 kX = Fp3(Fp::zero(), Fp::one(), Fp::zero());
}  // namespace

static_assert(kX * kX * kX == kX + Fp3::one(), "X^3 = X + 1");
// The Frobenius constants are X^p and X^(2p) reduced modulo X^3 - X - 1.
static_assert(kX.pow(kModulus) == Fp3(Fp3::kFrobX[0], Fp3::kFrobX[1], Fp3::kFrobX[2]), "X^p");
static_assert(kX.pow(kModulus).square() == Fp3(Fp3::kFrobX2[0], Fp3::kFrobX2[1], Fp3::kFrobX2[2]),
              "X^(2p)");
static_assert((kX + Fp3::one()).inverse() * (kX + Fp3::one()) == Fp3::one(), "inverse");

}  // namespace zkbatch::field
