// SPDX-License-Identifier: Apache-2.0
// Multiplication, division and the operations built on them, once per Wide policy.
#include <string.h>

#include "base/detail/u256_arith.hpp"

namespace zkbatch::base::detail {

namespace {

// a * b + c + d as (hi, lo); cannot overflow: (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1.
template <class W>
inline uint64_t mul_add2(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t* hi) {
  uint64_t h = 0;
  uint64_t lo = W::mul(a, b, &h);
  lo += c;
  h += lo < c ? 1 : 0;
  lo += d;
  h += lo < d ? 1 : 0;
  *hi = h;
  return lo;
}

// Limbs up to and including the highest nonzero one.
size_t significant_limbs(const uint64_t* x, size_t count) {
  while (count > 0 && x[count - 1] == 0)
    --count;
  return count;
}

}  // namespace

template <class W>
void divide_limbs(const uint64_t* u,
                  size_t m,
                  const uint64_t* v,
                  size_t n,
                  uint64_t* q,
                  uint64_t* r) {
  size_t m_full = m, n_full = n;
  if (q != nullptr) memset(q, 0, m_full * sizeof(uint64_t));
  if (r != nullptr) memset(r, 0, n_full * sizeof(uint64_t));
  m = significant_limbs(u, m);
  n = significant_limbs(v, n);
  if (n == 0) return;  // callers exclude division by zero; keep the result defined anyway
  if (m < n) {
    if (r != nullptr) memcpy(r, u, m * sizeof(uint64_t));
    return;
  }
  if (n == 1) {
    // Short division: each step divides (remainder, next limb) with remainder < divisor.
    uint64_t rem = 0;
    for (size_t i = m; i-- > 0;) {
      uint64_t digit = W::div(rem, u[i], v[0], &rem);
      if (q != nullptr) q[i] = digit;
    }
    if (r != nullptr) r[0] = rem;
    return;
  }

  // D1: normalize so the divisor's top limb has its top bit set; un gets one extra limb.
  unsigned s = clz64(v[n - 1]);
  uint64_t vn[8];
  uint64_t un[9];
  for (size_t i = n - 1; i > 0; --i) {
    vn[i] = s == 0 ? v[i] : (v[i] << s) | (v[i - 1] >> (64 - s));
  }
  vn[0] = v[0] << s;
  un[m] = s == 0 ? 0 : u[m - 1] >> (64 - s);
  for (size_t i = m - 1; i > 0; --i) {
    un[i] = s == 0 ? u[i] : (u[i] << s) | (u[i - 1] >> (64 - s));
  }
  un[0] = u[0] << s;

  const uint64_t top = vn[n - 1], second = vn[n - 2];
  for (size_t j = m - n + 1; j-- > 0;) {
    // D3: estimate qhat from the top two limbs; un[j+n] <= top always holds here.
    uint64_t qhat, rhat;
    bool rhat_overflow = false;
    if (un[j + n] >= top) {
      qhat = ~uint64_t{0};
      rhat = un[j + n - 1] + top;
      rhat_overflow = rhat < top;
    } else {
      qhat = W::div(un[j + n], un[j + n - 1], top, &rhat);
    }
    // Correct qhat with the second divisor limb: afterwards it is exact or one too large.
    while (!rhat_overflow) {
      uint64_t p_hi = 0;
      uint64_t p_lo = W::mul(qhat, second, &p_hi);
      if (p_hi < rhat || (p_hi == rhat && p_lo <= un[j + n - 2])) break;
      --qhat;
      rhat += top;
      rhat_overflow = rhat < top;
    }
    // D4: un[j .. j+n] -= qhat * vn.
    uint64_t borrow = 0, carry = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p_hi = 0;
      uint64_t p_lo = mul_add2<W>(qhat, vn[i], carry, 0, &p_hi);
      uint64_t t = un[i + j] - p_lo;
      uint64_t b1 = un[i + j] < p_lo ? 1 : 0;
      un[i + j] = t - borrow;
      borrow = b1 + (t < borrow ? 1 : 0);
      carry = p_hi;
    }
    uint64_t t = un[j + n] - carry;
    bool negative = un[j + n] < carry;
    negative |= t < borrow;
    un[j + n] = t - borrow;
    // D6: the estimate was one too large (rare, about 2/2^64): add the divisor back.
    if (negative) {
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        uint64_t sum = un[i + j] + c;
        uint64_t c1 = sum < c ? 1 : 0;
        un[i + j] = sum + vn[i];
        c = c1 + (un[i + j] < sum ? 1 : 0);
      }
      un[j + n] += c;
    }
    if (q != nullptr) q[j] = qhat;
  }
  // D8: the remainder is un[0 .. n-1] shifted back.
  if (r != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      r[i] = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (64 - s));
    }
  }
}

template <class W>
U256 U256Arith<W>::mul(const U256& a, const U256& b) {
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; i + j < 4; ++j) {
      r.limb[i + j] = mul_add2<W>(a.limb[i], b.limb[j], r.limb[i + j], carry, &carry);
    }
  }
  return r;
}

template <class W>
void U256Arith<W>::mul_full(const U256& a, const U256& b, uint64_t out[8]) {
  for (int i = 0; i < 8; ++i)
    out[i] = 0;
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < 4; ++j) {
      out[i + j] = mul_add2<W>(a.limb[i], b.limb[j], out[i + j], carry, &carry);
    }
    out[i + 4] = carry;
  }
}

template <class W>
void U256Arith<W>::divmod(const U256& a, const U256& b, U256* quotient, U256* remainder) {
  U256 q, r;
  if (b.is_zero()) {
    // The EVM defines x / 0 = x % 0 = 0.
  } else if (b.fits_uint64() && a.fits_uint64()) {
    q.limb[0] = a.limb[0] / b.limb[0];
    r.limb[0] = a.limb[0] % b.limb[0];
  } else if (a < b) {
    r = a;  // also spares algorithm D an estimate that the add-back step must undo
  } else {
    divide_limbs<W>(a.limb, 4, b.limb, 4, q.limb, r.limb);
  }
  if (quotient != nullptr) *quotient = q;
  if (remainder != nullptr) *remainder = r;
}

template <class W>
U256 U256Arith<W>::div_small(const U256& a, uint64_t d, uint64_t* remainder) {
  U256 q;
  uint64_t rem = 0;
  for (int i = 3; i >= 0; --i)
    q.limb[i] = W::div(rem, a.limb[i], d, &rem);
  *remainder = rem;
  return q;
}

template <class W>
U256 U256Arith<W>::div(const U256& a, const U256& b) {
  U256 q;
  divmod(a, b, &q, nullptr);
  return q;
}

template <class W>
U256 U256Arith<W>::mod(const U256& a, const U256& b) {
  U256 r;
  divmod(a, b, nullptr, &r);
  return r;
}

template <class W>
U256 U256Arith<W>::sdiv(const U256& a, const U256& b) {
  // Divide magnitudes, then fix the sign. For a = -2^255, |a| = 2^255 as an unsigned value, and
  // dividing by 1 (b = -1) gives 2^255 = -2^255 again: the EVM's defined overflow result.
  bool negative_a = a.is_negative(), negative_b = b.is_negative();
  U256 q = div(negative_a ? negate(a) : a, negative_b ? negate(b) : b);
  return negative_a != negative_b ? negate(q) : q;
}

template <class W>
U256 U256Arith<W>::smod(const U256& a, const U256& b) {
  bool negative_a = a.is_negative();
  U256 r = mod(negative_a ? negate(a) : a, b.is_negative() ? negate(b) : b);
  return negative_a ? negate(r) : r;
}

template <class W>
U256 U256Arith<W>::addmod(const U256& a, const U256& b, const U256& m) {
  if (m.is_zero()) return U256();
  uint64_t sum[5];
  uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    uint64_t s = a.limb[i] + carry;
    uint64_t c1 = s < carry ? 1 : 0;
    sum[i] = s + b.limb[i];
    carry = c1 + (sum[i] < s ? 1 : 0);
  }
  sum[4] = carry;
  U256 r;
  divide_limbs<W>(sum, 5, m.limb, 4, nullptr, r.limb);
  return r;
}

template <class W>
U256 U256Arith<W>::mulmod(const U256& a, const U256& b, const U256& m) {
  if (m.is_zero()) return U256();
  uint64_t product[8];
  mul_full(a, b, product);
  U256 r;
  divide_limbs<W>(product, 8, m.limb, 4, nullptr, r.limb);
  return r;
}

template <class W>
U256 U256Arith<W>::exp(const U256& base, const U256& exponent) {
  // Left-to-right square-and-multiply over the exponent's bits.
  U256 result(1);
  for (unsigned i = exponent.bit_length(); i-- > 0;) {
    result = mul(result, result);
    if (exponent.bit(i)) result = mul(result, base);
  }
  return result;
}

template struct U256Arith<PortableWide>;
template void divide_limbs<PortableWide>(const uint64_t*,
                                         size_t,
                                         const uint64_t*,
                                         size_t,
                                         uint64_t*,
                                         uint64_t*);
#if defined(__SIZEOF_INT128__)
template struct U256Arith<Int128Wide>;
template void divide_limbs<Int128Wide>(const uint64_t*,
                                       size_t,
                                       const uint64_t*,
                                       size_t,
                                       uint64_t*,
                                       uint64_t*);
#endif

}  // namespace zkbatch::base::detail
