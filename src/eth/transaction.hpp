// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Transaction envelopes as blocks carry them (EIP-2718): legacy RLP lists (with EIP-155 replay
// protection folded into v), and typed transactions `type || rlp(fields)` for EIP-2930 (1),
// EIP-1559 (2) and EIP-4844 (3). Decoding is strict: unknown types, wrong field counts,
// non-canonical RLP and wrongly sized addresses or hashes are errors.
#pragma once

#include <stdint.h>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "base/vector.hpp"
#include "eth/address.hpp"

namespace zkbatch::eth {

/// The EIP-2718 transaction type byte.
enum class TxType : uint8_t {
  legacy = 0,       ///< RLP list, no type byte (Yellow Paper §4.2, EIP-155)
  access_list = 1,  ///< EIP-2930
  dynamic_fee = 2,  ///< EIP-1559
  blob = 3,         ///< EIP-4844
};

/// One access-list entry (EIP-2930): an address and its storage keys, which sit in
/// Transaction::access_list_keys[first_key, first_key + key_count).
struct AccessListEntry {
  Address address{};
  uint32_t first_key = 0;
  uint32_t key_count = 0;
};

/// A decoded transaction. Fields a type does not have stay zero: gas_price is set for types 0
/// and 1, the two fee caps for types 2 and 3, the blob fields for type 3 only.
struct Transaction {
  TxType type = TxType::legacy;
  /// False only for a legacy transaction signed without EIP-155 (v = 27 or 28).
  bool has_chain_id = false;
  uint64_t chain_id = 0;
  uint64_t nonce = 0;
  base::U256 gas_price;
  base::U256 max_priority_fee_per_gas;
  base::U256 max_fee_per_gas;
  uint64_t gas_limit = 0;
  /// False for a contract creation (an empty `to`).
  bool has_to = false;
  Address to{};
  base::U256 value;
  base::Bytes data;
  base::Vector<AccessListEntry> access_list;
  base::Vector<base::Bytes32> access_list_keys;
  base::U256 max_fee_per_blob_gas;
  base::Vector<base::Bytes32> blob_versioned_hashes;
  /// Legacy: the raw v (27/28, or chain_id * 2 + 35/36). Typed: equal to y_parity.
  uint64_t v = 0;
  /// The signature's y parity (0 or 1), derived from v for legacy transactions.
  uint8_t y_parity = 0;
  base::U256 r;
  base::U256 s;

  /// An empty transaction whose buffers allocate from `arena` (malloc when null).
  explicit Transaction(base::Arena* arena = nullptr)
      : data(arena), access_list(arena), access_list_keys(arena), blob_versioned_hashes(arena) {}
};

/// Decodes one transaction envelope (the transactions-trie value, EIP-2718): a legacy RLP list,
/// or a type byte 1..3 and an RLP list. The whole input must be the transaction. Errors:
/// malformed (unknown type, wrong field count or kind, a `to` that is neither empty nor 20
/// bytes, a blob transaction without `to`, access-list items of the wrong size, a legacy v that
/// is neither 27/28 nor EIP-155, a typed y parity above 1), overflow (a nonce or gas limit above
/// 64 bits, a value above 256 bits), truncated, out_of_memory.
base::Result<Transaction> decode_transaction(base::ByteSpan envelope, base::Arena* arena = nullptr);

/// Appends the canonical envelope of `tx` (decoding it gives `tx` back).
base::Status encode_transaction(const Transaction& tx, base::Bytes& out);

/// The transaction hash: Keccak-256 of the envelope (EIP-2718).
base::Bytes32 transaction_hash(base::ByteSpan envelope);

/// The hash the sender signs: keccak(rlp([nonce, gas_price, gas, to, value, data])) for a legacy
/// transaction without chain id, with [chain_id, 0, 0] appended under EIP-155, and
/// keccak(type || rlp(fields without the signature)) for typed ones (EIP-2930, EIP-1559,
/// EIP-4844).
base::Result<base::Bytes32> signing_hash(const Transaction& tx);

}  // namespace zkbatch::eth
