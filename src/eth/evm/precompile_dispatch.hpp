// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The bridge from message calls to the precompiled contracts of src/eth/precompiles: which
// addresses are precompiles in Cancun (0x01-0x0a), and running one with the EVM's gas and status
// conventions.
#pragma once

#include <stdint.h>

#include "base/span.hpp"
#include "eth/address.hpp"
#include "eth/evm/message.hpp"

namespace zkbatch::eth::evm {

/// The highest precompile address in Cancun: 0x0a, KZG point evaluation (EIP-4844).
inline constexpr uint8_t kLastPrecompile = 0x0a;

/// True for the addresses 0x01..0x0a. They are warm from the start of every transaction
/// (EIP-2929) and run native code instead of EVM code.
bool is_precompile(const Address& address);

/// Runs the precompile at `address` on `input` with `gas`. Success returns the unused gas and the
/// output; out of gas and invalid input are exceptional halts (all gas consumed, no output).
/// Memory exhaustion is EvmStatus::fatal, with the error in `*fatal`.
ExecutionResult run_precompile(const Address& address,
                               base::ByteSpan input,
                               int64_t gas,
                               base::Error* fatal);

}  // namespace zkbatch::eth::evm
