// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Persistent and transient storage: SLOAD and SSTORE with EIP-2929 access costs and the EIP-2200
// net-metering schedule as EIP-3529 changed it; TLOAD and TSTORE (EIP-1153).
#pragma once

#include <stdint.h>

#include "base/u256.hpp"
#include "eth/evm/frame.hpp"

namespace zkbatch::eth::evm::instr {

/// The gas and refund of an SSTORE, from the slot's original, current and new values
/// (EIP-2200 with EIP-2929's costs and EIP-3529's reduced clearing refund). `cold` adds
/// COLD_SLOAD_COST.
struct SstoreCost {
  int64_t gas = 0;
  int64_t refund = 0;
};
SstoreCost sstore_cost(const base::U256& original,
                       const base::U256& current,
                       const base::U256& value,
                       bool cold);

/// SLOAD: 100 warm, 2100 cold (EIP-2929).
EvmStatus sload(StackTop s, Frame& f);
/// SSTORE: fails in a static frame and whenever gas left is at most the 2300 stipend (EIP-2200).
EvmStatus sstore(StackTop s, Frame& f);
/// TLOAD (EIP-1153).
void tload(StackTop s, Frame& f);
/// TSTORE (EIP-1153): fails in a static frame.
EvmStatus tstore(StackTop s, Frame& f);

}  // namespace zkbatch::eth::evm::instr
