// SPDX-License-Identifier: Apache-2.0
// The block validator rejects what does not belong to the block: a changed transaction byte, a
// transaction signed for another chain, a trie node the witness lacks, a header whose roots or
// environment differ from what execution gives. Each failure names its transaction, field or
// account.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "block/block_test_util.hpp"
#include "eth/account.hpp"
#include "eth/mpt.hpp"
#include "eth/rlp.hpp"
#include "hash/keccak.hpp"
#include "witness/witness.hpp"

namespace zkbatch::eth::block_test {
namespace {

using witness::to_hex;

// b19807080_main: a mainnet block of nine transactions, with its header.
std::unique_ptr<BlockInput> mainnet_block(const std::filesystem::path& dir) {
  WitnessCase c = all_cases(dir)[0];
  EXPECT_EQ(c.name, "b19807080_main");
  auto inputs = load_inputs(c, load_header(c));
  return std::move(inputs.at(0));
}

// Where transaction `index` starts inside the encoded guest input.
size_t transaction_offset(const BlockInput& in, size_t index) {
  return static_cast<size_t>(in.view.transactions[index].data() - in.bytes.data());
}

TEST(BlockValidatorTamper, ChangedTransactionByteFailsAtThatTransaction) {
  ZKB_REQUIRE_WITNESSES(dir);
  auto in = mainnet_block(dir);
  ASSERT_GE(in->view.transactions.size(), 4u);
  const size_t index = 3;
  size_t start = transaction_offset(*in, index);
  size_t size = in->view.transactions[index].size();
  // A byte in the middle, the last byte (inside s) and one inside the first fields.
  for (size_t at : {start + size / 2, start + size - 1, start + 4}) {
    SCOPED_TRACE("byte " + std::to_string(at - start));
    auto copy = std::make_unique<BlockInput>();
    copy->bytes = in->bytes;
    copy->bytes[at] ^= 0x01;
    ASSERT_TRUE(copy->redecode());
    BlockOutcome out;
    EXPECT_FALSE(validate_block(copy->view, &out));
    EXPECT_TRUE(out.failure.has_tx) << describe(out);
    EXPECT_EQ(out.failure.tx_index, index) << describe(out);
    EXPECT_EQ(out.transactions.size(), index);
  }
}

TEST(BlockValidatorTamper, TransactionForAnotherChainIsInvalid) {
  ZKB_REQUIRE_WITNESSES(dir);
  auto in = mainnet_block(dir);
  // The first EIP-1559 transaction: type byte 2, a list header, then the chain id 1.
  size_t index = in->view.transactions.size();
  for (size_t i = 0; i < in->view.transactions.size(); ++i) {
    if (in->view.transactions[i][0] == 0x02) {
      index = i;
      break;
    }
  }
  ASSERT_LT(index, in->view.transactions.size());
  base::ByteSpan tx = in->view.transactions[index];
  size_t list_header = tx[1] >= 0xf8 ? 2 + (tx[1] - 0xf7) : 2;
  size_t chain_id_at = transaction_offset(*in, index) + list_header;
  ASSERT_EQ(in->bytes[chain_id_at], 0x01);
  in->bytes[chain_id_at] = 0x05;
  ASSERT_TRUE(in->redecode());
  BlockOutcome out;
  EXPECT_FALSE(validate_block(in->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::invalid_transaction) << describe(out);
  EXPECT_EQ(out.failure.tx_error, evm::TxError::chain_id_mismatch);
  EXPECT_TRUE(out.failure.has_tx);
  EXPECT_EQ(out.failure.tx_index, index);
}

TEST(BlockValidatorTamper, MissingTrieNodeNamesTheAccount) {
  ZKB_REQUIRE_WITNESSES(dir);
  auto in = mainnet_block(dir);
  BlockOutcome good;
  ASSERT_TRUE(validate_block(in->view, &good)) << describe(good);
  ASSERT_GE(good.transactions.size(), 1u);
  const Address sender = good.transactions[0].sender;

  // The sender's account leaf: the node holding its state-trie value.
  NodeSet nodes;
  for (const base::ByteSpan& node : in->view.trie_nodes)
    ASSERT_TRUE(nodes.add(node).ok());
  base::Result<Trie> trie = Trie::from_nodes(in->view.pre_state_root, nodes);
  ASSERT_TRUE(trie.ok());
  base::Bytes32 key = hash::keccak256(sender.span());
  base::Result<base::ByteSpan> value = trie->get(key.span());
  ASSERT_TRUE(value.ok());
  ASSERT_FALSE(value->empty());
  size_t removed = in->view.trie_nodes.size();
  for (size_t i = 0; i < in->view.trie_nodes.size(); ++i) {
    base::ByteSpan node = in->view.trie_nodes[i];
    auto found = std::search(node.begin(), node.end(), value->begin(), value->end());
    if (found != node.end()) {
      removed = i;
      break;
    }
  }
  ASSERT_LT(removed, in->view.trie_nodes.size());

  base::Vector<base::ByteSpan> fewer;
  for (size_t i = 0; i < in->view.trie_nodes.size(); ++i) {
    if (i == removed) continue;
    ASSERT_TRUE(fewer.push_back(in->view.trie_nodes[i]));
  }
  in->view.trie_nodes = base::move(fewer);
  BlockOutcome out;
  EXPECT_FALSE(validate_block(in->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::witness_gap) << describe(out);
  EXPECT_TRUE(out.failure.has_tx);
  EXPECT_EQ(out.failure.tx_index, 0u);
  EXPECT_EQ(std::string(out.failure.message), "witness lacks node for account " + to_hex(sender));
}

TEST(BlockValidatorTamper, EmptyWitnessNamesTheFirstAccountRead) {
  ZKB_REQUIRE_WITNESSES(dir);
  auto in = mainnet_block(dir);
  in->view.trie_nodes.clear();
  BlockOutcome out;
  EXPECT_FALSE(validate_block(in->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::witness_gap) << describe(out);
  // EIP-4788's system call, before any transaction, reads its sender SYSTEM_ADDRESS first.
  EXPECT_FALSE(out.failure.has_tx);
  EXPECT_EQ(std::string(out.failure.message),
            "witness lacks node for account 0xfffffffffffffffffffffffffffffffffffffffe");
}

TEST(BlockValidatorTamper, WrongHeaderRootIsAMismatchNamingTheField) {
  ZKB_REQUIRE_WITNESSES(dir);
  WitnessCase c = all_cases(dir)[0];
  std::optional<witness::HeaderJson> header = load_header(c);
  ASSERT_TRUE(header);
  base::Bytes32 real = header->header.receipts_root;
  header->header.receipts_root.bytes[31] ^= 0xff;
  auto inputs = load_inputs(c, header);
  BlockOutcome out;
  EXPECT_FALSE(validate_block(inputs.at(0)->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::mismatch) << describe(out);
  EXPECT_STREQ(out.failure.field, "receipts_root");
  EXPECT_STREQ(out.failure.source, "header");
  EXPECT_EQ(std::string(out.failure.expected), to_hex(header->header.receipts_root));
  EXPECT_EQ(std::string(out.failure.actual), to_hex(real));
  EXPECT_FALSE(out.failure.has_tx);
  // Every transaction ran; only the comparison failed.
  EXPECT_EQ(out.transactions.size(), inputs.at(0)->view.transactions.size());
}

TEST(BlockValidatorTamper, HeaderEnvironmentMustMatchTheInput) {
  ZKB_REQUIRE_WITNESSES(dir);
  WitnessCase c = all_cases(dir)[0];
  std::optional<witness::HeaderJson> header = load_header(c);
  ASSERT_TRUE(header);
  header->header.timestamp += 12;
  auto inputs = load_inputs(c, header);
  BlockOutcome out;
  EXPECT_FALSE(validate_block(inputs.at(0)->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::mismatch) << describe(out);
  EXPECT_STREQ(out.failure.field, "timestamp");
  EXPECT_EQ(out.transactions.size(), 0u);
}

TEST(BlockValidatorTamper, HeaderThatIsNotRlpIsMalformed) {
  ZKB_REQUIRE_WITNESSES(dir);
  auto in = mainnet_block(dir);
  ASSERT_FALSE(in->view.header_rlp.empty());
  size_t at = static_cast<size_t>(in->view.header_rlp.data() - in->bytes.data());
  in->bytes[at] = 0x01;  // a single byte, not a list
  ASSERT_TRUE(in->redecode());
  BlockOutcome out;
  EXPECT_FALSE(validate_block(in->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::malformed_input) << describe(out);
}

TEST(BlockValidatorTamper, WithdrawalAmountChangesTheStateRoot) {
  ZKB_REQUIRE_WITNESSES(dir);
  auto in = mainnet_block(dir);
  ASSERT_FALSE(in->view.withdrawals.empty());
  in->view.withdrawals[0].amount_gwei += 1;
  BlockOutcome out;
  EXPECT_FALSE(validate_block(in->view, &out));
  EXPECT_EQ(out.failure.status, BlockStatus::mismatch) << describe(out);
  EXPECT_STREQ(out.failure.field, "state_root");
}

}  // namespace
}  // namespace zkbatch::eth::block_test
