// SPDX-License-Identifier: Apache-2.0
// An independent Merkle-Patricia root over std containers, written straight from Yellow Paper
// appendix D (the functions TRIE, n and c): it recomputes the whole trie from the sorted key set,
// so it shares nothing with eth::Trie's incremental updates.
#pragma once

#include <map>
#include <vector>

#include "eth_test_util.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::test {

inline Blob ref_rlp_header(size_t n, uint8_t offset) {
  if (n < 56) return {static_cast<uint8_t>(offset + n)};
  Blob be;
  for (size_t v = n; v > 0; v >>= 8)
    be.insert(be.begin(), static_cast<uint8_t>(v));
  Blob out{static_cast<uint8_t>(offset + 55 + be.size())};
  out.insert(out.end(), be.begin(), be.end());
  return out;
}

inline Blob ref_rlp_string(const Blob& s) {
  if (s.size() == 1 && s[0] < 0x80) return s;
  Blob out = ref_rlp_header(s.size(), 0x80);
  out.insert(out.end(), s.begin(), s.end());
  return out;
}

inline Blob ref_rlp_list(const std::vector<Blob>& encoded_items) {
  Blob payload;
  for (const Blob& item : encoded_items)
    payload.insert(payload.end(), item.begin(), item.end());
  Blob out = ref_rlp_header(payload.size(), 0xc0);
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

inline Blob ref_keccak(const Blob& data) {
  Blob out(32);
  hash::keccak256(base::ByteSpan(data.data(), data.size()), out.data());
  return out;
}

/// Hex-prefix encoding (appendix C).
inline Blob ref_hex_prefix(const std::vector<uint8_t>& nibbles, bool leaf) {
  Blob out;
  size_t i = 0;
  uint8_t flag = (leaf ? 2 : 0) + (nibbles.size() % 2);
  if (nibbles.size() % 2 == 1) {
    out.push_back(static_cast<uint8_t>(flag << 4 | nibbles[0]));
    i = 1;
  } else {
    out.push_back(static_cast<uint8_t>(flag << 4));
  }
  for (; i < nibbles.size(); i += 2)
    out.push_back(static_cast<uint8_t>(nibbles[i] << 4 | nibbles[i + 1]));
  return out;
}

using RefItems = std::map<Blob, Blob, BlobLess>;  // nibble path -> value

inline std::vector<uint8_t> ref_nibbles(const Blob& key) {
  std::vector<uint8_t> out;
  for (uint8_t b : key) {
    out.push_back(b >> 4);
    out.push_back(b & 15);
  }
  return out;
}

inline Blob ref_node(const RefItems& items, size_t depth);

/// c(J, i) wrapped as a reference: embedded when the node's RLP is under 32 bytes.
inline Blob ref_child(const RefItems& items, size_t depth) {
  if (items.empty()) return ref_rlp_string({});
  Blob node = ref_node(items, depth);
  if (node.size() < 32) return node;
  return ref_rlp_string(ref_keccak(node));
}

inline Blob ref_node(const RefItems& items, size_t depth) {
  const auto& first = items.begin()->first;
  if (items.size() == 1) {
    std::vector<uint8_t> rest(first.begin() + depth, first.end());
    return ref_rlp_list(
        {ref_rlp_string(ref_hex_prefix(rest, true)), ref_rlp_string(items.begin()->second)});
  }
  // Longest prefix shared by every key beyond `depth`.
  size_t common = first.size() - depth;
  for (const auto& [key, value] : items) {
    size_t n = 0;
    while (n < common && depth + n < key.size() && key[depth + n] == first[depth + n])
      ++n;
    common = n;
  }
  if (common > 0) {
    std::vector<uint8_t> shared(first.begin() + depth, first.begin() + depth + common);
    return ref_rlp_list(
        {ref_rlp_string(ref_hex_prefix(shared, false)), ref_child(items, depth + common)});
  }
  std::vector<Blob> fields;
  Blob value;
  for (uint8_t nibble = 0; nibble < 16; ++nibble) {
    RefItems sub;
    for (const auto& [key, v] : items) {
      if (key.size() > depth && key[depth] == nibble) sub.emplace(key, v);
    }
    fields.push_back(ref_child(sub, depth + 1));
  }
  for (const auto& [key, v] : items) {
    if (key.size() == depth) value = v;
  }
  fields.push_back(ref_rlp_string(value));
  return ref_rlp_list(fields);
}

/// TRIE(J): the root hash of a key -> value map (keys as bytes).
inline Blob ref_trie_root(const BlobMap& kv) {
  if (kv.empty()) return ref_keccak({0x80});
  RefItems items;
  for (const auto& [k, v] : kv)
    items.emplace(ref_nibbles(k), v);
  return ref_keccak(ref_node(items, 0));
}

}  // namespace zkbatch::eth::test
