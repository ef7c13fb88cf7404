// SPDX-License-Identifier: Apache-2.0
// Message calls (Yellow Paper §8): the 63/64 rule (EIP-150), the value stipend, the depth limit,
// static frames (EIP-214), return data (EIP-211), REVERT (EIP-140), and the contexts of
// DELEGATECALL (EIP-7) and CALLCODE.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class EvmCalls : public EvmTest {
 protected:
  const Address callee = address_of(0xca11ee);
};

TEST_F(EvmCalls, AllButOneSixtyFourth) {
  // The callee returns the gas it sees after its first instruction (GAS costs 2).
  set_code(Bytecode(Op::gas) + ret_top(), callee);
  const int64_t gas = 100000;
  auto r = run(call(Op::call, U256::max(), callee, 0, 0, 0, 0, 32) + Op::pop + mload(0) + ret_top(),
               gas);
  ASSERT_EQ(r.status, EvmStatus::success);
  // Before the cap: seven pushes, CALL 100 + cold 2500, one word of memory for the output.
  int64_t left = gas - 7 * 3 - 2600 - 3;
  EXPECT_EQ(output_word(r), U256(static_cast<uint64_t>(left - left / 64 - 2)));
}

TEST_F(EvmCalls, RequestedGasBelowTheCapIsPassedExactly) {
  set_code(Bytecode(Op::gas) + ret_top(), callee);
  auto r =
      run(call(Op::call, 5000, callee, 0, 0, 0, 0, 32) + Op::pop + mload(0) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(5000 - 2));
}

TEST_F(EvmCalls, ValueTransferAddsTheStipend) {
  pre[contract_address()].balance = U256(10);
  set_code(Bytecode(Op::gas) + ret_top(), callee);
  auto r = run(call(Op::call, 0, callee, 1, 0, 0, 0, 32) + Op::pop + mload(0) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(2300 - 2));
  EXPECT_EQ(post[callee].balance, U256(1));
  EXPECT_EQ(post[contract_address()].balance, U256(9));
}

TEST_F(EvmCalls, ValueToAnEmptyAccountPaysForIt) {
  pre[contract_address()].balance = U256(10);
  const Address fresh = address_of(0xf4e5);
  auto r = run(call(Op::call, 0, fresh, 1) + Op::pop, 100000);
  // Seven pushes, CALL 100 + cold 2500 + value 9000 + new account 25000, POP. The callee has no
  // code, so the 2300 stipend comes back unused, and the caller, which never paid for it, gains it.
  EXPECT_EQ(gas_used(r, 100000), 7 * 3 + 2600 + 9000 + 25000 + 2 - 2300);
  EXPECT_EQ(post[fresh].balance, U256(1));
}

TEST_F(EvmCalls, InsufficientBalanceFailsWithoutConsumingGas) {
  set_code(sstore(0, 1), callee);
  auto r = run(call(Op::call, 50000, callee, 1) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(0));
  // Only the call's own costs (and the unused stipend returned): no child ran.
  EXPECT_EQ(post_storage(0, callee), U256(0));
  EXPECT_LT(gas_used(r, 100000), 7 * 3 + 2600 + 9000 + 100);
}

TEST_F(EvmCalls, DepthLimitIs1024) {
  // Each frame counts itself in transient storage and calls itself with all its gas. Frames at
  // depths 0..1024 run; the call from depth 1024 fails. The count is stored at depth 0.
  Bytecode body = tstore(0, Bytecode(1) + tload(0) + Op::add) +
                  call(Op::call, Op::gas, contract_address()) + Op::pop;
  // Only the outermost frame (CALLER == ORIGIN) stores the count; the others jump to the end.
  Bytecode tail = sstore(0, tload(0));
  const uint64_t skip = body.size() + 8 + tail.size();  // position of the final JUMPDEST
  Bytecode program = body + Op::caller + Op::origin + Op::eq + Op::iszero + push_n(2, U256(skip)) +
                     Op::jumpi + tail + Op::jumpdest;
  ASSERT_EQ(program.bytes()[skip], op_byte(Op::jumpdest));
  auto r = run(program, int64_t{1} << 40);
  ASSERT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(post_storage(0), U256(1025));
}

TEST_F(EvmCalls, StaticFramesRejectStateChanges) {
  pre[callee].balance = U256(1);
  const Address target = address_of(0x7a46);
  const Bytecode changes[] = {
      sstore(0, 1),
      Bytecode(0) + Bytecode(0) + Op::log0,
      tstore(0, 1),
      create(Op::create, 0, 0, 0),
      Bytecode(target) + Op::selfdestruct,
      call(Op::call, Op::gas, target, 1),
  };
  for (const Bytecode& change : changes) {
    set_code(change, callee);
    auto r = run(call(Op::staticcall, Op::gas, callee) + ret_top(), 200000);
    EXPECT_EQ(output_word(r), U256(0));
  }
  // A value-less CALL and reads are fine.
  set_code(call(Op::call, Op::gas, target) + Op::pop + sload(0) + Op::pop, callee);
  auto r = run(call(Op::staticcall, Op::gas, callee) + ret_top(), 200000);
  EXPECT_EQ(output_word(r), U256(1));
}

TEST_F(EvmCalls, ReturnDataAndItsBounds) {
  set_code(mstore(0, U256(0x0102030405)) + ret(27, 5), callee);
  auto r = run(call(Op::call, Op::gas, callee) + Op::pop + Op::returndatasize + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(5));
  // Copy the last three bytes: fine. One byte too many: an exceptional halt.
  r = run(call(Op::call, Op::gas, callee) + Op::pop + Bytecode(3) + Bytecode(2) + Bytecode(29) +
              Op::returndatacopy + ret(0, 32),
          100000);
  ASSERT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(r.output[29], 0x03);
  EXPECT_EQ(r.output[31], 0x05);
  r = run(call(Op::call, Op::gas, callee) + Op::pop + Bytecode(4) + Bytecode(2) + Bytecode(0) +
              Op::returndatacopy,
          100000);
  EXPECT_EQ(r.status, EvmStatus::invalid_memory_access);
  EXPECT_EQ(r.gas_left, 0);
}

TEST_F(EvmCalls, RevertKeepsGasAndDataButNotState) {
  set_code(sstore(0, 1) + mstore(0, 0xaa) + revert(31, 1), callee);
  auto r =
      run(call(Op::call, 50000, callee, 0, 0, 0, 0, 1) + store_top(1) + mload(0) + store_top(2),
          200000);
  ASSERT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(post_storage(1), U256(0));            // the call failed
  EXPECT_EQ(post_storage(2), U256(0xaa) << 248);  // but its data was copied
  EXPECT_EQ(post_storage(0, callee), U256(0));    // and its write undone
  // The reverted child used far less than the 50000 it was given; the rest came back.
  EXPECT_LT(gas_used(r, 200000), 50000);
}

TEST_F(EvmCalls, DelegatecallKeepsCallerAndValue) {
  set_code(sstore(0, Op::caller) + sstore(1, Op::callvalue) + sstore(2, Op::address), callee);
  set_code(call(Op::delegatecall, Op::gas, callee));
  tx.value = U256(3);
  execute(Bytecode::raw(pre[contract_address()].code), 200000);
  ASSERT_TRUE(result.success());
  EXPECT_EQ(post_storage(0), to_word(sender));
  EXPECT_EQ(post_storage(1), U256(3));
  EXPECT_EQ(post_storage(2), to_word(contract_address()));
  EXPECT_EQ(post_storage(0, callee), U256(0));
}

TEST_F(EvmCalls, CallcodeRunsOnTheCallersAccount) {
  set_code(sstore(0, Op::caller) + sstore(1, Op::callvalue), callee);
  pre[contract_address()].balance = U256(5);
  auto r = run(call(Op::callcode, Op::gas, callee, 2), 200000);
  ASSERT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(post_storage(0), to_word(contract_address()));
  EXPECT_EQ(post_storage(1), U256(2));
  EXPECT_EQ(post[contract_address()].balance, U256(5));  // value "sent" to itself
}

TEST_F(EvmCalls, CallsToPrecompiles) {
  // IDENTITY (0x04): 15 + 3 per word; the output lands in memory.
  Address identity{};
  identity.bytes[19] = 4;
  auto r = run(mstore(0, 0x1234) + call(Op::staticcall, Op::gas, identity, 0, 0, 32, 32, 32) +
                   Op::pop + mload(32) + ret_top(),
               100000);
  EXPECT_EQ(output_word(r), U256(0x1234));
  // With too little gas the precompile fails and consumes what it was given.
  r = run(call(Op::staticcall, 17, identity, 0, 0, 32, 0, 0) + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(0));
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
