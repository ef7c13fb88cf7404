// SPDX-License-Identifier: Apache-2.0
// EIP-3529: Reduction in refunds
// https://eips.ethereum.org/EIPS/eip-3529
// (with EIP-2200: Structured Definitions for Net Gas Metering,
// https://eips.ethereum.org/EIPS/eip-2200) The table of test cases in EIP-3529 (slot 0 warm, so the
// cold surcharge is not included): the gas each code uses and the refund counter it leaves, for
// original values 0 and 1; the stipend sentry of EIP-2200; and the cap of the refund at a fifth of
// the gas used.
#include "eth/evm/instructions_storage.hpp"
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

struct Case {
  const char* code;
  uint64_t original;
  int64_t used;
  int64_t refund;
};

// EIP-3529, section "Test Cases".
const Case kCases[] = {
    {"0x60006000556000600055", 0, 212, 0},
    {"0x60006000556001600055", 0, 20112, 0},
    {"0x60016000556000600055", 0, 20112, 19900},
    {"0x60016000556002600055", 0, 20112, 0},
    {"0x60016000556001600055", 0, 20112, 0},
    {"0x60006000556000600055", 1, 3012, 4800},
    {"0x60006000556001600055", 1, 3012, 2800},
    {"0x60006000556002600055", 1, 3012, 0},
    {"0x60026000556000600055", 1, 3012, 4800},
    {"0x60026000556003600055", 1, 3012, 0},
    {"0x60026000556001600055", 1, 3012, 2800},
    {"0x60026000556002600055", 1, 3012, 0},
    {"0x60016000556000600055", 1, 3012, 4800},
    {"0x60016000556002600055", 1, 3012, 0},
    {"0x60016000556001600055", 1, 212, 0},
    {"0x600160005560006000556001600055", 0, 40118, 19900},
    {"0x600060005560016000556000600055", 1, 5918, 7600},
};

class Eip3529 : public EvmTest {};

TEST_F(Eip3529, TestCasesOfTheEip) {
  for (const Case& c : kCases) {
    pre[contract_address()].storage.clear();
    if (c.original != 0) pre[contract_address()].storage[U256(0)] = U256(c.original);
    set_code(Bytecode::hex(c.code));
    // Warm the slot as the EIP's table assumes, then run the code as the transaction's frame.
    source = std::make_unique<MapStateSource>();
    source->world = pre;
    state = std::make_unique<State>(*source);
    state->begin_transaction();
    ASSERT_TRUE(state->access_slot(contract_address(), U256(0)).ok());
    TxEnv env;
    Host host(*state, block, env);
    Message msg;
    msg.gas = 100000;
    msg.sender = sender;
    msg.recipient = contract_address();
    msg.code_address = contract_address();
    ExecutionResult r = host.execute(msg);
    EXPECT_EQ(r.status, EvmStatus::success) << c.code;
    EXPECT_EQ(100000 - r.gas_left, c.used) << c.code << " original " << c.original;
    EXPECT_EQ(r.gas_refund, c.refund) << c.code << " original " << c.original;
  }
}

TEST_F(Eip3529, ColdSlotAddsTheColdSloadCost) {
  EXPECT_EQ(instr::sstore_cost(U256(0), U256(0), U256(1), true).gas, 2100 + 20000);
  EXPECT_EQ(instr::sstore_cost(U256(1), U256(1), U256(0), true).gas, 2100 + 2900);
  EXPECT_EQ(instr::sstore_cost(U256(1), U256(1), U256(0), true).refund, 4800);
}

TEST_F(Eip3529, StipendSentry) {
  // EIP-2200: SSTORE fails when at most 2300 gas is left, even for a no-op write.
  pre[contract_address()].storage[U256(0)] = U256(1);
  EXPECT_EQ(run(sstore(0, 1), 6 + 2300).status, EvmStatus::out_of_gas);
  auto r = run(sstore(0, 1), 6 + 2301 + 2100);  // cold no-op write: 2100 + 100
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(r.gas_left, 2301 + 2100 - 2200);
}

TEST_F(Eip3529, RefundIsCappedAtAFifthOfGasUsed) {
  // Clearing two slots refunds 2 * 4800, more than a fifth of this small transaction.
  pre[contract_address()].storage[U256(0)] = U256(1);
  pre[contract_address()].storage[U256(1)] = U256(1);
  execute(sstore(0, 0) + sstore(1, 0), 100000);
  ASSERT_TRUE(result.success());
  const uint64_t used_before_refund = 21000 + 2 * (3 + 3 + 2100 + 2900);
  ASSERT_GT(2u * 4800u, used_before_refund / 5);
  EXPECT_EQ(result.gas_refund, used_before_refund / 5);
  EXPECT_EQ(result.gas_used, used_before_refund - used_before_refund / 5);
  EXPECT_EQ(post_storage(0), U256(0));
  EXPECT_TRUE(post[contract_address()].storage.empty());
}

TEST_F(Eip3529, SelfdestructRefundsNothing) {
  set_code(Bytecode(sender) + Op::selfdestruct);
  execute();
  ASSERT_TRUE(result.success());
  EXPECT_EQ(result.gas_refund, 0u);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
