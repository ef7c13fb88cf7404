// SPDX-License-Identifier: Apache-2.0
// Host only. Replaying a block's witness: applying the per-transaction state changes the witness
// records, with the EIP-4788 beacon-root write before the first transaction and the withdrawals
// after the last, and building the transactions and receipts tries
// (../shared/reference/zk_evm_witness.md §3.3-§3.5). This reproduces the roots the header
// commits to without executing the EVM.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "eth/address.hpp"
#include "witness/block_witness.hpp"
#include "witness/pre_state.hpp"

namespace zkbatch::witness {

/// The EIP-4788 beacon roots contract, 0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02.
inline constexpr eth::Address kBeaconRootsAddress = {{0x00, 0x0F, 0x3d, 0xf6, 0xD7, 0x32, 0x80,
                                                      0x7E, 0xf1, 0x31, 0x9f, 0xB7, 0xB8, 0xbB,
                                                      0x85, 0x22, 0xd0, 0xBe, 0xac, 0x02}};
/// EIP-4788's HISTORY_BUFFER_LENGTH: the ring buffer's size in slots.
inline constexpr uint64_t kBeaconHistoryLength = 8191;

/// A transaction whose receipt's cumulative gas differs from the sum of the witness's per-txn
/// gas figures up to it.
struct CumulativeGasMismatch {
  size_t txn = 0;  ///< index in txn_info
  uint64_t receipt_cumulative = 0;
  uint64_t running_total = 0;
};

/// What the replay computed.
struct ReplayResult {
  base::Bytes32 post_state_root{};
  base::Bytes32 transactions_root{};
  base::Bytes32 receipts_root{};
  uint64_t gas_used = 0;                  ///< Σ meta.gas_used
  size_t transactions = 0;                ///< real (non-dummy) transactions
  std::array<uint8_t, 256> logs_bloom{};  ///< union of the receipts' blooms
  bool beacon_root_written = false;       ///< false when the contract is not in the state
  std::optional<CumulativeGasMismatch> cumulative_gas_mismatch;  ///< the first one
};

/// Replays `block` on `pre`, which it updates to the post-state. `file` names the witness in
/// errors. Throws InputError (with the JSON path of the transaction, account, slot or withdrawal)
/// when the witness is inconsistent: a change that needs a trie node the witness lacks, a storage
/// write to an absent account, a receipt that does not decode.
ReplayResult replay_block(const BlockWitness& block, PreState& pre, const std::string& file);

}  // namespace zkbatch::witness
