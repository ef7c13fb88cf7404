// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// zkbatch::eth::evm — the Cancun EVM for the block validator: a journaled state over a
// StateSource, message calls and creations, the interpreter, and transaction execution with
// receipts. Everything here runs on the host and in the rv32im guest.
#pragma once

#include "eth/evm/blob_gas.hpp"             // blob_base_fee, fake_exponential, EIP-4844 constants
#include "eth/evm/block_env.hpp"            // BlockEnv, TxEnv
#include "eth/evm/gas_costs.hpp"            // gas constants, kCancunGas
#include "eth/evm/host.hpp"                 // Host::execute; create_address, create2_address
#include "eth/evm/interpreter.hpp"          // run_frame, analyze_jumpdests
#include "eth/evm/message.hpp"              // Message, CallKind, ExecutionResult
#include "eth/evm/opcode_traits.hpp"        // kOpcodeTraits, traits, is_defined
#include "eth/evm/opcodes.hpp"              // Op
#include "eth/evm/precompile_dispatch.hpp"  // is_precompile, run_precompile
#include "eth/evm/revision.hpp"             // Revision
#include "eth/evm/sender.hpp"               // recover_sender
#include "eth/evm/state.hpp"                // State, CachedAccount
#include "eth/evm/state_source.hpp"         // StateSource, SourceAccount
#include "eth/evm/status.hpp"               // EvmStatus, TxError
#include "eth/evm/system_call.hpp"          // execute_system_call, process_beacon_root (EIP-4788)
#include "eth/evm/tx_execution.hpp"         // execute_transaction, TransactionResult, make_receipt
#include "eth/evm/tx_validation.hpp"        // intrinsic_gas, check_transaction_*, check_sender
