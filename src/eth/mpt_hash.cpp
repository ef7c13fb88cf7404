// SPDX-License-Identifier: Apache-2.0
// Node encoding and hashing (Yellow Paper appendix D, the functions c and n): a node's reference
// in its parent is its RLP when shorter than 32 bytes, else the Keccak-256 of that RLP.
#include <stdlib.h>
#include <string.h>

#include "eth/account.hpp"
#include "eth/detail/keccak.hpp"
#include "eth/detail/mpt_node.hpp"
#include "eth/mpt.hpp"
#include "eth/rlp.hpp"

namespace zkbatch::eth {

using base::ByteSpan;
using base::Errc;
using base::make_error;

namespace {

// Appends a child reference: the empty string for no child, the 32-byte hash as a string, or
// the embedded encoding as it is.
void append_ref(rlp::Encoder& e, const Node* child) {
  if (child == nullptr) {
    e.bytes(ByteSpan());
  } else if (child->ref_size == 32) {
    e.bytes(ByteSpan(child->ref, 32));
  } else {
    e.raw(ByteSpan(child->ref, child->ref_size));
  }
}

// Appends HP(path, leaf) as an RLP string; paths of up to 254 nibbles use the stack.
bool append_path(rlp::Encoder& e, NibbleSpan path, bool leaf) {
  uint8_t local[128];
  size_t n = hex_prefix_size(path.size());
  uint8_t* buffer = n <= sizeof(local) ? local : static_cast<uint8_t*>(malloc(n));
  if (buffer == nullptr) return false;
  hex_prefix_encode(path, leaf, buffer);
  e.bytes(ByteSpan(buffer, n));
  if (buffer != local) free(buffer);
  return true;
}

}  // namespace

// Encodes `node`, whose children's references must be valid, into `out` (appending).
base::Status Trie::encode_node(const Node* node, base::Bytes& out) const {
  rlp::Encoder e(out);
  size_t list = e.begin_list();
  switch (node->kind) {
    case NodeKind::leaf: {
      const auto* leaf = static_cast<const LeafNode*>(node);
      if (!append_path(e, leaf->path, true)) return make_error(Errc::out_of_memory);
      e.bytes(leaf->value);
      break;
    }
    case NodeKind::extension: {
      const auto* ext = static_cast<const ExtensionNode*>(node);
      if (!append_path(e, ext->path, false)) return make_error(Errc::out_of_memory);
      append_ref(e, ext->child);
      break;
    }
    case NodeKind::branch: {
      const auto* branch = static_cast<const BranchNode*>(node);
      for (const Node* child : branch->children)
        append_ref(e, child);
      e.bytes(branch->value);
      break;
    }
    case NodeKind::hash:
      return make_error(Errc::invalid_argument, 0, "a hash node has no encoding");
  }
  e.end_list(list);
  return e.status();
}

// Recomputes the references that updates invalidated, children first.
base::Status Trie::update_ref(Node* node) {
  if (node->ref_valid) return {};
  if (node->kind == NodeKind::extension) {
    if (base::Status s = update_ref(static_cast<ExtensionNode*>(node)->child); !s) return s;
  } else if (node->kind == NodeKind::branch) {
    for (Node* child : static_cast<BranchNode*>(node)->children) {
      if (child == nullptr) continue;
      if (base::Status s = update_ref(child); !s) return s;
    }
  }
  scratch_.clear();
  if (base::Status s = encode_node(node, scratch_); !s) return s;
  if (scratch_.size() < 32) {
    memcpy(node->ref, scratch_.data(), scratch_.size());
    node->ref_size = static_cast<uint8_t>(scratch_.size());
  } else {
    hash::keccak256(scratch_.span(), node->ref);
    node->ref_size = 32;
  }
  node->ref_valid = true;
  return {};
}

base::Result<base::Bytes32> Trie::root_hash() {
  if (root_ == nullptr) return kEmptyTrieRoot;
  if (base::Status s = update_ref(root_); !s) return s.error();
  base::Bytes32 root;
  if (root_->ref_size == 32) {
    memcpy(root.bytes, root_->ref, 32);
  } else {
    root = detail::keccak(ByteSpan(root_->ref, root_->ref_size));
  }
  return root;
}

base::Status Trie::export_nodes(base::Vector<base::Bytes>& out) {
  if (root_ == nullptr) return {};
  if (base::Status s = update_ref(root_); !s) return s;
  return export_from(root_, true, out);
}

base::Status Trie::export_from(Node* node, bool is_root, base::Vector<base::Bytes>& out) {
  if (node->kind == NodeKind::hash) return {};
  if (is_root || node->ref_size == 32) {
    base::Bytes encoding;
    if (base::Status s = encode_node(node, encoding); !s) return s;
    if (!out.push_back(base::move(encoding))) return make_error(Errc::out_of_memory);
  }
  if (node->kind == NodeKind::extension) {
    return export_from(static_cast<ExtensionNode*>(node)->child, false, out);
  }
  if (node->kind == NodeKind::branch) {
    for (Node* child : static_cast<BranchNode*>(node)->children) {
      if (child == nullptr) continue;
      if (base::Status s = export_from(child, false, out); !s) return s;
    }
  }
  return {};
}

base::Result<base::Bytes32> ordered_trie_root(base::Span<const ByteSpan> values) {
  Trie trie;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) return make_error(Errc::invalid_argument, i, "empty trie value");
    uint8_t key[9];
    size_t n = 0;
    uint8_t be[8];
    size_t len = rlp::to_minimal_be(i, be);
    // rlp(i): 0x80 for zero, the byte itself below 0x80, else a short string.
    if (len == 0) {
      key[n++] = 0x80;
    } else if (len == 1 && be[0] < 0x80) {
      key[n++] = be[0];
    } else {
      key[n++] = static_cast<uint8_t>(0x80 + len);
      memcpy(key + n, be, len);
      n += len;
    }
    if (base::Status s = trie.insert(ByteSpan(key, n), values[i]); !s) return s.error();
  }
  return trie.root_hash();
}

}  // namespace zkbatch::eth
