// SPDX-License-Identifier: Apache-2.0
// Known answers for U256: the EIP-145 shift test cases, the Yellow Paper's corner cases of the
// arithmetic opcodes (Appendix H.2), and the text and byte conversions' error handling.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "base/u256.hpp"
#include "u256_reference.hpp"

namespace zkbatch::base {
namespace {

using testing::hex_of;
using testing::pow2;

U256 hex(const char* text) {
  Result<U256> r = U256::from_hex(text, strlen(text));
  EXPECT_TRUE(r.ok()) << text;
  return *r;
}

const U256 kMax = U256::max();
const U256 kMinSigned = pow2(255);  // -2^255
const U256 kMinusOne = U256::max();

U256 minus(uint64_t v) {
  return U256() - U256(v);
}

// EIP-145 "Test Cases": (value, shift, expected) for SHL, SHR and SAR, in the EIP's order.
struct ShiftCase {
  const char* value;
  const char* shift;
  const char* want;
};
#define ZKB_ONES "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
#define ZKB_TOP "0x8000000000000000000000000000000000000000000000000000000000000000"
#define ZKB_INT_MAX "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
constexpr ShiftCase kShl[] = {
    {"0x1", "0x00", "0x1"},
    {"0x1", "0x01", "0x2"},
    {"0x1", "0xff", ZKB_TOP},
    {"0x1", "0x0100", "0x0"},
    {"0x1", "0x0101", "0x0"},
    {ZKB_ONES, "0x00", ZKB_ONES},
    {ZKB_ONES, "0x01", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"},
    {ZKB_ONES, "0xff", ZKB_TOP},
    {ZKB_ONES, "0x0100", "0x0"},
    {"0x0", "0x01", "0x0"},
    {ZKB_INT_MAX, "0x01", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"},
};
constexpr ShiftCase kShr[] = {
    {"0x1", "0x00", "0x1"},
    {"0x1", "0x01", "0x0"},
    {ZKB_TOP, "0x01", "0x4000000000000000000000000000000000000000000000000000000000000000"},
    {ZKB_TOP, "0xff", "0x1"},
    {ZKB_TOP, "0x0100", "0x0"},
    {ZKB_TOP, "0x0101", "0x0"},
    {ZKB_ONES, "0x00", ZKB_ONES},
    {ZKB_ONES, "0x01", ZKB_INT_MAX},
    {ZKB_ONES, "0xff", "0x1"},
    {ZKB_ONES, "0x0100", "0x0"},
    {"0x0", "0x01", "0x0"},
};
constexpr ShiftCase kSar[] = {
    {"0x1", "0x00", "0x1"},
    {"0x1", "0x01", "0x0"},
    {ZKB_TOP, "0x01", "0xc000000000000000000000000000000000000000000000000000000000000000"},
    {ZKB_TOP, "0xff", ZKB_ONES},
    {ZKB_TOP, "0x0100", ZKB_ONES},
    {ZKB_TOP, "0x0101", ZKB_ONES},
    {ZKB_ONES, "0x00", ZKB_ONES},
    {ZKB_ONES, "0x01", ZKB_ONES},
    {ZKB_ONES, "0xff", ZKB_ONES},
    {ZKB_ONES, "0x0100", ZKB_ONES},
    {"0x0", "0x01", "0x0"},
    {"0x4000000000000000000000000000000000000000000000000000000000000000", "0xfe", "0x1"},
    {ZKB_INT_MAX, "0xf8", "0x7f"},
    {ZKB_INT_MAX, "0xfe", "0x1"},
    {ZKB_INT_MAX, "0xff", "0x0"},
    {ZKB_INT_MAX, "0x0100", "0x0"},
};
#undef ZKB_ONES
#undef ZKB_TOP
#undef ZKB_INT_MAX

TEST(U256Evm, Eip145ShiftTestCases) {
  for (const ShiftCase& c : kShl)
    EXPECT_EQ(shl(hex(c.shift), hex(c.value)), hex(c.want)) << c.value;
  for (const ShiftCase& c : kShr)
    EXPECT_EQ(shr(hex(c.shift), hex(c.value)), hex(c.want)) << c.value;
  for (const ShiftCase& c : kSar)
    EXPECT_EQ(sar(hex(c.shift), hex(c.value)), hex(c.want)) << c.value;
}

TEST(U256Evm, ShiftsByHugeAmounts) {
  // Only the whole 256-bit amount counts: 2^64 + 1 is not a shift by 1.
  U256 huge = U256::from_limbs(1, 1, 0, 0);
  EXPECT_EQ(shl(huge, U256(1)), U256());
  EXPECT_EQ(shr(huge, kMax), U256());
  EXPECT_EQ(sar(huge, kMinusOne), kMinusOne);
  EXPECT_EQ(sar(huge, U256(5)), U256());
  EXPECT_EQ(sar(kMax, kMinSigned), kMinusOne);
  EXPECT_EQ(sar(U256(255), kMinSigned), kMinusOne);
  EXPECT_EQ(sar(U256(254), kMinSigned), minus(2));
  EXPECT_EQ(U256(1) << 256u, U256());
  EXPECT_EQ(kMax >> 1000u, U256());
}

TEST(U256Evm, DivisionByZeroIsZero) {
  for (const U256& x : {U256(), U256(1), kMax, kMinSigned}) {
    EXPECT_EQ(div(x, U256()), U256());
    EXPECT_EQ(mod(x, U256()), U256());
    EXPECT_EQ(sdiv(x, U256()), U256());
    EXPECT_EQ(smod(x, U256()), U256());
    EXPECT_EQ(addmod(x, kMax, U256()), U256());
    EXPECT_EQ(mulmod(x, kMax, U256()), U256());
  }
}

TEST(U256Evm, SignedDivisionCornerCases) {
  // Yellow Paper, SDIV: -2^255 / -1 = -2^255 (the overflow wraps).
  EXPECT_EQ(sdiv(kMinSigned, kMinusOne), kMinSigned);
  // Truncation toward zero: -7 / 2 = -3, 7 / -2 = -3, -7 / -2 = 3.
  EXPECT_EQ(sdiv(minus(7), U256(2)), minus(3));
  EXPECT_EQ(sdiv(U256(7), minus(2)), minus(3));
  EXPECT_EQ(sdiv(minus(7), minus(2)), U256(3));
  // SMOD: the sign follows the dividend: -8 smod 3 = -2, 8 smod -3 = 2, -8 smod -3 = -2.
  EXPECT_EQ(smod(minus(8), U256(3)), minus(2));
  EXPECT_EQ(smod(U256(8), minus(3)), U256(2));
  EXPECT_EQ(smod(minus(8), minus(3)), minus(2));
  EXPECT_EQ(smod(kMinSigned, kMinusOne), U256());
  // Unsigned DIV reads the same bits as large numbers.
  EXPECT_EQ(div(minus(8), U256(2)), sub(pow2(255), U256(4)));
}

TEST(U256Evm, AddmodMulmodUseFullWidth) {
  // (2^256 - 1) + (2^256 - 1) = 2^257 - 2, and 2^257 - 2 mod (2^256 - 1) = 0: a 256-bit
  // intermediate would give 2^256 - 2 instead.
  EXPECT_EQ(addmod(kMax, kMax, kMax), U256());
  EXPECT_EQ(addmod(kMax, U256(1), U256(10)), U256(6));  // 2^256 mod 10 = 6
  // (2^256 - 1)^2 mod (2^256 - 1) = 0, and mod 2^255: (2^256 - 1)^2 = 1 (mod 2^255).
  EXPECT_EQ(mulmod(kMax, kMax, kMax), U256());
  EXPECT_EQ(mulmod(kMax, kMax, pow2(255)), U256(1));
  EXPECT_EQ(mulmod(pow2(128), pow2(128), U256(7)), U256(2));  // 2^256 mod 7 = 2 (2^3 = 1)
}

TEST(U256Evm, Exp) {
  EXPECT_EQ(exp(U256(), U256()), U256(1));  // 0^0 = 1 in the EVM
  EXPECT_EQ(exp(U256(3), U256()), U256(1));
  EXPECT_EQ(exp(U256(), U256(5)), U256());
  EXPECT_EQ(exp(U256(), kMax), U256());
  EXPECT_EQ(exp(U256(2), U256(255)), pow2(255));
  EXPECT_EQ(exp(U256(2), U256(256)), U256());
  EXPECT_EQ(exp(kMinusOne, kMax), kMinusOne);  // (-1)^odd
  EXPECT_EQ(exp(kMinusOne, U256(2)), U256(1));
  EXPECT_EQ(exp(U256(10), U256(18)), U256(1000000000000000000ull));
}

TEST(U256Evm, Signextend) {
  EXPECT_EQ(signextend(U256(0), U256(0xff)), kMinusOne);
  EXPECT_EQ(signextend(U256(0), U256(0x7f)), U256(0x7f));
  EXPECT_EQ(signextend(U256(0), U256(0x1280)), minus(0x80));  // bits above the byte are dropped
  EXPECT_EQ(signextend(U256(1), U256(0x8000)), minus(0x8000));
  EXPECT_EQ(signextend(U256(30), pow2(247)), sub(U256(), pow2(247)));
  // b >= 31 leaves x unchanged, however large b is.
  U256 x = U256::from_limbs(0x1234, 0, 0, 0x7fffffffffffffffull);
  EXPECT_EQ(signextend(U256(31), x), x);
  EXPECT_EQ(signextend(U256(32), x), x);
  EXPECT_EQ(signextend(kMax, x), x);
  EXPECT_EQ(signextend(U256::from_limbs(0, 1, 0, 0), U256(0xff)), U256(0xff));
}

TEST(U256Evm, Byte) {
  U256 x = hex("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
  for (uint64_t i = 0; i < 32; ++i)
    EXPECT_EQ(byte(U256(i), x), U256(i + 1)) << i;
  EXPECT_EQ(byte(U256(32), x), U256());
  EXPECT_EQ(byte(U256(1000), kMax), U256());
  EXPECT_EQ(byte(U256::from_limbs(0, 1, 0, 0), kMax), U256());  // 2^64, not 0
  EXPECT_EQ(byte(U256(0), kMinSigned), U256(0x80));
}

TEST(U256Evm, SignedComparisons) {
  EXPECT_TRUE(slt(kMinusOne, U256()));
  EXPECT_FALSE(lt(kMinusOne, U256()));
  EXPECT_TRUE(slt(kMinSigned, kMinusOne));
  EXPECT_TRUE(sgt(U256(1), kMinSigned));
  EXPECT_FALSE(slt(U256(5), U256(5)));
  EXPECT_TRUE(iszero(U256()));
  EXPECT_FALSE(iszero(pow2(200)));
}

TEST(U256Bytes, FromBeBytes) {
  const uint8_t two[] = {0x01, 0x02};
  EXPECT_EQ(U256::from_be_bytes(ByteSpan(two, 2)), U256(0x0102));
  EXPECT_EQ(U256::from_be_bytes(ByteSpan()), U256());
  // More than 32 bytes: the value modulo 2^256, i.e. the last 32 bytes.
  uint8_t long_input[40] = {};
  long_input[0] = 0xff;
  long_input[39] = 0x07;
  EXPECT_EQ(U256::from_be_bytes(ByteSpan(long_input, 40)), U256(7));
  EXPECT_EQ(U256::from_bytes32(Bytes32{}), U256());
}

TEST(U256Text, HexParsingErrors) {
  Result<U256> r = U256::from_hex("0x", 2);
  EXPECT_EQ(r.error().code, Errc::bad_hex);
  EXPECT_EQ(r.error().position, 2u);
  r = U256::from_hex("0x12g4", 6);
  EXPECT_EQ(r.error().code, Errc::bad_hex);
  EXPECT_EQ(r.error().position, 4u);
  r = U256::from_hex("1234", 4);  // prefix required by default
  EXPECT_EQ(r.error().code, Errc::bad_hex);
  r = U256::from_hex("1234", 4, HexPrefix::forbidden);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, U256(0x1234));
  // 64 significant digits fit; leading zeros do not count; a 65th digit overflows.
  std::string ones = "0x000" + std::string(64, 'F');
  r = U256::from_hex(ones.data(), ones.size());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, kMax);
  std::string too_big = "0x1" + std::string(64, '0');
  r = U256::from_hex(too_big.data(), too_big.size());
  EXPECT_EQ(r.error().code, Errc::overflow);
  EXPECT_EQ(r.error().position, too_big.size() - 1);
}

TEST(U256Text, DecimalParsingErrors) {
  // 2^256 - 1 and 2^256 (from the definition of 2^256; any big-number calculator agrees).
  const char* max_dec =
      "115792089237316195423570985008687907853269984665640564039457584007913129639935";
  const char* two256 =
      "115792089237316195423570985008687907853269984665640564039457584007913129639936";
  Result<U256> r = U256::from_decimal(max_dec, strlen(max_dec));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, kMax);
  r = U256::from_decimal(two256, strlen(two256));
  EXPECT_EQ(r.error().code, Errc::overflow);
  EXPECT_EQ(r.error().position, strlen(two256) - 1);
  r = U256::from_decimal("12a", 3);
  EXPECT_EQ(r.error().code, Errc::invalid_argument);
  EXPECT_EQ(r.error().position, 2u);
  r = U256::from_decimal("", 0);
  EXPECT_EQ(r.error().code, Errc::invalid_argument);
}

TEST(U256Text, BufferTooSmall) {
  char buf[U256::kMaxDecimalChars];
  EXPECT_EQ(U256().to_hex(buf, sizeof buf), 3u);
  EXPECT_STREQ(buf, "0x0");
  EXPECT_EQ(U256().to_decimal(buf, sizeof buf), 1u);
  EXPECT_STREQ(buf, "0");
  EXPECT_EQ(kMax.to_hex(buf, U256::kMaxHexChars), U256::kMaxHexChars - 1);
  EXPECT_EQ(kMax.to_hex(buf, U256::kMaxHexChars - 1), 0u);
  EXPECT_EQ(kMax.to_decimal(buf, U256::kMaxDecimalChars), U256::kMaxDecimalChars - 1);
  EXPECT_EQ(kMax.to_decimal(buf, U256::kMaxDecimalChars - 1), 0u);
  EXPECT_EQ(U256(255).to_hex(buf, 4), 0u);
  EXPECT_EQ(U256(255).to_hex(buf, 5), 4u);
  EXPECT_STREQ(buf, "0xff");
}

TEST(U256Basics, ConstexprAndHash) {
  static_assert(U256(5) + U256(7) == U256(12));
  static_assert(U256() - U256(1) == U256::max());
  static_assert(slt(U256::max(), U256()));
  static_assert(U256::from_limbs(0, 1, 0, 0).bit(64));
  DefaultHash<U256> h;
  EXPECT_NE(h(U256(1)), h(U256(2)));
  EXPECT_NE(h(U256::from_limbs(0, 0, 0, 1)), h(U256::from_limbs(1, 0, 0, 0)));
  EXPECT_EQ(hex_of(U256(255)), "0xff");
}

}  // namespace
}  // namespace zkbatch::base
