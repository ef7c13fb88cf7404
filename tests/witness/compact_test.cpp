// SPDX-License-Identifier: Apache-2.0
// The compact pre-image encoding (../shared/reference/zk_evm_witness.md §2): known-answer vectors,
// every opcode, and rejection of every malformed form with its byte offset.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compact_writer.hpp"
#include "eth/account.hpp"
#include "witness/compact.hpp"
#include "witness/error.hpp"
#include "witness/pre_state.hpp"
#include "witness_test_util.hpp"

namespace zkbatch::witness {
namespace {

using test::Blob;
using test::CompactWriter;
using test::from_hex;
using test::view;

base::Bytes32 root_of(const Blob& blob) {
  CompactTree tree = decode_compact(view(blob));
  return build_pre_state(tree).state_root;
}

// The first four of the six unit vectors {bytes, expected_state_root} of zk_evm's
// trace_decoder/src/cases/zero_jerigon.json (commit 409c5631de83, also at v0.7.0). The other two
// carry 12 KB and 5 KB of contract bytecode; they are not in ../shared, and the real witnesses
// below cover the same instructions.
struct Vector {
  const char* bytes;
  const char* root;
};
const Vector kZeroJerigon[] = {
    {"01055821033601462093b5945d1676df093446790fd31b20e7b12a2e8e5e09d068109616b0084a021e19e0c9ba"
     "b240000005582103468288056310c82aa4c01a7e12a10f8111a0560e72b700555479031b86c357d0084101031a"
     "697e814758281972fcd13bc9707dbcd2f195986b05463d7b78426508445a0405582103b70e80538acdabd61373"
     "53b0f9d8d149f4dba91e8be2e7946e409bfdbe685b900841010558210389802d6ed1a28b049e9d4fe5334c5902"
     "fd9bc00c42821c82f82ee2da10be90800841010558200256274a27dd7524955417c11ecd917251cc7c4c8310f4"
     "c7e4bd3c304d3d9a79084a021e19e0c9bab2400000055820023ab0970b73895b8c9959bae685c3a19f45eb5ad8"
     "9d42b52a340ec4ac204d190841010219102005582103876da518a393dbd067dc72abfa08d475ed6447fca96d92"
     "ec3f9e7eba503ca6100841010558210352688a8f926c816ca1e079067caba944f158e764817b83fc43594370ca"
     "9cf62008410105582103690b239ba3aaf993e443ae14aeffc44cf8d9931a79baed9fa141d0e4506e1310084101"
     "02196573",
     "6a0673c691edfa4c4528323986bb43c579316f436ff6f8b4ac70854bbd95340b"},
    {"01055821033601462093b5945d1676df093446790fd31b20e7b12a2e8e5e09d068109616b0084a021e19e0c9ba"
     "b240000005582103468288056310c82aa4c01a7e12a10f8111a0560e72b700555479031b86c357d0084101031a"
     "697e814758281972fcd13bc9707dbcd2f195986b05463d7b78426508445a0405582103b70e80538acdabd61373"
     "53b0f9d8d149f4dba91e8be2e7946e409bfdbe685b900841010558210389802d6ed1a28b049e9d4fe5334c5902"
     "fd9bc00c42821c82f82ee2da10be90800841010558200256274a27dd7524955417c11ecd917251cc7c4c8310f4"
     "c7e4bd3c304d3d9a790c014a021e0c000250c782fa00055820023ab0970b73895b8c9959bae685c3a19f45eb5a"
     "d89d42b52a340ec4ac204d1908410102191020055820021eec2b84f0ba344fd4b4d2f022469febe7a772c4789a"
     "cfc119eb558ab1da3d08480de0b6b3a76400000558200276da518a393dbd067dc72abfa08d475ed6447fca96d9"
     "2ec3f9e7eba503ca61084101021901200558210352688a8f926c816ca1e079067caba944f158e764817b83fc43"
     "594370ca9cf62008410105582103690b239ba3aaf993e443ae14aeffc44cf8d9931a79baed9fa141d0e4506e13"
     "1008410102196573",
     "e779761e7f0cf4bb2b5e5a2ebac65406d3a7516d46798040803488825a01c19c"},
    {"01055821033601462093b5945d1676df093446790fd31b20e7b12a2e8e5e09d068109616b0084a021e19e0c9ba"
     "b240000005582103468288056310c82aa4c01a7e12a10f8111a0560e72b700555479031b86c357d0084101031a"
     "697e814758281972fcd13bc9707dbcd2f195986b05463d7b78426508445a0405582103b70e80538acdabd61373"
     "53b0f9d8d149f4dba91e8be2e7946e409bfdbe685b900841010558210389802d6ed1a28b049e9d4fe5334c5902"
     "fd9bc00c42821c82f82ee2da10be90800841010558200256274a27dd7524955417c11ecd917251cc7c4c8310f4"
     "c7e4bd3c304d3d9a790c024a021e0a9cae36fa8e4788055820023ab0970b73895b8c9959bae685c3a19f45eb5a"
     "d89d42b52a340ec4ac204d1908410102191020055820021eec2b84f0ba344fd4b4d2f022469febe7a772c4789a"
     "cfc119eb558ab1da3d08480f43fc2c04ee00000558200276da518a393dbd067dc72abfa08d475ed6447fca96d9"
     "2ec3f9e7eba503ca61084101021901200558210352688a8f926c816ca1e079067caba944f158e764817b83fc43"
     "594370ca9cf62008410105582103690b239ba3aaf993e443ae14aeffc44cf8d9931a79baed9fa141d0e4506e13"
     "1008410102196573",
     "6978d65a3f2fc887408cc28dbb796836ff991af73c21ea74d03a11f6cdeb119c"},
    {"0103a6885b3731702da62e8e4a8f584ac46a7f6822f4e2ba50fba902f67b1588d23b005821028015657e298d35"
     "290e69628be03d91f74d613caf3afdbe09138cfa415efe2f5044deadbeef0558210218b289936a0874cccee657"
     "12c88cdaa0a305b004d3fda2942b2b2dc54f14f6110b443b9aca0004",
     "69a5a7a8f99161a35e8b64975d8c6af10db4eee7bd956418839d8ff763aaf00c"},
};

TEST(CompactVectors, ZeroJerigonStateRoots) {
  for (const Vector& v : kZeroJerigon) {
    EXPECT_EQ(root_of(from_hex(v.bytes)), test::bytes32(v.root)) << v.root;
  }
}

// Vector 4 is a storage trie of one leaf under an account with HAS_CODE|HAS_STORAGE|BALANCE
// whose code is a HASH node: check the decoded account itself.
TEST(CompactVectors, AccountLeafFieldsOfVector4) {
  CompactTree tree = decode_compact(view(from_hex(kZeroJerigon[3].bytes)));
  const CompactNode& root = tree.node(tree.root);
  ASSERT_EQ(root.kind, CompactNodeKind::account);
  EXPECT_EQ(root.account_flags, kAccountHasCode | kAccountHasStorage | kAccountHasBalance);
  EXPECT_EQ(root.balance, base::U256(1000000000));  // 0x3b9aca00
  EXPECT_EQ(root.key_size, 64u);
  EXPECT_EQ(tree.node(root.child[1]).kind, CompactNodeKind::hash);
  EXPECT_EQ(tree.node(root.child[0]).kind, CompactNodeKind::leaf);
  EXPECT_EQ(tree.stats.hash, 1u);
  EXPECT_EQ(tree.stats.leaf, 1u);
  EXPECT_EQ(tree.stats.account_leaf, 1u);
}

// EMPTY_ROOT (0x06), undocumented upstream: alone, it is the empty state trie.
TEST(CompactOpcodes, EmptyRootIsTheEmptyTrie) {
  EXPECT_EQ(root_of({0x00, 0x06}), eth::kEmptyTrieRoot);
  EXPECT_EQ(root_of({0x01, 0x06}), eth::kEmptyTrieRoot);
}

// One account with every field: storage (one slot), code, nonce and balance; the same account
// written with the storage slot as an EMPTY_ROOT storage trie differs only in its storage root.
TEST(CompactOpcodes, AccountWithCodeStorageNonceBalance) {
  std::vector<uint8_t> key(64, 0x0a);
  std::vector<uint8_t> slot(64, 0x03);
  CompactWriter w;
  w.byte(0x00);
  w.op(0x04);
  w.cbor_bytes({0x60, 0x00, 0x60, 0x00, 0xf3});  // code
  w.op(0x00);
  w.key(slot, true);
  w.cbor_bytes({0x2a});  // storage value 42
  w.op(0x05);
  w.key(key, true);
  w.byte(kAccountHasCode | kAccountHasStorage | kAccountHasNonce | kAccountHasBalance);
  w.cbor_uint(7);
  w.cbor_bytes({0x01, 0x00});
  w.cbor_uint(5);
  PreState pre = build_pre_state(decode_compact(view(w.out)));
  EXPECT_EQ(pre.accounts, 1u);
  EXPECT_EQ(pre.storage_slots, 1u);
  ASSERT_EQ(pre.codes.size(), 1u);
  base::Bytes32 hashed{};
  for (auto& b : hashed.bytes)
    b = 0xaa;
  base::Result<base::ByteSpan> value = pre.state.get(hashed.span());
  ASSERT_TRUE(value.ok());
  base::Result<eth::Account> account = eth::decode_account(*value);
  ASSERT_TRUE(account.ok());
  EXPECT_EQ(account->nonce, 7u);
  EXPECT_EQ(account->balance, base::U256(256));
  EXPECT_EQ(account->code_hash, pre.codes.begin()->first);
  EXPECT_NE(account->storage_root, eth::kEmptyTrieRoot);
  // The storage trie holds rlp(42) = 0x2a under the slot key.
  base::Bytes32 slot_key{};
  for (auto& b : slot_key.bytes)
    b = 0x33;
  base::Result<base::ByteSpan> stored = pre.storage.begin()->second.get(slot_key.span());
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0], 0x2a);
}

// A byte string given as a CBOR array of small integers (which zk_evm's decoder also accepts)
// decodes to the same trie as the byte string form.
TEST(CompactOpcodes, CborArrayOfIntegersEqualsByteString) {
  std::vector<uint8_t> key(64, 0x01);
  CompactWriter a;
  a.byte(0x00);
  a.op(0x05);
  a.key(key, true);
  a.byte(kAccountHasBalance);
  a.cbor_bytes({0x12, 0x34});
  CompactWriter b;
  b.byte(0x00);
  b.op(0x05);
  b.key(key, true);
  b.byte(kAccountHasBalance);
  b.head(4, 2);  // array of 2 integers
  b.cbor_uint(0x12);
  b.cbor_uint(0x34);
  EXPECT_EQ(root_of(a.out), root_of(b.out));
}

// NEW_TRIE (0xbb) may end the only trie; anything after it is a second trie, which type 1 rejects.
TEST(CompactOpcodes, NewTrieEndsTheOnlyTrie) {
  EXPECT_EQ(root_of({0x00, 0x06, 0xbb}), eth::kEmptyTrieRoot);
  ZKB_EXPECT_THROW_WITH(decode_compact(view({0x00, 0x06, 0xbb, 0x06})), BlobError,
                        "byte 2: NEW_TRIE");
}

struct BadBlob {
  std::vector<uint8_t> bytes;
  const char* message;  // what the error must say, offset included
};

TEST(CompactErrors, MalformedBlobsNameTheOffsetAndProblem) {
  std::vector<uint8_t> hash_op(33, 0x11);
  hash_op[0] = 0x03;
  std::vector<uint8_t> two_hashes = {0x00};
  two_hashes.insert(two_hashes.end(), hash_op.begin(), hash_op.end());
  two_hashes.insert(two_hashes.end(), hash_op.begin(), hash_op.end());
  std::vector<uint8_t> lone_hash = {0x00};
  lone_hash.insert(lone_hash.end(), hash_op.begin(), hash_op.end());
  const BadBlob cases[] = {
      {{}, "byte 0: truncated: expected the header byte"},
      {{0x02, 0x06}, "byte 0: header byte 0x02"},
      {{0x00, 0x09}, "byte 1: unknown opcode 0x09"},
      {{0x00, 0x07}, "byte 1: SMT_LEAF"},
      {{0x00, 0x01, 0x41, 0x05}, "byte 1: stack underflow: EXTENSION"},
      {{0x00, 0x02, 0x03}, "byte 1: stack underflow: BRANCH needs 2 children"},
      {{0x00, 0x02, 0x1a, 0x00, 0x01, 0x00, 0x00}, "byte 2: branch mask has bits above bit 15"},
      {{0x00, 0x03, 0x11, 0x22}, "byte 2: truncated: a 32-byte hash needs 32 bytes, 2 left"},
      {{0x00, 0x00, 0x40, 0x41, 0x01}, "byte 2: empty key"},
      {{0x00, 0x00, 0x41, 0x10, 0x41, 0x01}, "byte 3: single-byte key 0x10 is not a nibble"},
      {{0x00, 0x00, 0x42, 0x04, 0x12, 0x41, 0x01}, "byte 3: key flags 0x04"},
      {{0x00, 0x00, 0x42, 0x01, 0x12, 0x41, 0x01}, "byte 4: odd key's last byte 0x12"},
      {{0x00, 0x00, 0x41, 0x01, 0x40}, "byte 4: empty leaf value"},
      {{0x00, 0x00, 0x41, 0x01, 0x5f}, "byte 4: a leaf value: indefinite-length CBOR item"},
      {{0x00, 0x00, 0x41, 0x01, 0x5c}, "byte 4: a leaf value: reserved CBOR additional info"},
      {{0x00, 0x00, 0x41, 0x01, 0x45, 0x01}, "byte 4: truncated: a leaf value of 5 bytes, 1 left"},
      {{0x00, 0x00, 0x41, 0x01, 0x01}, "expected a CBOR byte string, found major type 0"},
      {{0x00, 0x02, 0x41, 0x01}, "byte 2: a branch mask: expected a CBOR unsigned integer"},
      {{0x00, 0x05, 0x41, 0x01, 0x10}, "byte 4: account flags 0x10 have unknown bits"},
      {{0x00, 0x05, 0x41, 0x01, 0x01, 0x00}, "byte 1: stack underflow: ACCOUNT_LEAF"},
      {{0x00, 0x06, 0x05, 0x41, 0x01, 0x01, 0x00},
       "byte 2: ACCOUNT_LEAF with code pops the empty root node"},
      // Absurd sizes: a 2^64 - 1 byte string and a 2^63-element array, with 3 bytes left.
      {{0x00, 0x04, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x60, 0x00, 0x00},
       "byte 2: truncated: code of 18446744073709551615 bytes, 3 left"},
      {{0x00, 0x04, 0x9b, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01},
       "byte 2: truncated: code array of 9223372036854775808 items"},
      {two_hashes, "the stream ends with 2 nodes on the stack"},
      {lone_hash, "byte 1: the stream ends with a lone hash node"},
      {{0x00}, "byte 1: the stream ends with 0 nodes"},
  };
  for (const BadBlob& c : cases) {
    ZKB_EXPECT_THROW_WITH(decode_compact(view(c.bytes)), BlobError, c.message);
  }
}

// Every proper prefix of a valid blob is rejected (never accepted, never a crash), with an offset
// inside the prefix.
TEST(CompactErrors, EveryTruncationIsRejected) {
  for (const Vector& v : kZeroJerigon) {
    std::vector<uint8_t> blob = from_hex(v.bytes);
    for (size_t n = 0; n < blob.size(); ++n) {
      std::vector<uint8_t> prefix(blob.begin(), blob.begin() + static_cast<ptrdiff_t>(n));
      try {
        CompactTree tree = decode_compact(view(prefix));
        build_pre_state(tree);
        ADD_FAILURE() << "prefix of " << n << " bytes accepted";
      } catch (const BlobError& e) {
        EXPECT_LE(e.offset(), n);
      }
    }
  }
}

}  // namespace
}  // namespace zkbatch::witness
