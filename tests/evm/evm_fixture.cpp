// SPDX-License-Identifier: Apache-2.0
#include "evm_fixture.hpp"

#include "eth/evm/blob_gas.hpp"
#include "eth/evm/precompile_dispatch.hpp"

namespace zkbatch::eth::evm::test {

EvmTest::EvmTest() {
  reset();
}

void EvmTest::reset() {
  pre.clear();
  post.clear();
  block = BlockEnv{};
  tx = Transaction();
  sender = sender_address();
  block.coinbase = coinbase_address();
  block.number = 1;
  block.timestamp = 1000;
  block.gas_limit = 30000000;
  block.base_fee = U256(7);
  block.chain_id = 1;
  pre[sender].balance = u256("1000000000000000000");
  tx.type = TxType::legacy;
  tx.has_to = true;
  tx.to = contract_address();
  tx.gas_price = U256(10);
  tx.gas_limit = 1000000;
}

void EvmTest::set_code(const Bytecode& code, const Address& where) {
  pre[where].code = code.bytes();
}

void EvmTest::execute() {
  source = std::make_unique<MapStateSource>();
  source->world = pre;
  state = std::make_unique<State>(*source);
  auto r = execute_transaction(*state, block, tx, sender, 0, 0);
  ASSERT_TRUE(r.ok()) << "execution stopped";
  result = std::move(*r);
  post = pre;
  apply_post_state(*state, post);
}

void EvmTest::execute(const Bytecode& code, uint64_t gas_limit, const Blob& input) {
  set_code(code);
  tx.gas_limit = gas_limit;
  tx.data.clear();
  for (uint8_t b : input)
    tx.data.push_back(b);
  execute();
}

ExecutionResult EvmTest::run(const Bytecode& code, int64_t gas, const Blob& input) {
  set_code(code);
  source = std::make_unique<MapStateSource>();
  source->world = pre;
  state = std::make_unique<State>(*source);
  state->begin_transaction();
  EXPECT_TRUE(state->access_account(sender).ok());
  EXPECT_TRUE(state->access_account(contract_address()).ok());
  EXPECT_TRUE(state->access_account(block.coinbase).ok());
  for (uint8_t i = 1; i <= kLastPrecompile; ++i) {
    Address p{};
    p.bytes[19] = i;
    EXPECT_TRUE(state->access_account(p).ok());
  }
  env_ = TxEnv{};
  env_.origin = sender;
  env_.gas_price = U256(10);
  env_.blob_hashes = tx.blob_versioned_hashes.span();
  env_.blob_base_fee = blob_base_fee(block.excess_blob_gas);
  host_ = std::make_unique<Host>(*state, block, env_);
  Message msg;
  msg.gas = gas;
  msg.sender = sender;
  msg.recipient = contract_address();
  msg.code_address = contract_address();
  msg.input = view(input);
  ExecutionResult r = host_->execute(msg);
  post = pre;
  apply_post_state(*state, post);
  return r;
}

U256 EvmTest::post_storage(uint64_t key, const Address& where) const {
  auto it = post.find(where);
  if (it == post.end()) return U256();
  auto slot = it->second.storage.find(U256(key));
  return slot == it->second.storage.end() ? U256() : slot->second;
}

U256 EvmTest::output_word(const ExecutionResult& r) {
  if (r.output.size() != 32) return U256::max();
  return U256::from_be_bytes(r.output.span());
}

}  // namespace zkbatch::eth::evm::test
