// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// 256-bit unsigned integers with the EVM's arithmetic (Ethereum Yellow Paper, Appendix H.2,
// opcodes 0x01-0x1d). The free functions are named after the opcodes and take their operands in
// stack order (top of stack first), so `shl(shift, value)` is SHL and `byte(i, x)` is BYTE.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.hpp"
#include "base/default_hash.hpp"
#include "base/hex.hpp"
#include "base/result.hpp"
#include "base/span.hpp"

namespace zkbatch::base {

/// An unsigned 256-bit integer. Signed operations read it as two's complement.
class U256 {
 public:
  /// Little-endian 64-bit limbs: limb[0] holds bits 0..63.
  uint64_t limb[4];

  /// Characters `to_hex` needs at most: "0x", 64 digits, NUL.
  static constexpr size_t kMaxHexChars = 67;
  /// Characters `to_decimal` needs at most: 78 digits (2^256 - 1 has 78), NUL.
  static constexpr size_t kMaxDecimalChars = 79;

  /// Zero.
  constexpr U256() : limb{0, 0, 0, 0} {}
  /// The value `v`.
  constexpr explicit U256(uint64_t v) : limb{v, 0, 0, 0} {}

  /// The value `v`.
  static constexpr U256 from_uint64(uint64_t v) { return U256(v); }
  /// l0 + l1 * 2^64 + l2 * 2^128 + l3 * 2^192.
  static constexpr U256 from_limbs(uint64_t l0, uint64_t l1, uint64_t l2, uint64_t l3) {
    U256 r;
    r.limb[0] = l0;
    r.limb[1] = l1;
    r.limb[2] = l2;
    r.limb[3] = l3;
    return r;
  }
  /// 2^256 - 1, also -1 in two's complement.
  static constexpr U256 max() { return from_limbs(~0ull, ~0ull, ~0ull, ~0ull); }

  /// The big-endian number in `bytes`, modulo 2^256: up to 32 bytes give their exact value
  /// (PUSH1..PUSH32, RLP integers); longer input keeps its last 32 bytes, so callers that must
  /// reject long input (RLP) check the length first.
  static U256 from_be_bytes(ByteSpan bytes);
  /// The 32-byte big-endian encoding (the EVM's memory and storage layout).
  void to_be_bytes(uint8_t out[32]) const;
  /// The value of a 32-byte big-endian word.
  static U256 from_bytes32(const Bytes32& word);
  /// The 32-byte big-endian word.
  Bytes32 to_bytes32() const;

  constexpr bool is_zero() const { return (limb[0] | limb[1] | limb[2] | limb[3]) == 0; }
  /// True when bit 255 is set, i.e. negative in two's complement.
  constexpr bool is_negative() const { return (limb[3] >> 63) != 0; }
  /// True when the value is below 2^64.
  constexpr bool fits_uint64() const { return (limb[1] | limb[2] | limb[3]) == 0; }
  /// The low 64 bits (the value itself when fits_uint64()).
  constexpr uint64_t low64() const { return limb[0]; }
  /// Bit `i` (0 = least significant) for i < 256.
  constexpr bool bit(unsigned i) const { return ((limb[i / 64] >> (i % 64)) & 1) != 0; }
  /// Position of the highest set bit plus one; 0 for zero.
  unsigned bit_length() const;
  /// Bytes in the shortest big-endian encoding; 0 for zero (the EXP gas rule, EIP-160).
  unsigned count_significant_bytes() const;

  /// Parses hex digits (any count from 1 to 64 significant ones; leading zeros allowed) with the
  /// given prefix rule. Errors: bad_hex at the offending character (or at `length` when there
  /// are no digits), overflow at the digit that makes the value exceed 2^256 - 1.
  static Result<U256> from_hex(const char* text,
                               size_t length,
                               HexPrefix prefix = HexPrefix::required);
  /// Writes "0x" and the shortest lowercase hex digits ("0x0" for zero), NUL-terminated.
  /// Returns the characters written (without the NUL), or 0 when `capacity` is too small.
  size_t to_hex(char* out, size_t capacity) const;
  /// Parses decimal digits (at least one; leading zeros allowed). Errors: invalid_argument at
  /// the first non-digit (or at 0 when empty), overflow at the digit that exceeds 2^256 - 1.
  static Result<U256> from_decimal(const char* text, size_t length);
  /// Writes the decimal digits, NUL-terminated; the count written, or 0 when too small.
  size_t to_decimal(char* out, size_t capacity) const;
};

/// Equality of all 256 bits.
constexpr bool operator==(const U256& a, const U256& b) {
  return ((a.limb[0] ^ b.limb[0]) | (a.limb[1] ^ b.limb[1]) | (a.limb[2] ^ b.limb[2]) |
          (a.limb[3] ^ b.limb[3])) == 0;
}
constexpr bool operator!=(const U256& a, const U256& b) {
  return !(a == b);
}
/// Unsigned order (for the signed order use slt/sgt).
constexpr bool operator<(const U256& a, const U256& b) {
  for (int i = 3; i > 0; --i) {
    if (a.limb[i] != b.limb[i]) return a.limb[i] < b.limb[i];
  }
  return a.limb[0] < b.limb[0];
}
constexpr bool operator>(const U256& a, const U256& b) {
  return b < a;
}
constexpr bool operator<=(const U256& a, const U256& b) {
  return !(b < a);
}
constexpr bool operator>=(const U256& a, const U256& b) {
  return !(a < b);
}

/// ADD: a + b mod 2^256.
constexpr U256 add(const U256& a, const U256& b) {
  U256 r;
  uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    uint64_t s = a.limb[i] + carry;
    uint64_t c1 = s < carry ? 1 : 0;
    r.limb[i] = s + b.limb[i];
    carry = c1 + (r.limb[i] < s ? 1 : 0);
  }
  return r;
}
/// SUB: a - b mod 2^256.
constexpr U256 sub(const U256& a, const U256& b) {
  U256 r;
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    uint64_t d = a.limb[i] - b.limb[i];
    uint64_t b1 = a.limb[i] < b.limb[i] ? 1 : 0;
    r.limb[i] = d - borrow;
    borrow = b1 + (d < borrow ? 1 : 0);
  }
  return r;
}
/// MUL: a * b mod 2^256.
U256 mul(const U256& a, const U256& b);
/// DIV: floor(a / b), and 0 when b = 0.
U256 div(const U256& a, const U256& b);
/// MOD: a mod b, and 0 when b = 0.
U256 mod(const U256& a, const U256& b);
/// SDIV: signed division truncated toward zero; 0 when b = 0; SDIV(-2^255, -1) = -2^255.
U256 sdiv(const U256& a, const U256& b);
/// SMOD: signed remainder whose sign follows a (|result| < |b|); 0 when b = 0.
U256 smod(const U256& a, const U256& b);
/// ADDMOD: (a + b) mod m over the full 257-bit sum; 0 when m = 0.
U256 addmod(const U256& a, const U256& b, const U256& m);
/// MULMOD: (a * b) mod m over the full 512-bit product; 0 when m = 0.
U256 mulmod(const U256& a, const U256& b, const U256& m);
/// EXP: base^exponent mod 2^256 (0^0 = 1).
U256 exp(const U256& base, const U256& exponent);
/// Quotient and remainder of a / b at once (both 0 when b = 0).
void divmod(const U256& a, const U256& b, U256* quotient, U256* remainder);
/// Two's-complement negation: 0 - a.
constexpr U256 negate(const U256& a) {
  return sub(U256(), a);
}

/// SIGNEXTEND: extends the sign of the low (b + 1) bytes of x; x itself when b >= 31.
U256 signextend(const U256& b, const U256& x);
/// BYTE: byte i of x counting from the most significant (i = 0); 0 when i >= 32.
U256 byte(const U256& i, const U256& x);
/// SHL: value << shift; 0 when shift >= 256 (EIP-145).
U256 shl(const U256& shift, const U256& value);
/// SHR: logical value >> shift; 0 when shift >= 256 (EIP-145).
U256 shr(const U256& shift, const U256& value);
/// SAR: arithmetic value >> shift; when shift >= 256, all ones for negative values, else 0
/// (EIP-145).
U256 sar(const U256& shift, const U256& value);
/// a << n for an unsigned count; 0 when n >= 256.
U256 operator<<(const U256& a, unsigned n);
/// a >> n (logical) for an unsigned count; 0 when n >= 256.
U256 operator>>(const U256& a, unsigned n);

/// LT, GT, EQ, ISZERO (unsigned), and SLT, SGT (two's complement).
constexpr bool lt(const U256& a, const U256& b) {
  return a < b;
}
constexpr bool gt(const U256& a, const U256& b) {
  return b < a;
}
constexpr bool eq(const U256& a, const U256& b) {
  return a == b;
}
constexpr bool iszero(const U256& a) {
  return a.is_zero();
}
constexpr bool slt(const U256& a, const U256& b) {
  if (a.is_negative() != b.is_negative()) return a.is_negative();
  return a < b;
}
constexpr bool sgt(const U256& a, const U256& b) {
  return slt(b, a);
}

/// AND, OR, XOR, NOT (the keywords' alternative tokens make `and`/`not` unusable as names).
constexpr U256 bit_and(const U256& a, const U256& b) {
  return U256::from_limbs(a.limb[0] & b.limb[0], a.limb[1] & b.limb[1], a.limb[2] & b.limb[2],
                          a.limb[3] & b.limb[3]);
}
constexpr U256 bit_or(const U256& a, const U256& b) {
  return U256::from_limbs(a.limb[0] | b.limb[0], a.limb[1] | b.limb[1], a.limb[2] | b.limb[2],
                          a.limb[3] | b.limb[3]);
}
constexpr U256 bit_xor(const U256& a, const U256& b) {
  return U256::from_limbs(a.limb[0] ^ b.limb[0], a.limb[1] ^ b.limb[1], a.limb[2] ^ b.limb[2],
                          a.limb[3] ^ b.limb[3]);
}
constexpr U256 bit_not(const U256& a) {
  return U256::from_limbs(~a.limb[0], ~a.limb[1], ~a.limb[2], ~a.limb[3]);
}

/// Operator spellings of the unsigned operations above (wrapping like ADD, SUB, MUL; / and %
/// give 0 for a zero divisor like DIV and MOD).
constexpr U256 operator+(const U256& a, const U256& b) {
  return add(a, b);
}
constexpr U256 operator-(const U256& a, const U256& b) {
  return sub(a, b);
}
constexpr U256 operator-(const U256& a) {
  return negate(a);
}
inline U256 operator*(const U256& a, const U256& b) {
  return mul(a, b);
}
inline U256 operator/(const U256& a, const U256& b) {
  return div(a, b);
}
inline U256 operator%(const U256& a, const U256& b) {
  return mod(a, b);
}
constexpr U256 operator&(const U256& a, const U256& b) {
  return bit_and(a, b);
}
constexpr U256 operator|(const U256& a, const U256& b) {
  return bit_or(a, b);
}
constexpr U256 operator^(const U256& a, const U256& b) {
  return bit_xor(a, b);
}
constexpr U256 operator~(const U256& a) {
  return bit_not(a);
}

/// U256 keys (storage slots) hash all four limbs, like Bytes32.
template <>
struct DefaultHash<U256> {
  uint64_t operator()(const U256& key) const {
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (uint64_t w : key.limb)
      h = mix64(h ^ w);
    return h;
  }
};

}  // namespace zkbatch::base
