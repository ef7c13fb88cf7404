// SPDX-License-Identifier: Apache-2.0
// Memory and its expansion cost (Yellow Paper §9.4 and appendix H.1: C_mem(a) = 3a + a^2/512 for
// a words, charged on the growth), copies (3 per word), KECCAK256 (30 + 6 per word), and zero-size
// accesses that cost nothing whatever their offset.
#include "evm_fixture.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class EvmMemory : public EvmTest {};

TEST_F(EvmMemory, MstoreChargesTheFirstWord) {
  // PUSH (3) PUSH (3) MSTORE (3) + one word (3).
  auto r = run(mstore(0, 1), 100);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(gas_used(r, 100), 12);
}

TEST_F(EvmMemory, GrowthIsChargedOnlyOnce) {
  // MLOAD at 32 grows to 2 words (6); a second MLOAD at 0 grows nothing.
  auto r = run(mload(32) + Op::pop + mload(0) + Op::pop, 1000);
  EXPECT_EQ(gas_used(r, 1000), (3 + 3 + 6 + 2) + (3 + 3 + 2));
}

TEST_F(EvmMemory, QuadraticTermAtOneThousandWords) {
  // MSTORE8 at 32767 grows memory to 1024 words: 3 * 1024 + 1024^2 / 512 = 5120.
  auto r = run(mstore8(32767, 1), 10000);
  EXPECT_EQ(gas_used(r, 10000), 3 + 3 + 3 + 5120);
  auto size = run(mstore8(32767, 1) + Op::msize + ret_top(), 10000);
  EXPECT_EQ(output_word(size), U256(32768));
}

TEST_F(EvmMemory, MsizeRoundsUpToWords) {
  auto r = run(mstore8(33, 1) + Op::msize + ret_top(), 1000);
  EXPECT_EQ(output_word(r), U256(64));
}

TEST_F(EvmMemory, HugeOffsetsRunOutOfGas) {
  auto r = run(mstore(U256(1) << 32, 1), 1000000);
  EXPECT_EQ(r.status, EvmStatus::out_of_gas);
  EXPECT_EQ(r.gas_left, 0);
  r = run(mload(U256::max()), 1000000);
  EXPECT_EQ(r.status, EvmStatus::out_of_gas);
}

TEST_F(EvmMemory, ZeroSizeAccessesIgnoreTheOffset) {
  // CALLDATACOPY(2^255, 0, 0): three pushes and the base cost, no expansion, no copy cost.
  auto r = run(Bytecode(0) + Bytecode(0) + Bytecode(U256(1) << 255) + Op::calldatacopy, 100);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(gas_used(r, 100), 12);
  r = run(ret(U256::max(), 0), 100);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_TRUE(r.output.empty());
}

TEST_F(EvmMemory, CopiesChargeThreePerWord) {
  // CALLDATACOPY(0, 0, 33): base 3 + copy 2 words (6) + memory 2 words (6).
  Blob input(33, 0xaa);
  auto r = run(Bytecode(33) + Bytecode(0) + Bytecode(0) + Op::calldatacopy, 1000, input);
  EXPECT_EQ(gas_used(r, 1000), 3 + 3 + 3 + 3 + 6 + 6);
}

TEST_F(EvmMemory, CalldataReadsPastTheEndAsZeros) {
  Blob input = {0x11, 0x22};
  auto r = run(calldataload(1) + ret_top(), 1000, input);
  EXPECT_EQ(output_word(r), U256(0x22) << 248);
}

TEST_F(EvmMemory, Keccak256OfMemory) {
  // keccak256("") is the empty code hash (Yellow Paper §4.1).
  auto r = run(Bytecode(0) + Bytecode(0) + Op::keccak256 + ret_top(), 1000);
  EXPECT_EQ(output_word(r), U256::from_bytes32(kEmptyCodeHash));
  // 30 + 6 per word + memory: KECCAK256(0, 33) costs 30 + 12 + 6 (two words).
  r = run(Bytecode(33) + Bytecode(0) + Op::keccak256 + Op::pop, 1000);
  EXPECT_EQ(gas_used(r, 1000), 3 + 3 + 30 + 12 + 6 + 2);
}

TEST_F(EvmMemory, ReturnCopiesMemory) {
  auto r = run(mstore(0, U256(0x0102)) + ret(30, 2), 1000);
  ASSERT_EQ(r.output.size(), 2u);
  EXPECT_EQ(r.output[0], 0x01);
  EXPECT_EQ(r.output[1], 0x02);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
