// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// Prime fields of N 64-bit limbs in Montgomery form (Montgomery, "Modular multiplication without
// trial division", Math. Comp. 1985), the base of secp256k1, BN254 and BLS12-381. Only the modulus
// is typed in: -p^-1 mod 2^64, R mod p and R^2 mod p (R = 2^(64 N)) are computed at compile
// time, so no derived constant can be mistyped. Products use base/detail/wide.hpp, whose portable
// path serves the rv32 guest.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/detail/wide.hpp"

namespace zkbatch::eth::precompiles::detail {

/// N little-endian 64-bit limbs: limb 0 holds bits 0..63.
template <size_t N>
struct Limbs {
  uint64_t v[N];
};

/// a >= b.
template <size_t N>
constexpr bool limbs_geq(const uint64_t* a, const uint64_t* b) {
  for (size_t i = N; i-- > 0;) {
    if (a[i] != b[i]) return a[i] > b[i];
  }
  return true;
}

/// a -= b; returns the borrow.
template <size_t N>
constexpr uint64_t limbs_sub(uint64_t* a, const uint64_t* b) {
  uint64_t borrow = 0;
  for (size_t i = 0; i < N; ++i) {
    uint64_t d = a[i] - b[i];
    uint64_t b1 = a[i] < b[i] ? 1 : 0;
    a[i] = d - borrow;
    borrow = b1 + (d < borrow ? 1 : 0);
  }
  return borrow;
}

/// a += b; returns the carry.
template <size_t N>
constexpr uint64_t limbs_add(uint64_t* a, const uint64_t* b) {
  uint64_t carry = 0;
  for (size_t i = 0; i < N; ++i) {
    uint64_t s = a[i] + carry;
    uint64_t c1 = s < carry ? 1 : 0;
    a[i] = s + b[i];
    carry = c1 + (a[i] < s ? 1 : 0);
  }
  return carry;
}

/// x * 2^bits mod p for x < p, by modular doublings: slow, but usable in constant expressions.
template <size_t N>
constexpr Limbs<N> shift_mod(Limbs<N> x, const Limbs<N>& p, unsigned bits) {
  for (unsigned i = 0; i < bits; ++i) {
    uint64_t top = x.v[N - 1] >> 63;
    for (size_t k = N - 1; k > 0; --k)
      x.v[k] = (x.v[k] << 1) | (x.v[k - 1] >> 63);
    x.v[0] <<= 1;
    if (top != 0 || limbs_geq<N>(x.v, p.v)) limbs_sub<N>(x.v, p.v);
  }
  return x;
}

/// (hi, lo) = a * b + c + d, which cannot overflow 128 bits: (2^64 - 1)^2 + 2 (2^64 - 1) < 2^128.
inline uint64_t mul_add(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t* hi) {
#if defined(__SIZEOF_INT128__)
  unsigned __int128 t = static_cast<unsigned __int128>(a) * b + c + d;
  *hi = static_cast<uint64_t>(t >> 64);
  return static_cast<uint64_t>(t);
#else
  uint64_t h;
  uint64_t lo = base::detail::PortableWide::mul(a, b, &h);
  lo += c;
  h += lo < c ? 1 : 0;
  lo += d;
  h += lo < d ? 1 : 0;
  *hi = h;
  return lo;
#endif
}

/// An element of the prime field F_p given by `Params` (static constexpr size_t kLimbs and
/// Limbs<kLimbs> kModulus, an odd prime). Stored as a R mod p; plain data, zero-initialized zero.
template <class Params>
class MontField {
 public:
  /// Limbs per element, and bytes of its big-endian encoding.
  static constexpr size_t kLimbs = Params::kLimbs;
  static constexpr size_t kBytes = 8 * kLimbs;
  /// Plain limbs: canonical values, exponents, raw Montgomery representations.
  using Raw = Limbs<kLimbs>;

  /// p.
  static constexpr Raw kModulus = Params::kModulus;
  /// -p^-1 mod 2^64, the Montgomery reduction factor.
  static constexpr uint64_t kInv = [] {
    uint64_t m0 = Params::kModulus.v[0], x = m0;  // x = m0^-1 mod 8, refined by Newton steps
    for (int i = 0; i < 5; ++i)
      x *= 2 - m0 * x;
    return 0 - x;
  }();
  /// The plain integer 1.
  static constexpr Raw kOneRaw = [] {
    Raw one{};
    one.v[0] = 1;
    return one;
  }();
  /// R mod p, R^2 mod p and R^3 mod p for R = 2^(64 N): one, the conversion factor, and the
  /// inverse's correction.
  static constexpr Raw kR = shift_mod(kOneRaw, kModulus, 64 * kLimbs);
  static constexpr Raw kR2 = shift_mod(kR, kModulus, 64 * kLimbs);
  static constexpr Raw kR3 = shift_mod(kR2, kModulus, 64 * kLimbs);
  /// p - 2, the Fermat inversion exponent.
  static constexpr Raw kPMinus2 = [] {
    Raw e = kModulus;
    Raw two{};
    two.v[0] = 2;
    limbs_sub<kLimbs>(e.v, two.v);
    return e;
  }();
  /// (p + 1) / 4, the square-root exponent when p = 3 mod 4.
  static constexpr Raw kSqrtExponent = [] {
    Raw e = kModulus;
    for (size_t k = 0; k < kLimbs; ++k)
      e.v[k] = (e.v[k] >> 2) | (k + 1 < kLimbs ? e.v[k + 1] << 62 : 0);
    Raw one = kOneRaw;
    limbs_add<kLimbs>(e.v, one.v);  // (p + 1) / 4 = floor(p / 4) + 1 for p = 3 mod 4
    return e;
  }();
  /// (p - 1) / 2: canonical values above it are the "lexicographically largest" of a pair ±y.
  static constexpr Raw kHalf = [] {
    Raw e = kModulus;
    for (size_t k = 0; k < kLimbs; ++k)
      e.v[k] = (e.v[k] >> 1) | (k + 1 < kLimbs ? e.v[k + 1] << 63 : 0);
    return e;
  }();

  /// The Montgomery representation a R mod p, little-endian.
  uint64_t limb[kLimbs];

  /// 0 and 1.
  static constexpr MontField zero() { return MontField{}; }
  static constexpr MontField one() { return from_raw(kR); }
  /// The element whose Montgomery representation is `raw` (no conversion).
  static constexpr MontField from_raw(const Raw& raw) {
    MontField r{};
    for (size_t i = 0; i < kLimbs; ++i)
      r.limb[i] = raw.v[i];
    return r;
  }
  /// The element with canonical value `value` < p, converted at compile time (constants).
  static constexpr MontField from_canonical_constexpr(const Raw& value) {
    return from_raw(shift_mod(value, kModulus, 64 * kLimbs));
  }
  /// The element with canonical value `value`; false (and zero) when value >= p.
  static bool from_canonical(const Raw& value, MontField* out) {
    if (limbs_geq<kLimbs>(value.v, kModulus.v)) {
      *out = zero();
      return false;
    }
    montgomery(value.v, kR2.v, out->limb);
    return true;
  }
  /// The element with canonical value `value` (every modulus here exceeds 2^64).
  static MontField from_uint64(uint64_t value) {
    static_assert(kLimbs >= 2, "a single-limb modulus would need a reduction here");
    Raw raw{};
    raw.v[0] = value;
    MontField r;
    montgomery(raw.v, kR2.v, r.limb);
    return r;
  }
  /// Parses kBytes big-endian bytes; false when the value is not below p.
  static bool from_be_bytes(const uint8_t* bytes, MontField* out) {
    Raw raw{};
    for (size_t i = 0; i < kBytes; ++i) {
      size_t weight = kBytes - 1 - i;
      raw.v[weight / 8] |= uint64_t{bytes[i]} << (8 * (weight % 8));
    }
    return from_canonical(raw, out);
  }

  /// The canonical value in [0, p).
  Raw canonical() const {
    Raw out;
    montgomery(limb, kOneRaw.v, out.v);
    return out;
  }
  /// The canonical value as kBytes big-endian bytes.
  void to_be_bytes(uint8_t* out) const {
    Raw raw = canonical();
    for (size_t i = 0; i < kBytes; ++i) {
      size_t weight = kBytes - 1 - i;
      out[i] = static_cast<uint8_t>(raw.v[weight / 8] >> (8 * (weight % 8)));
    }
  }

  /// True for 0 (the representation of 0 is 0).
  bool is_zero() const {
    uint64_t acc = 0;
    for (size_t i = 0; i < kLimbs; ++i)
      acc |= limb[i];
    return acc == 0;
  }
  /// True when the canonical value is odd (the parity of a y coordinate).
  bool is_odd() const { return (canonical().v[0] & 1) != 0; }
  /// True when the canonical value exceeds (p - 1) / 2, i.e. the value is larger than its negation.
  bool is_lexicographically_largest() const {
    Raw raw = canonical();
    return !limbs_geq<kLimbs>(kHalf.v, raw.v);
  }

  /// Field equality and arithmetic mod p.
  friend bool operator==(const MontField& a, const MontField& b) {
    uint64_t acc = 0;
    for (size_t i = 0; i < kLimbs; ++i)
      acc |= a.limb[i] ^ b.limb[i];
    return acc == 0;
  }
  friend bool operator!=(const MontField& a, const MontField& b) { return !(a == b); }

  friend MontField operator+(const MontField& a, const MontField& b) {
    MontField r = a;
    uint64_t carry = limbs_add<kLimbs>(r.limb, b.limb);
    if (carry != 0 || limbs_geq<kLimbs>(r.limb, kModulus.v)) limbs_sub<kLimbs>(r.limb, kModulus.v);
    return r;
  }
  friend MontField operator-(const MontField& a, const MontField& b) {
    MontField r = a;
    if (limbs_sub<kLimbs>(r.limb, b.limb) != 0) limbs_add<kLimbs>(r.limb, kModulus.v);
    return r;
  }
  friend MontField operator-(const MontField& a) { return zero() - a; }
  friend MontField operator*(const MontField& a, const MontField& b) {
    MontField r;
    montgomery(a.limb, b.limb, r.limb);
    return r;
  }
  MontField& operator+=(const MontField& b) { return *this = *this + b; }
  MontField& operator-=(const MontField& b) { return *this = *this - b; }
  MontField& operator*=(const MontField& b) { return *this = *this * b; }

  /// a^2 and 2a.
  MontField square() const { return *this * *this; }
  MontField dbl() const { return *this + *this; }

  /// this^e for a little-endian exponent of `count` limbs (left-to-right square and multiply).
  MontField pow(const uint64_t* e, size_t count) const {
    MontField r = one();
    for (size_t i = count; i-- > 0;) {
      for (int bit = 63; bit >= 0; --bit) {
        r = r.square();
        if (((e[i] >> bit) & 1) != 0) r = r * *this;
      }
    }
    return r;
  }
  /// The inverse; zero maps to zero. The binary extended Euclidean algorithm (Menezes, van
  /// Oorschot, Vanstone, Handbook of Applied Cryptography, Algorithm 14.61 in its mod-p form) on
  /// the stored value A = a R: it yields A^-1 = a^-1 R^-1, and one Montgomery product with R^3
  /// turns that into a^-1 R. Not constant time: nothing here is secret.
  MontField inverse() const {
    if (is_zero()) return zero();
    uint64_t u[kLimbs], v[kLimbs], x1[kLimbs] = {1}, x2[kLimbs] = {};
    for (size_t i = 0; i < kLimbs; ++i) {
      u[i] = limb[i];
      v[i] = kModulus.v[i];
    }
    // Invariants: x1 A = u and x2 A = v (mod p); gcd(u, v) = 1 throughout.
    while (!is_unit(u) && !is_unit(v)) {
      while ((u[0] & 1) == 0) {
        shift_right(u, 0);
        halve(x1);
      }
      while ((v[0] & 1) == 0) {
        shift_right(v, 0);
        halve(x2);
      }
      if (limbs_geq<kLimbs>(u, v)) {
        limbs_sub<kLimbs>(u, v);
        if (limbs_sub<kLimbs>(x1, x2) != 0) limbs_add<kLimbs>(x1, kModulus.v);
      } else {
        limbs_sub<kLimbs>(v, u);
        if (limbs_sub<kLimbs>(x2, x1) != 0) limbs_add<kLimbs>(x2, kModulus.v);
      }
    }
    MontField r;
    montgomery(is_unit(u) ? x1 : x2, kR3.v, r.limb);
    return r;
  }
  /// The inverse by Fermat's little theorem, a^(p-2): slower, kept as the tests' reference.
  MontField inverse_fermat() const { return pow(kPMinus2.v, kLimbs); }
  /// A square root when p = 3 mod 4: c = a^((p+1)/4), accepted when c^2 = a. False when a is not
  /// a square (then *out is unspecified).
  bool sqrt(MontField* out) const {
    static_assert((Params::kModulus.v[0] & 3) == 3, "this square root needs p = 3 mod 4");
    *out = pow(kSqrtExponent.v, kLimbs);
    return out->square() == *this;
  }

 private:
  static bool is_unit(const uint64_t* a) {
    uint64_t high = 0;
    for (size_t i = 1; i < kLimbs; ++i)
      high |= a[i];
    return a[0] == 1 && high == 0;
  }
  // a = (carry ‖ a) >> 1.
  static void shift_right(uint64_t* a, uint64_t carry) {
    for (size_t i = 0; i + 1 < kLimbs; ++i)
      a[i] = (a[i] >> 1) | (a[i + 1] << 63);
    a[kLimbs - 1] = (a[kLimbs - 1] >> 1) | (carry << 63);
  }
  // a = a / 2 mod p: a / 2 for even a, (a + p) / 2 for odd a (the sum may need a 65th bit).
  static void halve(uint64_t* a) {
    uint64_t carry = (a[0] & 1) != 0 ? limbs_add<kLimbs>(a, kModulus.v) : 0;
    shift_right(a, carry);
  }

  // out = a b R^-1 mod p: CIOS (coarsely integrated operand scanning); out may alias a or b.
  static void montgomery(const uint64_t* a, const uint64_t* b, uint64_t* out) {
    uint64_t t[kLimbs + 2] = {};
    for (size_t i = 0; i < kLimbs; ++i) {
      uint64_t carry = 0;
      for (size_t j = 0; j < kLimbs; ++j)
        t[j] = mul_add(a[j], b[i], t[j], carry, &carry);
      uint64_t s = t[kLimbs] + carry;
      t[kLimbs + 1] = s < carry ? 1 : 0;
      t[kLimbs] = s;
      uint64_t q = t[0] * kInv;
      mul_add(q, kModulus.v[0], t[0], 0, &carry);
      for (size_t j = 1; j < kLimbs; ++j)
        t[j - 1] = mul_add(q, kModulus.v[j], t[j], carry, &carry);
      s = t[kLimbs] + carry;
      t[kLimbs - 1] = s;
      t[kLimbs] = t[kLimbs + 1] + (s < carry ? 1 : 0);
    }
    if (t[kLimbs] != 0 || limbs_geq<kLimbs>(t, kModulus.v)) limbs_sub<kLimbs>(t, kModulus.v);
    for (size_t i = 0; i < kLimbs; ++i)
      out[i] = t[i];
  }
};

}  // namespace zkbatch::eth::precompiles::detail
