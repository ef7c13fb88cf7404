// SPDX-License-Identifier: Apache-2.0
// EIP-1153: Transient storage opcodes
// https://eips.ethereum.org/EIPS/eip-1153
// TLOAD and TSTORE cost 100 gas, see the same storage from every frame of the contract, are
// undone with a reverted frame, forbidden in static frames, and cleared when the transaction ends.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class Eip1153 : public EvmTest {};

TEST_F(Eip1153, StoreThenLoadInOneFrame) {
  auto r = run(tstore(1, 0x42) + tload(1) + ret_top(), 10000);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(output_word(r), U256(0x42));
  EXPECT_EQ(run(tload(7) + ret_top(), 10000).output[31], 0);
}

TEST_F(Eip1153, CostsAreWarmStorageReads) {
  // PUSH PUSH TSTORE (100) + PUSH TLOAD (100) + POP: no cold surcharge, no set cost.
  auto r = run(tstore(1, 2) + tload(1) + Op::pop, 1000);
  EXPECT_EQ(gas_used(r, 1000), 3 + 3 + 100 + 3 + 100 + 2);
}

TEST_F(Eip1153, NotPersistentStorage) {
  auto r = run(tstore(1, 5) + sload(1) + ret_top(), 10000);
  EXPECT_EQ(output_word(r), U256(0));
  EXPECT_EQ(post_storage(1), U256(0));
}

TEST_F(Eip1153, SharedAcrossFramesOfTheSameContract) {
  // The contract calls itself: the inner frame finds the outer frame's transient value (so it
  // takes the jump) and stores it in persistent storage.
  Bytecode outer = tstore(0, 0x99) + call(Op::call, Op::gas, contract_address()) + Op::stop;
  const uint64_t inner = 6 + outer.size();  // PUSH1 0, TLOAD, PUSH1 inner, JUMPI, outer
  Bytecode code = Bytecode(0) + Op::tload + Bytecode(inner) + Op::jumpi + outer + Op::jumpdest +
                  sstore(1, tload(0));
  ASSERT_EQ(code.bytes()[inner], op_byte(Op::jumpdest));
  execute(code, 200000);
  EXPECT_TRUE(result.success());
  EXPECT_EQ(post_storage(1), U256(0x99));
}

TEST_F(Eip1153, SeparatePerAddress) {
  const Address other = address_of(0x07e4);
  set_code(tload(1) + ret_top(), other);
  auto r = run(tstore(1, 7) + call(Op::call, Op::gas, other, 0, 0, 0, 0, 32) + Op::pop + mload(0) +
                   ret_top(),
               100000);
  EXPECT_EQ(output_word(r), U256(0));
}

TEST_F(Eip1153, RevertedFrameUndoesTstore) {
  const Address other = address_of(0x07e4);
  // `other` writes its own transient slot, then reverts; a second call reads it.
  Bytecode write = tstore(1, 5) + revert(0, 0);
  const uint64_t read = 6 + write.size();  // PUSH1 0, CALLDATALOAD, PUSH1 read, JUMPI, write
  set_code(Bytecode(0) + Op::calldataload + Bytecode(read) + Op::jumpi + write + Op::jumpdest +
               tload(1) + ret_top(),
           other);
  ASSERT_EQ(pre[other].code[read], op_byte(Op::jumpdest));
  Bytecode caller = call(Op::call, Op::gas, other) + Op::pop +  // tstore, revert
                    mstore(0, 1) + call(Op::call, Op::gas, other, 0, 0, 32, 0, 32) + Op::pop +
                    mload(0) + ret_top();
  auto r = run(caller, 200000);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(output_word(r), U256(0));
}

TEST_F(Eip1153, TstoreInStaticFrameFails) {
  const Address other = address_of(0x07e4);
  set_code(tstore(1, 1), other);
  auto r = run(call(Op::staticcall, Op::gas, other) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(0));
  set_code(tload(1) + Op::pop, other);  // TLOAD is allowed
  r = run(call(Op::staticcall, Op::gas, other) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(1));
}

TEST_F(Eip1153, ClearedBetweenTransactions) {
  // Two transactions on one State: the second sees nothing of the first's transient storage.
  set_code(Bytecode(0) + Op::tload + Bytecode(1) + Op::sstore + tstore(0, 0x77));
  execute();
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post_storage(1), U256(0));
  tx.nonce = 1;
  auto second = execute_transaction(*state, block, tx, sender, result.gas_used, 0);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->success());
  TestWorld after = pre;
  apply_post_state(*state, after);
  EXPECT_TRUE(after[contract_address()].storage.empty());
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
