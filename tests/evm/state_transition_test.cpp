// SPDX-License-Identifier: Apache-2.0
// Transaction execution (Yellow Paper §6): validity rules (nonce, EIP-2681, EIP-3607, EIP-1559 fee
// caps, balance, intrinsic gas, block gas), fees (the effective gas price, the priority fee to the
// coinbase, the burned base fee), refunds of unused gas, EIP-161 clearing of touched empty
// accounts, receipts, and several transactions on one State.
#include <functional>

#include "eth/receipt.hpp"
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class StateTransition : public EvmTest {};

TEST_F(StateTransition, PlainTransferPaysFees) {
  pre.erase(contract_address());
  tx.value = U256(1000);
  execute();
  ASSERT_TRUE(result.success());
  EXPECT_EQ(result.gas_used, 21000u);
  // Legacy gas price 10, base fee 7: 3 per gas to the coinbase, 7 burned.
  EXPECT_EQ(post[sender].balance, pre[sender].balance - U256(1000) - U256(21000 * 10));
  EXPECT_EQ(post[sender].nonce, 1u);
  EXPECT_EQ(post[contract_address()].balance, U256(1000));
  EXPECT_EQ(post[coinbase_address()].balance, U256(21000 * 3));
}

TEST_F(StateTransition, DynamicFeeEffectivePrice) {
  tx.type = TxType::dynamic_fee;
  tx.has_chain_id = true;
  tx.chain_id = 1;
  tx.max_fee_per_gas = U256(9);
  tx.max_priority_fee_per_gas = U256(5);  // capped: 7 + 5 > 9, so the price is 9, the tip 2
  pre.erase(contract_address());
  execute();
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post[sender].balance, pre[sender].balance - U256(21000 * 9));
  EXPECT_EQ(post[coinbase_address()].balance, U256(21000 * 2));
}

TEST_F(StateTransition, UnusedGasIsReturned) {
  execute(sstore(0, 1), 100000);
  ASSERT_TRUE(result.success());
  uint64_t used = 21000 + 3 + 3 + 2100 + 20000;
  EXPECT_EQ(result.gas_used, used);
  EXPECT_EQ(post[sender].balance, pre[sender].balance - U256(used * 10));
}

TEST_F(StateTransition, FailedExecutionStillPays) {
  execute(Bytecode(Op::invalid), 100000);
  EXPECT_EQ(result.error, TxError::none);
  EXPECT_EQ(result.status, EvmStatus::invalid_instruction);
  EXPECT_FALSE(result.success());
  EXPECT_EQ(result.gas_used, 100000u);
  EXPECT_EQ(post[sender].nonce, 1u);
  EXPECT_EQ(post[sender].balance, pre[sender].balance - U256(100000 * 10));
}

TEST_F(StateTransition, InvalidTransactionsChangeNothing) {
  struct Case {
    const char* name;
    std::function<void()> setup;
    TxError expected;
  };
  const Case cases[] = {
      {"nonce too high", [this] { tx.nonce = 1; }, TxError::nonce_too_high},
      {"nonce too low", [this] { pre[sender].nonce = 3; }, TxError::nonce_too_low},
      {"nonce at max",
       [this] {
         pre[sender].nonce = UINT64_MAX;
         tx.nonce = UINT64_MAX;
       },
       TxError::nonce_max},
      {"sender has code", [this] { pre[sender].code = {0x00}; }, TxError::sender_not_eoa},
      {"price below base fee", [this] { tx.gas_price = U256(6); }, TxError::fee_cap_below_base_fee},
      {"intrinsic gas", [this] { tx.gas_limit = 20999; }, TxError::intrinsic_gas_too_low},
      {"block gas", [this] { tx.gas_limit = block.gas_limit + 1; },
       TxError::gas_limit_exceeds_block},
      {"balance", [this] { pre[sender].balance = U256(1000000 * 10 - 1); },
       TxError::insufficient_funds},
      {"balance with value",
       [this] {
         pre[sender].balance = U256(1000000 * 10);
         tx.value = U256(1);
       },
       TxError::insufficient_funds},
      {"priority above max",
       [this] {
         tx.type = TxType::dynamic_fee;
         tx.max_fee_per_gas = U256(10);
         tx.max_priority_fee_per_gas = U256(11);
       },
       TxError::priority_fee_above_fee_cap},
  };
  for (const Case& c : cases) {
    reset();
    c.setup();
    execute();
    EXPECT_EQ(result.error, c.expected) << c.name;
    EXPECT_EQ(state_root(post), state_root(pre)) << c.name;
  }
}

TEST_F(StateTransition, TouchedEmptyAccountsAreDeleted) {
  // EIP-161: an empty account in the pre-state that a zero-value call touches disappears; one
  // that is only read (BALANCE) stays.
  const Address touched = address_of(0xe1);
  const Address read = address_of(0xe2);
  pre[touched];
  pre[read];
  execute(call(Op::call, Op::gas, touched) + Op::pop + Bytecode(read) + Op::balance + Op::pop);
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post.count(touched), 0u);
  EXPECT_EQ(post.count(read), 1u);
}

TEST_F(StateTransition, ReceiptAndLogs) {
  execute(mstore(0, 0xab) + Bytecode(0x77) + Bytecode(1) + Bytecode(31) + Op::log1);
  ASSERT_TRUE(result.success());
  ASSERT_EQ(result.logs.size(), 1u);
  EXPECT_EQ(result.logs[0].address, contract_address());
  EXPECT_EQ(result.logs[0].topic_count, 1);
  EXPECT_EQ(result.logs[0].topics[0], U256(0x77).to_bytes32());
  ASSERT_EQ(result.logs[0].data.size(), 1u);
  EXPECT_EQ(result.logs[0].data[0], 0xab);
  EXPECT_TRUE(bloom_may_contain(result.logs_bloom, contract_address().span()));
  Receipt receipt = make_receipt(tx, result, 50000 + result.gas_used);
  EXPECT_TRUE(receipt.success);
  EXPECT_EQ(receipt.cumulative_gas_used, 50000 + result.gas_used);
  EXPECT_EQ(receipt.logs.size(), 1u);
  // A failed transaction keeps no logs.
  execute(mstore(0, 0xab) + Bytecode(1) + Bytecode(31) + Op::log0 + Op::invalid);
  EXPECT_EQ(result.logs.size(), 0u);
  EXPECT_FALSE(make_receipt(tx, result, result.gas_used).success);
}

TEST_F(StateTransition, TransactionsShareTheBlockState) {
  // Two transactions: the second sees the first's storage, original values are reset (a second
  // write of the same slot in the next transaction is again a "clean slot" write), and the block
  // gas limit counts both.
  set_code(sstore(0, sload(0) + Bytecode(1) + Op::add));
  execute();
  ASSERT_TRUE(result.success());
  uint64_t first = result.gas_used;
  tx.nonce = 1;
  auto second = execute_transaction(*state, block, tx, sender, first, 0);
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(second->success());
  TestWorld after = pre;
  apply_post_state(*state, after);
  EXPECT_EQ(after[contract_address()].storage[U256(0)], U256(2));
  // 1 -> 2 on a clean slot: 2900 + the cold 2100; the first 0 -> 1 paid 20000 + 2100.
  EXPECT_EQ(first - second->gas_used, 20000u - 2900u);
  tx.nonce = 2;
  auto third = execute_transaction(*state, block, tx, sender, block.gas_limit - 30000, 0);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->error, TxError::gas_limit_exceeds_block);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
