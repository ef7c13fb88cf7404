// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

namespace zkbatch::eth::evm {

/// How one frame of execution ended. Every status other than success and revert is an
/// exceptional halt: the frame's state changes are undone and all its gas is consumed (Yellow
/// Paper §9.4.2); revert undoes the changes but returns the unused gas (EIP-140). `fatal` is not
/// an EVM outcome: the state could not be read (a witness gap) or memory ran out, and the whole
/// transaction stops with that error.
enum class EvmStatus : uint8_t {
  success = 0,
  revert,
  out_of_gas,
  invalid_instruction,    ///< the designated INVALID opcode 0xfe (EIP-141)
  undefined_instruction,  ///< a byte that is no opcode in Cancun
  stack_underflow,
  stack_overflow,
  bad_jump_destination,
  invalid_memory_access,        ///< RETURNDATACOPY past the return data (EIP-211)
  static_mode_violation,        ///< a state change inside STATICCALL (EIP-214)
  precompile_failure,           ///< a precompile rejected its input
  contract_validation_failure,  ///< new code starting with 0xEF (EIP-3541)
  code_size_exceeded,           ///< new code above 24576 bytes (EIP-170)
  address_collision,            ///< creation at an address in use (EIP-684, EIP-7610)
  call_depth_exceeded,
  insufficient_balance,
  nonce_overflow,  ///< a creator nonce of 2^64 - 1 (EIP-2681)
  fatal,
};

/// A short fixed description of `status`.
const char* evm_status_message(EvmStatus status);

/// Why a transaction is invalid: it cannot be included in a block, and it changes nothing.
/// (Execution failures are not invalidity: a failed transaction still pays its gas.)
enum class TxError : uint8_t {
  none = 0,
  intrinsic_gas_too_low,       ///< gas limit below the intrinsic gas
  gas_limit_exceeds_block,     ///< gas limit above the block's remaining gas
  nonce_too_low,               ///< nonce below the sender's
  nonce_too_high,              ///< nonce above the sender's
  nonce_max,                   ///< sender nonce at 2^64 - 1 (EIP-2681)
  sender_not_eoa,              ///< the sender has code (EIP-3607)
  fee_cap_below_base_fee,      ///< max fee (or gas price) below the base fee (EIP-1559)
  priority_fee_above_fee_cap,  ///< max priority fee above the max fee (EIP-1559)
  insufficient_funds,          ///< balance below gas * max fee + value + blob fees
  cost_overflow,               ///< gas * max fee + value + blob fees above 2^256 - 1
  initcode_too_large,          ///< creation data above 49152 bytes (EIP-3860)
  blob_missing_hashes,         ///< a blob transaction without blobs (EIP-4844)
  blob_too_many,               ///< more blobs than a block may hold (EIP-4844)
  blob_bad_version,            ///< a versioned hash not starting with 0x01 (EIP-4844)
  blob_fee_cap_too_low,        ///< max fee per blob gas below the blob base fee (EIP-4844)
  blob_gas_exceeds_block,      ///< the block's blob gas would exceed its limit (EIP-4844)
  blob_create,                 ///< a blob transaction that creates a contract (EIP-4844)
  chain_id_mismatch,           ///< signed for another chain (EIP-155)
  invalid_signature,           ///< r, s or v out of range, or no public key recovers
};

/// A short fixed description of `error`.
const char* tx_error_message(TxError error);

}  // namespace zkbatch::eth::evm
