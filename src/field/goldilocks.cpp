// SPDX-License-Identifier: Apache-2.0
// Compile-time checks of the Goldilocks arithmetic; the operations themselves are constexpr and
// live in the header so that they inline.
#include "field/goldilocks.hpp"

namespace zkbatch::field {

static_assert(Fp(kModulus) == Fp::zero(), "p reduces to zero");
static_assert((Fp(kModulus - 1) + Fp::one()) == Fp::zero(), "(p-1) + 1 = 0");
static_assert((Fp(kModulus - 1) * Fp(kModulus - 1)) == Fp::one(), "(-1)^2 = 1");
static_assert(Fp::from_i64(-1) == -Fp::one(), "negative values wrap to p - |v|");
static_assert(Fp(2).halve() == Fp::one() && Fp::one().halve().double_() == Fp::one(), "halve");
static_assert(detail::pow2_mod(96) == kModulus - 1, "2^96 = -1 (mod p)");
static_assert(Fp(3).inverse() * Fp(3) == Fp::one(), "inverse");
static_assert(Fp(3).inverse() == Fp(3).inverse_fermat(), "both inverses agree");
static_assert(Fp::zero().inverse() == Fp::zero(), "inverse(0) = 0 by definition");

}  // namespace zkbatch::field
