// SPDX-License-Identifier: Apache-2.0
// Host only. Writing the binary guest input of one block (format: eth/guest_input.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "eth/address.hpp"
#include "eth/guest_input.hpp"
#include "witness/block_witness.hpp"
#include "witness/pre_state.hpp"

namespace zkbatch::witness {

// The format and its guest-safe decoder live in src/eth (the guest reads them); the host side
// keeps using the names from this namespace.
using eth::decode_guest_input;
using eth::GuestInputView;
using eth::GuestWithdrawal;
using eth::kGuestInputFixedSize;
using eth::kGuestInputHasHeader;
using eth::kGuestInputMagic;
using eth::kGuestInputMaxItem;
using eth::kGuestInputVersion;
using eth::kGuestInputWithdrawalIndices;
using eth::kGuestWithdrawalSize;

/// The guest input of one block with owned fields: what `encode_guest_input` writes and
/// `decode_guest_input` reads back.
struct GuestInput {
  uint64_t chain_id = 0;
  uint64_t number = 0;
  uint64_t timestamp = 0;
  uint64_t gas_limit = 0;
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  uint64_t excess_blob_gas = 0;
  eth::Address beneficiary{};
  base::Bytes32 difficulty{};  ///< big-endian
  base::Bytes32 prev_randao{};
  base::Bytes32 base_fee{};  ///< big-endian
  base::Bytes32 parent_beacon_block_root{};
  std::array<uint8_t, 256> logs_bloom{};
  base::Bytes32 pre_state_root{};
  base::Bytes32 block_hash{};
  std::array<base::Bytes32, 256> prev_hashes{};
  /// The header's RLP, when known; empty otherwise.
  ByteVector header_rlp;
  std::vector<ByteVector> trie_nodes;
  std::vector<ByteVector> codes;
  std::vector<ByteVector> transactions;
  std::vector<GuestWithdrawal> withdrawals;
  /// True when the withdrawals' index and validator index are real (taken from a header).
  bool withdrawal_indices_known = false;
};

/// Serializes `input` (version kGuestInputVersion). Throws std::length_error when an item exceeds
/// kGuestInputMaxItem or a list exceeds 2^32 - 1 items, which the decoder would reject.
ByteVector encode_guest_input(const GuestInput& input);

/// Assembles the guest input of `block` from its metadata, hashes, transactions and withdrawals
/// and from `pre`, which must still hold the state before the block (call before replaying):
/// every trie node the state and storage tries carry (each once, depth-first, state trie first,
/// then the storage tries by hashed address) and every code of the blob and of `code_db`.
/// Withdrawal indices are zero and unknown until `attach_header` fills them in.
GuestInput make_guest_input(const BlockWitness& block, PreState& pre);

}  // namespace zkbatch::witness
