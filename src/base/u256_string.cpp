// SPDX-License-Identifier: Apache-2.0
// Hex and decimal text for U256 (test vectors, JSON quantities, debug output).
#include "base/detail/u256_arith.hpp"
#include "base/u256.hpp"

namespace zkbatch::base {

namespace {

using Arith = detail::U256Arith<detail::NativeWide>;

// 10^19, the largest power of ten below 2^64: decimal conversion works 19 digits at a time.
constexpr uint64_t kTenPow19 = 10000000000000000000ull;

// x * 10 + digit; false when the result exceeds 2^256 - 1.
bool mul10_add(U256* x, unsigned digit) {
  uint64_t carry = digit;
  for (int i = 0; i < 4; ++i) {
    // limb * 10 + carry, split into 32-bit halves so it also runs without __int128.
    uint64_t lo = (x->limb[i] & 0xFFFFFFFFu) * 10 + carry;
    uint64_t hi = (x->limb[i] >> 32) * 10 + (lo >> 32);
    x->limb[i] = (hi << 32) | (lo & 0xFFFFFFFFu);
    carry = hi >> 32;
  }
  return carry == 0;
}

}  // namespace

Result<U256> U256::from_hex(const char* text, size_t length, HexPrefix prefix) {
  size_t start = 0;
  if (Status s = check_hex_prefix(text, length, prefix, &start); !s) return s.error();
  if (start == length) return make_error(Errc::bad_hex, length, "no digits");
  U256 value;
  unsigned significant = 0;
  for (size_t i = start; i < length; ++i) {
    int d = hex_digit_value(text[i]);
    if (d < 0) return make_error(Errc::bad_hex, i);
    if (significant == 0 && d == 0) continue;
    if (++significant > 64) return make_error(Errc::overflow, i);
    value = value << 4;
    value.limb[0] |= static_cast<uint64_t>(d);
  }
  return value;
}

size_t U256::to_hex(char* out, size_t capacity) const {
  static constexpr char kDigits[] = "0123456789abcdef";
  unsigned digits = (bit_length() + 3) / 4;
  if (digits == 0) digits = 1;
  size_t needed = 2 + digits + 1;
  if (capacity < needed) return 0;
  out[0] = '0';
  out[1] = 'x';
  for (unsigned k = 0; k < digits; ++k) {
    unsigned nibble = digits - 1 - k;  // nibble index from the least significant
    out[2 + k] = kDigits[(limb[nibble / 16] >> (4 * (nibble % 16))) & 0xF];
  }
  out[needed - 1] = '\0';
  return needed - 1;
}

Result<U256> U256::from_decimal(const char* text, size_t length) {
  if (length == 0) return make_error(Errc::invalid_argument, 0, "no digits");
  U256 value;
  for (size_t i = 0; i < length; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return make_error(Errc::invalid_argument, i, "not a decimal digit");
    if (!mul10_add(&value, static_cast<unsigned>(c - '0'))) return make_error(Errc::overflow, i);
  }
  return value;
}

size_t U256::to_decimal(char* out, size_t capacity) const {
  // Peel off 19-digit chunks, least significant first (at most 5 chunks for 78 digits).
  uint64_t chunks[5];
  size_t count = 0;
  U256 rest = *this;
  do {
    uint64_t chunk = 0;
    rest = Arith::div_small(rest, kTenPow19, &chunk);
    chunks[count++] = chunk;
  } while (!rest.is_zero());
  // The top chunk without leading zeros, every other chunk as exactly 19 digits.
  char top[20];
  size_t top_len = 0;
  uint64_t v = chunks[count - 1];
  do {
    top[top_len++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  size_t needed = top_len + 19 * (count - 1) + 1;
  if (capacity < needed) return 0;
  size_t n = 0;
  while (top_len > 0)
    out[n++] = top[--top_len];
  for (size_t c = count - 1; c-- > 0;) {
    uint64_t chunk = chunks[c];
    for (int k = 18; k >= 0; --k) {
      out[n + static_cast<size_t>(k)] = static_cast<char>('0' + chunk % 10);
      chunk /= 10;
    }
    n += 19;
  }
  out[n] = '\0';
  return n;
}

}  // namespace zkbatch::base
