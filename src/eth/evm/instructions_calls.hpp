// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Instructions that start other frames or end this account: CALL, CALLCODE, DELEGATECALL (EIP-7),
// STATICCALL (EIP-214), CREATE, CREATE2 (EIP-1014), SELFDESTRUCT (EIP-6780). Their gas follows
// EIP-150 (all but one 64th), EIP-2929 (cold access) and EIP-3860 (initcode words).
#pragma once

#include "eth/evm/frame.hpp"
#include "eth/evm/opcodes.hpp"

namespace zkbatch::eth::evm::instr {

/// CALL, CALLCODE, DELEGATECALL or STATICCALL (`op` says which): charges the call's costs and
/// sets `f.child` to the message the Host then runs; finish_child completes the instruction.
EvmStatus call(StackTop s, Frame& f, Op op);
/// CREATE or CREATE2 (`op` says which), in the same two steps.
EvmStatus create(StackTop s, Frame& f, Op op);
/// Completes the CALL or CREATE that asked for `f.child` with the child's `result`: returns its
/// unused gas, adds its refund on success, copies a call's output to memory, keeps the return
/// data (EIP-211), and puts 1 / 0 or the new address on the stack top.
void finish_child(Frame& f, ExecutionResult& result);
/// SELFDESTRUCT: moves the balance to the beneficiary and, for an account created in this same
/// transaction only, deletes it at the end of the transaction (EIP-6780). Ends the frame.
EvmStatus selfdestruct(StackTop s, Frame& f);

}  // namespace zkbatch::eth::evm::instr
