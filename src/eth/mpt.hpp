// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Merkle-Patricia tries (Yellow Paper appendix D) that may hold subtrees known only by their
// hash, as a block witness provides them: the validator can read and update every key whose path
// the witness covers, and gets an error, never a wrong root, for any other.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "base/hash_map.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/vector.hpp"
#include "eth/nibbles.hpp"
#include "eth/rlp.hpp"

namespace zkbatch::eth {

struct Node;

/// Detail strings of the errors a witness-backed trie reports (Errc::not_found): a key whose
/// path runs into a hash node, and a delete whose branch would have to merge with a sibling that
/// is only a hash.
inline constexpr const char* kMissingTrieNode = "missing trie node";
inline constexpr const char* kWitnessLacksNode = "witness lacks node";

/// What a delete does when it leaves a branch with a single child that is a hash node. The
/// canonical result depends on what the hash hides: a branch stays below a one-nibble extension,
/// a leaf or an extension must merge its path with that nibble.
enum class CollapsePolicy : uint8_t {
  /// Fail with not_found / kWitnessLacksNode: the witness must include the sibling.
  strict,
  /// Assume the hidden node is a branch and wrap it in a one-nibble extension, as zk_evm's
  /// CollapseToExtension does (mpt_trie/src/trie_ops.rs). If the assumption is wrong the root
  /// differs from the header's, so the block is rejected, never accepted wrongly.
  extension_to_hash,
};

/// Trie nodes known by hash: RLP node encodings indexed by their Keccak-256, the form in which
/// witnesses and proofs carry a partial trie. The set keeps views: the encodings must outlive
/// it (tries built from it copy what they keep).
class NodeSet {
 public:
  /// An empty set whose index allocates from `arena` (malloc when null).
  explicit NodeSet(base::Arena* arena = nullptr) : map_(arena) {}

  /// Hashes `encoding` and adds it; adding the same node twice is harmless.
  base::Status add(base::ByteSpan encoding);
  /// The encoding whose Keccak-256 is `hash`, or null.
  const base::ByteSpan* find(const base::Bytes32& hash) const { return map_.find(hash); }
  size_t size() const { return map_.size(); }

 private:
  base::HashMap<base::Bytes32, base::ByteSpan> map_;
};

/// A Merkle-Patricia trie over byte-string keys and non-empty byte-string values. Nodes live in
/// an arena (the caller's, or one the trie owns); updates change the nodes on one path in place
/// and re-hash only that path on the next `root_hash`.
///
/// Errors are values: a read or write that must pass through a hash node fails with
/// Errc::not_found and detail kMissingTrieNode (position: the nibble depth of the hash node), and
/// leaves the trie as it was. After out_of_memory the trie's contents are unspecified.
class Trie {
 public:
  /// An empty trie with its own arena.
  Trie() = default;
  /// An empty trie whose nodes live in `arena` (its own arena when null).
  explicit Trie(base::Arena* arena) : arena_(arena) {}
  ~Trie();
  Trie(const Trie&) = delete;
  Trie& operator=(const Trie&) = delete;
  Trie(Trie&& other) noexcept;
  Trie& operator=(Trie&& other) noexcept;

  /// The trie whose root hash is `root`, with every node that `nodes` holds reachable from it
  /// decoded; children missing from `nodes` become hash nodes. `root` = kEmptyTrieRoot gives the
  /// empty trie; a root missing from `nodes` gives a trie that is one hash node. Nodes are
  /// decoded strictly (canonical RLP, valid hex-prefix paths, embedded children under 32 bytes);
  /// errors are malformed with the detail of the first bad node.
  static base::Result<Trie> from_nodes(const base::Bytes32& root,
                                       const NodeSet& nodes,
                                       base::Arena* arena = nullptr);

  /// The value stored under `key`: an empty view when the key is absent (values are never
  /// empty), not_found / kMissingTrieNode when the path enters a hash node. The view points into
  /// the trie's arena and stays valid while the arena lives, even after the key changes.
  base::Result<base::ByteSpan> get(base::ByteSpan key) const;
  /// Stores a copy of `value` under `key`; an empty value erases the key.
  base::Status insert(base::ByteSpan key, base::ByteSpan value);
  /// Removes `key` (absent keys are not an error), collapsing nodes as the canonical trie
  /// requires (a branch left with one child merges into it; see CollapsePolicy).
  base::Status erase(base::ByteSpan key);

  /// The root hash: Keccak-256 of the root node's RLP (always hashed, even when short);
  /// kEmptyTrieRoot for the empty trie. Fails only when memory runs out.
  base::Result<base::Bytes32> root_hash();
  /// True when the trie holds nothing (not even a hash node).
  bool empty() const { return root_ == nullptr; }

  /// Chooses what a delete does next to a hash node; strict by default.
  void set_collapse_policy(CollapsePolicy policy) { policy_ = policy; }
  CollapsePolicy collapse_policy() const { return policy_; }

  /// Appends the RLP encoding of every node that its parent references by hash (encodings of 32
  /// bytes or more) and of the root, in depth-first order; hash nodes contribute nothing. These
  /// are exactly the nodes `from_nodes` needs to rebuild the trie.
  base::Status export_nodes(base::Vector<base::Bytes>& out);

  // Structural construction, for decoders of witness formats that describe nodes directly.
  // Each returns a node in this trie's arena; link them bottom-up (each node once: updates change
  // nodes in place) and call set_root. The structure is taken as given: a non-canonical one
  // simply hashes to a root no real block has.

  /// A leaf with the rest-of-key `path` and a copy of the non-empty `value`.
  base::Result<Node*> make_leaf(NibbleSpan path, base::ByteSpan value);
  /// An extension with the non-empty `path` over a non-null `child`.
  base::Result<Node*> make_extension(NibbleSpan path, Node* child);
  /// A branch with `children` (null where absent) and an optional value (empty for none).
  base::Result<Node*> make_branch(Node* const children[16], base::ByteSpan value);
  /// A subtree known only by `hash`.
  base::Result<Node*> make_hash(const base::Bytes32& hash);
  /// Replaces the whole trie by the subtree `root` (null for the empty trie).
  void set_root(Node* root) { root_ = root; }
  /// The root node, null when empty.
  Node* root() const { return root_; }

 private:
  base::Arena* arena();
  void* allocate(size_t size, size_t align);
  template <class T, class... Args>
  T* create(Args&&... args);
  NibbleSpan copy_nibbles(NibbleSpan a, NibbleSpan b = NibbleSpan());
  base::ByteSpan copy_bytes(base::ByteSpan bytes, bool* ok);

  base::Result<Node*> insert_at(Node* node, NibbleSpan path, base::ByteSpan value, size_t depth);
  base::Result<Node*> erase_at(Node* node, NibbleSpan path, size_t depth, bool* changed);
  base::Result<Node*> collapse_branch(Node* only_child, int index, size_t depth);
  base::Status update_ref(Node* node);
  base::Status encode_node(const Node* node, base::Bytes& out) const;
  base::Status export_from(Node* node, bool is_root, base::Vector<base::Bytes>& out);
  base::Result<Node*> decode_node(base::ByteSpan encoding,
                                  const uint8_t* known_hash,
                                  const NodeSet& nodes,
                                  size_t depth);
  base::Result<Node*> decode_child(const rlp::Item& item, const NodeSet& nodes, size_t depth);
  void release();

  Node* root_ = nullptr;
  base::Arena* arena_ = nullptr;
  base::Arena* owned_arena_ = nullptr;  // created on first use when no arena was given
  CollapsePolicy policy_ = CollapsePolicy::strict;
  base::Bytes scratch_;  // encoding buffer for hashing
};

/// The root of the trie that maps rlp(i) to values[i]: the transactions, receipts and
/// withdrawals roots of a block header (Yellow Paper §4.3, EIP-2718, EIP-4895).
base::Result<base::Bytes32> ordered_trie_root(base::Span<const base::ByteSpan> values);

}  // namespace zkbatch::eth
