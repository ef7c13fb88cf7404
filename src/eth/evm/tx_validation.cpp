// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/tx_validation.hpp"

#include "eth/evm/blob_gas.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/memory.hpp"

namespace zkbatch::eth::evm {

using base::U256;

namespace {

bool is_fee_market(const Transaction& tx) {
  return tx.type == TxType::dynamic_fee || tx.type == TxType::blob;
}

// a * b, or false when the product exceeds 2^256 - 1.
bool checked_mul(const U256& a, const U256& b, U256* out) {
  *out = base::mul(a, b);
  return a.is_zero() || base::div(*out, a) == b;
}

bool checked_add(const U256& a, const U256& b, U256* out) {
  *out = a + b;
  return *out >= a;
}

}  // namespace

uint64_t intrinsic_gas(const Transaction& tx) {
  uint64_t g = static_cast<uint64_t>(gas::kTransaction);
  if (!tx.has_to) {
    g += static_cast<uint64_t>(gas::kTxCreate);
    g += static_cast<uint64_t>(gas::kInitcodeWord) * num_words(tx.data.size());
  }
  for (uint8_t b : tx.data)
    g += static_cast<uint64_t>(b == 0 ? gas::kTxDataZero : gas::kTxDataNonZero);
  g += static_cast<uint64_t>(gas::kAccessListAddress) * tx.access_list.size();
  g += static_cast<uint64_t>(gas::kAccessListStorageKey) * tx.access_list_keys.size();
  return g;
}

U256 effective_gas_price(const Transaction& tx, const U256& base_fee) {
  if (!is_fee_market(tx)) return tx.gas_price;
  U256 capped = base_fee + tx.max_priority_fee_per_gas;
  if (capped < base_fee) return tx.max_fee_per_gas;  // wrapped: the cap is the smaller
  return base::min(tx.max_fee_per_gas, capped);
}

bool max_transaction_cost(const Transaction& tx, U256* cost) {
  const U256& price = is_fee_market(tx) ? tx.max_fee_per_gas : tx.gas_price;
  U256 total;
  if (!checked_mul(U256(tx.gas_limit), price, &total)) return false;
  if (!checked_add(total, tx.value, &total)) return false;
  if (tx.type == TxType::blob) {
    U256 blob_cost;
    if (!checked_mul(U256(blob_gas(tx.blob_versioned_hashes.size())), tx.max_fee_per_blob_gas,
                     &blob_cost) ||
        !checked_add(total, blob_cost, &total)) {
      return false;
    }
  }
  *cost = total;
  return true;
}

TxError check_transaction_form(const Transaction& tx) {
  if (tx.nonce == UINT64_MAX) return TxError::nonce_max;
  if (is_fee_market(tx) && tx.max_priority_fee_per_gas > tx.max_fee_per_gas)
    return TxError::priority_fee_above_fee_cap;
  U256 cost;
  if (!max_transaction_cost(tx, &cost)) return TxError::cost_overflow;
  if (tx.type == TxType::blob) {
    if (!tx.has_to) return TxError::blob_create;
    size_t blobs = tx.blob_versioned_hashes.size();
    if (blobs == 0) return TxError::blob_missing_hashes;
    if (blobs > kMaxBlobsPerBlock) return TxError::blob_too_many;
    for (const base::Bytes32& h : tx.blob_versioned_hashes) {
      if (h.bytes[0] != kVersionedHashVersionKzg) return TxError::blob_bad_version;
    }
  }
  if (!tx.has_to && tx.data.size() > kMaxInitcodeSize) return TxError::initcode_too_large;
  if (tx.gas_limit < intrinsic_gas(tx)) return TxError::intrinsic_gas_too_low;
  return TxError::none;
}

TxError check_transaction_in_block(const Transaction& tx,
                                   const BlockEnv& block,
                                   const U256& blob_base_fee,
                                   uint64_t block_gas_used,
                                   uint64_t block_blob_gas_used) {
  const U256& fee_cap = is_fee_market(tx) ? tx.max_fee_per_gas : tx.gas_price;
  if (fee_cap < block.base_fee) return TxError::fee_cap_below_base_fee;
  if (tx.type == TxType::blob) {
    if (tx.max_fee_per_blob_gas < blob_base_fee) return TxError::blob_fee_cap_too_low;
    uint64_t needed = blob_gas(tx.blob_versioned_hashes.size());
    if (block_blob_gas_used > kMaxBlobGasPerBlock ||
        needed > kMaxBlobGasPerBlock - block_blob_gas_used) {
      return TxError::blob_gas_exceeds_block;
    }
  }
  if (block_gas_used > block.gas_limit || tx.gas_limit > block.gas_limit - block_gas_used)
    return TxError::gas_limit_exceeds_block;
  return TxError::none;
}

base::Result<TxError> check_sender(State& state, const Transaction& tx, const Address& sender) {
  auto account = state.account(sender);
  if (!account.ok()) return account.error();
  const CachedAccount& a = **account;
  if (a.code_hash != kEmptyCodeHash) return TxError::sender_not_eoa;  // EIP-3607
  if (a.nonce == UINT64_MAX) return TxError::nonce_max;               // EIP-2681
  if (tx.nonce < a.nonce) return TxError::nonce_too_low;
  if (tx.nonce > a.nonce) return TxError::nonce_too_high;
  U256 cost;
  if (!max_transaction_cost(tx, &cost) || a.balance < cost) return TxError::insufficient_funds;
  return TxError::none;
}

}  // namespace zkbatch::eth::evm
