// SPDX-License-Identifier: Apache-2.0
// The logs bloom (Yellow Paper §4.3.1, M3:2048). The blooms of real receipts and headers are
// reproduced in block_test.cpp.
#include "eth/bloom.hpp"

#include <gtest/gtest.h>

#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using test::Blob;
using test::from_hex;
using test::view;

TEST(Bloom, AddSetsThreeBitsFromTheHash) {
  Blob address = from_hex("0x0000000000000000000000000000000000000001");
  Bloom bloom{};
  bloom_add(bloom, view(address));
  // The bit positions: the low 11 bits of the first three big-endian byte pairs of the hash.
  Blob h = test::ref_keccak_blob(view(address));
  Bloom expected{};
  for (int i = 0; i < 3; ++i) {
    unsigned bit = ((h[2 * i] << 8) | h[2 * i + 1]) & 2047u;
    expected.bytes[255 - bit / 8] |= static_cast<uint8_t>(1u << (bit % 8));
  }
  EXPECT_TRUE(bloom == expected);
  int bits = 0;
  for (uint8_t b : bloom.bytes)
    bits += __builtin_popcount(b);
  EXPECT_GE(bits, 1);
  EXPECT_LE(bits, 3);
  EXPECT_TRUE(bloom_may_contain(bloom, view(address)));
  Bloom empty{};
  EXPECT_FALSE(bloom_may_contain(empty, view(address)));
  Bloom merged{};
  bloom_merge(merged, bloom);
  bloom_merge(merged, empty);
  EXPECT_TRUE(merged == bloom);
  EXPECT_TRUE(logs_bloom(base::Span<const Log>()) == empty);
}

}  // namespace
}  // namespace zkbatch::eth
