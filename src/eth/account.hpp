// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"

namespace zkbatch::eth {

/// Root of the empty trie: keccak256(rlp("")) = keccak256(0x80) (Yellow Paper §4.1).
inline constexpr base::Bytes32 kEmptyTrieRoot = {{0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6,
                                                  0xff, 0x83, 0x45, 0xe6, 0x92, 0xc0, 0xf8, 0x6e,
                                                  0x5b, 0x48, 0xe0, 0x1b, 0x99, 0x6c, 0xad, 0xc0,
                                                  0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21}};

/// Code hash of an account without code: keccak256("") (Yellow Paper §4.1).
inline constexpr base::Bytes32 kEmptyCodeHash = {{0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c,
                                                  0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7, 0x03, 0xc0,
                                                  0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b,
                                                  0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70}};

/// An account as the state trie stores it (Yellow Paper §4.1): the leaf at keccak256(address)
/// holds rlp([nonce, balance, storage_root, code_hash]). The nonce is 64 bits (EIP-2681).
struct Account {
  uint64_t nonce = 0;
  base::U256 balance;
  base::Bytes32 storage_root = kEmptyTrieRoot;
  base::Bytes32 code_hash = kEmptyCodeHash;
};

/// Appends rlp([nonce, balance, storage_root, code_hash]) to `out`.
base::Status encode_account(const Account& account, base::Bytes& out);

/// Decodes a state-trie leaf value strictly: a list of exactly four items, canonical integers
/// (nonce at most 64 bits), two 32-byte hashes, nothing after the list.
base::Result<Account> decode_account(base::ByteSpan encoded);

/// Appends the storage-trie leaf value of a slot: the RLP string of the value's big-endian bytes
/// without leading zeros (Yellow Paper §4.1, the storage root). A zero value is never stored (it
/// deletes the slot), so this encodes it as the empty string only for completeness.
base::Status encode_storage_value(const base::U256& value, base::Bytes& out);

/// Decodes a storage-trie leaf value: one canonical RLP integer of at most 32 bytes.
base::Result<base::U256> decode_storage_value(base::ByteSpan encoded);

}  // namespace zkbatch::eth
