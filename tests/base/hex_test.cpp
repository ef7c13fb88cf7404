// SPDX-License-Identifier: Apache-2.0
// Strict hex: prefix rules, odd lengths, bad characters with their exact positions, fixed-size
// decoding, encoding into short buffers, and round trips.
#include "base/hex.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace zkbatch::base {
namespace {

Status decode(const std::string& text, Bytes& out, HexPrefix prefix) {
  return decode_hex(text.data(), text.size(), out, prefix);
}

std::vector<uint8_t> to_vector(const Bytes& b) {
  return std::vector<uint8_t>(b.begin(), b.end());
}

TEST(Hex, DecodesUpperAndLowerCase) {
  Bytes out;
  ASSERT_TRUE(decode("0x00ffAb10", out, HexPrefix::required).ok());
  EXPECT_EQ(to_vector(out), (std::vector<uint8_t>{0x00, 0xff, 0xab, 0x10}));
  ASSERT_TRUE(decode("DEADbeef", out, HexPrefix::forbidden).ok());
  EXPECT_EQ(to_vector(out), (std::vector<uint8_t>{0xde, 0xad, 0xbe, 0xef}));
  ASSERT_TRUE(decode("0x", out, HexPrefix::required).ok());
  EXPECT_TRUE(out.empty());
  ASSERT_TRUE(decode("", out, HexPrefix::optional).ok());
  EXPECT_TRUE(out.empty());
}

TEST(Hex, PrefixRules) {
  Bytes out;
  struct Case {
    const char* text;
    HexPrefix prefix;
    bool ok;
    size_t position;
  };
  const Case cases[] = {
      {"0x12", HexPrefix::required, true, 0},   {"12", HexPrefix::required, false, 0},
      {"", HexPrefix::required, false, 0},      {"0", HexPrefix::required, false, 1},
      {"0X12", HexPrefix::required, false, 1},  {"x12", HexPrefix::required, false, 0},
      {"0x12", HexPrefix::optional, true, 0},   {"12", HexPrefix::optional, true, 0},
      {"0x12", HexPrefix::forbidden, false, 1}, {"12", HexPrefix::forbidden, true, 0},
      {"0X12", HexPrefix::optional, false, 1},  // only lowercase 0x is a prefix; X is no digit
  };
  for (const Case& c : cases) {
    Status s = decode(c.text, out, c.prefix);
    EXPECT_EQ(s.ok(), c.ok) << c.text;
    if (!c.ok && !s.ok()) {
      EXPECT_EQ(s.error().code, Errc::bad_hex) << c.text;
      EXPECT_EQ(s.error().position, c.position) << c.text;
    }
  }
}

TEST(Hex, OddLengthAndBadCharacters) {
  Bytes out;
  Status s = decode("0x123", out, HexPrefix::required);
  EXPECT_EQ(s.error().code, Errc::odd_length);
  EXPECT_EQ(s.error().position, 5u);
  // Each bad character is reported at its own offset in the text, prefix included.
  const std::string good = "0x0123456789abcdef";
  for (size_t i = 2; i < good.size(); ++i) {
    for (char bad : {'g', 'G', ' ', 'x', '\0', '-', static_cast<char>(0xff)}) {
      std::string text = good;
      text[i] = bad;
      s = decode(text, out, HexPrefix::required);
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, Errc::bad_hex);
      EXPECT_EQ(s.error().position, i) << text;
      EXPECT_TRUE(out.empty());
    }
  }
}

TEST(Hex, FixedSize) {
  uint8_t out[4];
  Status s = decode_hex_fixed("0x01020304", 10, MutableByteSpan(out), HexPrefix::required);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(out[0], 1);
  EXPECT_EQ(out[3], 4);
  s = decode_hex_fixed("0x010203", 8, MutableByteSpan(out), HexPrefix::required);
  EXPECT_EQ(s.error().code, Errc::invalid_argument);
  EXPECT_EQ(s.error().position, 8u);  // ran out at the end
  s = decode_hex_fixed("0x0102030405", 12, MutableByteSpan(out), HexPrefix::required);
  EXPECT_EQ(s.error().code, Errc::invalid_argument);
  EXPECT_EQ(s.error().position, 10u);  // the first digit beyond 4 bytes
  s = decode_hex_fixed("0102030", 7, MutableByteSpan(out), HexPrefix::forbidden);
  EXPECT_EQ(s.error().code, Errc::odd_length);
  s = decode_hex_fixed("0x010z0304", 10, MutableByteSpan(out), HexPrefix::required);
  EXPECT_EQ(s.error().code, Errc::bad_hex);
  EXPECT_EQ(s.error().position, 5u);
  Bytes32 word;
  std::string text = "0x" + std::string(62, '0') + "2a";
  ASSERT_TRUE(
      decode_hex_fixed(text.data(), text.size(), word.mutable_span(), HexPrefix::required).ok());
  EXPECT_EQ(word.bytes[31], 0x2a);
  EXPECT_EQ(word.bytes[0], 0);
}

TEST(Hex, EncodeIntoShortBuffers) {
  const uint8_t data[] = {0xde, 0xad, 0x01};
  char buf[16];
  EXPECT_EQ(encode_hex(ByteSpan(data, 3), buf, sizeof buf, true), 8u);
  EXPECT_STREQ(buf, "0xdead01");
  EXPECT_EQ(encode_hex(ByteSpan(data, 3), buf, 9, true), 8u);
  EXPECT_EQ(encode_hex(ByteSpan(data, 3), buf, 8, true), 0u);  // no room for the NUL
  EXPECT_EQ(encode_hex(ByteSpan(data, 3), buf, 7, false), 6u);
  EXPECT_STREQ(buf, "dead01");
  EXPECT_EQ(encode_hex(ByteSpan(), buf, 3, true), 2u);
  EXPECT_STREQ(buf, "0x");
  EXPECT_EQ(encoded_hex_capacity(3, true), 9u);
  EXPECT_EQ(encoded_hex_capacity(SIZE_MAX / 2, false), SIZE_MAX);
  EXPECT_EQ(encoded_hex_capacity(SIZE_MAX / 2 + 1, false), 0u);  // overflow
}

TEST(Hex, RoundTrips) {
  std::mt19937 rng(2024);
  for (int round = 0; round < 500; ++round) {
    std::vector<uint8_t> data(rng() % 70);
    for (uint8_t& b : data)
      b = static_cast<uint8_t>(rng());
    bool prefix = round % 2 == 0;
    std::vector<char> text(encoded_hex_capacity(data.size(), prefix));
    size_t n = encode_hex(ByteSpan(data.data(), data.size()), text.data(), text.size(), prefix);
    ASSERT_EQ(n, text.size() - 1);
    Bytes back;
    ASSERT_TRUE(
        decode_hex(text.data(), n, back, prefix ? HexPrefix::required : HexPrefix::forbidden).ok());
    ASSERT_EQ(to_vector(back), data);
  }
}

}  // namespace
}  // namespace zkbatch::base
