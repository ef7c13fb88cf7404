// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// 64x64->128 multiplication and 128/64 division, the two primitives under U256's multiply and
// divide. Two interchangeable policies: PortableWide uses only 32x32->64 products and 64/32-style
// divisions (the rv32 guest has no __int128), Int128Wide uses __int128 (and divq on x86-64).
// Both are compiled on the host so that tests run every U256 algorithm over each of them.
#pragma once

#include <stdint.h>

namespace zkbatch::base::detail {

/// Leading zero bits of a nonzero 64-bit value.
inline unsigned clz64(uint64_t x) {
  return static_cast<unsigned>(__builtin_clzll(x));
}

/// Primitives from 32-bit halves only.
struct PortableWide {
  /// a * b = hi * 2^64 + lo, from four 32x32->64 partial products.
  static uint64_t mul(uint64_t a, uint64_t b, uint64_t* hi) {
    uint32_t a0 = static_cast<uint32_t>(a), a1 = static_cast<uint32_t>(a >> 32);
    uint32_t b0 = static_cast<uint32_t>(b), b1 = static_cast<uint32_t>(b >> 32);
    uint64_t p00 = static_cast<uint64_t>(a0) * b0;
    uint64_t p01 = static_cast<uint64_t>(a0) * b1;
    uint64_t p10 = static_cast<uint64_t>(a1) * b0;
    uint64_t p11 = static_cast<uint64_t>(a1) * b1;
    // At most 3 * (2^32 - 1): cannot overflow.
    uint64_t middle = (p00 >> 32) + static_cast<uint32_t>(p01) + static_cast<uint32_t>(p10);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
    return (middle << 32) | static_cast<uint32_t>(p00);
  }

  /// (hi * 2^64 + lo) / d and its remainder; requires hi < d, so the quotient fits 64 bits.
  /// Knuth's algorithm D (TAOCP vol. 2, §4.3.1) with two 32-bit quotient digits: normalize d so
  /// its top bit is set, estimate each digit from the top 64 bits of the partial remainder, then
  /// correct the estimate (at most twice) with the divisor's second half-digit.
  static uint64_t div(uint64_t hi, uint64_t lo, uint64_t d, uint64_t* rem) {
    unsigned s = clz64(d);
    if (s != 0) {
      d <<= s;
      hi = (hi << s) | (lo >> (64 - s));
      lo <<= s;
    }
    const uint64_t b = uint64_t{1} << 32;
    uint64_t d1 = d >> 32, d0 = d & 0xFFFFFFFFu;
    uint64_t l1 = lo >> 32, l0 = lo & 0xFFFFFFFFu;

    // First digit: divide (hi, l1) by d.
    uint64_t q1 = hi / d1;
    uint64_t r = hi - q1 * d1;
    while (q1 >= b || q1 * d0 > ((r << 32) | l1)) {
      --q1;
      r += d1;
      if (r >= b) break;
    }
    uint64_t mid = (hi << 32) + l1 - q1 * d;  // exact result < d, computed mod 2^64

    // Second digit: divide (mid, l0) by d.
    uint64_t q0 = mid / d1;
    r = mid - q0 * d1;
    while (q0 >= b || q0 * d0 > ((r << 32) | l0)) {
      --q0;
      r += d1;
      if (r >= b) break;
    }
    *rem = (((mid << 32) + l0) - q0 * d) >> s;
    return (q1 << 32) | q0;
  }
};

#if defined(__SIZEOF_INT128__)
/// Primitives through the compiler's __int128.
struct Int128Wide {
  static uint64_t mul(uint64_t a, uint64_t b, uint64_t* hi) {
    unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
    *hi = static_cast<uint64_t>(p >> 64);
    return static_cast<uint64_t>(p);
  }

  /// Requires hi < d. On x86-64 one divq does it (it faults only when the quotient overflows,
  /// which hi < d excludes); elsewhere the compiler's 128-bit division.
  static uint64_t div(uint64_t hi, uint64_t lo, uint64_t d, uint64_t* rem) {
#if defined(__x86_64__)
    uint64_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
    *rem = r;
    return q;
#else
    unsigned __int128 n = (static_cast<unsigned __int128>(hi) << 64) | lo;
    *rem = static_cast<uint64_t>(n % d);
    return static_cast<uint64_t>(n / d);
#endif
  }
};
/// The primitives U256 uses on this target.
using NativeWide = Int128Wide;
#else
using NativeWide = PortableWide;
#endif

}  // namespace zkbatch::base::detail
