// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"

namespace zkbatch::eth::evm {

/// What the EVM reads from the block it runs in (Yellow Paper §4.3, EIP-1559, EIP-4399,
/// EIP-4844): the header fields behind COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT,
/// CHAINID, BASEFEE, BLOBBASEFEE and the hashes behind BLOCKHASH.
struct BlockEnv {
  Address coinbase{};
  uint64_t number = 0;
  uint64_t timestamp = 0;
  uint64_t gas_limit = 0;
  /// PREVRANDAO (EIP-4399): the header's mix hash.
  base::Bytes32 prev_randao{};
  base::U256 base_fee;
  /// The header's excess blob gas; the blob base fee follows from it (blob_gas.hpp).
  uint64_t excess_blob_gas = 0;
  uint64_t chain_id = 1;
  /// Hashes of the preceding blocks, most recent first: block_hashes[i] is the hash of block
  /// number - 1 - i. BLOCKHASH sees at most 256 of them; entries beyond the span read as zero.
  base::Span<const base::Bytes32> block_hashes;
};

/// What the EVM reads from the transaction it runs (ORIGIN, GASPRICE, BLOBHASH, BLOBBASEFEE).
/// Built by execute_transaction.
struct TxEnv {
  Address origin{};
  /// The effective gas price (EIP-1559): min(max fee, base fee + max priority fee).
  base::U256 gas_price;
  /// EIP-4844 versioned hashes of a blob transaction (empty otherwise).
  base::Span<const base::Bytes32> blob_hashes;
  /// The block's blob base fee (EIP-4844 get_base_fee_per_blob_gas, EIP-7516).
  base::U256 blob_base_fee;
};

}  // namespace zkbatch::eth::evm
