// SPDX-License-Identifier: Apache-2.0
// EIP-3855: PUSH0 instruction
// https://eips.ethereum.org/EIPS/eip-3855
// PUSH0 (0x5f) pushes zero for 2 gas, has no immediate, and obeys the stack limit.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class Eip3855 : public EvmTest {};

TEST_F(Eip3855, PushesZeroForTwoGas) {
  auto r = run(Bytecode(Op::push0) + Op::pop, 100);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(gas_used(r, 100), 2 + 2);
  r = run(Bytecode(1) + Op::push0 + ret_top(), 100);  // ret_top stores PUSH0's zero
  EXPECT_EQ(output_word(r), U256(0));
}

TEST_F(Eip3855, HasNoImmediate) {
  // 5f 60 07: PUSH0 then PUSH1 7; the 0x60 is an instruction, not data.
  auto r = run(Bytecode::hex("5f6007") + Op::add + ret_top(), 100);
  EXPECT_EQ(output_word(r), U256(7));
}

TEST_F(Eip3855, StackLimit) {
  EXPECT_EQ(run(1024 * Bytecode(Op::push0), 5000).status, EvmStatus::success);
  EXPECT_EQ(run(1025 * Bytecode(Op::push0), 5000).status, EvmStatus::stack_overflow);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
