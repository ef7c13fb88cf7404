// SPDX-License-Identifier: Apache-2.0
// A test-side writer of the compact encoding (../shared/reference/zk_evm_witness.md §2), written
// from the reference's grammar and independent of src/witness/compact.cpp: it walks a partial
// trie given as RLP nodes by hash and emits the instructions that rebuild it. Nodes missing from
// the set become HASH instructions, codes missing from the code map become code hashes.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "eth/account.hpp"
#include "eth/nibbles.hpp"
#include "eth/rlp.hpp"
#include "hash/keccak.hpp"
#include "witness/pre_state.hpp"

namespace zkbatch::witness::test {

using Blob = std::vector<uint8_t>;
using NodeMap = std::map<base::Bytes32, Blob, Bytes32Less>;

class CompactWriter {
 public:
  Blob out;

  // resize + memcpy rather than vector::insert: GCC 12 reports false array-bounds warnings on
  // inlined inserts into small vectors.
  void append(const uint8_t* data, size_t size) {
    if (size == 0) return;
    size_t at = out.size();
    out.resize(at + size);
    std::memcpy(out.data() + at, data, size);
  }
  void byte(uint8_t b) { append(&b, 1); }
  void op(uint8_t code) { byte(code); }
  // A CBOR head with the shortest argument (RFC 8949 §3).
  void head(uint8_t major, uint64_t value) {
    uint8_t m = static_cast<uint8_t>(major << 5);
    int width = value < 24             ? 0
                : value <= 0xff        ? 1
                : value <= 0xffff      ? 2
                : value <= 0xffffffffu ? 4
                                       : 8;
    uint8_t info = width == 0   ? static_cast<uint8_t>(value)
                   : width == 1 ? 24
                   : width == 2 ? 25
                   : width == 4 ? 26
                                : 27;
    byte(static_cast<uint8_t>(m | info));
    for (int i = width - 1; i >= 0; --i)
      byte(static_cast<uint8_t>(value >> (8 * i)));
  }
  void cbor_uint(uint64_t v) { head(0, v); }
  void cbor_bytes(const Blob& b) {
    head(2, b.size());
    append(b.data(), b.size());
  }
  // §2.3: one nibble alone, else flags (odd, terminated) and the nibbles packed high first.
  void key(const std::vector<uint8_t>& nibbles, bool terminated) {
    if (nibbles.size() == 1) {
      cbor_bytes(Blob{nibbles[0]});
      return;
    }
    Blob k{static_cast<uint8_t>((nibbles.size() % 2) | (terminated ? 2 : 0))};
    for (size_t i = 0; i < nibbles.size(); i += 2) {
      uint8_t lo = i + 1 < nibbles.size() ? nibbles[i + 1] : 0;
      k.push_back(static_cast<uint8_t>(nibbles[i] << 4 | lo));
    }
    cbor_bytes(k);
  }
  void hash(const base::Bytes32& h) {
    op(0x03);
    append(h.bytes, 32);
  }
};

class NodeWalker {
 public:
  NodeWalker(const NodeMap& nodes, const CodeMap& codes) : nodes_(nodes), codes_(codes) {}

  Blob write(const base::Bytes32& root, uint8_t header) {
    w_.byte(header);
    if (root == eth::kEmptyTrieRoot) {
      w_.op(0x06);
    } else {
      by_hash(root, 0, false);
    }
    return w_.out;
  }

 private:
  static void need(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("compact writer: ") + what);
  }

  void by_hash(const base::Bytes32& h, size_t depth, bool storage) {
    auto it = nodes_.find(h);
    if (it == nodes_.end()) {
      w_.hash(h);
      return;
    }
    node(base::ByteSpan(it->second.data(), it->second.size()), depth, storage);
  }

  // A child reference: embedded node (a list), a 32-byte hash, or empty.
  void child(const eth::rlp::Item& item, size_t depth, bool storage) {
    if (item.is_list) {
      node(item.encoding, depth, storage);
      return;
    }
    need(item.payload.size() == 32, "child reference is not a hash");
    base::Bytes32 h{};
    std::memcpy(h.bytes, item.payload.data(), 32);
    by_hash(h, depth, storage);
  }

  void node(base::ByteSpan encoding, size_t depth, bool storage) {
    base::Result<eth::rlp::Decoder> list = eth::rlp::decode_list(encoding);
    need(list.ok(), "node is not a list");
    std::vector<eth::rlp::Item> items;
    while (!list->empty())
      items.push_back(*list->read_item());
    if (items.size() == 17) {
      uint64_t mask = 0;
      for (size_t i = 0; i < 16; ++i) {
        if (items[i].is_list || !items[i].payload.empty()) {
          child(items[i], depth + 1, storage);
          mask |= uint64_t{1} << i;
        }
      }
      need(items[16].payload.empty(), "branch with a value");
      w_.op(0x02);
      w_.cbor_uint(mask);
      return;
    }
    need(items.size() == 2, "node with neither 2 nor 17 items");
    std::vector<uint8_t> path(2 * items[0].payload.size());
    base::Result<eth::HexPrefixPath> hp = eth::hex_prefix_decode(items[0].payload, path.data());
    need(hp.ok(), "bad hex-prefix path");
    path.resize(hp->nibble_count);
    if (!hp->leaf) {
      child(items[1], depth + path.size(), storage);
      w_.op(0x01);
      w_.key(path, false);
      return;
    }
    if (storage) {
      base::Result<base::ByteSpan> value = eth::rlp::decode_bytes(items[1].payload);
      need(value.ok(), "storage value is not an RLP string");
      w_.op(0x00);
      w_.key(path, true);
      w_.cbor_bytes(Blob(value->begin(), value->end()));
      return;
    }
    account(items[1].payload, path);
  }

  // §2.4 and §2.5: code (or its hash), then the storage trie, then ACCOUNT_LEAF.
  void account(base::ByteSpan value, const std::vector<uint8_t>& path) {
    base::Result<eth::Account> a = eth::decode_account(value);
    need(a.ok(), "state leaf is not an account");
    uint8_t flags = 0;
    uint64_t code_len = 0;
    if (a->code_hash != eth::kEmptyCodeHash) {
      flags |= kAccountHasCode;
      auto code = codes_.find(a->code_hash);
      if (code != codes_.end()) {
        w_.op(0x04);
        w_.cbor_bytes(code->second);
        code_len = code->second.size();
      } else {
        w_.hash(a->code_hash);
      }
    }
    if (a->storage_root != eth::kEmptyTrieRoot) {
      flags |= kAccountHasStorage;
      by_hash(a->storage_root, 0, true);
    }
    if (a->nonce != 0) flags |= kAccountHasNonce;
    if (!a->balance.is_zero()) flags |= kAccountHasBalance;
    w_.op(0x05);
    w_.key(path, true);
    w_.byte(flags);
    if (flags & kAccountHasNonce) w_.cbor_uint(a->nonce);
    if (flags & kAccountHasBalance) {
      uint8_t be[32];
      a->balance.to_be_bytes(be);
      size_t skip = 0;
      while (skip < 31 && be[skip] == 0)
        ++skip;
      w_.cbor_bytes(Blob(be + skip, be + 32));
    }
    if (flags & kAccountHasCode) w_.cbor_uint(code_len);
  }

  const NodeMap& nodes_;
  const CodeMap& codes_;
  CompactWriter w_;
};

/// The compact encoding of the state trie with root `root`: nodes (state and storage) from
/// `nodes`, codes from `codes`.
inline Blob compact_from_nodes(const base::Bytes32& root,
                               const NodeMap& nodes,
                               const CodeMap& codes,
                               uint8_t header = 0x00) {
  return NodeWalker(nodes, codes).write(root, header);
}

/// Every node of `pre`'s tries, keyed by hash (what the guest input carries, as a map).
inline NodeMap nodes_of(PreState& pre) {
  NodeMap out;
  auto add = [&](eth::Trie& trie) {
    base::Vector<base::Bytes> list;
    if (!trie.export_nodes(list).ok()) throw std::runtime_error("export_nodes failed");
    for (const base::Bytes& n : list)
      out.emplace(hash::keccak256(n.span()), Blob(n.begin(), n.end()));
  };
  add(pre.state);
  for (auto& [hashed, trie] : pre.storage)
    add(trie);
  return out;
}

}  // namespace zkbatch::witness::test
