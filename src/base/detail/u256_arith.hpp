// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// U256's multiply- and divide-based operations written once over a Wide policy (detail/wide.hpp).
// The public functions in u256.hpp use NativeWide; tests also run PortableWide, the guest's path.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/detail/wide.hpp"
#include "base/u256.hpp"

namespace zkbatch::base::detail {

/// Limb-level division: u (m limbs) by v (n limbs, not all zero), both little-endian, m, n <= 8.
/// Writes m quotient limbs to q and n remainder limbs to r (either may be null).
/// Knuth's algorithm D (TAOCP vol. 2, §4.3.1) on 64-bit digits; one-limb divisors take the
/// short-division loop.
template <class W>
void divide_limbs(const uint64_t* u,
                  size_t m,
                  const uint64_t* v,
                  size_t n,
                  uint64_t* q,
                  uint64_t* r);

/// The operations of u256.hpp that need a wide multiply or divide, over policy W.
template <class W>
struct U256Arith {
  /// a * b mod 2^256.
  static U256 mul(const U256& a, const U256& b);
  /// The full 512-bit product as 8 little-endian limbs.
  static void mul_full(const U256& a, const U256& b, uint64_t out[8]);
  /// a / b and a % b; both 0 when b = 0.
  static void divmod(const U256& a, const U256& b, U256* quotient, U256* remainder);
  /// a / d and a % d for a 64-bit d != 0 (decimal conversion).
  static U256 div_small(const U256& a, uint64_t d, uint64_t* remainder);
  static U256 div(const U256& a, const U256& b);
  static U256 mod(const U256& a, const U256& b);
  static U256 sdiv(const U256& a, const U256& b);
  static U256 smod(const U256& a, const U256& b);
  static U256 addmod(const U256& a, const U256& b, const U256& m);
  static U256 mulmod(const U256& a, const U256& b, const U256& m);
  static U256 exp(const U256& base, const U256& exponent);
};

extern template struct U256Arith<PortableWide>;
extern template void divide_limbs<PortableWide>(const uint64_t*,
                                                size_t,
                                                const uint64_t*,
                                                size_t,
                                                uint64_t*,
                                                uint64_t*);
#if defined(__SIZEOF_INT128__)
extern template struct U256Arith<Int128Wide>;
extern template void divide_limbs<Int128Wide>(const uint64_t*,
                                              size_t,
                                              const uint64_t*,
                                              size_t,
                                              uint64_t*,
                                              uint64_t*);
#endif

}  // namespace zkbatch::base::detail
