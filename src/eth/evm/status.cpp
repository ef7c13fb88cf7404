// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/status.hpp"

namespace zkbatch::eth::evm {

const char* evm_status_message(EvmStatus status) {
  switch (status) {
    case EvmStatus::success:
      return "success";
    case EvmStatus::revert:
      return "reverted";
    case EvmStatus::out_of_gas:
      return "out of gas";
    case EvmStatus::invalid_instruction:
      return "invalid instruction";
    case EvmStatus::undefined_instruction:
      return "undefined instruction";
    case EvmStatus::stack_underflow:
      return "stack underflow";
    case EvmStatus::stack_overflow:
      return "stack overflow";
    case EvmStatus::bad_jump_destination:
      return "bad jump destination";
    case EvmStatus::invalid_memory_access:
      return "return data out of bounds";
    case EvmStatus::static_mode_violation:
      return "state change in static call";
    case EvmStatus::precompile_failure:
      return "precompile failure";
    case EvmStatus::contract_validation_failure:
      return "new code starts with 0xef";
    case EvmStatus::code_size_exceeded:
      return "new code too large";
    case EvmStatus::address_collision:
      return "contract address collision";
    case EvmStatus::call_depth_exceeded:
      return "call depth exceeded";
    case EvmStatus::insufficient_balance:
      return "insufficient balance";
    case EvmStatus::nonce_overflow:
      return "nonce overflow";
    case EvmStatus::fatal:
      return "execution aborted";
  }
  return "unknown status";
}

const char* tx_error_message(TxError error) {
  switch (error) {
    case TxError::none:
      return "valid";
    case TxError::intrinsic_gas_too_low:
      return "intrinsic gas too low";
    case TxError::gas_limit_exceeds_block:
      return "gas limit exceeds block gas left";
    case TxError::nonce_too_low:
      return "nonce too low";
    case TxError::nonce_too_high:
      return "nonce too high";
    case TxError::nonce_max:
      return "sender nonce at maximum";
    case TxError::sender_not_eoa:
      return "sender has code";
    case TxError::fee_cap_below_base_fee:
      return "max fee per gas below base fee";
    case TxError::priority_fee_above_fee_cap:
      return "max priority fee above max fee";
    case TxError::insufficient_funds:
      return "insufficient funds for gas * price + value";
    case TxError::cost_overflow:
      return "gas * price + value overflows 256 bits";
    case TxError::initcode_too_large:
      return "initcode too large";
    case TxError::blob_missing_hashes:
      return "blob transaction without blobs";
    case TxError::blob_too_many:
      return "too many blobs";
    case TxError::blob_bad_version:
      return "blob versioned hash with wrong version";
    case TxError::blob_fee_cap_too_low:
      return "max fee per blob gas below blob base fee";
    case TxError::blob_gas_exceeds_block:
      return "blob gas exceeds block limit";
    case TxError::blob_create:
      return "blob transaction creates a contract";
    case TxError::chain_id_mismatch:
      return "wrong chain id";
    case TxError::invalid_signature:
      return "invalid signature";
  }
  return "unknown transaction error";
}

}  // namespace zkbatch::eth::evm
