// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/system_call.hpp"

#include "eth/evm/blob_gas.hpp"
#include "eth/evm/host.hpp"

namespace zkbatch::eth::evm {

base::Result<ExecutionResult> execute_system_call(State& state,
                                                  const BlockEnv& block,
                                                  const Address& to,
                                                  base::ByteSpan data) {
  state.begin_transaction();
  auto warmed = state.access_account(to);
  if (!warmed.ok()) return warmed.error();
  TxEnv env;
  env.origin = kSystemAddress;
  env.blob_base_fee = blob_base_fee(block.excess_blob_gas);
  Host host(state, block, env);
  Message msg;
  msg.kind = CallKind::call;
  msg.gas = kSystemCallGas;
  msg.sender = kSystemAddress;
  msg.recipient = to;
  msg.code_address = to;
  msg.input = data;
  ExecutionResult result = host.execute(msg);
  if (result.status == EvmStatus::fatal) return host.fatal_error();
  state.finish_transaction();
  return result;
}

base::Result<ExecutionResult> process_beacon_root(State& state,
                                                  const BlockEnv& block,
                                                  const base::Bytes32& parent_beacon_block_root) {
  return execute_system_call(state, block, kBeaconRootsAddress, parent_beacon_block_root.span());
}

}  // namespace zkbatch::eth::evm
