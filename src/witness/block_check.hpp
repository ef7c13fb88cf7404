// SPDX-License-Identifier: Apache-2.0
// Host only. The block checks of `zkbatch witness check` (../shared/reference/zk_evm_witness.md
// §3.7): decode every block of a witness file, replay it, and compare what it yields with the
// witness's own metadata, with the previous block of the file, and with real headers when given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "witness/block_witness.hpp"
#include "witness/guest_input.hpp"
#include "witness/header_json.hpp"

namespace zkbatch::witness {

/// One comparison: a stable name, what it compares, and both sides as text.
struct CheckResult {
  std::string name;  ///< identifier, e.g. "state_root" or "b_meta.block_timestamp"
  std::string what;  ///< e.g. "post-state root vs header stateRoot"
  bool ok = false;
  std::string expected;  ///< the reference value (header, metadata, previous block)
  std::string actual;    ///< what the witness or the replay gave
};

/// The outcome for one block.
struct BlockReport {
  uint64_t number = 0;
  base::Bytes32 hash{};     ///< b_hashes.cur_hash
  size_t transactions = 0;  ///< real transactions (dummy entries excluded)
  uint64_t gas_used = 0;    ///< Σ meta.gas_used
  base::Bytes32 pre_state_root{};
  base::Bytes32 post_state_root{};
  base::Bytes32 transactions_root{};
  base::Bytes32 receipts_root{};
  bool beacon_root_written = false;  ///< false when the EIP-4788 contract is not in the state
  bool header_checked = false;       ///< a header with this block's number was given
  std::vector<CheckResult> checks;
  /// The block's guest input, when CheckOptions::guest_inputs asked for it.
  std::optional<GuestInput> guest_input;

  /// True when every check matched.
  bool ok() const;
  /// The first check that did not match, or null.
  const CheckResult* first_failure() const;
};

/// What to compare with, besides the witness itself.
struct CheckOptions {
  /// Headers, matched to blocks by number; each must match a block of the file.
  std::vector<HeaderJson> headers;
  /// The header of the parent of the file's first block: its stateRoot is then the reference
  /// for the first pre-state root (instead of the checkpoint root, which is only the parent's
  /// when the witness was fetched with the default checkpoint).
  std::optional<HeaderJson> parent_header;
  /// Assemble each block's guest input (before the replay changes the tries).
  bool guest_inputs = false;
};

/// Decodes, replays and checks every block of `blocks` (read from `file`). Mismatches are
/// reported in the returned checks; bad input (a malformed compact blob, a witness that lacks a
/// needed trie node, a header that matches no block) throws InputError, so either every block
/// gets a report or none does.
std::vector<BlockReport> check_blocks(const std::vector<BlockWitness>& blocks,
                                      const std::string& file,
                                      const CheckOptions& options);

}  // namespace zkbatch::witness
