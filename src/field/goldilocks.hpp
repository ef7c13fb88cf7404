// SPDX-License-Identifier: Apache-2.0
// The Goldilocks prime field F_p, p = 2^64 - 2^32 + 1 (DESIGN.md §3).
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace zkbatch::field {

/// The Goldilocks prime p = 2^64 - 2^32 + 1 (DESIGN.md §3). Its multiplicative group has order
/// p - 1 = 2^32 * (2^32 - 1), so it holds roots of unity of every power-of-two order up to 2^32.
inline constexpr uint64_t kModulus = 0xFFFFFFFF00000001ull;
/// 2^64 mod p = 2^32 - 1, the constant that folds the high half of a product back.
inline constexpr uint64_t kEpsilon = 0xFFFFFFFFull;

namespace detail {

/// The full 128-bit product a*b as (lo, hi) from four 32x32->64 partial products. This is the
/// path of targets without __int128 (the rv32 guest); it is always compiled so that tests can
/// compare it with the __int128 path on the host.
constexpr void mul_wide_portable(uint64_t a, uint64_t b, uint64_t& lo, uint64_t& hi) {
  uint64_t a0 = a & 0xFFFFFFFFull, a1 = a >> 32;
  uint64_t b0 = b & 0xFFFFFFFFull, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  // At most 3 * (2^32 - 1): no overflow.
  uint64_t middle = (p00 >> 32) + (p01 & 0xFFFFFFFFull) + (p10 & 0xFFFFFFFFull);
  lo = (p00 & 0xFFFFFFFFull) | (middle << 32);
  hi = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
}

/// The full 128-bit product a*b as (lo, hi). Uses __int128 where the target has it and
/// mul_wide_portable otherwise.
constexpr void mul_wide(uint64_t a, uint64_t b, uint64_t& lo, uint64_t& hi) {
#if defined(__SIZEOF_INT128__)
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  lo = static_cast<uint64_t>(product);
  hi = static_cast<uint64_t>(product >> 64);
#else
  mul_wide_portable(a, b, lo, hi);
#endif
}

/// All ones when condition holds, else zero. The arithmetic below selects with masks instead of
/// branches: field inputs are random, so a branch on a carry is mispredicted half the time.
constexpr uint64_t mask_if(bool condition) {
  return uint64_t{0} - static_cast<uint64_t>(condition);
}

/// Reduces hi * 2^64 + lo (any 128-bit value) modulo p to a canonical value, using
/// 2^64 = 2^32 - 1 and 2^96 = -1 (mod p).
constexpr uint64_t reduce128(uint64_t lo, uint64_t hi) {
  const uint64_t hi_hi = hi >> 32;
  const uint64_t hi_lo = hi & kEpsilon;
  // t0 = lo - hi_hi (mod p); a borrow means we wrapped by 2^64, so subtract epsilon. After a
  // borrow t0 >= 2^64 - hi_hi > 2^64 - 2^32 > epsilon, so that cannot borrow again.
  uint64_t t0 = lo - hi_hi;
  t0 -= mask_if(lo < hi_hi) & kEpsilon;
  // t1 = hi_lo * (2^32 - 1) <= 2^64 - 2^33 + 1, no overflow.
  const uint64_t t1 = hi_lo * kEpsilon;
  uint64_t sum = t0 + t1;
  // A carry out of 2^64 adds 2^64 = epsilon (mod p); the wrapped sum is < t1, so the result
  // stays below p.
  sum += mask_if(sum < t1) & kEpsilon;
  // sum - p = sum + epsilon (mod 2^64).
  sum += mask_if(sum >= kModulus) & kEpsilon;
  return sum;
}

/// 2^e mod p for e in [0, 192). Because 2^96 = -1 (mod p), the powers of two repeat with
/// period 192, which makes 2^-k = 2^(192 - k) cheap for the inversion below.
constexpr uint64_t pow2_mod(unsigned e) {
  if (e >= 96) {
    uint64_t v = pow2_mod(e - 96);
    return v == 0 ? 0 : kModulus - v;
  }
  if (e < 64) return uint64_t{1} << e;  // < p for e < 64
  return reduce128(0, uint64_t{1} << (e - 64));
}

/// A sum of up to 2^32 products of canonical values, kept as a 192-bit integer
/// top * 2^128 + hi * 2^64 + lo and reduced once at the end. Dot products (the extension
/// field's multiplication) then pay one reduction per result instead of one per product.
struct WideAccumulator {
  uint64_t lo = 0, hi = 0, top = 0;

  /// Adds a * b.
  constexpr void add_product(uint64_t a, uint64_t b) {
    uint64_t plo = 0, phi = 0;
    mul_wide(a, b, plo, phi);
    lo += plo;
    // phi <= 2^64 - 2 for a product of 64-bit values, so phi + carry does not overflow.
    phi += static_cast<uint64_t>(lo < plo);
    hi += phi;
    top += static_cast<uint64_t>(hi < phi);
  }
  /// Adds another accumulator.
  constexpr void add(const WideAccumulator& o) {
    lo += o.lo;
    const uint64_t carry_lo = static_cast<uint64_t>(lo < o.lo);
    hi += o.hi;
    uint64_t carry_hi = static_cast<uint64_t>(hi < o.hi);
    hi += carry_lo;
    carry_hi += static_cast<uint64_t>(hi < carry_lo);
    top += o.top + carry_hi;
  }
  /// Adds a single 64-bit value.
  constexpr void add_value(uint64_t x) {
    lo += x;
    const uint64_t carry = static_cast<uint64_t>(lo < x);
    hi += carry;
    top += static_cast<uint64_t>(hi < carry);
  }
  /// The canonical residue. 2^128 = 2^96 * 2^32 = -2^32 (mod p), and top < 2^32, so the value is
  /// reduce128(lo, hi) - top * 2^32 with top * 2^32 < p.
  constexpr uint64_t reduce() const {
    const uint64_t r = reduce128(lo, hi);
    const uint64_t t = top << 32;
    return r - t + (mask_if(r < t) & kModulus);
  }
};

}  // namespace detail

/// An element of the Goldilocks field, always stored in canonical form [0, p).
class Fp {
 public:
  constexpr Fp() = default;
  /// Reduces any 64-bit value (values >= p are accepted and reduced).
  constexpr explicit Fp(uint64_t value) : v_(value >= kModulus ? value - kModulus : value) {}

  /// The additive and multiplicative identities.
  static constexpr Fp zero() { return Fp(); }
  static constexpr Fp one() { return Fp(1); }

  /// Wraps a value the caller guarantees is already < p, skipping the reduction. Passing a
  /// value >= p breaks every operation's canonical-form invariant.
  static constexpr Fp from_canonical_unchecked(uint64_t canonical) { return raw(canonical); }
  /// A 32-bit value; always < p, so no reduction is needed.
  static constexpr Fp from_u32(uint32_t value) { return raw(value); }
  /// A signed value: negative v maps to p - |v| (so from_i64(-1) == -one()).
  static constexpr Fp from_i64(int64_t value) {
    if (value >= 0) return raw(static_cast<uint64_t>(value));  // < 2^63 < p
    // |value| in [1, 2^63], computed without signed overflow for INT64_MIN.
    uint64_t magnitude = uint64_t{0} - static_cast<uint64_t>(value);
    return raw(kModulus - magnitude);
  }

  /// The canonical representative in [0, p).
  constexpr uint64_t value() const { return v_; }
  /// True for the zero element (canonical storage makes this a plain comparison).
  constexpr bool is_zero() const { return v_ == 0; }

  /// Field operations; inputs and results are canonical.
  constexpr Fp operator+(Fp o) const {
    // a + b = a - (p - b): with both inputs < p, p - b is in [1, p], and a borrow means
    // a + b < p, so adding p back (mod 2^64) gives a + b; otherwise a + b - p is already < p.
    // This keeps the dependency chain on `a` short and branch-free.
    const uint64_t neg_b = kModulus - o.v_;
    const uint64_t diff = v_ - neg_b;
    return Fp::raw(diff + (detail::mask_if(v_ < neg_b) & kModulus));
  }
  constexpr Fp operator-(Fp o) const {
    // On a borrow, diff = a - b + 2^64, and a - b + p = diff + p (mod 2^64).
    const uint64_t diff = v_ - o.v_;
    return Fp::raw(diff + (detail::mask_if(v_ < o.v_) & kModulus));
  }
  constexpr Fp operator-() const { return Fp::raw((kModulus - v_) & detail::mask_if(v_ != 0)); }
  constexpr Fp operator*(Fp o) const {
    uint64_t lo = 0, hi = 0;
    detail::mul_wide(v_, o.v_, lo, hi);
    return Fp::raw(detail::reduce128(lo, hi));
  }
  /// Compound assignment and equality of canonical values.
  constexpr Fp& operator+=(Fp o) { return *this = *this + o; }
  constexpr Fp& operator-=(Fp o) { return *this = *this - o; }
  constexpr Fp& operator*=(Fp o) { return *this = *this * o; }
  constexpr bool operator==(const Fp& o) const { return v_ == o.v_; }
  constexpr bool operator!=(const Fp& o) const { return v_ != o.v_; }

  /// 2 * this.
  constexpr Fp double_() const { return *this + *this; }
  /// this / 2: an even v halves directly; an odd v becomes (v + p) / 2 = (v >> 1) + (p + 1) / 2,
  /// written so that nothing overflows.
  constexpr Fp halve() const {
    return Fp::raw((v_ >> 1) + (detail::mask_if(v_ & 1) & ((kModulus >> 1) + 1)));
  }
  constexpr Fp square() const { return *this * *this; }
  /// this^exponent by square-and-multiply (0^0 = 1).
  constexpr Fp pow(uint64_t exponent) const {
    Fp result = one(), base = *this;
    while (exponent != 0) {
      if (exponent & 1) result *= base;
      base = base.square();
      exponent >>= 1;
    }
    return result;
  }
  /// this^(2^k): k squarings.
  constexpr Fp exp_power_of_2(unsigned k) const {
    Fp r = *this;
    for (unsigned i = 0; i < k; ++i)
      r = r.square();
    return r;
  }
  /// The multiplicative inverse; the inverse of zero is defined as zero (callers that can see
  /// zero must check first). Binary extended Euclid (inverse_binary_gcd), which measured about
  /// 2.5x faster than Fermat's x^(p-2) (inverse_fermat); see benchmarks/field.
  constexpr Fp inverse() const { return inverse_binary_gcd(); }

  /// The inverse by Fermat, this^(p-2), with an addition chain for
  /// p - 2 = (2^31 - 1) * 2^33 + (2^32 - 1): 64 squarings and 9 multiplications instead of the
  /// 63 + 62 of plain square-and-multiply. Kept as a second, independent implementation.
  constexpr Fp inverse_fermat() const {
    // t_k = x^(2^k - 1).
    Fp t1 = *this;
    Fp t2 = t1.square() * t1;
    Fp t3 = t2.square() * t1;
    Fp t6 = t3.exp_power_of_2(3) * t3;
    Fp t12 = t6.exp_power_of_2(6) * t6;
    Fp t24 = t12.exp_power_of_2(12) * t12;
    Fp t30 = t24.exp_power_of_2(6) * t6;
    Fp t31 = t30.square() * t1;
    Fp t32 = t31.square() * t1;
    return t31.exp_power_of_2(33) * t32;
  }

  /// The inverse by Kaliski's "almost inverse" binary extended Euclid (B. S. Kaliski, "The
  /// Montgomery inverse and its applications", IEEE Trans. Computers 44(8), 1995), with whole
  /// runs of trailing zeros removed at once. It keeps u*s + v*r = p, so every quantity fits in
  /// 64 bits, and a*s = sigma*v*2^k (mod p) with sigma = +-1; when u = v = 1,
  /// a^-1 = sigma * s * 2^-k = sigma * s * 2^(192-k). Each step swaps (u, s) with (v, r) when
  /// u < v, which flips sigma, so that one subtraction serves both cases: selecting with masks
  /// instead of branching on u < v (random, so mispredicted half the time) measured about 1.4x
  /// faster. The loop count still depends on the input: this is not constant time.
  constexpr Fp inverse_binary_gcd() const {
    if (v_ == 0) return zero();
    uint64_t u = kModulus, v = v_;
    uint64_t r = 0, s = 1;
    unsigned k = 0;
    // Invariants: a*r = -sigma*u*2^k and a*s = sigma*v*2^k (mod p); u*s + v*r = p; u, v odd
    // at the top of the loop. sign is all ones when sigma = -1.
    unsigned t = static_cast<unsigned>(__builtin_ctzll(v));
    v >>= t;
    r <<= t;
    k += t;
    uint64_t sign = 0;
    while (u != v) {
      const uint64_t m = detail::mask_if(u < v);
      const uint64_t uv = (u ^ v) & m, rs = (r ^ s) & m;
      u ^= uv;
      v ^= uv;
      r ^= rs;
      s ^= rs;
      sign ^= m;
      u -= v;
      r += s;
      t = static_cast<unsigned>(__builtin_ctzll(u));
      u >>= t;
      s <<= t;
      k += t;
    }
    // gcd(a, p) = 1, so u = v = 1 here, s <= p and k <= 128.
    const Fp result = Fp(s) * Fp::raw(detail::pow2_mod(192 - k));
    return sign ? -result : result;
  }

 private:
  static constexpr Fp raw(uint64_t canonical) {
    Fp f;
    f.v_ = canonical;
    return f;
  }
  uint64_t v_ = 0;
};

}  // namespace zkbatch::field
