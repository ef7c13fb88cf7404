// SPDX-License-Identifier: Apache-2.0
// EIP-6780: SELFDESTRUCT only in same transaction
// https://eips.ethereum.org/EIPS/eip-6780
// SELFDESTRUCT always moves the balance to the beneficiary, but deletes the account (code,
// storage, nonce) only when the contract was created in the same transaction; its gas is 5000,
// plus 2600 for a cold beneficiary (EIP-2929) and 25000 when value goes to an empty account.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class Eip6780 : public EvmTest {
 protected:
  const Address beneficiary = address_of(0xbe4e);
};

TEST_F(Eip6780, ExistingContractKeepsCodeAndStorage) {
  pre[contract_address()].balance = U256(1000);
  pre[contract_address()].storage[U256(1)] = U256(2);
  pre[beneficiary].nonce = 1;  // not empty: no new-account charge
  execute(Bytecode(beneficiary) + Op::selfdestruct);
  ASSERT_TRUE(result.success());
  ASSERT_EQ(post.count(contract_address()), 1u);
  EXPECT_EQ(post[contract_address()].balance, U256(0));
  EXPECT_FALSE(post[contract_address()].code.empty());
  EXPECT_EQ(post_storage(1), U256(2));
  EXPECT_EQ(post[beneficiary].balance, U256(1000));
}

TEST_F(Eip6780, ToItselfKeepsTheBalance) {
  pre[contract_address()].balance = U256(1000);
  execute(Bytecode(contract_address()) + Op::selfdestruct);
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post[contract_address()].balance, U256(1000));
}

TEST_F(Eip6780, CreatedInTheSameTransactionIsDeleted) {
  // The initcode stores a slot and self-destructs to the beneficiary with the value it got.
  Bytecode initcode = sstore(1, 1) + Bytecode(beneficiary) + Op::selfdestruct;
  tx.has_to = false;
  tx.value = U256(500);
  for (uint8_t b : initcode.bytes())
    tx.data.push_back(b);
  execute();
  ASSERT_TRUE(result.success());
  Address created = create_address(sender, 0);
  EXPECT_EQ(post.count(created), 0u);
  EXPECT_EQ(post[beneficiary].balance, U256(500));
}

TEST_F(Eip6780, CreatedAndToItselfBurnsTheBalance) {
  // A factory creates a child whose initcode self-destructs to itself with 700 wei.
  Bytecode child = Bytecode(Op::address) + Op::selfdestruct;
  Bytecode factory =
      store_bytes(child.bytes()) + create(Op::create, 700, 0, child.size()) + store_top(0);
  pre[contract_address()].balance = U256(1000);
  execute(factory, 200000);
  ASSERT_TRUE(result.success());
  Address created = create_address(contract_address(), 0);
  EXPECT_EQ(post_storage(0), to_word(created));
  EXPECT_EQ(post.count(created), 0u);
  EXPECT_EQ(post[contract_address()].balance, U256(300));
}

TEST_F(Eip6780, Gas) {
  // PUSH20 (3) + SELFDESTRUCT 5000 + cold beneficiary 2600; + 25000 for value to an empty one.
  pre[beneficiary].nonce = 1;
  auto r = run(Bytecode(beneficiary) + Op::selfdestruct, 100000);
  EXPECT_EQ(gas_used(r, 100000), 3 + 5000 + 2600);
  pre.erase(beneficiary);
  r = run(Bytecode(beneficiary) + Op::selfdestruct, 100000);  // no balance: no charge
  EXPECT_EQ(gas_used(r, 100000), 3 + 5000 + 2600);
  pre[contract_address()].balance = U256(1);
  r = run(Bytecode(beneficiary) + Op::selfdestruct, 100000);
  EXPECT_EQ(gas_used(r, 100000), 3 + 5000 + 2600 + 25000);
}

TEST_F(Eip6780, ForbiddenInStaticFrames) {
  const Address other = address_of(0x07e4);
  set_code(Bytecode(beneficiary) + Op::selfdestruct, other);
  auto r = run(call(Op::staticcall, Op::gas, other) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(0));
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
