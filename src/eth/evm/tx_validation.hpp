// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The validity rules a transaction must meet before it executes (Yellow Paper §6.2 with EIP-1559,
// EIP-2681, EIP-2930, EIP-3607, EIP-3860 and EIP-4844), and the gas amounts they use.
#pragma once

#include <stdint.h>

#include "base/result.hpp"
#include "base/u256.hpp"
#include "eth/evm/block_env.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/status.hpp"
#include "eth/transaction.hpp"

namespace zkbatch::eth::evm {

/// EIP-4844: a block holds at most six blobs (MAX_BLOB_GAS_PER_BLOCK / GAS_PER_BLOB).
inline constexpr uint64_t kMaxBlobsPerBlock = 6;

/// The intrinsic gas g_0 (Yellow Paper §6.2): 21000, plus 32000 and 2 per initcode word for a
/// creation (EIP-3860), 4 per zero and 16 per non-zero data byte (EIP-2028), 2400 per access-list
/// address and 1900 per storage key (EIP-2930).
uint64_t intrinsic_gas(const Transaction& tx);

/// The price per gas the sender pays: the gas price of types 0 and 1; min(max fee, base fee +
/// max priority fee) for types 2 and 3 (EIP-1559). Only meaningful for a valid transaction.
base::U256 effective_gas_price(const Transaction& tx, const base::U256& base_fee);

/// The most the sender may pay: gas limit * (gas price or max fee) + value + blob gas * max fee
/// per blob gas (EIP-1559, EIP-4844). False when it exceeds 2^256 - 1.
bool max_transaction_cost(const Transaction& tx, base::U256* cost);

/// The rules a transaction must meet on its own, whatever block and state it meets: a nonce below
/// 2^64 - 1 (EIP-2681), max priority fee <= max fee (EIP-1559), a maximum cost below 2^256, the
/// blob shape (a recipient, 1 to 6 hashes, each of version 0x01; EIP-4844), initcode of at most
/// 49152 bytes (EIP-3860), and a gas limit that covers the intrinsic gas.
TxError check_transaction_form(const Transaction& tx);

/// The rules against the block: fee caps at least the base fee (EIP-1559) and the blob base fee
/// (EIP-4844), and gas and blob gas within what the block has left.
TxError check_transaction_in_block(const Transaction& tx,
                                   const BlockEnv& block,
                                   const base::U256& blob_base_fee,
                                   uint64_t block_gas_used,
                                   uint64_t block_blob_gas_used);

/// The checks against the sender's account: no code (EIP-3607), the nonce (and EIP-2681's cap),
/// and a balance that covers the maximum cost. Errors are the State's (a witness gap).
base::Result<TxError> check_sender(State& state, const Transaction& tx, const Address& sender);

}  // namespace zkbatch::eth::evm
