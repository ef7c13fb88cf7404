// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Executing one transaction on the state (Yellow Paper §6): validate, buy gas, run the call or
// creation, refund, pay the coinbase, clear empty accounts; and the receipt it yields.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "eth/bloom.hpp"
#include "eth/evm/block_env.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/status.hpp"
#include "eth/log.hpp"
#include "eth/receipt.hpp"
#include "eth/transaction.hpp"

namespace zkbatch::eth::evm {

/// What a transaction did. When `error` is not TxError::none the transaction is invalid and
/// changed nothing (a block containing it is invalid); the other fields are then zero.
struct TransactionResult {
  TxError error = TxError::none;
  /// How the outermost frame ended: success, revert, or an exceptional halt.
  EvmStatus status = EvmStatus::success;
  /// Gas the block counts for it: the gas limit minus the gas returned, refund included.
  uint64_t gas_used = 0;
  /// Blob gas (EIP-4844): 131072 per blob.
  uint64_t blob_gas_used = 0;
  /// The refund applied (EIP-3529: at most a fifth of the gas used before it).
  uint64_t gas_refund = 0;
  /// The new contract's address, for a successful creation.
  Address contract_address{};
  /// The logs, valid until the State's next begin_transaction (empty unless status is success).
  base::Span<const Log> logs;
  /// The bloom of `logs`.
  Bloom logs_bloom{};
  /// Return or revert data of the outermost frame.
  base::Bytes output;

  TransactionResult() = default;

  /// True when the transaction executed and its outermost frame succeeded (receipt status 1).
  bool success() const { return error == TxError::none && status == EvmStatus::success; }
};

/// Validates and executes `tx`, signed by `sender` (recover_sender), in a block whose
/// transactions before it used `block_gas_used` gas and `block_blob_gas_used` blob gas. On
/// return the State holds the post-transaction state (finish_transaction done).
///
/// An invalid transaction is a result with `error` set and no state change. The returned Error
/// is reserved for what stops validation itself: a read the StateSource could not answer (the
/// State's `failure()` names it) or memory exhaustion; the State is then unusable.
base::Result<TransactionResult> execute_transaction(State& state,
                                                    const BlockEnv& block,
                                                    const Transaction& tx,
                                                    const Address& sender,
                                                    uint64_t block_gas_used,
                                                    uint64_t block_blob_gas_used);

/// The receipt of an executed transaction (EIP-658 status, EIP-2718 type): `cumulative_gas_used`
/// is the block's gas used up to and including this transaction.
Receipt make_receipt(const Transaction& tx,
                     const TransactionResult& result,
                     uint64_t cumulative_gas_used);

}  // namespace zkbatch::eth::evm
