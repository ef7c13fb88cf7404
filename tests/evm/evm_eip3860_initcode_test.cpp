// SPDX-License-Identifier: Apache-2.0
// EIP-3860: Limit and meter initcode
// https://eips.ethereum.org/EIPS/eip-3860
// Initcode is at most 49152 bytes: a longer creating transaction is invalid, a longer CREATE or
// CREATE2 halts exceptionally; each 32-byte word of initcode costs 2 gas, in the intrinsic gas of
// a creating transaction and in CREATE and CREATE2 (which also pay 6 per word for hashing).
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class Eip3860 : public EvmTest {};

TEST_F(Eip3860, IntrinsicGasCountsInitcodeWords) {
  tx.has_to = false;
  tx.data.resize(33);  // two words, all zero: 4 gas each
  EXPECT_EQ(intrinsic_gas(tx), 21000u + 32000u + 2u * 2u + 33u * 4u);
}

TEST_F(Eip3860, CreatingTransactionAboveTheLimitIsInvalid) {
  tx.has_to = false;
  tx.gas_limit = 10000000;
  tx.data.resize(kMaxInitcodeSize);
  execute();
  EXPECT_EQ(result.error, TxError::none);
  tx.data.resize(kMaxInitcodeSize + 1);
  execute();
  EXPECT_EQ(result.error, TxError::initcode_too_large);
  EXPECT_EQ(post[sender].nonce, 0u);
}

TEST_F(Eip3860, CreateAboveTheLimitHaltsExceptionally) {
  pre[contract_address()].balance = U256(0);
  auto ok = run(create(Op::create, 0, 0, kMaxInitcodeSize) + ret_top(), 1000000);
  EXPECT_EQ(ok.status, EvmStatus::success);
  auto too_large = run(create(Op::create, 0, 0, kMaxInitcodeSize + 1) + ret_top(), 1000000);
  EXPECT_EQ(too_large.status, EvmStatus::out_of_gas);
  EXPECT_EQ(too_large.gas_left, 0);
  auto too_large2 = run(create(Op::create2, 0, 0, kMaxInitcodeSize + 1) + ret_top(), 1000000);
  EXPECT_EQ(too_large2.status, EvmStatus::out_of_gas);
}

TEST_F(Eip3860, CreateChargesPerInitcodeWord) {
  // Empty-code initcode of 64 zero bytes (STOPs): CREATE pays 32000 + 2 * 2 + memory (2 words);
  // CREATE2 also 6 * 2 for hashing. The child runs STOP at once and returns all its gas.
  auto measured = [&](Op op) {
    auto r = run(create(op, 0, 0, 64) + Op::pop, 1000000);
    EXPECT_EQ(r.status, EvmStatus::success);
    return gas_used(r, 1000000);
  };
  int64_t pushes_create = 3 * 3;
  EXPECT_EQ(measured(Op::create), pushes_create + 32000 + 4 + 6 + 2);
  EXPECT_EQ(measured(Op::create2), pushes_create + 3 + 32000 + 4 + 12 + 6 + 2);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
