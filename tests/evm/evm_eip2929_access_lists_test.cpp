// SPDX-License-Identifier: Apache-2.0
// EIP-2929: Gas cost increases for state access opcodes
// https://eips.ethereum.org/EIPS/eip-2929
// EIP-2930: Optional access lists
// https://eips.ethereum.org/EIPS/eip-2930
// EIP-3651: Warm COINBASE
// https://eips.ethereum.org/EIPS/eip-3651
// First access to an account costs 2600 and to a slot 2100, later ones 100; the sender, the
// recipient, the precompiles, the coinbase and the access list start warm; a reverted frame
// forgets what it warmed.
#include "evm_fixture.hpp"

namespace zkbatch::eth::evm::test {
namespace {

class Eip2929 : public EvmTest {};

TEST_F(Eip2929, SloadColdThenWarm) {
  // PUSH SLOAD POP twice: 3 + 2100 + 2, then 3 + 100 + 2.
  auto r = run(sload(1) + Op::pop + sload(1) + Op::pop, 10000);
  EXPECT_EQ(gas_used(r, 10000), (3 + 2100 + 2) + (3 + 100 + 2));
}

TEST_F(Eip2929, AccountAccessColdThenWarm) {
  const Address a = address_of(0xacc0);
  for (Op op : {Op::balance, Op::extcodesize, Op::extcodehash}) {
    auto r = run(Bytecode(a) + op + Op::pop + Bytecode(a) + op + Op::pop, 10000);
    EXPECT_EQ(gas_used(r, 10000), (3 + 2600 + 2) + (3 + 100 + 2)) << traits(op).name;
  }
}

TEST_F(Eip2929, TransactionAddressesStartWarm) {
  // The sender, the contract itself, the coinbase (EIP-3651) and every precompile are warm.
  Address sha256{};
  sha256.bytes[19] = 2;
  for (const Address& a : {sender, contract_address(), coinbase_address(), sha256}) {
    auto r = run(Bytecode(a) + Op::balance + Op::pop, 10000);
    EXPECT_EQ(gas_used(r, 10000), 3 + 100 + 2);
  }
}

TEST_F(Eip2929, AccessListWarmsAddressesAndSlots) {
  const Address a = address_of(0xacc0);
  // BALANCE(a) and SLOAD(5) each warm: 3 + 100 + 2 twice, plus STOP.
  Bytecode code = Bytecode(a) + Op::balance + Op::pop + sload(5) + Op::pop;
  tx.type = TxType::access_list;
  tx.has_chain_id = true;
  tx.chain_id = 1;
  AccessListEntry entry;
  entry.address = a;
  tx.access_list.push_back(entry);
  AccessListEntry self;
  self.address = contract_address();
  self.first_key = 0;
  self.key_count = 1;
  tx.access_list.push_back(self);
  base::Bytes32 key = U256(5).to_bytes32();
  tx.access_list_keys.push_back(key);
  execute(code, 100000);
  ASSERT_TRUE(result.success());
  // Intrinsic: 21000 + 2 * 2400 + 1900.
  EXPECT_EQ(intrinsic_gas(tx), 21000u + 4800u + 1900u);
  EXPECT_EQ(result.gas_used, intrinsic_gas(tx) + 2 * (3 + 100 + 2));
}

// The gas that `code` costs, measured with GAS before and after it (the second GAS included).
Bytecode measure(const Bytecode& code) {
  return Bytecode(Op::gas) + code + Op::gas + Op::swap1 + Op::sub + ret_top();
}

TEST_F(Eip2929, RevertedFrameForgetsWhatItWarmed) {
  const Address other = address_of(0x07e4);
  const Address probe = address_of(0xacc0);
  // Run in the caller's context (DELEGATECALL), `other` warms slot 9 and `probe`, then reverts.
  set_code(sload(9) + Op::pop + Bytecode(probe) + Op::balance + Op::pop + revert(0, 0), other);
  Bytecode warm_up = call(Op::delegatecall, Op::gas, other) + Op::pop;
  auto r = run(warm_up + measure(sload(9) + Op::pop), 100000);
  EXPECT_EQ(output_word(r), U256(3 + 2100 + 2 + 2));
  r = run(warm_up + measure(Bytecode(probe) + Op::balance + Op::pop), 100000);
  EXPECT_EQ(output_word(r), U256(3 + 2600 + 2 + 2));
  // Without the revert the same accesses are warm.
  set_code(sload(9) + Op::pop + Bytecode(probe) + Op::balance + Op::pop, other);
  r = run(warm_up + measure(sload(9) + Op::pop), 100000);
  EXPECT_EQ(output_word(r), U256(3 + 100 + 2 + 2));
}

TEST_F(Eip2929, CallToColdAccountCostsTheSurcharge) {
  const Address a = address_of(0xacc0);  // no code: the call does nothing
  auto cold = run(call(Op::call, 0, a) + Op::pop, 10000);
  auto warm = run(Bytecode(a) + Op::balance + Op::pop + call(Op::call, 0, a) + Op::pop, 10000);
  // 7 pushes + CALL 100 (+2500 cold) + POP; the warm run pays BALANCE's cold access instead.
  EXPECT_EQ(gas_used(cold, 10000), 7 * 3 + 2600 + 2);
  EXPECT_EQ(gas_used(warm, 10000), (3 + 2600 + 2) + 7 * 3 + 100 + 2);
}

}  // namespace
}  // namespace zkbatch::eth::evm::test
