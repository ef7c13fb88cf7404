// SPDX-License-Identifier: Apache-2.0
// The pre-state / transaction / expectations fixture of the EVM unit tests (STYLE.md §4.11): a
// test fills `pre`, sets code and transaction fields, calls `execute` (a whole transaction) or
// `run` (one depth-0 message with exact gas), and checks `result`, `post` or the frame's outcome.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "bytecode.hpp"
#include "eth/evm/block_env.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/host.hpp"
#include "eth/evm/message.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/tx_execution.hpp"
#include "eth/evm/tx_validation.hpp"
#include "eth/transaction.hpp"
#include "test_state.hpp"

namespace zkbatch::eth::evm::test {

/// Fixture for EVM tests. Defaults: block 1 with a 30M gas limit, base fee 7, chain id 1; a sender
/// with 10^18 wei; a legacy transaction to kContract at gas price 10 with a 1M gas limit.
class EvmTest : public testing::Test {
 protected:
  static Address sender_address() { return address_of(0x5e4de2); }
  static Address contract_address() { return address_of(0xc0de); }
  static Address coinbase_address() { return address_of(0xc014ba5e); }

  EvmTest();

  /// Restores the defaults above (for tests that loop over cases).
  void reset();
  /// Puts `code` at `where` in the pre-state.
  void set_code(const Bytecode& code, const Address& where = contract_address());
  /// Executes `tx` from the sender on `pre`; fills `result` and `post`. Fails the test when the
  /// State cannot run it (a witness gap is only expected in the tests that create one).
  void execute();
  /// Sets the contract's code, then executes a call to it with `gas_limit` and `input`.
  void execute(const Bytecode& code, uint64_t gas_limit = 1000000, const Blob& input = {});
  /// Runs `code` at the contract as one depth-0 message with `gas`, as a transaction would (the
  /// sender, contract, coinbase and precompiles warm), and returns how the frame ended.
  ExecutionResult run(const Bytecode& code, int64_t gas, const Blob& input = {});

  /// The gas the frame of `run` used.
  int64_t gas_used(const ExecutionResult& r, int64_t gas) const { return gas - r.gas_left; }
  /// A storage slot of `where` in `post`.
  U256 post_storage(uint64_t key, const Address& where = contract_address()) const;
  /// The result as a word (the 32 bytes `ret_top` returns).
  static U256 output_word(const ExecutionResult& r);

  TestWorld pre;
  BlockEnv block;
  Transaction tx;
  Address sender = sender_address();

  std::unique_ptr<MapStateSource> source;
  std::unique_ptr<State> state;
  TransactionResult result;
  TestWorld post;

 private:
  std::vector<base::Bytes32> block_hashes_;
  TxEnv env_;
  std::unique_ptr<Host> host_;
};

}  // namespace zkbatch::eth::evm::test
