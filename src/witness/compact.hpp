// SPDX-License-Identifier: Apache-2.0
// Host only. The "compact" trie pre-image encoding of jerigon witnesses (type 1 / MPT): a header
// byte, then instructions for a stack machine that rebuilds the state trie, the storage tries and
// the contract codes (../shared/reference/zk_evm_witness.md §2). This file decodes the blob into
// the node tree the machine leaves on its stack; pre_state.hpp turns that tree into tries.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "witness/block_witness.hpp"

namespace zkbatch::witness {

/// The opcodes of the compact encoding (reference §2.4).
enum class CompactOpcode : uint8_t {
  leaf = 0x00,          ///< key, CBOR byte string value
  extension = 0x01,     ///< key; pops its child
  branch = 0x02,        ///< CBOR uint mask; pops one child per set bit, 15 down to 0
  hash = 0x03,          ///< 32 raw bytes
  code = 0x04,          ///< CBOR byte string
  account_leaf = 0x05,  ///< key, flags byte, [nonce] [balance] [code length]; pops storage, code
  empty_root = 0x06,    ///< no payload (undocumented upstream)
  smt_leaf = 0x07,      ///< type-2 (SMT) witnesses only: rejected here
  new_trie = 0xBB,      ///< ends a witness; a type-1 blob holds exactly one
};

/// ACCOUNT_LEAF flag bits (reference §2.4). Other bits are errors.
inline constexpr uint8_t kAccountHasCode = 0x01;
inline constexpr uint8_t kAccountHasStorage = 0x02;
inline constexpr uint8_t kAccountHasNonce = 0x04;
inline constexpr uint8_t kAccountHasBalance = 0x08;

/// The kinds of value the stack machine handles: trie nodes, plus bare code.
enum class CompactNodeKind : uint8_t { empty, hash, leaf, extension, branch, code, account };

/// "No node" in child slots.
inline constexpr uint32_t kNoNode = UINT32_MAX;

/// One node of the decoded tree. Nodes refer to their children by index into CompactTree::nodes
/// and to their bytes by views into the blob (or into CompactTree's own storage).
struct CompactNode {
  CompactNodeKind kind = CompactNodeKind::empty;
  uint32_t offset = 0;  ///< byte offset of the instruction in the blob (for errors)
  /// The key (leaf, account, extension) as nibbles: CompactTree::nibbles[key_begin, +key_size).
  uint32_t key_begin = 0;
  uint32_t key_size = 0;
  /// Hash: the 32 bytes; leaf: the value; code: the bytecode.
  base::ByteSpan data;
  /// Extension: child[0]. Account: child[0] = storage root node, child[1] = code or hash node
  /// (kNoNode when the flags say there is none). Branch: `branch` indexes CompactTree::branches.
  uint32_t child[2] = {kNoNode, kNoNode};
  uint32_t branch = kNoNode;
  /// Account fields (absent nonce or balance mean zero).
  uint8_t account_flags = 0;
  uint64_t nonce = 0;
  base::U256 balance;
};

/// Instruction counts, for `zkbatch witness inspect`.
struct CompactStats {
  size_t leaf = 0, extension = 0, branch = 0, hash = 0, code = 0, account_leaf = 0, empty_root = 0;
  size_t instructions() const {
    return leaf + extension + branch + hash + code + account_leaf + empty_root;
  }
};

/// The decoded blob: the node the stack machine finished with, and every node below it.
struct CompactTree {
  uint8_t header = 0;  ///< the header byte (0x00 or 0x01)
  uint32_t root = kNoNode;
  std::vector<CompactNode> nodes;
  std::vector<uint8_t> nibbles;
  std::vector<std::array<uint32_t, 16>> branches;
  CompactStats stats;
  /// Byte strings that had to be copied (CBOR arrays of small integers); nodes may view them.
  std::deque<std::vector<uint8_t>> owned;

  const CompactNode& node(uint32_t index) const { return nodes[index]; }
  /// The key of `n` as nibbles.
  base::Span<const uint8_t> key(const CompactNode& n) const {
    return base::Span<const uint8_t>(nibbles.data() + n.key_begin, n.key_size);
  }
};

/// Decodes a compact blob (header byte, instructions to the end). The blob must outlive the
/// tree. Throws BlobError with the byte offset of the first problem: a bad header byte, an
/// unknown or unsupported opcode, a truncated or malformed CBOR item or key, a stack underflow,
/// a node of the wrong kind where the machine pops one, or a final stack that is not exactly one
/// trie node (reference §2.5).
CompactTree decode_compact(base::ByteSpan blob);

/// Decodes `block.compact` and builds nothing else; a BlobError becomes an InputError naming
/// `file`, the blob's JSON path and the byte offset.
CompactTree decode_block_compact(const BlockWitness& block, const std::string& file);

/// The JSON path of a block's compact blob, for messages.
std::string compact_path(const BlockWitness& block);

}  // namespace zkbatch::witness
