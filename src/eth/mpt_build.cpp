// SPDX-License-Identifier: Apache-2.0
// Building a trie from RLP nodes known by hash, as a witness provides them.
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

// Node nesting deeper than this is rejected: a canonical trie over keys of up to 127 bytes is
// shallower, and the bound keeps the recursion's stack use fixed on the guest.
constexpr size_t kMaxNodeDepth = 256;

}  // namespace

base::Status NodeSet::add(ByteSpan encoding) {
  base::Bytes32 hash = detail::keccak(encoding);
  if (map_.insert_or_assign(hash, encoding) == nullptr) {
    return make_error(Errc::out_of_memory, 0, "trie node set");
  }
  return {};
}

base::Result<Trie> Trie::from_nodes(const base::Bytes32& root,
                                    const NodeSet& nodes,
                                    base::Arena* arena) {
  Trie trie(arena);
  if (root == kEmptyTrieRoot) return trie;
  const ByteSpan* encoding = nodes.find(root);
  base::Result<Node*> node = encoding == nullptr
                                 ? trie.make_hash(root)
                                 : trie.decode_node(*encoding, root.bytes, nodes, 0);
  if (!node) return node.error();
  trie.root_ = *node;
  return trie;
}

// Decodes one node. `known_hash` is its Keccak-256 when its parent references it by hash (null
// for an embedded node). The checks are the canonical-form rules: 2 or 17 items, a valid
// hex-prefix path, a non-empty leaf value, a non-empty extension path over a branch, a branch
// with at least two entries.
base::Result<Node*> Trie::decode_node(ByteSpan encoding,
                                      const uint8_t* known_hash,
                                      const NodeSet& nodes,
                                      size_t depth) {
  if (depth > kMaxNodeDepth) return make_error(Errc::overflow, depth, "trie nested too deep");
  base::Result<rlp::Decoder> list = rlp::decode_list(encoding);
  if (!list) return list.error();
  rlp::Item items[17];
  size_t count = 0;
  while (!list->empty()) {
    if (count == 17) return make_error(Errc::malformed, list->position(), "trie node too long");
    base::Result<rlp::Item> item = list->read_item();
    if (!item) return item.error();
    items[count++] = *item;
  }
  Node* node = nullptr;
  if (count == 2) {
    if (items[0].is_list) return make_error(Errc::malformed, items[0].position, "trie path");
    ByteSpan hp = items[0].payload;
    auto* path_out = static_cast<uint8_t*>(allocate(2 * hp.size() + 1, 1));
    if (path_out == nullptr) return make_error(Errc::out_of_memory, 0, "trie node");
    base::Result<HexPrefixPath> path = hex_prefix_decode(hp, path_out);
    if (!path) return make_error(path.error().code, items[0].position, path.error().detail);
    NibbleSpan nibbles(path_out, path->nibble_count);
    if (path->leaf) {
      if (items[1].is_list || items[1].payload.empty()) {
        return make_error(Errc::malformed, items[1].position, "trie leaf value");
      }
      bool ok = true;
      ByteSpan value = copy_bytes(items[1].payload, &ok);
      if (!ok) return make_error(Errc::out_of_memory, 0, "trie node");
      node = create<LeafNode>(nibbles, value);
    } else {
      if (nibbles.empty()) {
        return make_error(Errc::malformed, items[0].position, "trie extension with empty path");
      }
      base::Result<Node*> child = decode_child(items[1], nodes, depth);
      if (!child) return child;
      if (*child == nullptr || (*child)->kind == NodeKind::leaf ||
          (*child)->kind == NodeKind::extension) {
        return make_error(Errc::malformed, items[1].position, "trie extension child");
      }
      node = create<ExtensionNode>(nibbles, *child);
    }
  } else if (count == 17) {
    Node* children[16];
    int entries = 0;
    for (int i = 0; i < 16; ++i) {
      base::Result<Node*> child = decode_child(items[i], nodes, depth);
      if (!child) return child;
      children[i] = *child;
      if (children[i] != nullptr) ++entries;
    }
    if (items[16].is_list) return make_error(Errc::malformed, items[16].position, "branch value");
    if (!items[16].payload.empty()) ++entries;
    if (entries < 2) {
      return make_error(Errc::malformed, items[0].position, "trie branch with under two entries");
    }
    base::Result<Node*> branch = make_branch(children, items[16].payload);
    if (!branch) return branch;
    node = *branch;
  } else {
    return make_error(Errc::malformed, 0, "trie node is not a list of 2 or 17 items");
  }
  if (node == nullptr) return make_error(Errc::out_of_memory, 0, "trie node");
  // The reference is known: the hash the parent used (it was found under it), or the embedded
  // bytes themselves; strict decoding guarantees that re-encoding gives the same bytes.
  if (known_hash != nullptr) {
    memcpy(node->ref, known_hash, 32);
    node->ref_size = 32;
  } else {
    memcpy(node->ref, encoding.data(), encoding.size());
    node->ref_size = static_cast<uint8_t>(encoding.size());
  }
  node->ref_valid = true;
  return node;
}

// Decodes a child reference: the empty string (no child), a 32-byte hash (decoded from `nodes`
// when present, else a hash node), or an embedded node shorter than 32 bytes.
base::Result<Node*> Trie::decode_child(const rlp::Item& item, const NodeSet& nodes, size_t depth) {
  if (item.is_list) {
    if (item.encoding.size() >= 32) {
      return make_error(Errc::malformed, item.position, "embedded trie node of 32 bytes or more");
    }
    return decode_node(item.encoding, nullptr, nodes, depth + 1);
  }
  if (item.payload.empty()) return static_cast<Node*>(nullptr);
  if (item.payload.size() != 32) {
    return make_error(Errc::malformed, item.position, "trie child reference is not a hash");
  }
  base::Bytes32 hash;
  memcpy(hash.bytes, item.payload.data(), 32);
  const ByteSpan* encoding = nodes.find(hash);
  if (encoding == nullptr) return make_hash(hash);
  return decode_node(*encoding, hash.bytes, nodes, depth + 1);
}

}  // namespace zkbatch::eth
