// SPDX-License-Identifier: Apache-2.0
// EIP-170: Contract code size limit
// https://eips.ethereum.org/EIPS/eip-170
// EIP-3541: Reject new contract code starting with the 0xEF byte
// https://eips.ethereum.org/EIPS/eip-3541
// Deployed code is at most 24576 bytes, may not start with 0xEF, and costs 200 gas per byte; a
// creation that breaks a rule fails, consumes its gas and leaves no account.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class CodeRules : public EvmTest {
 protected:
  // Initcode that returns `size` bytes of memory whose first byte is `first`.
  static Bytecode returning(uint64_t size, uint8_t first) {
    return mstore8(0, first) + ret(0, size);
  }
  // Runs a creating transaction with `initcode`.
  void create_with(const Bytecode& initcode, uint64_t gas = 10000000) {
    tx.has_to = false;
    tx.gas_limit = gas;
    tx.data.clear();
    for (uint8_t b : initcode.bytes())
      tx.data.push_back(b);
    execute();
  }
};

TEST_F(CodeRules, MaximumCodeSizeDeploys) {
  create_with(returning(kMaxCodeSize, 0x00));
  ASSERT_TRUE(result.success());
  Address created = create_address(sender, 0);
  EXPECT_EQ(result.contract_address, created);
  EXPECT_EQ(post[created].code.size(), kMaxCodeSize);
  EXPECT_EQ(post[created].nonce, 1u);  // EIP-161
}

TEST_F(CodeRules, OneByteMoreFails) {
  create_with(returning(kMaxCodeSize + 1, 0x00));
  EXPECT_EQ(result.error, TxError::none);
  EXPECT_EQ(result.status, EvmStatus::code_size_exceeded);
  EXPECT_EQ(result.gas_used, tx.gas_limit);
  EXPECT_EQ(post.count(create_address(sender, 0)), 0u);
  EXPECT_EQ(post[sender].nonce, 1u);  // the nonce still went up
}

TEST_F(CodeRules, CodeStartingWithEfIsRejected) {
  for (uint64_t size : {1, 2, 32}) {
    create_with(returning(size, 0xef));
    EXPECT_EQ(result.status, EvmStatus::contract_validation_failure) << size;
    EXPECT_EQ(post.count(create_address(sender, 0)), 0u);
  }
  create_with(mstore8(1, 0xef) + ret(0, 2));  // 0xEF elsewhere is fine
  EXPECT_TRUE(result.success());
  create_with(ret(0, 0));  // empty code too
  EXPECT_TRUE(result.success());
}

TEST_F(CodeRules, DepositCostsTwoHundredPerByte) {
  // Intrinsic gas of the initcode plus its execution, plus 200 * 10 for the deposit.
  Bytecode initcode = returning(10, 0x00);
  create_with(initcode);
  ASSERT_TRUE(result.success());
  uint64_t execution = 3 + 3 + 3 + 3 + 3 + 3;  // PUSH PUSH MSTORE8 (+memory) PUSH PUSH RETURN
  EXPECT_EQ(result.gas_used, intrinsic_gas(tx) + execution + 200 * 10);
  // With gas for everything but the deposit, the creation fails and uses all gas.
  create_with(initcode, intrinsic_gas(tx) + execution + 200 * 10 - 1);
  EXPECT_EQ(result.status, EvmStatus::out_of_gas);
  EXPECT_EQ(result.gas_used, tx.gas_limit);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
