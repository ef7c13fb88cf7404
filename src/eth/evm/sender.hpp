// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Transaction senders: the address whose key signed the transaction's signing hash (Yellow Paper
// appendix F), with the signature rules of EIP-2 (low s) and EIP-155 (chain id).
#pragma once

#include <stdint.h>

#include "base/result.hpp"
#include "eth/address.hpp"
#include "eth/evm/status.hpp"
#include "eth/transaction.hpp"

namespace zkbatch::eth::evm {

/// The outcome of sender recovery: the sender, or why the signature is invalid.
struct SenderRecovery {
  TxError error = TxError::none;
  Address sender{};
};

/// Recovers the sender of `tx` for a chain with id `chain_id`. Invalid: a typed or EIP-155
/// transaction for another chain, r or s outside [1, n - 1], s above n / 2 (EIP-2), or a signature
/// from which no key recovers. Errors: out of memory while hashing.
base::Result<SenderRecovery> recover_sender(const Transaction& tx, uint64_t chain_id);

}  // namespace zkbatch::eth::evm
