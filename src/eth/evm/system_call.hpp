// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// System calls: messages the protocol itself sends at the start of a block, outside the gas and
// fee accounting of transactions. Cancun has one, EIP-4788's beacon-root update; later forks add
// more of the same form (EIP-2935, EIP-7002, EIP-7251).
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "eth/address.hpp"
#include "eth/evm/block_env.hpp"
#include "eth/evm/message.hpp"
#include "eth/evm/state.hpp"

namespace zkbatch::eth::evm {

/// SYSTEM_ADDRESS (EIP-4788): 0xfffffffffffffffffffffffffffffffffffffffe, the sender of system
/// calls.
inline constexpr Address kSystemAddress = {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                            0xff, 0xff, 0xff, 0xff, 0xff, 0xfe}};
/// BEACON_ROOTS_ADDRESS (EIP-4788): 0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02.
inline constexpr Address kBeaconRootsAddress = {{0x00, 0x0f, 0x3d, 0xf6, 0xd7, 0x32, 0x80,
                                                 0x7e, 0xf1, 0x31, 0x9f, 0xb7, 0xb8, 0xbb,
                                                 0x85, 0x22, 0xd0, 0xbe, 0xac, 0x02}};
/// The gas a system call runs with (EIP-4788: 30,000,000), not taken from the block.
inline constexpr int64_t kSystemCallGas = 30000000;

/// Runs a system call: a message from kSystemAddress to `to` carrying `data`, with
/// kSystemCallGas and value zero. No gas is bought or refunded, no nonce changes, and the block's
/// gas used is unaffected; when `to` has no code nothing runs. Afterwards the State finishes the
/// call like a transaction (EIP-161 clearing, storage originals, warm sets). The result is
/// returned for inspection; the protocol ignores its status. Errors are the State's (a witness
/// gap) or memory exhaustion.
base::Result<ExecutionResult> execute_system_call(State& state,
                                                  const BlockEnv& block,
                                                  const Address& to,
                                                  base::ByteSpan data);

/// EIP-4788's call at the start of every Cancun block: stores the parent beacon block root in the
/// beacon-roots contract, keyed by the block's timestamp.
base::Result<ExecutionResult> process_beacon_root(State& state,
                                                  const BlockEnv& block,
                                                  const base::Bytes32& parent_beacon_block_root);

}  // namespace zkbatch::eth::evm
