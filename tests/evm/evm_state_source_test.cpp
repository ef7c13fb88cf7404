// SPDX-License-Identifier: Apache-2.0
// The State over a StateSource: every account, slot and code is read at most once, new accounts
// never reach the source's storage, and a read the source cannot answer (a witness without the
// node) stops the transaction with an error that names the account and slot, never a guess.
#include <cstring>

#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class StateSourceTest : public EvmTest {
 protected:
  // Executes with `source` prepared by `prepare` and returns the error message, "" on success.
  std::string execute_with_gap(const std::function<void(MapStateSource&)>& prepare) {
    source = std::make_unique<MapStateSource>();
    source->world = pre;
    prepare(*source);
    state = std::make_unique<State>(*source);
    auto r = execute_transaction(*state, block, tx, sender, 0, 0);
    if (r.ok()) return "";
    char message[256];
    state->describe_failure(r.error(), message, sizeof(message));
    return message;
  }
};

TEST_F(StateSourceTest, ReadsAreCached) {
  pre[contract_address()].storage[U256(1)] = U256(5);
  execute(sload(1) + Op::pop + sload(1) + Op::pop + Bytecode(contract_address()) + Op::extcodesize +
          Op::pop + Op::codesize + Op::pop);
  ASSERT_TRUE(result.success());
  EXPECT_EQ(source->storage_reads, 1);
  EXPECT_EQ(source->code_reads, 1);
}

TEST_F(StateSourceTest, NewAccountsNeverReachTheSourceStorage) {
  Bytecode init = sload(3) + Op::pop + sstore(3, 1);
  tx.has_to = false;
  for (uint8_t b : init.bytes())
    tx.data.push_back(b);
  execute();
  ASSERT_TRUE(result.success());
  EXPECT_EQ(source->storage_reads, 0);
  EXPECT_EQ(post[create_address(sender, 0)].storage[U256(3)], U256(1));
}

TEST_F(StateSourceTest, MissingAccountNamesTheAddress) {
  const Address other = address_of(0xabcdef);
  set_code(Bytecode(other) + Op::balance);
  std::string message =
      execute_with_gap([&](MapStateSource& s) { s.missing_accounts.insert(other); });
  EXPECT_EQ(message, "witness lacks node for account " + to_hex(other));
}

TEST_F(StateSourceTest, MissingSlotNamesAccountAndSlot) {
  pre[contract_address()].storage[U256(1)] = U256(5);
  set_code(sload(0x1234) + Op::pop);
  std::string message = execute_with_gap([&](MapStateSource& s) {
    s.missing_slots.insert({contract_address(), U256(0x1234)});
  });
  EXPECT_EQ(message, "witness lacks node for account " + to_hex(contract_address()) + " slot " +
                         to_hex(U256(0x1234).to_bytes32()));
}

TEST_F(StateSourceTest, MissingCodeNamesTheHash) {
  set_code(Bytecode(Op::stop));
  std::string message =
      execute_with_gap([&](MapStateSource& s) { s.missing_code.insert(contract_address()); });
  EXPECT_NE(message.find("witness lacks code for account " + to_hex(contract_address())),
            std::string::npos)
      << message;
}

TEST_F(StateSourceTest, MissingSenderStopsValidation) {
  std::string message =
      execute_with_gap([&](MapStateSource& s) { s.missing_accounts.insert(sender); });
  EXPECT_EQ(message, "witness lacks node for account " + to_hex(sender));
}

TEST_F(StateSourceTest, GapsInsideRevertedFramesStillStop) {
  // A read inside a frame that later reverts is still needed: the answer decides the gas used.
  const Address other = address_of(0xabcdef);
  const Address callee = address_of(0xca11ee);
  set_code(Bytecode(other) + Op::balance + Op::pop + revert(0, 0), callee);
  set_code(call(Op::call, Op::gas, callee) + Op::pop);
  std::string message =
      execute_with_gap([&](MapStateSource& s) { s.missing_accounts.insert(other); });
  EXPECT_EQ(message, "witness lacks node for account " + to_hex(other));
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
