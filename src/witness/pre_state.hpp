// SPDX-License-Identifier: Apache-2.0
// Host only. The state before a block, rebuilt from a decoded compact blob: the state trie, one
// storage trie per account the witness opens, and the contract codes
// (../shared/reference/zk_evm_witness.md §2.6).
#pragma once

#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "eth/mpt.hpp"
#include "witness/block_witness.hpp"
#include "witness/compact.hpp"

namespace zkbatch::witness {

/// Byte-wise order of 32-byte values, for ordered maps with a deterministic iteration order.
struct Bytes32Less {
  bool operator()(const base::Bytes32& a, const base::Bytes32& b) const {
    return std::memcmp(a.bytes, b.bytes, 32) < 0;
  }
};

/// Codes by Keccak-256.
using CodeMap = std::map<base::Bytes32, ByteVector, Bytes32Less>;

/// The pre-state tries. The tries' nodes live in `arena`, which the struct owns; move the struct,
/// never the arena.
struct PreState {
  std::unique_ptr<base::Arena> arena = std::make_unique<base::Arena>();
  /// The state trie: keccak(address) → rlp(account); hash nodes where the witness hides subtrees.
  eth::Trie state;
  /// The storage trie of every account leaf in the witness, by keccak(address). An account
  /// without storage has an empty trie; one whose storage the witness hides is one hash node.
  std::map<base::Bytes32, eth::Trie, Bytes32Less> storage;
  /// The codes the blob carries (CODE nodes), by hash.
  CodeMap codes;
  /// Root of the state trie (keccak of the root node; the empty-trie root for an empty blob).
  base::Bytes32 state_root{};
  /// Counts for reports: account leaves, storage leaves, hash nodes.
  size_t accounts = 0;
  size_t storage_slots = 0;
  size_t hash_nodes = 0;
};

/// Builds the tries from `tree` exactly as it describes them (no re-insertion), checking the rules
/// of reference §2.6 and canonical trie shape: the state trie holds only account leaves at
/// 64-nibble paths; storage tries hold only value leaves at 64-nibble paths; an extension has a
/// non-empty path and a branch or hash below it; a branch has at least two children; no path is
/// longer than 64 nibbles. Throws BlobError at the offending node's instruction offset.
PreState build_pre_state(const CompactTree& tree);

/// build_pre_state for a block of `file`, with a BlobError turned into an InputError naming the
/// file, the blob's JSON path and the offset of the offending instruction.
PreState build_block_pre_state(const BlockWitness& block,
                               const CompactTree& tree,
                               const std::string& file);

/// Adds `code` to `codes` under its Keccak-256 and returns the hash.
base::Bytes32 add_code(CodeMap& codes, base::ByteSpan code);

}  // namespace zkbatch::witness
