// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/detail/bignum.hpp"

#include <string.h>

#include "base/detail/wide.hpp"

namespace zkbatch::eth::precompiles::detail::bignum {

namespace {

using Wide = base::detail::NativeWide;

// (hi, lo) = a * b + c + d; cannot overflow: (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1.
inline uint64_t mul_add(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t* hi) {
  uint64_t h;
  uint64_t lo = Wide::mul(a, b, &h);
  lo += c;
  h += lo < c ? 1 : 0;
  lo += d;
  h += lo < d ? 1 : 0;
  *hi = h;
  return lo;
}

// a[0, n) -= b[0, n); returns the borrow.
uint64_t sub_n(uint64_t* a, const uint64_t* b, size_t n) {
  uint64_t borrow = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t d = a[i] - b[i];
    uint64_t b1 = a[i] < b[i] ? 1 : 0;
    a[i] = d - borrow;
    borrow = b1 + (d < borrow ? 1 : 0);
  }
  return borrow;
}

// a[0, n) += b[0, n); returns the carry.
uint64_t add_n(uint64_t* a, const uint64_t* b, size_t n) {
  uint64_t carry = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t s = a[i] + carry;
    uint64_t c1 = s < carry ? 1 : 0;
    a[i] = s + b[i];
    carry = c1 + (a[i] < s ? 1 : 0);
  }
  return carry;
}

// rem = a mod d for a one-limb divisor.
uint64_t remainder_1(const uint64_t* a, size_t an, uint64_t d) {
  uint64_t r = 0;
  for (size_t i = an; i-- > 0;) {
    uint64_t rem;
    Wide::div(r, a[i], d, &rem);  // r < d, so the quotient fits
    r = rem;
  }
  return r;
}

}  // namespace

void load_be_padded(base::ByteSpan input,
                    uint64_t offset,
                    size_t length,
                    uint64_t* limbs,
                    size_t count) {
  memset(limbs, 0, count * sizeof(uint64_t));
  if (offset >= input.size()) return;
  size_t start = static_cast<size_t>(offset);
  size_t available = input.size() - start;
  size_t present = available < length ? available : length;
  // Byte i of the number (0 = most significant) carries weight 256^(length - 1 - i).
  for (size_t i = 0; i < present; ++i) {
    size_t weight = length - 1 - i;
    limbs[weight / 8] |= uint64_t{input[start + i]} << (8 * (weight % 8));
  }
}

void store_be(const uint64_t* limbs, size_t count, uint8_t* out, size_t length) {
  for (size_t i = 0; i < length; ++i) {
    size_t weight = length - 1 - i;
    size_t limb = weight / 8;
    out[i] = limb < count ? static_cast<uint8_t>(limbs[limb] >> (8 * (weight % 8))) : 0;
  }
}

size_t significant_limbs(const uint64_t* a, size_t count) {
  while (count > 0 && a[count - 1] == 0)
    --count;
  return count;
}

void multiply(const uint64_t* a, size_t an, const uint64_t* b, size_t bn, uint64_t* out) {
  memset(out, 0, (an + bn) * sizeof(uint64_t));
  for (size_t i = 0; i < an; ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < bn; ++j)
      out[i + j] = mul_add(a[i], b[j], out[i + j], carry, &carry);
    out[i + bn] = carry;
  }
}

void remainder(const uint64_t* a,
               size_t an,
               const uint64_t* m,
               size_t mn,
               uint64_t* rem,
               uint64_t* scratch) {
  an = significant_limbs(a, an);
  if (an < mn) {
    // Already reduced (the divisor's top limb is nonzero).
    for (size_t i = 0; i < mn; ++i)
      rem[i] = i < an ? a[i] : 0;
    return;
  }
  if (mn == 1) {
    rem[0] = remainder_1(a, an, m[0]);
    return;
  }
  // D1: normalize so the divisor's top bit is set; the dividend gains one limb.
  uint64_t* u = scratch;           // an + 1 limbs
  uint64_t* v = scratch + an + 1;  // mn limbs
  unsigned s = base::detail::clz64(m[mn - 1]);
  for (size_t i = mn; i-- > 0;) {
    uint64_t low = i > 0 && s != 0 ? m[i - 1] >> (64 - s) : 0;
    v[i] = (m[i] << s) | low;
  }
  u[an] = s != 0 ? a[an - 1] >> (64 - s) : 0;
  for (size_t i = an; i-- > 0;) {
    uint64_t low = i > 0 && s != 0 ? a[i - 1] >> (64 - s) : 0;
    u[i] = (a[i] << s) | low;
  }
  const uint64_t v1 = v[mn - 1], v2 = v[mn - 2];
  for (size_t j = an - mn + 1; j-- > 0;) {
    // D3: estimate q from the top two limbs of the partial remainder; u[j + mn] <= v1 holds.
    uint64_t qhat, rhat;
    bool rhat_big = false;  // rhat >= 2^64: the estimate can no longer be too large by the test
    if (u[j + mn] >= v1) {
      qhat = ~uint64_t{0};
      rhat = u[j + mn - 1] + v1;
      rhat_big = rhat < v1;
    } else {
      qhat = Wide::div(u[j + mn], u[j + mn - 1], v1, &rhat);
    }
    while (!rhat_big) {
      uint64_t hi;
      uint64_t lo = Wide::mul(qhat, v2, &hi);
      if (hi < rhat || (hi == rhat && lo <= u[j + mn - 2])) break;
      --qhat;
      rhat += v1;
      rhat_big = rhat < v1;
    }
    // D4: u[j, j + mn] -= qhat * v.
    uint64_t carry = 0, borrow = 0;
    for (size_t i = 0; i < mn; ++i) {
      uint64_t p = mul_add(qhat, v[i], carry, 0, &carry);
      uint64_t d = u[j + i] - p;
      uint64_t b1 = u[j + i] < p ? 1 : 0;
      u[j + i] = d - borrow;
      borrow = b1 + (d < borrow ? 1 : 0);
    }
    uint64_t top = u[j + mn];
    uint64_t d = top - carry;
    uint64_t b1 = top < carry ? 1 : 0;
    u[j + mn] = d - borrow;
    borrow = b1 + (d < borrow ? 1 : 0);
    // D6: the estimate was one too large (rare): add the divisor back.
    if (borrow != 0) u[j + mn] += add_n(u + j, v, mn);
  }
  // D8: the remainder is u[0, mn) shifted back.
  for (size_t i = 0; i < mn; ++i) {
    uint64_t high = i + 1 < mn && s != 0 ? u[i + 1] << (64 - s) : 0;
    rem[i] = s != 0 ? (u[i] >> s) | high : u[i];
  }
}

void montgomery_multiply(const uint64_t* a,
                         const uint64_t* b,
                         const uint64_t* m,
                         size_t n,
                         uint64_t m_inv,
                         uint64_t* out,
                         uint64_t* t) {
  memset(t, 0, (n + 2) * sizeof(uint64_t));
  for (size_t i = 0; i < n; ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < n; ++j)
      t[j] = mul_add(a[j], b[i], t[j], carry, &carry);
    uint64_t s = t[n] + carry;
    t[n + 1] = s < carry ? 1 : 0;
    t[n] = s;
    // Add q m with q chosen so that the low limb vanishes, then shift down one limb.
    uint64_t q = t[0] * m_inv;
    mul_add(q, m[0], t[0], 0, &carry);
    for (size_t j = 1; j < n; ++j)
      t[j - 1] = mul_add(q, m[j], t[j], carry, &carry);
    s = t[n] + carry;
    t[n - 1] = s;
    t[n] = t[n + 1] + (s < carry ? 1 : 0);
  }
  // t < 2m: one conditional subtraction.
  bool ge = t[n] != 0;
  if (!ge) {
    ge = true;
    for (size_t i = n; i-- > 0;) {
      if (t[i] != m[i]) {
        ge = t[i] > m[i];
        break;
      }
    }
  }
  if (ge) sub_n(t, m, n);
  memcpy(out, t, n * sizeof(uint64_t));
}

}  // namespace zkbatch::eth::precompiles::detail::bignum
