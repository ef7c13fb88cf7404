// SPDX-License-Identifier: Apache-2.0
// Trie lifetime, reads and updates. Hashing is in mpt_hash.cpp, decoding in mpt_build.cpp.
#include "eth/mpt.hpp"

#include <stdlib.h>
#include <string.h>

#include "base/utility.hpp"
#include "eth/detail/mpt_node.hpp"

namespace zkbatch::eth {

using base::ByteSpan;
using base::Errc;
using base::make_error;

namespace {

// Single-nibble paths point here, so a collapse to a one-nibble extension allocates no path.
constexpr uint8_t kNibbleValues[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

NibbleSpan single_nibble(int index) {
  return NibbleSpan(kNibbleValues + index, 1);
}

bool same_path(NibbleSpan a, NibbleSpan b) {
  return a.size() == b.size() && (a.empty() || memcmp(a.data(), b.data(), a.size()) == 0);
}

// The nibbles of a lookup key: on the stack for keys up to 64 bytes, else on the heap.
class KeyNibbles {
 public:
  explicit KeyNibbles(ByteSpan key) : size_(2 * key.size()) {
    data_ = size_ <= sizeof(inline_) ? inline_ : static_cast<uint8_t*>(malloc(size_));
    if (data_ != nullptr) unpack_nibbles(key, data_);
  }
  ~KeyNibbles() {
    if (data_ != inline_) free(data_);
  }
  KeyNibbles(const KeyNibbles&) = delete;
  KeyNibbles& operator=(const KeyNibbles&) = delete;

  bool ok() const { return data_ != nullptr; }
  NibbleSpan span() const { return NibbleSpan(data_, size_); }

 private:
  uint8_t inline_[128];
  uint8_t* data_ = nullptr;
  size_t size_;
};

base::Error out_of_memory() {
  return make_error(Errc::out_of_memory, 0, "trie node");
}

}  // namespace

Trie::~Trie() {
  release();
}

Trie::Trie(Trie&& other) noexcept
    : root_(other.root_),
      arena_(other.arena_),
      owned_arena_(other.owned_arena_),
      policy_(other.policy_),
      scratch_(base::move(other.scratch_)) {
  other.root_ = nullptr;
  other.owned_arena_ = nullptr;
}

Trie& Trie::operator=(Trie&& other) noexcept {
  if (this != &other) {
    release();
    root_ = other.root_;
    arena_ = other.arena_;
    owned_arena_ = other.owned_arena_;
    policy_ = other.policy_;
    scratch_ = base::move(other.scratch_);
    other.root_ = nullptr;
    other.owned_arena_ = nullptr;
  }
  return *this;
}

void Trie::release() {
  root_ = nullptr;
  if (owned_arena_ != nullptr) {
    base::destroy_at(owned_arena_);
    free(owned_arena_);
    owned_arena_ = nullptr;
  }
}

base::Arena* Trie::arena() {
  if (arena_ != nullptr) return arena_;
  if (owned_arena_ == nullptr) {
    void* memory = malloc(sizeof(base::Arena));
    if (memory == nullptr) return nullptr;
    owned_arena_ = base::construct_at(static_cast<base::Arena*>(memory));
  }
  return owned_arena_;
}

void* Trie::allocate(size_t size, size_t align) {
  base::Arena* a = arena();
  return a == nullptr ? nullptr : a->allocate(size, align);
}

// Copies a ‖ b into the arena. An empty result needs no memory; a null data pointer with a
// non-zero size signals out of memory.
NibbleSpan Trie::copy_nibbles(NibbleSpan a, NibbleSpan b) {
  size_t n = a.size() + b.size();
  if (n == 0) return NibbleSpan();
  uint8_t* out = static_cast<uint8_t*>(allocate(n, 1));
  if (out == nullptr) return NibbleSpan(nullptr, n);
  if (!a.empty()) memcpy(out, a.data(), a.size());
  if (!b.empty()) memcpy(out + a.size(), b.data(), b.size());
  return NibbleSpan(out, n);
}

ByteSpan Trie::copy_bytes(ByteSpan bytes, bool* ok) {
  *ok = true;
  if (bytes.empty()) return ByteSpan();
  uint8_t* out = static_cast<uint8_t*>(allocate(bytes.size(), 1));
  if (out == nullptr) {
    *ok = false;
    return ByteSpan();
  }
  memcpy(out, bytes.data(), bytes.size());
  return ByteSpan(out, bytes.size());
}

base::Result<ByteSpan> Trie::get(ByteSpan key) const {
  KeyNibbles nibbles(key);
  if (!nibbles.ok()) return out_of_memory();
  NibbleSpan path = nibbles.span();
  size_t depth = 0;
  const Node* node = root_;
  while (node != nullptr) {
    switch (node->kind) {
      case NodeKind::hash:
        return make_error(Errc::not_found, depth, kMissingTrieNode);
      case NodeKind::leaf: {
        const auto* leaf = static_cast<const LeafNode*>(node);
        return same_path(leaf->path, path) ? leaf->value : ByteSpan();
      }
      case NodeKind::extension: {
        const auto* ext = static_cast<const ExtensionNode*>(node);
        size_t n = ext->path.size();
        if (path.size() < n || common_prefix_length(ext->path, path) != n) return ByteSpan();
        path = path.subspan(n);
        depth += n;
        node = ext->child;
        break;
      }
      case NodeKind::branch: {
        const auto* branch = static_cast<const BranchNode*>(node);
        if (path.empty()) return branch->value;
        node = branch->children[path[0]];
        path = path.subspan(1);
        depth += 1;
        break;
      }
    }
  }
  return ByteSpan();
}

base::Status Trie::insert(ByteSpan key, ByteSpan value) {
  if (value.empty()) return erase(key);
  KeyNibbles nibbles(key);
  if (!nibbles.ok()) return out_of_memory();
  bool ok = true;
  ByteSpan stored = copy_bytes(value, &ok);
  if (!ok) return out_of_memory();
  base::Result<Node*> root = insert_at(root_, nibbles.span(), stored, 0);
  if (!root) return root.error();
  root_ = *root;
  return {};
}

// Inserts `value` (already in the arena) at `path` below `node` and returns the new subtree.
// Nodes change only after everything below succeeded, so a missing node leaves the trie as it
// was. The cases follow the node kinds of Yellow Paper appendix D.
base::Result<Node*> Trie::insert_at(Node* node, NibbleSpan path, ByteSpan value, size_t depth) {
  if (node == nullptr) {
    NibbleSpan stored = copy_nibbles(path);
    if (stored.data() == nullptr && !stored.empty()) return out_of_memory();
    Node* leaf = create<LeafNode>(stored, value);
    if (leaf == nullptr) return out_of_memory();
    return leaf;
  }
  switch (node->kind) {
    case NodeKind::hash:
      return make_error(Errc::not_found, depth, kMissingTrieNode);
    case NodeKind::leaf: {
      auto* leaf = static_cast<LeafNode*>(node);
      size_t common = common_prefix_length(leaf->path, path);
      if (common == leaf->path.size() && common == path.size()) {
        leaf->value = value;
        leaf->ref_valid = false;
        return node;
      }
      // The keys part ways after `common` nibbles: a branch there, under an extension holding
      // the shared nibbles when there are any.
      auto* branch = create<BranchNode>();
      if (branch == nullptr) return out_of_memory();
      if (common == leaf->path.size()) {
        branch->value = leaf->value;
      } else {
        Node* old = create<LeafNode>(leaf->path.subspan(common + 1), leaf->value);
        if (old == nullptr) return out_of_memory();
        branch->children[leaf->path[common]] = old;
      }
      if (common == path.size()) {
        branch->value = value;
      } else {
        base::Result<Node*> fresh = insert_at(nullptr, path.subspan(common + 1), value, depth);
        if (!fresh) return fresh;
        branch->children[path[common]] = *fresh;
      }
      if (common == 0) return branch;
      Node* ext = create<ExtensionNode>(leaf->path.first(common), branch);
      if (ext == nullptr) return out_of_memory();
      return ext;
    }
    case NodeKind::extension: {
      auto* ext = static_cast<ExtensionNode*>(node);
      size_t common = common_prefix_length(ext->path, path);
      if (common == ext->path.size()) {
        base::Result<Node*> child =
            insert_at(ext->child, path.subspan(common), value, depth + common);
        if (!child) return child;
        ext->child = *child;
        ext->ref_valid = false;
        return node;
      }
      // The key leaves the extension inside its path: split it around a new branch.
      auto* branch = create<BranchNode>();
      if (branch == nullptr) return out_of_memory();
      Node* rest = ext->child;
      if (common + 1 < ext->path.size()) {
        rest = create<ExtensionNode>(ext->path.subspan(common + 1), ext->child);
        if (rest == nullptr) return out_of_memory();
      }
      branch->children[ext->path[common]] = rest;
      if (common == path.size()) {
        branch->value = value;
      } else {
        base::Result<Node*> fresh = insert_at(nullptr, path.subspan(common + 1), value, depth);
        if (!fresh) return fresh;
        branch->children[path[common]] = *fresh;
      }
      if (common == 0) return branch;
      Node* top = create<ExtensionNode>(ext->path.first(common), branch);
      if (top == nullptr) return out_of_memory();
      return top;
    }
    case NodeKind::branch: {
      auto* branch = static_cast<BranchNode*>(node);
      if (path.empty()) {
        branch->value = value;
        branch->ref_valid = false;
        return node;
      }
      base::Result<Node*> child =
          insert_at(branch->children[path[0]], path.subspan(1), value, depth + 1);
      if (!child) return child;
      branch->children[path[0]] = *child;
      branch->ref_valid = false;
      return node;
    }
  }
  return make_error(Errc::malformed, depth, "unknown trie node kind");
}

base::Status Trie::erase(ByteSpan key) {
  KeyNibbles nibbles(key);
  if (!nibbles.ok()) return out_of_memory();
  bool changed = false;
  base::Result<Node*> root = erase_at(root_, nibbles.span(), 0, &changed);
  if (!root) return root.error();
  root_ = *root;
  return {};
}

// Removes `path` below `node` and returns the new subtree; `*changed` is false when the key was
// absent (the subtree is then returned untouched). A node changes only once its own result is
// known, and the only failure after a change below is running out of memory: a branch whose
// last sibling is a hash node can only lose a leaf or its value, which changes nothing below it.
base::Result<Node*> Trie::erase_at(Node* node, NibbleSpan path, size_t depth, bool* changed) {
  *changed = false;
  if (node == nullptr) return node;
  switch (node->kind) {
    case NodeKind::hash:
      return make_error(Errc::not_found, depth, kMissingTrieNode);
    case NodeKind::leaf: {
      auto* leaf = static_cast<LeafNode*>(node);
      if (!same_path(leaf->path, path)) return node;
      *changed = true;
      return static_cast<Node*>(nullptr);
    }
    case NodeKind::extension: {
      auto* ext = static_cast<ExtensionNode*>(node);
      size_t n = ext->path.size();
      if (path.size() < n || common_prefix_length(ext->path, path) != n) return node;
      base::Result<Node*> child = erase_at(ext->child, path.subspan(n), depth + n, changed);
      if (!child || !*changed) return child ? base::Result<Node*>(node) : child;
      Node* c = *child;
      if (c == nullptr) return c;
      // A branch below that collapsed into a leaf or an extension merges with this extension.
      if (c->kind == NodeKind::leaf || c->kind == NodeKind::extension) {
        NibbleSpan tail = c->kind == NodeKind::leaf ? static_cast<LeafNode*>(c)->path
                                                    : static_cast<ExtensionNode*>(c)->path;
        NibbleSpan merged = copy_nibbles(ext->path, tail);
        if (merged.data() == nullptr) return out_of_memory();
        Node* result =
            c->kind == NodeKind::leaf
                ? static_cast<Node*>(create<LeafNode>(merged, static_cast<LeafNode*>(c)->value))
                : static_cast<Node*>(
                      create<ExtensionNode>(merged, static_cast<ExtensionNode*>(c)->child));
        if (result == nullptr) return out_of_memory();
        return result;
      }
      ext->child = c;
      ext->ref_valid = false;
      return node;
    }
    case NodeKind::branch: {
      auto* branch = static_cast<BranchNode*>(node);
      int slot = -1;
      Node* new_child = nullptr;
      ByteSpan new_value = branch->value;
      if (path.empty()) {
        if (branch->value.empty()) return node;
        new_value = ByteSpan();
        *changed = true;
      } else {
        slot = path[0];
        base::Result<Node*> child =
            erase_at(branch->children[slot], path.subspan(1), depth + 1, changed);
        if (!child || !*changed) return child ? base::Result<Node*>(node) : child;
        new_child = *child;
      }
      int count = 0;
      int only = -1;
      for (int i = 0; i < 16; ++i) {
        Node* c = i == slot ? new_child : branch->children[i];
        if (c != nullptr) {
          ++count;
          only = i;
        }
      }
      int entries = count + (new_value.empty() ? 0 : 1);
      if (entries >= 2) {
        if (slot >= 0) branch->children[slot] = new_child;
        branch->value = new_value;
        branch->ref_valid = false;
        return node;
      }
      if (entries == 0) return static_cast<Node*>(nullptr);
      if (count == 0) {
        // Only the value is left: a leaf with an empty rest-of-key.
        Node* leaf = create<LeafNode>(NibbleSpan(), new_value);
        if (leaf == nullptr) return out_of_memory();
        return leaf;
      }
      return collapse_branch(only == slot ? new_child : branch->children[only], only, depth);
    }
  }
  return make_error(Errc::malformed, depth, "unknown trie node kind");
}

// A branch left with the single child `child` at nibble `index` is replaced by a node that
// prepends `index` to that child's path (Yellow Paper appendix D: a branch has at least two
// entries). `depth` is the branch's nibble depth, for errors.
base::Result<Node*> Trie::collapse_branch(Node* child, int index, size_t depth) {
  switch (child->kind) {
    case NodeKind::leaf: {
      auto* leaf = static_cast<LeafNode*>(child);
      NibbleSpan merged = copy_nibbles(single_nibble(index), leaf->path);
      if (merged.data() == nullptr) return out_of_memory();
      Node* result = create<LeafNode>(merged, leaf->value);
      if (result == nullptr) return out_of_memory();
      return result;
    }
    case NodeKind::extension: {
      auto* ext = static_cast<ExtensionNode*>(child);
      NibbleSpan merged = copy_nibbles(single_nibble(index), ext->path);
      if (merged.data() == nullptr) return out_of_memory();
      Node* result = create<ExtensionNode>(merged, ext->child);
      if (result == nullptr) return out_of_memory();
      return result;
    }
    case NodeKind::hash:
      // The hidden node might be a leaf or an extension, whose path would have to absorb the
      // nibble; only the witness can tell (see CollapsePolicy).
      if (policy_ == CollapsePolicy::strict) {
        return make_error(Errc::not_found, depth, kWitnessLacksNode);
      }
      [[fallthrough]];
    case NodeKind::branch: {
      Node* result = create<ExtensionNode>(single_nibble(index), child);
      if (result == nullptr) return out_of_memory();
      return result;
    }
  }
  return make_error(Errc::malformed, depth, "unknown trie node kind");
}

base::Result<Node*> Trie::make_leaf(NibbleSpan path, ByteSpan value) {
  if (value.empty()) return make_error(Errc::invalid_argument, 0, "trie leaf with empty value");
  for (uint8_t n : path) {
    if (n > 15) return make_error(Errc::invalid_argument, 0, "nibble above 15");
  }
  bool ok = true;
  ByteSpan stored = copy_bytes(value, &ok);
  NibbleSpan stored_path = copy_nibbles(path);
  if (!ok || (stored_path.data() == nullptr && !stored_path.empty())) return out_of_memory();
  Node* leaf = create<LeafNode>(stored_path, stored);
  if (leaf == nullptr) return out_of_memory();
  return leaf;
}

base::Result<Node*> Trie::make_extension(NibbleSpan path, Node* child) {
  if (path.empty() || child == nullptr) {
    return make_error(Errc::invalid_argument, 0, "trie extension needs a path and a child");
  }
  for (uint8_t n : path) {
    if (n > 15) return make_error(Errc::invalid_argument, 0, "nibble above 15");
  }
  NibbleSpan stored_path = copy_nibbles(path);
  if (stored_path.data() == nullptr) return out_of_memory();
  Node* ext = create<ExtensionNode>(stored_path, child);
  if (ext == nullptr) return out_of_memory();
  return ext;
}

base::Result<Node*> Trie::make_branch(Node* const children[16], ByteSpan value) {
  bool ok = true;
  ByteSpan stored = copy_bytes(value, &ok);
  auto* branch = create<BranchNode>();
  if (!ok || branch == nullptr) return out_of_memory();
  for (int i = 0; i < 16; ++i)
    branch->children[i] = children[i];
  branch->value = stored;
  return branch;
}

base::Result<Node*> Trie::make_hash(const base::Bytes32& hash) {
  auto* node = create<HashNode>();
  if (node == nullptr) return out_of_memory();
  memcpy(node->ref, hash.bytes, 32);
  node->ref_size = 32;
  node->ref_valid = true;
  return node;
}

}  // namespace zkbatch::eth
