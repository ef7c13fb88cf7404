// SPDX-License-Identifier: Apache-2.0
// The trie building of ../shared/reference/zk_evm_witness.md §2.6 (`visit` and
// `node2storagetrie` in zk_evm's trace_decoder/src/type1.rs), done structurally: each node of the
// compact tree becomes the same node of an eth::Trie, so the root hash is computed over exactly
// the nodes the witness carries.
#include "witness/pre_state.hpp"

#include <string>

#include "eth/account.hpp"
#include "eth/rlp.hpp"
#include "hash/keccak.hpp"
#include "witness/error.hpp"

namespace zkbatch::witness {

namespace {

// Trie keys are Keccak-256 hashes: 64 nibbles (reference §1.3).
constexpr size_t kKeyNibbles = 64;

// The kind with its indefinite article, for messages.
const char* kind_name(CompactNodeKind kind) {
  switch (kind) {
    case CompactNodeKind::empty:
      return "an empty root";
    case CompactNodeKind::hash:
      return "a hash";
    case CompactNodeKind::leaf:
      return "a leaf";
    case CompactNodeKind::extension:
      return "an extension";
    case CompactNodeKind::branch:
      return "a branch";
    case CompactNodeKind::code:
      return "a code";
    case CompactNodeKind::account:
      return "an account leaf";
  }
  return "?";
}

template <class T>
T check(base::Result<T> result, uint32_t offset) {
  if (!result) throw BlobError(offset, "cannot build trie node: " + describe(result.error()));
  return *result;
}

class Builder {
 public:
  Builder(const CompactTree& tree, PreState& out) : tree_(tree), out_(out) {}

  void run() {
    out_.state = eth::Trie(out_.arena.get());
    std::vector<uint8_t> path;
    eth::Node* root = build(tree_.root, path, /*storage=*/false, out_.state);
    out_.state.set_root(root);
    out_.state_root = check(out_.state.root_hash(), tree_.node(tree_.root).offset);
  }

 private:
  // Builds the subtree of node `index` found at `path` (the nibbles above it) into `trie`.
  // Returns null for nodes that add nothing to the trie (empty root, bare code).
  eth::Node* build(uint32_t index, std::vector<uint8_t>& path, bool storage, eth::Trie& trie) {
    const CompactNode& n = tree_.node(index);
    if (path.size() >= kKeyNibbles) {
      throw BlobError(n.offset,
                      std::string(kind_name(n.kind)) + " node below a complete 64-nibble key");
    }
    switch (n.kind) {
      case CompactNodeKind::empty:
        if (!path.empty()) throw BlobError(n.offset, "an empty root inside a trie");
        return nullptr;
      case CompactNodeKind::code:
        // A bare code node only adds to the code set (reference §2.6).
        add_code(out_.codes, n.data);
        return nullptr;
      case CompactNodeKind::hash: {
        ++out_.hash_nodes;
        base::Bytes32 h{};
        std::memcpy(h.bytes, n.data.data(), 32);
        return check(trie.make_hash(h), n.offset);
      }
      case CompactNodeKind::leaf:
        return leaf(n, path, storage, trie);
      case CompactNodeKind::account:
        return account(n, path, storage, trie);
      case CompactNodeKind::extension:
        return extension(n, path, storage, trie);
      case CompactNodeKind::branch:
        return branch(n, path, storage, trie);
    }
    throw BlobError(n.offset, "unknown node kind");
  }

  void check_full_key(const CompactNode& n, const std::vector<uint8_t>& path) {
    size_t total = path.size() + n.key_size;
    if (total != kKeyNibbles) {
      throw BlobError(n.offset, std::string(kind_name(n.kind)) + " node at a key of " +
                                    std::to_string(total) + " nibbles (expected 64)");
    }
  }

  // A storage leaf: the trie stores rlp_string(value) (reference §2.6).
  eth::Node* leaf(const CompactNode& n, std::vector<uint8_t>& path, bool storage, eth::Trie& trie) {
    if (!storage) {
      throw BlobError(n.offset, "a plain value leaf in the state trie (expected an account leaf)");
    }
    check_full_key(n, path);
    ++out_.storage_slots;
    scratch_.clear();
    eth::rlp::Encoder encoder(scratch_);
    encoder.bytes(n.data);
    if (!encoder.ok()) throw BlobError(n.offset, "out of memory");
    return check(trie.make_leaf(tree_.key(n), scratch_.span()), n.offset);
  }

  // An account: rlp([nonce, balance, storage root, code hash]) at keccak(address).
  eth::Node* account(const CompactNode& n,
                     std::vector<uint8_t>& path,
                     bool storage,
                     eth::Trie& trie) {
    if (storage) throw BlobError(n.offset, "an account leaf inside a storage trie");
    check_full_key(n, path);
    ++out_.accounts;
    base::Bytes32 hashed{};
    base::Span<const uint8_t> key = tree_.key(n);
    for (size_t i = 0; i < kKeyNibbles; ++i) {
      uint8_t nibble = i < path.size() ? path[i] : key[i - path.size()];
      hashed.bytes[i / 2] |= static_cast<uint8_t>(i % 2 == 0 ? nibble << 4 : nibble);
    }

    eth::Account account;
    account.nonce = n.nonce;
    account.balance = n.balance;
    eth::Trie storage_trie(out_.arena.get());
    if (n.child[0] != kNoNode) {
      const CompactNode& root = tree_.node(n.child[0]);
      if (root.kind == CompactNodeKind::code || root.kind == CompactNodeKind::account) {
        throw BlobError(root.offset,
                        std::string(kind_name(root.kind)) + " node as the root of a storage trie");
      }
      std::vector<uint8_t> storage_path;
      storage_trie.set_root(build(n.child[0], storage_path, /*storage=*/true, storage_trie));
    }
    account.storage_root = check(storage_trie.root_hash(), n.offset);
    if (n.child[1] != kNoNode) {
      const CompactNode& code = tree_.node(n.child[1]);
      if (code.kind == CompactNodeKind::code) {
        account.code_hash = add_code(out_.codes, code.data);
      } else {
        std::memcpy(account.code_hash.bytes, code.data.data(), 32);
      }
    }
    if (!out_.storage.emplace(hashed, std::move(storage_trie)).second) {
      throw BlobError(n.offset, "the same account appears twice");
    }
    base::Bytes value;
    base::Status encoded = eth::encode_account(account, value);
    if (!encoded) throw BlobError(n.offset, "cannot encode account: " + describe(encoded.error()));
    return check(trie.make_leaf(key, value.span()), n.offset);
  }

  eth::Node* extension(const CompactNode& n,
                       std::vector<uint8_t>& path,
                       bool storage,
                       eth::Trie& trie) {
    const CompactNode& child = tree_.node(n.child[0]);
    if (child.kind != CompactNodeKind::branch && child.kind != CompactNodeKind::hash) {
      throw BlobError(n.offset, std::string("an extension over ") + kind_name(child.kind) +
                                    " node (expected a branch or a hash)");
    }
    if (path.size() + n.key_size >= kKeyNibbles) {
      throw BlobError(n.offset, "an extension reaching the end of a 64-nibble key");
    }
    base::Span<const uint8_t> key = tree_.key(n);
    size_t mark = path.size();
    path.insert(path.end(), key.begin(), key.end());
    eth::Node* below = build(n.child[0], path, storage, trie);
    path.resize(mark);
    return check(trie.make_extension(key, below), n.offset);
  }

  eth::Node* branch(const CompactNode& n,
                    std::vector<uint8_t>& path,
                    bool storage,
                    eth::Trie& trie) {
    const std::array<uint32_t, 16>& slots = tree_.branches[n.branch];
    eth::Node* children[16] = {};
    size_t count = 0;
    for (size_t i = 0; i < 16; ++i) {
      if (slots[i] == kNoNode) continue;
      path.push_back(static_cast<uint8_t>(i));
      children[i] = build(slots[i], path, storage, trie);
      path.pop_back();
      if (children[i] != nullptr) ++count;
    }
    if (count < 2) {
      throw BlobError(n.offset, "a branch with " + std::to_string(count) +
                                    " child node(s) (a trie branch has at least 2)");
    }
    return check(trie.make_branch(children, base::ByteSpan()), n.offset);
  }

  const CompactTree& tree_;
  PreState& out_;
  base::Bytes scratch_;
};

}  // namespace

base::Bytes32 add_code(CodeMap& codes, base::ByteSpan code) {
  base::Bytes32 h = hash::keccak256(code);
  if (codes.find(h) == codes.end()) codes.emplace(h, ByteVector(code.begin(), code.end()));
  return h;
}

PreState build_pre_state(const CompactTree& tree) {
  PreState out;
  Builder(tree, out).run();
  return out;
}

PreState build_block_pre_state(const BlockWitness& block,
                               const CompactTree& tree,
                               const std::string& file) {
  try {
    return build_pre_state(tree);
  } catch (const BlobError& e) {
    throw InputError(file, compact_path(block) + ", byte " + std::to_string(e.offset()),
                     e.problem());
  }
}

}  // namespace zkbatch::witness
