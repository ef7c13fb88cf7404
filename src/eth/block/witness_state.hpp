// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The pre-state of a block as its witness gives it: trie nodes and codes known by their hashes.
// WitnessState serves the EVM's reads (StateSource) from the state trie and the storage tries,
// each decoded on first use from the node set, and afterwards writes the EVM's changes back into
// those tries to compute the post-state root (Yellow Paper §4.1).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "base/hash_map.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/state_source.hpp"
#include "eth/mpt.hpp"

namespace zkbatch::eth {

/// What `WitnessState::commit` could not do: the account (and slot) whose trie path the witness
/// does not cover.
struct CommitFailure {
  Address address{};
  bool has_slot = false;
  base::U256 slot;
};

/// A StateSource over witness tries. Nodes, codes and the tries it builds view or live in memory
/// that must outlive it (the input buffer and `arena`).
class WitnessState final : public evm::StateSource {
 public:
  explicit WitnessState(base::Arena* arena);

  /// Indexes `nodes` and `codes` by their Keccak-256 and decodes the state trie under
  /// `state_root`. Errors: malformed (a node that does not decode strictly; position = the
  /// node's index), out_of_memory.
  base::Status load(const base::Bytes32& state_root,
                    base::Span<const base::ByteSpan> nodes,
                    base::Span<const base::ByteSpan> codes);

  base::Result<evm::SourceAccount> account(const Address& address) override;
  base::Result<base::U256> storage(const Address& address, const base::U256& slot) override;
  base::Result<base::ByteSpan> code(const Address& address,
                                    const base::Bytes32& code_hash) override;

  /// Writes the post-state diff of `state` (State::accounts(): dirty accounts, deletions,
  /// cleared storage, dirty slots) into the tries and returns the post-state root. A delete next
  /// to a subtree the witness hides assumes it is a branch (CollapsePolicy::extension_to_hash):
  /// a wrong assumption gives a root no header has, never a wrong acceptance. Errors:
  /// not_found / kWitnessLacksNode when a path runs into a hidden subtree (`failure()` names the
  /// account and slot), malformed for a stored account or slot that does not decode,
  /// out_of_memory.
  base::Result<base::Bytes32> commit(const evm::State& state);

  /// The account and slot of the last failed commit.
  const CommitFailure& failure() const { return failure_; }

 private:
  base::Result<Trie*> storage_trie(const Address& address, const base::Bytes32& root);

  base::Arena* arena_;
  NodeSet nodes_;
  Trie state_;
  base::HashMap<Address, Trie> storage_;
  base::HashMap<base::Bytes32, base::ByteSpan> codes_;
  CommitFailure failure_;
};

}  // namespace zkbatch::eth
