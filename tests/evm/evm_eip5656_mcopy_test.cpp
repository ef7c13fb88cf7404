// SPDX-License-Identifier: Apache-2.0
// EIP-5656: MCOPY - Memory copying instruction
// https://eips.ethereum.org/EIPS/eip-5656
// The EIP's test cases: each copy costs 3 + 3 per word (6 for one word, no expansion), overlapping
// copies behave like memmove, and expansion covers the larger of source and destination.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class Eip5656 : public EvmTest {
 protected:
  // Writes `memory` from offset 0, runs MCOPY(dst, src, size) and returns the memory.
  Blob copy(const Blob& memory, uint64_t dst, uint64_t src, uint64_t size) {
    auto r = run(store_bytes(memory) + mcopy(dst, src, size) + ret(0, memory.size()), 1000000);
    EXPECT_EQ(r.status, EvmStatus::success);
    return Blob(r.output.begin(), r.output.end());
  }
};

Blob bytes_of_hex(const char* hex) {
  return from_hex(hex);
}

TEST_F(Eip5656, CopyOneWordForward) {
  // MCOPY 0 32 32.
  Blob before = bytes_of_hex(
      "0000000000000000000000000000000000000000000000000000000000000000"
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  Blob after = bytes_of_hex(
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  EXPECT_EQ(copy(before, 0, 32, 32), after);
}

TEST_F(Eip5656, CopyOntoItself) {
  // MCOPY 0 0 32.
  Blob before(32, 0x01);
  EXPECT_EQ(copy(before, 0, 0, 32), before);
}

TEST_F(Eip5656, OverlappingCopies) {
  Blob before = bytes_of_hex("0001020304050607080000000000000000000000000000000000000000000000");
  // MCOPY 0 1 8.
  EXPECT_EQ(copy(before, 0, 1, 8),
            bytes_of_hex("0102030405060708080000000000000000000000000000000000000000000000"));
  // MCOPY 1 0 8.
  EXPECT_EQ(copy(before, 1, 0, 8),
            bytes_of_hex("0000010203040506070000000000000000000000000000000000000000000000"));
}

TEST_F(Eip5656, OneWordCopyCostsSix) {
  // PUSH PUSH PUSH (9) + MCOPY 3 + 3 per word: memory is already one word.
  auto r = run(mstore(0, 1) + Op::gas + mcopy(0, 1, 8) + Op::gas + Op::swap1 + Op::sub + ret_top(),
               100000);
  EXPECT_EQ(output_word(r), U256(9 + 6 + 2));
}

TEST_F(Eip5656, ExpansionCoversTheLargerRegion) {
  // MCOPY(0, 64, 32) on empty memory grows it to 3 words (9), copy 1 word (3).
  auto r = run(Op::gas + mcopy(0, 64, 32) + Op::gas + Op::swap1 + Op::sub + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(9 + 3 + 3 + 9 + 2));
  r = run(mcopy(64, 0, 32) + Op::msize + ret_top(), 100000);
  EXPECT_EQ(output_word(r), U256(96));
}

TEST_F(Eip5656, ZeroLengthCopiesIgnoreOffsets) {
  auto r = run(mcopy(U256::max(), U256::max(), 0) + Op::msize + ret_top(), 100000);
  EXPECT_EQ(r.status, EvmStatus::success);
  EXPECT_EQ(output_word(r), U256(0));
  EXPECT_EQ(run(mcopy(0, U256(1) << 40, 1), 1000000).status, EvmStatus::out_of_gas);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
