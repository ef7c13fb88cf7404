// SPDX-License-Identifier: Apache-2.0
// State-trie account values and storage-trie slot values (Yellow Paper §4.1).
#include "eth/account.hpp"

#include <gtest/gtest.h>

#include "eth_test_util.hpp"

namespace zkbatch::eth {
namespace {

using base::Errc;
using test::Blob;
using test::from_hex;
using test::to_hex;
using test::view;

// An account leaf from ethereum/tests TrieTests/hex_encoded_securetrie_test.json ("test1"):
// nonce 1, balance 0x05f446a7, empty storage, no code.
constexpr const char* kAccountLeaf =
    "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460"
    "186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

TEST(Account, DecodesAndReencodesAFixtureLeaf) {
  Blob leaf = from_hex(kAccountLeaf);
  auto account = decode_account(view(leaf));
  ASSERT_TRUE(account.ok()) << test::describe(account.error());
  EXPECT_EQ(account->nonce, 1u);
  EXPECT_EQ(account->balance, base::U256(0x05f446a7));
  EXPECT_EQ(account->storage_root, kEmptyTrieRoot);
  EXPECT_EQ(account->code_hash, kEmptyCodeHash);
  base::Bytes out;
  ASSERT_TRUE(encode_account(*account, out).ok());
  EXPECT_EQ(to_hex(out.span()), kAccountLeaf);
}

TEST(Account, DefaultAccountAndLargeValuesRoundTrip) {
  Account a;
  base::Bytes out;
  ASSERT_TRUE(encode_account(a, out).ok());
  // rlp([0, 0, empty root, empty code hash]) = f8 44 80 80 a0.. a0..
  EXPECT_EQ(out.size(), 70u);
  EXPECT_EQ(out[0], 0xf8);
  EXPECT_EQ(out[2], 0x80);
  EXPECT_EQ(out[3], 0x80);
  a.nonce = ~0ull;
  a.balance = base::U256::max();
  a.storage_root.bytes[0] = 9;
  out.clear();
  ASSERT_TRUE(encode_account(a, out).ok());
  auto back = decode_account(out.span());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->nonce, a.nonce);
  EXPECT_EQ(back->balance, a.balance);
  EXPECT_EQ(back->storage_root, a.storage_root);
}

TEST(Account, RejectsMalformedLeaves) {
  Blob leaf = from_hex(kAccountLeaf);
  // Five fields, three fields, a 31-byte root, a leading zero in the balance.
  Blob five = leaf;
  five[1] += 1;
  five.push_back(0x80);
  EXPECT_FALSE(decode_account(view(five)).ok());
  Blob three = from_hex("0xc3010203");
  EXPECT_EQ(decode_account(view(three)).error().code, Errc::malformed);
  Blob short_root = from_hex(
      "0xf847018405f446a79f56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b4a0c5d2460"
      "186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(decode_account(view(short_root)).error().code, Errc::malformed);
  Blob zero_balance = from_hex(
      "0xf84901850005f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2"
      "460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  auto z = decode_account(view(zero_balance));
  ASSERT_FALSE(z.ok());
  EXPECT_EQ(z.error().position, 3u);
}

TEST(Account, StorageValuesAreTrimmedBigEndianStrings) {
  struct Case {
    base::U256 value;
    const char* hex;
  };
  // Storage leaf values are rlp(minimal big-endian), e.g. the zk_evm reference's `66b12ee4`.
  const Case cases[] = {
      {base::U256(1), "0x01"},
      {base::U256(0x80), "0x8180"},
      {base::U256(0x66b12ee4), "0x8466b12ee4"},
      {base::U256::max(), "0xa0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"}};
  for (const Case& c : cases) {
    base::Bytes out;
    ASSERT_TRUE(encode_storage_value(c.value, out).ok());
    EXPECT_EQ(to_hex(out.span()), c.hex);
    auto back = decode_storage_value(out.span());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, c.value);
  }
  EXPECT_FALSE(decode_storage_value(view(from_hex("0x820001"))).ok());  // leading zero
  EXPECT_FALSE(decode_storage_value(view(from_hex("0x0101"))).ok());    // trailing byte
  EXPECT_FALSE(decode_storage_value(view(from_hex("0xc101"))).ok());    // a list
}

}  // namespace
}  // namespace zkbatch::eth
