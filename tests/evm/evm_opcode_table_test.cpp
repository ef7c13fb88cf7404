// SPDX-License-Identifier: Apache-2.0
// The opcode and gas tables against the Yellow Paper (appendix G fee schedule, appendix H.2
// instruction set) and the EIPs that added opcodes since; the dispatcher's shared checks
// (undefined instruction, stack underflow and overflow, base gas) on real code.
#include <gtest/gtest.h>

#include <set>

#include "eth/evm/gas_costs.hpp"
#include "eth/evm/instructions_stack.hpp"
#include "eth/evm/opcode_traits.hpp"
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

// Cancun's instruction set, written out independently of the table: 0x00-0x0b, 0x10-0x1d, 0x20,
// 0x30-0x4a, 0x50-0x5f, PUSH1-32, DUP1-16, SWAP1-16, LOG0-4, 0xf0-0xf5, 0xfa, 0xfd-0xff.
std::set<int> cancun_opcodes() {
  std::set<int> s;
  auto range = [&](int a, int b) {
    for (int i = a; i <= b; ++i)
      s.insert(i);
  };
  range(0x00, 0x0b);
  range(0x10, 0x1d);
  s.insert(0x20);
  range(0x30, 0x4a);
  range(0x50, 0x5f);
  range(0x60, 0x9f);
  range(0xa0, 0xa4);
  range(0xf0, 0xf5);
  s.insert(0xfa);
  range(0xfd, 0xff);
  return s;
}

TEST(EvmOpcodeTable, DefinesExactlyTheCancunInstructionSet) {
  std::set<int> expected = cancun_opcodes();
  EXPECT_EQ(expected.size(), 149u);
  for (int i = 0; i < 256; ++i) {
    EXPECT_EQ(is_defined(static_cast<uint8_t>(i), Revision::cancun), expected.count(i) == 1)
        << "opcode 0x" << std::hex << i;
    EXPECT_EQ(kCancunGas.cost[i] >= 0, expected.count(i) == 1) << "opcode 0x" << std::hex << i;
  }
}

TEST(EvmOpcodeTable, BaseCostsFollowTheYellowPaperTiers) {
  // Appendix G: W_base = 2, W_verylow = 3, W_low = 5, W_mid = 8, W_high = 10, plus the EIP-2929
  // warm cost 100 for the account and storage reads, EIP-3855 PUSH0 and the Cancun additions.
  const std::pair<Op, int> costs[] = {
      {Op::address, 2},
      {Op::origin, 2},
      {Op::caller, 2},
      {Op::callvalue, 2},
      {Op::calldatasize, 2},
      {Op::codesize, 2},
      {Op::gasprice, 2},
      {Op::coinbase, 2},
      {Op::timestamp, 2},
      {Op::number, 2},
      {Op::prevrandao, 2},
      {Op::gaslimit, 2},
      {Op::chainid, 2},
      {Op::returndatasize, 2},
      {Op::pop, 2},
      {Op::pc, 2},
      {Op::msize, 2},
      {Op::gas, 2},
      {Op::basefee, 2},
      {Op::blobbasefee, 2},
      {Op::push0, 2},
      {Op::add, 3},
      {Op::sub, 3},
      {Op::not_, 3},
      {Op::lt, 3},
      {Op::byte, 3},
      {Op::shl, 3},
      {Op::sar, 3},
      {Op::calldataload, 3},
      {Op::mload, 3},
      {Op::mstore8, 3},
      {Op::blobhash, 3},
      {Op::mcopy, 3},
      {Op::mul, 5},
      {Op::sdiv, 5},
      {Op::signextend, 5},
      {Op::selfbalance, 5},
      {Op::addmod, 8},
      {Op::mulmod, 8},
      {Op::jump, 8},
      {Op::jumpi, 10},
      {Op::exp, 10},
      {Op::jumpdest, 1},
      {Op::keccak256, 30},
      {Op::blockhash, 20},
      {Op::balance, 100},
      {Op::sload, 100},
      {Op::extcodehash, 100},
      {Op::call, 100},
      {Op::staticcall, 100},
      {Op::tload, 100},
      {Op::tstore, 100},
      {Op::create, 32000},
      {Op::create2, 32000},
      {Op::selfdestruct, 5000},
      {Op::sstore, 0},
      {Op::log0, 375},
      {Op::log4, 1875},
      {Op::stop, 0},
      {Op::return_, 0},
  };
  for (const auto& [op, cost] : costs)
    EXPECT_EQ(kCancunGas.cost[op_byte(op)], cost) << traits(op).name;
  for (int i = 0; i < 32; ++i)
    EXPECT_EQ(kCancunGas.cost[0x60 + i], 3);
}

TEST(EvmOpcodeTable, StackItemsMatchTheInstructionDefinitions) {
  // (delta, alpha) of appendix H.2 for a sample of every family.
  struct Row {
    Op op;
    int in;
    int out;
  };
  const Row rows[] = {{Op::addmod, 3, 1},       {Op::calldatacopy, 3, 0}, {Op::extcodecopy, 4, 0},
                      {Op::mcopy, 3, 0},        {Op::create2, 4, 1},      {Op::delegatecall, 6, 1},
                      {Op::staticcall, 6, 1},   {Op::callcode, 7, 1},     {Op::log2, 4, 0},
                      {Op::selfdestruct, 1, 0}, {Op::blobhash, 1, 1},     {Op::tstore, 2, 0}};
  for (const Row& r : rows) {
    EXPECT_EQ(traits(r.op).stack_in, r.in) << traits(r.op).name;
    EXPECT_EQ(traits(r.op).stack_out, r.out) << traits(r.op).name;
  }
  for (int n = 1; n <= 16; ++n) {
    const OpcodeTraits& dup = kOpcodeTraits.entries[0x7f + n];
    const OpcodeTraits& swap = kOpcodeTraits.entries[0x8f + n];
    EXPECT_EQ(dup.stack_in, n);
    EXPECT_EQ(dup.stack_out, n + 1);
    EXPECT_EQ(swap.stack_in, n + 1);
    EXPECT_EQ(swap.stack_out, n + 1);
  }
}

class EvmDispatch : public EvmTest {};

TEST_F(EvmDispatch, UndefinedOpcodesHaltExceptionally) {
  for (uint8_t byte : {0x0c, 0x21, 0x4b, 0xa5, 0xef, 0xf6, 0xfb, 0xfc}) {
    auto r = run(Bytecode::raw({byte}), 1000);
    EXPECT_EQ(r.status, EvmStatus::undefined_instruction) << int(byte);
    EXPECT_EQ(r.gas_left, 0);
  }
  EXPECT_EQ(run(Op::invalid, 1000).status, EvmStatus::invalid_instruction);
}

TEST_F(EvmDispatch, StackUnderflowAndOverflow) {
  EXPECT_EQ(run(Bytecode(1) + Op::add, 1000).status, EvmStatus::stack_underflow);
  EXPECT_EQ(run(Op::swap1, 1000).status, EvmStatus::stack_underflow);
  EXPECT_EQ(run(1024 * Bytecode(Op::push0), 100000).status, EvmStatus::success);
  EXPECT_EQ(run(1025 * Bytecode(Op::push0), 100000).status, EvmStatus::stack_overflow);
  // DUP1 on a full stack overflows; SWAP1 does not.
  EXPECT_EQ(run(1024 * Bytecode(Op::push0) + Op::dup1, 100000).status, EvmStatus::stack_overflow);
  EXPECT_EQ(run(1024 * Bytecode(Op::push0) + Op::swap1, 100000).status, EvmStatus::success);
}

TEST_F(EvmDispatch, BaseGasIsChargedBeforeTheInstruction) {
  // PUSH1 (3) PUSH1 (3) ADD (3) POP (2) = 11 gas.
  Bytecode code = Bytecode(1) + Bytecode(2) + Op::add + Op::pop;
  auto r = run(code, 11);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(r.gas_left, 0);
  EXPECT_EQ(run(code, 10).status, EvmStatus::out_of_gas);
}

TEST(EvmInstructions, PushPastTheEndOfCodeReadsZeros) {
  // Yellow Paper §9.4.1: bytes past the code read as zero (STOP), also inside a PUSH immediate.
  base::U256 stack[3];
  StackTop top(&stack[1]);
  const uint8_t code[] = {0x61, 0x01};  // PUSH2 with one byte of its two
  instr::push(top, base::ByteSpan(code, 2), 0, 2);
  EXPECT_EQ(stack[2], U256(0x0100));
  const uint8_t full[] = {0x7f, 0xab};  // PUSH32 with one byte
  instr::push(top, base::ByteSpan(full, 2), 0, 32);
  EXPECT_EQ(stack[2], U256(0xab) << 248);
}

TEST_F(EvmDispatch, JumpsOnlyToJumpdestsOutsidePushData) {
  // 0: PUSH1 4, 2: JUMP, 3: INVALID, 4: JUMPDEST, 5: STOP.
  EXPECT_EQ(run(Bytecode::hex("600456fe5b00"), 1000).status, EvmStatus::success);
  // 0: PUSH1 4, 2: JUMP, 3: PUSH1 0x5b: the 0x5b at offset 4 is push data, not a JUMPDEST.
  EXPECT_EQ(run(Bytecode::hex("600456605b00"), 1000).status, EvmStatus::bad_jump_destination);
  EXPECT_EQ(run(Bytecode::hex("61ffff56"), 1000).status, EvmStatus::bad_jump_destination);
  // JUMPI with a zero condition falls through.
  EXPECT_EQ(run(Bytecode::hex("6000600a5700"), 1000).status, EvmStatus::success);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
