// SPDX-License-Identifier: Apache-2.0
// Hex-prefix encoding (Yellow Paper appendix C).
#include "eth/nibbles.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

struct HpCase {
  std::vector<uint8_t> nibbles;
  bool leaf;
  const char* hex;
};

// The examples of the Ethereum wiki's Patricia-tree page (flag nibble: 2 for leaves, +1 odd).
const HpCase kCases[] = {
    {{1, 2, 3, 4, 5}, false, "0x112345"},
    {{0, 1, 2, 3, 4, 5}, false, "0x00012345"},
    {{0, 15, 1, 12, 11, 8}, true, "0x200f1cb8"},
    {{15, 1, 12, 11, 8}, true, "0x3f1cb8"},
    {{}, true, "0x20"},
    {{}, false, "0x00"},
};

TEST(Nibbles, HexPrefixKnownAnswersRoundTrip) {
  for (const HpCase& c : kCases) {
    SCOPED_TRACE(c.hex);
    Blob out(hex_prefix_size(c.nibbles.size()));
    hex_prefix_encode(NibbleSpan(c.nibbles.data(), c.nibbles.size()), c.leaf, out.data());
    EXPECT_EQ(to_hex(view(out)), c.hex);
    std::vector<uint8_t> back(2 * out.size());
    auto decoded = hex_prefix_decode(view(out), back.data());
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->leaf, c.leaf);
    back.resize(decoded->nibble_count);
    EXPECT_EQ(back, c.nibbles);
  }
}

TEST(Nibbles, HexPrefixDecodingIsStrict) {
  uint8_t out[8];
  EXPECT_EQ(hex_prefix_decode(base::ByteSpan(), out).error().code, base::Errc::truncated);
  EXPECT_FALSE(hex_prefix_decode(view(from_hex("0x4012")), out).ok());  // flag 4
  EXPECT_FALSE(hex_prefix_decode(view(from_hex("0x0112")), out).ok());  // even, pad not zero
  EXPECT_FALSE(hex_prefix_decode(view(from_hex("0x2f")), out).ok());
}

TEST(Nibbles, UnpackAndCommonPrefix) {
  Blob key = from_hex("0xa1b2");
  uint8_t n[4];
  unpack_nibbles(view(key), n);
  EXPECT_EQ(std::vector<uint8_t>(n, n + 4), std::vector<uint8_t>({10, 1, 11, 2}));
  uint8_t other[] = {10, 1, 12};
  EXPECT_EQ(common_prefix_length(NibbleSpan(n, 4), NibbleSpan(other, 3)), 2u);
  EXPECT_EQ(common_prefix_length(NibbleSpan(n, 4), NibbleSpan()), 0u);
}

}  // namespace
}  // namespace zkbatch::eth
