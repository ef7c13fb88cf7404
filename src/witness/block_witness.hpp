// SPDX-License-Identifier: Apache-2.0
// Host only. The zk_evm witness of one block as plain data: what `BlockProverInput` holds
// (../shared/reference/zk_evm_witness.md §1), with every hex string decoded and every size
// checked, but the compact trie blob still undecoded (see compact.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"

namespace zkbatch::witness {

/// An owned byte string (code, transactions, receipts, the compact blob).
using ByteVector = std::vector<uint8_t>;

/// Which release of zk_evm wrote the file (reference §1.5, §8 item 6). v0.7.0 and later carry
/// `checkpoint_consolidated_hash`; v0.6.0 files do not, and may carry `new_txn_trie_node_byte`
/// and `"code_db": null`.
enum class FormatVersion : uint8_t { v0_6, v0_7 };

/// How `block_trace.code_db` was given (reference §1.2): absent, `null`, a JSON array of byte
/// arrays (HEAD's set of codes), or an object from code hash to byte array (v0.6.0's map).
enum class CodeDbForm : uint8_t { absent, null, array, map };

/// Which code a transaction ran or deployed (`code_usage`, reference §1.3).
struct CodeUsage {
  enum class Kind : uint8_t { none, read, write };
  Kind kind = Kind::none;
  base::Bytes32 read_hash{};  ///< the code hash, for Kind::read
  ByteVector written_code;    ///< the deployed bytecode, for Kind::write
};

/// One entry of `storage_written`: a raw slot key and its new value.
struct StorageWrite {
  base::Bytes32 slot{};
  base::U256 value;
};

/// The state changes of one account in one transaction (`TxnTrace`, reference §1.3). Storage
/// slots are raw 32-byte keys; the trie key is their Keccak-256.
struct TxnTrace {
  std::optional<base::U256> balance;  ///< new balance, when it changed
  std::optional<uint64_t> nonce;      ///< new nonce, when it changed (EIP-2681: 64 bits)
  std::vector<base::Bytes32> storage_read;
  /// Slot → new value, in ascending slot order; a zero value deletes the slot.
  std::vector<StorageWrite> storage_written;
  CodeUsage code_usage;
  bool self_destructed = false;

  /// True when no field is set: the account was only accessed (reference §3.3, `just_access`).
  bool is_pure_access() const {
    return !balance && !nonce && storage_read.empty() && storage_written.empty() &&
           code_usage.kind == CodeUsage::Kind::none && !self_destructed;
  }
};

/// One account's entry in a transaction's `traces`.
struct AccountTrace {
  eth::Address address{};
  TxnTrace trace;
};

/// One transaction of the block (`TxnInfo`, reference §1.3 and §1.4).
struct TxnInfo {
  /// Account → changes, in ascending address order (the order zk_evm applies them in).
  std::vector<AccountTrace> traces;
  /// The signed transaction as stored in the transactions trie (EIP-2718 envelope); empty for a
  /// dummy padding entry.
  ByteVector byte_code;
  /// The receipt as the witness gives it: legacy receipts bare, typed ones wrapped in one more
  /// RLP string (reference §3.4).
  ByteVector receipt;
  /// Gas used by this transaction alone.
  uint64_t gas_used = 0;
  /// v0.6.0's duplicate of `byte_code`, when present.
  std::optional<ByteVector> new_txn_trie_node_byte;
};

/// `b_meta`: the header fields the prover sees (reference §1.5).
struct BlockMetadata {
  eth::Address beneficiary{};
  uint64_t timestamp = 0;
  uint64_t number = 0;
  base::U256 difficulty;
  base::Bytes32 random{};  ///< the header's mixHash (prevRandao after the merge, EIP-4399)
  uint64_t gas_limit = 0;
  uint64_t chain_id = 0;
  base::U256 base_fee;
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  uint64_t excess_blob_gas = 0;
  base::Bytes32 parent_beacon_block_root{};
  /// The logs bloom, rebuilt from the 8 big-endian 32-byte words of `block_bloom`.
  std::array<uint8_t, 256> bloom{};
};

/// `b_hashes` (reference §1.5): prev_hashes[255] is the parent's hash, prev_hashes[0] the hash
/// of block n − 256; cur_hash is the block's own hash.
struct BlockHashes {
  std::array<base::Bytes32, 256> prev_hashes{};
  base::Bytes32 cur_hash{};
};

/// One withdrawal as the witness gives it: address and amount in Gwei (reference §1.5).
struct WitnessWithdrawal {
  eth::Address address{};
  uint64_t amount_gwei = 0;
};

/// One element of the witness array (`BlockProverInput`).
struct BlockWitness {
  FormatVersion version = FormatVersion::v0_7;
  /// The `combined.compact` pre-image blob (reference §2); decode with `decode_compact`.
  ByteVector compact;
  CodeDbForm code_db_form = CodeDbForm::absent;
  /// The codes of `code_db` (already checked against their keys in the map form).
  std::vector<ByteVector> code_db;
  std::vector<TxnInfo> txns;

  BlockMetadata meta;
  BlockHashes hashes;
  std::vector<WitnessWithdrawal> withdrawals;
  base::Bytes32 checkpoint_state_trie_root{};
  /// Poseidon hash of the checkpoint's successor's prev_hashes (v0.7.0 and later).
  std::optional<std::array<uint64_t, 4>> checkpoint_consolidated_hash;
  /// cdk_erigon extras: `burn_addr` and `ger_data`, when not null.
  std::optional<eth::Address> burn_addr;
  std::optional<std::pair<base::Bytes32, base::Bytes32>> ger_data;

  /// JSON path of this block inside its file ("[i]"), for error messages.
  std::string json_path;
};

}  // namespace zkbatch::witness
