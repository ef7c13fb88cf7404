// SPDX-License-Identifier: Apache-2.0
// EIP-4844: Shard Blob Transactions
// https://eips.ethereum.org/EIPS/eip-4844
// EIP-7516: BLOBBASEFEE instruction
// https://eips.ethereum.org/EIPS/eip-7516
// fake_exponential against go-ethereum's published vectors (consensus/misc/eip4844 tests), the
// blob base fee, BLOBHASH and BLOBBASEFEE, and the validity and fee rules of blob transactions.
#include "eth/evm/blob_gas.hpp"
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

TEST(Eip4844FakeExponential, ReferenceVectors) {
  struct Row {
    uint64_t factor, numerator, denominator, want;
  };
  const Row rows[] = {
      {1, 0, 1, 1},
      {38493, 0, 1000, 38493},
      {0, 1234, 2345, 0},
      {1, 2, 1, 6},
      {1, 4, 2, 6},
      {1, 3, 1, 16},
      {1, 6, 2, 18},
      {1, 4, 1, 49},
      {1, 8, 2, 50},
      {10, 8, 2, 542},
      {11, 8, 2, 596},
      {1, 5, 1, 136},
      {1, 5, 2, 11},
      {2, 5, 2, 23},
      {1, 50000000, 2225652, 5709098764},
  };
  for (const Row& r : rows)
    EXPECT_EQ(fake_exponential(r.factor, r.numerator, r.denominator), U256(r.want))
        << r.factor << " " << r.numerator << " " << r.denominator;
}

TEST(Eip4844FakeExponential, BlobBaseFee) {
  // The price steps from 1 to 2 at an excess of 2314058 (go-ethereum's TestCalcBlobFee).
  EXPECT_EQ(blob_base_fee(0), U256(1));
  EXPECT_EQ(blob_base_fee(2314057), U256(1));
  EXPECT_EQ(blob_base_fee(2314058), U256(2));
  EXPECT_EQ(blob_base_fee(10 * 1024 * 1024), U256(23));
  // An absurd excess saturates instead of wrapping.
  EXPECT_EQ(blob_base_fee(UINT64_MAX), U256::max());
}

TEST(Eip4844FakeExponential, ExcessBlobGas) {
  EXPECT_EQ(next_excess_blob_gas(0, 0), 0u);
  EXPECT_EQ(next_excess_blob_gas(0, kTargetBlobGasPerBlock), 0u);
  EXPECT_EQ(next_excess_blob_gas(0, kMaxBlobGasPerBlock), kTargetBlobGasPerBlock);
  EXPECT_EQ(next_excess_blob_gas(100, kTargetBlobGasPerBlock), 100u);
}

class Eip4844 : public EvmTest {
 protected:
  void make_blob_tx(size_t blobs) {
    tx.type = TxType::blob;
    tx.has_chain_id = true;
    tx.chain_id = 1;
    tx.max_fee_per_gas = U256(10);
    tx.max_priority_fee_per_gas = U256(1);
    tx.max_fee_per_blob_gas = U256(5);
    tx.blob_versioned_hashes.clear();
    for (size_t i = 0; i < blobs; ++i) {
      base::Bytes32 h{};
      h.bytes[0] = kVersionedHashVersionKzg;
      h.bytes[31] = static_cast<uint8_t>(i + 1);
      tx.blob_versioned_hashes.push_back(h);
    }
  }
};

TEST_F(Eip4844, BlobhashReadsTheTransactionsHashes) {
  make_blob_tx(2);
  execute(sstore(0, Bytecode(1) + Op::blobhash) + sstore(1, Bytecode(2) + Op::blobhash) +
          sstore(2, Bytecode(U256::max()) + Op::blobhash));
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post_storage(0), U256::from_bytes32(tx.blob_versioned_hashes[1]));
  EXPECT_EQ(post_storage(1), U256(0));
  EXPECT_EQ(post_storage(2), U256(0));
}

TEST_F(Eip4844, BlobbasefeeIsTheBlockBlobPrice) {
  block.excess_blob_gas = 2314058;
  auto r = run(Bytecode(Op::blobbasefee) + ret_top(), 1000);
  EXPECT_EQ(output_word(r), U256(2));
  EXPECT_EQ(gas_used(r, 1000), 2 + 15);  // BLOBBASEFEE 2, then ret_top: 3 pushes, MSTORE, memory
}

TEST_F(Eip4844, BlobGasIsPaidAndBurned) {
  make_blob_tx(2);
  execute(Bytecode(Op::stop));
  ASSERT_TRUE(result.success());
  EXPECT_EQ(result.blob_gas_used, 2 * kGasPerBlob);
  // Sender pays 21000 at min(10, 7 + 1) = 8 and blob gas at a blob base fee of 1.
  U256 paid = U256(21000 * 8) + U256(2 * kGasPerBlob);
  EXPECT_EQ(post[sender].balance, pre[sender].balance - paid);
  EXPECT_EQ(post[coinbase_address()].balance, U256(21000));  // priority fee 1 per gas
}

TEST_F(Eip4844, ValidityRules) {
  make_blob_tx(0);
  execute();
  EXPECT_EQ(result.error, TxError::blob_missing_hashes);
  make_blob_tx(7);
  execute();
  EXPECT_EQ(result.error, TxError::blob_too_many);
  make_blob_tx(1);
  tx.blob_versioned_hashes[0].bytes[0] = 0x02;
  execute();
  EXPECT_EQ(result.error, TxError::blob_bad_version);
  make_blob_tx(1);
  block.excess_blob_gas = 10 * 1024 * 1024;  // blob base fee 23 > max fee 5
  execute();
  EXPECT_EQ(result.error, TxError::blob_fee_cap_too_low);
  block.excess_blob_gas = 0;
  make_blob_tx(1);
  auto r = execute_transaction(*state, block, tx, sender, 0, kMaxBlobGasPerBlock);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error, TxError::blob_gas_exceeds_block);
}

TEST_F(Eip4844, BalanceMustCoverTheMaximumBlobFee) {
  make_blob_tx(1);
  tx.gas_limit = 21000;
  // Exactly gas * max fee + blob gas * max blob fee is enough; one wei less is not.
  U256 needed = U256(21000 * 10) + U256(kGasPerBlob * 5);
  pre[sender].balance = needed;
  execute(Bytecode(Op::stop), 21000);
  EXPECT_EQ(result.error, TxError::none);
  pre[sender].balance = needed - U256(1);
  execute(Bytecode(Op::stop), 21000);
  EXPECT_EQ(result.error, TxError::insufficient_funds);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
