// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only. Internal to src/eth: the node layout of eth::Trie.
#pragma once

#include <stdint.h>

#include "base/span.hpp"
#include "base/utility.hpp"
#include "eth/mpt.hpp"
#include "eth/nibbles.hpp"

namespace zkbatch::eth {

/// The four node kinds of a Merkle-Patricia trie (Yellow Paper appendix D) plus the hash node:
/// a subtree known only by its hash, as a witness leaves it.
enum class NodeKind : uint8_t { leaf, extension, branch, hash };

/// Common header of every node. `ref` caches the node's reference in its parent: the node's own
/// RLP encoding when that is shorter than 32 bytes (the node is embedded), otherwise the
/// Keccak-256 of the encoding. Mutations clear `ref_valid` on the path they change, so hashing
/// after an update re-encodes only that path.
struct Node {
  NodeKind kind;
  bool ref_valid = false;
  uint8_t ref_size = 0;  ///< < 32: embedded encoding; 32: hash
  uint8_t ref[32];

  explicit Node(NodeKind k) : kind(k) {}
};

/// A leaf: the rest of the key and the value (never empty).
struct LeafNode : Node {
  NibbleSpan path;
  base::ByteSpan value;
  LeafNode(NibbleSpan p, base::ByteSpan v) : Node(NodeKind::leaf), path(p), value(v) {}
};

/// An extension: a shared, non-empty key segment and the one child below it.
struct ExtensionNode : Node {
  NibbleSpan path;
  Node* child;
  ExtensionNode(NibbleSpan p, Node* c) : Node(NodeKind::extension), path(p), child(c) {}
};

/// A branch: one child per nibble (null when absent) and the value of the key that ends here
/// (empty when none; only tries with keys of different lengths have one).
struct BranchNode : Node {
  Node* children[16] = {};
  base::ByteSpan value;
  BranchNode() : Node(NodeKind::branch) {}
};

/// A subtree known only by its hash; `ref` holds the hash.
struct HashNode : Node {
  HashNode() : Node(NodeKind::hash) {}
};

/// Allocates and constructs a node (or any T) in the trie's arena; null when memory runs out.
template <class T, class... Args>
T* Trie::create(Args&&... args) {
  void* memory = allocate(sizeof(T), alignof(T));
  if (memory == nullptr) return nullptr;
  return base::construct_at(static_cast<T*>(memory), base::forward<Args>(args)...);
}

}  // namespace zkbatch::eth
