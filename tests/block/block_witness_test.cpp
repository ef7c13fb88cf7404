// SPDX-License-Identifier: Apache-2.0
// The block validator on every real witness of ../shared/witnesses: each block is valid, every
// receipt and gas figure equals the witness's (meta.new_receipt_trie_node_byte, meta.gas_used),
// and every root, the gas used and the bloom equal the real header's where there is one.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "block/block_test_util.hpp"
#include "witness/witness.hpp"

namespace zkbatch::eth::block_test {
namespace {

using witness::to_hex;

void expect_matches_witness(const BlockInput& in, const BlockOutcome& out) {
  const witness::BlockWitness& b = in.block;
  size_t t = 0;
  for (size_t i = 0; i < b.txns.size(); ++i) {
    const witness::TxnInfo& txn = b.txns[i];
    if (txn.byte_code.empty()) continue;
    ASSERT_LT(t, out.transactions.size());
    const TxOutcome& tx = out.transactions[t++];
    witness::ReceiptSummary r =
        witness::read_witness_receipt(base::ByteSpan(txn.receipt.data(), txn.receipt.size()));
    EXPECT_EQ(to_hex(r.trie_value), to_hex(tx.receipt)) << "receipt of txn_info[" << i << "]";
    EXPECT_EQ(txn.gas_used, tx.gas_used) << "gas of txn_info[" << i << "]";
    EXPECT_EQ(r.cumulative_gas_used, tx.cumulative_gas_used) << "txn_info[" << i << "]";
  }
  EXPECT_EQ(t, out.transactions.size());
  EXPECT_EQ(b.meta.gas_used, out.gas_used);
  EXPECT_EQ(b.meta.blob_gas_used, out.blob_gas_used);
  EXPECT_EQ(0, std::memcmp(b.meta.bloom.data(), out.logs_bloom.bytes, 256));
  EXPECT_EQ(b.hashes.cur_hash, out.block_hash);
}

void expect_matches_header(const witness::HeaderJson& h, const BlockOutcome& out) {
  EXPECT_TRUE(out.header_checked);
  EXPECT_EQ(to_hex(h.header.state_root), to_hex(out.post_state_root));
  EXPECT_EQ(to_hex(h.header.transactions_root), to_hex(out.transactions_root));
  EXPECT_EQ(to_hex(h.header.receipts_root), to_hex(out.receipts_root));
  EXPECT_EQ(h.header.gas_used, out.gas_used);
  EXPECT_EQ(h.header.blob_gas_used, out.blob_gas_used);
  EXPECT_TRUE(h.header.logs_bloom == out.logs_bloom);
  EXPECT_EQ(h.hash, out.block_hash);
  if (h.withdrawals) {
    ASSERT_TRUE(out.has_withdrawals_root);
    EXPECT_EQ(to_hex(h.header.withdrawals_root), to_hex(out.withdrawals_root));
  }
}

TEST(BlockValidatorWitnesses, EveryWitnessExecutesAsItsReceiptsAndHeaderSay) {
  ZKB_REQUIRE_WITNESSES(dir);
  size_t headers = 0;
  size_t transactions = 0;
  for (const WitnessCase& c : all_cases(dir)) {
    SCOPED_TRACE(c.name);
    std::optional<witness::HeaderJson> header = load_header(c);
    for (const auto& in : load_inputs(c, header)) {
      BlockOutcome out;
      ASSERT_TRUE(validate_block(in->view, &out)) << describe(out);
      expect_matches_witness(*in, out);
      transactions += out.transactions.size();
      if (in->header) {
        expect_matches_header(*in->header, out);
        ++headers;
      }
    }
  }
  // Six zk_evm cases and three prover_infra blocks come with their real header.
  EXPECT_EQ(headers, 9u);
  EXPECT_GT(transactions, 1800u);
}

TEST(BlockValidatorWitnesses, WithoutAHeaderTheInputsOwnFieldsAreChecked) {
  ZKB_REQUIRE_WITNESSES(dir);
  WitnessCase c = all_cases(dir)[3];  // b28_dev
  ASSERT_EQ(c.name, "b28_dev");
  auto inputs = load_inputs(c, std::nullopt);
  ASSERT_EQ(inputs.size(), 1u);
  BlockOutcome out;
  ASSERT_TRUE(validate_block(inputs[0]->view, &out)) << describe(out);
  EXPECT_FALSE(out.header_checked);
  EXPECT_FALSE(out.has_withdrawals_root);
  // The claimed gas used is the input's copy of the header field: a wrong claim is caught.
  inputs[0]->view.gas_used += 1;
  BlockOutcome wrong;
  EXPECT_FALSE(validate_block(inputs[0]->view, &wrong));
  EXPECT_EQ(wrong.failure.status, BlockStatus::mismatch);
  EXPECT_STREQ(wrong.failure.field, "gas_used");
  EXPECT_STREQ(wrong.failure.source, "input");
}

}  // namespace
}  // namespace zkbatch::eth::block_test
