// SPDX-License-Identifier: Apache-2.0
#include "base/u256.hpp"

#include "base/detail/u256_arith.hpp"

namespace zkbatch::base {

namespace {

using Arith = detail::U256Arith<detail::NativeWide>;

// The shift count of a U256 amount, or 256 for any amount of 256 or more.
unsigned clamp_shift(const U256& shift) {
  return shift.fits_uint64() && shift.limb[0] < 256 ? static_cast<unsigned>(shift.limb[0]) : 256;
}

}  // namespace

U256 U256::from_be_bytes(ByteSpan bytes) {
  U256 r;
  size_t n = bytes.size() < 32 ? bytes.size() : 32;
  const uint8_t* end = bytes.data() + bytes.size();
  // Byte k from the end is bits 8k .. 8k+7.
  for (size_t k = 0; k < n; ++k) {
    r.limb[k / 8] |= static_cast<uint64_t>(end[-1 - static_cast<ptrdiff_t>(k)]) << (8 * (k % 8));
  }
  return r;
}

void U256::to_be_bytes(uint8_t out[32]) const {
  for (size_t k = 0; k < 32; ++k) {
    out[31 - k] = static_cast<uint8_t>(limb[k / 8] >> (8 * (k % 8)));
  }
}

U256 U256::from_bytes32(const Bytes32& word) {
  return from_be_bytes(word.span());
}

Bytes32 U256::to_bytes32() const {
  Bytes32 word;
  to_be_bytes(word.bytes);
  return word;
}

unsigned U256::bit_length() const {
  for (int i = 3; i >= 0; --i) {
    if (limb[i] != 0) return 64 * static_cast<unsigned>(i) + 64 - detail::clz64(limb[i]);
  }
  return 0;
}

unsigned U256::count_significant_bytes() const {
  return (bit_length() + 7) / 8;
}

U256 mul(const U256& a, const U256& b) {
  return Arith::mul(a, b);
}
U256 div(const U256& a, const U256& b) {
  return Arith::div(a, b);
}
U256 mod(const U256& a, const U256& b) {
  return Arith::mod(a, b);
}
U256 sdiv(const U256& a, const U256& b) {
  return Arith::sdiv(a, b);
}
U256 smod(const U256& a, const U256& b) {
  return Arith::smod(a, b);
}
U256 addmod(const U256& a, const U256& b, const U256& m) {
  return Arith::addmod(a, b, m);
}
U256 mulmod(const U256& a, const U256& b, const U256& m) {
  return Arith::mulmod(a, b, m);
}
U256 exp(const U256& base, const U256& exponent) {
  return Arith::exp(base, exponent);
}
void divmod(const U256& a, const U256& b, U256* quotient, U256* remainder) {
  Arith::divmod(a, b, quotient, remainder);
}

U256 operator<<(const U256& a, unsigned n) {
  U256 r;
  if (n >= 256) return r;
  int words = static_cast<int>(n / 64);
  unsigned bits = n % 64;
  for (int i = 3; i >= words; --i) {
    uint64_t v = a.limb[i - words] << bits;
    if (bits != 0 && i > words) v |= a.limb[i - words - 1] >> (64 - bits);
    r.limb[i] = v;
  }
  return r;
}

U256 operator>>(const U256& a, unsigned n) {
  U256 r;
  if (n >= 256) return r;
  unsigned words = n / 64, bits = n % 64;
  for (unsigned i = 0; i + words < 4; ++i) {
    uint64_t v = a.limb[i + words] >> bits;
    if (bits != 0 && i + words + 1 < 4) v |= a.limb[i + words + 1] << (64 - bits);
    r.limb[i] = v;
  }
  return r;
}

U256 shl(const U256& shift, const U256& value) {
  return value << clamp_shift(shift);
}

U256 shr(const U256& shift, const U256& value) {
  return value >> clamp_shift(shift);
}

U256 sar(const U256& shift, const U256& value) {
  unsigned n = clamp_shift(shift);
  if (!value.is_negative()) return value >> n;
  // For negative values: ~(~value >> n) shifts in ones from the top.
  return bit_not(bit_not(value) >> n);
}

U256 signextend(const U256& b, const U256& x) {
  if (!b.fits_uint64() || b.limb[0] >= 31) return x;
  unsigned sign_bit = 8 * static_cast<unsigned>(b.limb[0]) + 7;
  U256 low_mask = (U256(1) << (sign_bit + 1)) - U256(1);
  return x.bit(sign_bit) ? bit_or(x, bit_not(low_mask)) : bit_and(x, low_mask);
}

U256 byte(const U256& i, const U256& x) {
  if (!i.fits_uint64() || i.limb[0] >= 32) return U256();
  unsigned k = 31 - static_cast<unsigned>(i.limb[0]);  // byte index from the least significant
  return U256((x.limb[k / 8] >> (8 * (k % 8))) & 0xFF);
}

}  // namespace zkbatch::base
