// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/tx_execution.hpp"

#include "base/utility.hpp"
#include "eth/evm/blob_gas.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/host.hpp"
#include "eth/evm/precompile_dispatch.hpp"
#include "eth/evm/tx_validation.hpp"

namespace zkbatch::eth::evm {

using base::U256;

namespace {

// EIP-2929 and EIP-2930: the sender, the recipient, the precompiles, the coinbase (EIP-3651) and
// every access-list address and key start warm.
base::Status warm_up(State& state,
                     const Transaction& tx,
                     const Address& sender,
                     const Address& coinbase) {
  auto ok = state.access_account(sender);
  if (ok.ok() && tx.has_to) ok = state.access_account(tx.to);
  if (ok.ok()) ok = state.access_account(coinbase);
  for (uint8_t i = 1; ok.ok() && i <= kLastPrecompile; ++i) {
    Address p{};
    p.bytes[19] = i;
    ok = state.access_account(p);
  }
  for (const AccessListEntry& entry : tx.access_list) {
    if (!ok.ok()) break;
    ok = state.access_account(entry.address);
    for (uint32_t k = 0; ok.ok() && k < entry.key_count; ++k) {
      const base::Bytes32& key = tx.access_list_keys[entry.first_key + k];
      ok = state.access_slot(entry.address, U256::from_bytes32(key));
    }
  }
  if (!ok.ok()) return ok.error();
  return {};
}

}  // namespace

base::Result<TransactionResult> execute_transaction(State& state,
                                                    const BlockEnv& block,
                                                    const Transaction& tx,
                                                    const Address& sender,
                                                    uint64_t block_gas_used,
                                                    uint64_t block_blob_gas_used) {
  state.begin_transaction();
  TransactionResult result;
  const U256 blob_fee = blob_base_fee(block.excess_blob_gas);

  // 1. Validity (Yellow Paper §6.2): nothing changes unless every rule holds.
  result.error = check_transaction_form(tx);
  if (result.error == TxError::none)
    result.error =
        check_transaction_in_block(tx, block, blob_fee, block_gas_used, block_blob_gas_used);
  if (result.error == TxError::none) {
    auto sender_ok = check_sender(state, tx, sender);
    if (!sender_ok.ok()) return sender_ok.error();
    result.error = *sender_ok;
  }
  if (result.error != TxError::none) {
    state.finish_transaction();
    return result;
  }

  // 2. Buy gas at the effective price, and blob gas at the blob base fee (EIP-1559, EIP-4844).
  const U256 price = effective_gas_price(tx, block.base_fee);
  result.blob_gas_used = tx.type == TxType::blob ? blob_gas(tx.blob_versioned_hashes.size()) : 0;
  auto payer = state.account(sender);
  if (!payer.ok()) return payer.error();
  U256 upfront =
      base::mul(U256(tx.gas_limit), price) + base::mul(U256(result.blob_gas_used), blob_fee);
  base::Status changed = state.sub_balance(*payer, upfront);
  if (!changed.ok()) return changed.error();
  changed = warm_up(state, tx, sender, block.coinbase);
  if (!changed.ok()) return changed.error();

  // 3. Execute: a message call (the nonce goes up first) or a creation (whose nonce increment
  // is part of creating, after the address is derived from the old nonce).
  TxEnv env;
  env.origin = sender;
  env.gas_price = price;
  env.blob_hashes = tx.blob_versioned_hashes.span();
  env.blob_base_fee = blob_fee;
  Host host(state, block, env);
  Message msg;
  msg.gas = static_cast<int64_t>(tx.gas_limit - intrinsic_gas(tx));
  msg.sender = sender;
  msg.value = tx.value;
  msg.input = tx.data.span();
  ExecutionResult exec;
  if (tx.has_to) {
    changed = state.set_nonce(*payer, (*payer)->nonce + 1);
    if (!changed.ok()) return changed.error();
    msg.kind = CallKind::call;
    msg.recipient = tx.to;
    msg.code_address = tx.to;
    exec = host.execute(msg);
  } else {
    msg.kind = CallKind::create;
    exec = host.execute(msg);
  }
  if (exec.status == EvmStatus::fatal) return host.fatal_error();

  // 4. Refund (EIP-3529: at most a fifth of the gas used), return the unused gas, and pay the
  // priority fee to the coinbase; the base fee and blob fee are burned.
  uint64_t gas_left = static_cast<uint64_t>(exec.gas_left);
  uint64_t gas_used = tx.gas_limit - gas_left;
  uint64_t refund = exec.gas_refund > 0 ? static_cast<uint64_t>(exec.gas_refund) : 0;
  refund = base::min(refund, gas_used / gas::kMaxRefundQuotient);
  gas_left += refund;
  gas_used -= refund;
  changed = state.add_balance(*payer, base::mul(U256(gas_left), price));
  if (!changed.ok()) return changed.error();
  auto coinbase = state.account(block.coinbase);
  if (!coinbase.ok()) return coinbase.error();
  changed = state.add_balance(*coinbase, base::mul(U256(gas_used), price - block.base_fee));
  if (!changed.ok()) return changed.error();

  result.status = exec.status;
  result.gas_used = gas_used;
  result.gas_refund = refund;
  if (exec.status == EvmStatus::success && !tx.has_to)
    result.contract_address = exec.create_address;
  result.output = base::move(exec.output);
  result.logs = state.logs();
  result.logs_bloom = logs_bloom(result.logs);

  // 5. EIP-161 and EIP-6780: delete touched empty and self-destructed accounts.
  state.finish_transaction();
  return result;
}

Receipt make_receipt(const Transaction& tx,
                     const TransactionResult& result,
                     uint64_t cumulative_gas_used) {
  Receipt r;
  r.type = tx.type;
  r.success = result.success();
  r.cumulative_gas_used = cumulative_gas_used;
  r.logs_bloom = result.logs_bloom;
  r.logs = result.logs;
  return r;
}

}  // namespace zkbatch::eth::evm
