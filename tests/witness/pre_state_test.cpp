// SPDX-License-Identifier: Apache-2.0
// Building tries from the compact tree (../shared/reference/zk_evm_witness.md §2.6): the shape
// rules a state or storage trie must follow, each broken once, with the offset of the offending
// instruction.
#include <gtest/gtest.h>

#include <vector>

#include "compact_writer.hpp"
#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/pre_state.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using test::CompactWriter;
using test::view;

std::vector<uint8_t> nibbles(size_t n, uint8_t v = 1) {
  return std::vector<uint8_t>(n, v);
}

void account(CompactWriter& w, size_t key_nibbles, uint8_t flags = kAccountHasNonce) {
  w.op(0x05);
  w.key(nibbles(key_nibbles), true);
  w.byte(flags);
  if (flags & kAccountHasNonce) w.cbor_uint(1);
}

void expect_build_error(const CompactWriter& w, const char* message) {
  CompactTree tree = decode_compact(view(w.out));
  ZKB_EXPECT_THROW_WITH(build_pre_state(tree), BlobError, message);
}

TEST(PreStateShape, PlainLeafInStateTrie) {
  CompactWriter w;
  w.byte(0x00);
  w.op(0x00);
  w.key(nibbles(64), true);
  w.cbor_bytes({0x01});
  expect_build_error(w, "byte 1: a plain value leaf in the state trie");
}

TEST(PreStateShape, AccountKeyMustBe64Nibbles) {
  CompactWriter w;
  w.byte(0x00);
  account(w, 63);
  expect_build_error(w, "byte 1: an account leaf node at a key of 63 nibbles (expected 64)");
}

TEST(PreStateShape, BranchNeedsTwoChildren) {
  CompactWriter w;
  w.byte(0x00);
  account(w, 63);
  w.op(0x02);
  w.cbor_uint(0x0001);
  expect_build_error(w, "a branch with 1 child node(s)");
}

TEST(PreStateShape, ExtensionOverALeaf) {
  CompactWriter w;
  w.byte(0x00);
  account(w, 62);
  size_t at = w.out.size();
  w.op(0x01);
  w.key(nibbles(2), false);
  expect_build_error(
      w, ("byte " + std::to_string(at) + ": an extension over an account leaf").c_str());
}

TEST(PreStateShape, ExtensionReachingTheEndOfTheKey) {
  CompactWriter w;
  w.byte(0x00);
  w.hash(base::Bytes32{});
  w.op(0x01);
  w.key(nibbles(64), false);
  expect_build_error(w, "an extension reaching the end of a 64-nibble key");
}

TEST(PreStateShape, EmptyRootInsideATrie) {
  CompactWriter w;
  w.byte(0x00);
  w.op(0x06);
  account(w, 63);
  w.op(0x02);
  w.cbor_uint(0x0003);
  expect_build_error(w, "byte 1: an empty root inside a trie");
}

TEST(PreStateShape, AccountInsideAStorageTrie) {
  CompactWriter w;
  w.byte(0x00);
  account(w, 64);  // popped as the storage root of the next account
  account(w, 64, kAccountHasStorage);
  expect_build_error(w, "byte 1: an account leaf node as the root of a storage trie");
}

TEST(PreStateShape, StorageLeafKeyMustBe64Nibbles) {
  CompactWriter w;
  w.byte(0x00);
  w.op(0x00);
  w.key(nibbles(40), true);
  w.cbor_bytes({0x05});
  account(w, 64, kAccountHasStorage);
  expect_build_error(w, "byte 1: a leaf node at a key of 40 nibbles (expected 64)");
}

// A hashed-out storage trie (HAS_STORAGE popping a HASH) makes the account's storage root that
// hash, and the storage trie a single hash node.
TEST(PreStateShape, HashedStorageRootIsKept) {
  base::Bytes32 h{};
  h.bytes[0] = 0xab;
  CompactWriter w;
  w.byte(0x00);
  w.hash(h);
  account(w, 64, kAccountHasStorage);
  PreState pre = build_pre_state(decode_compact(view(w.out)));
  ASSERT_EQ(pre.storage.size(), 1u);
  base::Result<base::Bytes32> root = pre.storage.begin()->second.root_hash();
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, h);
  EXPECT_EQ(pre.hash_nodes, 1u);
}

}  // namespace
}  // namespace zkbatch::witness
