// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "eth/bloom.hpp"

namespace zkbatch::eth {

/// Keccak-256 of rlp([]): the ommers hash of every post-merge block (EIP-3675).
inline constexpr base::Bytes32 kEmptyOmmersHash = {
    {0x1d, 0xcc, 0x4d, 0xe8, 0xde, 0xc7, 0x5d, 0x7a, 0xab, 0x85, 0xb5,
     0x67, 0xb6, 0xcc, 0xd4, 0x1a, 0xd3, 0x12, 0x45, 0x1b, 0x94, 0x8a,
     0x74, 0x13, 0xf0, 0xa1, 0x42, 0xfd, 0x40, 0xd4, 0x93, 0x47}};

/// The header layouts: each fork below appends fields to the 15 of the Yellow Paper (§4.3).
enum class HeaderFork : uint8_t {
  frontier = 0,  ///< 15 fields (Frontier .. Berlin)
  london,        ///< + base_fee_per_gas (EIP-1559): 16
  shanghai,      ///< + withdrawals_root (EIP-4895): 17
  cancun,        ///< + blob_gas_used, excess_blob_gas (EIP-4844), parent_beacon_block_root
                 ///< (EIP-4788): 20
  prague,        ///< + requests_hash (EIP-7685): 21
};

/// A block header (Yellow Paper §4.3 and the forks above). The fields a fork added are present
/// when `fork` is that fork or later; the others stay zero and are not encoded.
struct Header {
  base::Bytes32 parent_hash{};
  base::Bytes32 ommers_hash = kEmptyOmmersHash;
  Address beneficiary{};
  base::Bytes32 state_root{};
  base::Bytes32 transactions_root{};
  base::Bytes32 receipts_root{};
  Bloom logs_bloom{};
  base::U256 difficulty;
  uint64_t number = 0;
  uint64_t gas_limit = 0;
  uint64_t gas_used = 0;
  uint64_t timestamp = 0;
  /// At most 32 bytes (Yellow Paper §4.3.4).
  uint8_t extra_data[32]{};
  uint8_t extra_data_size = 0;
  /// prev_randao after the merge (EIP-4399).
  base::Bytes32 mix_hash{};
  uint8_t nonce[8]{};
  HeaderFork fork = HeaderFork::cancun;
  base::U256 base_fee_per_gas;
  base::Bytes32 withdrawals_root{};
  uint64_t blob_gas_used = 0;
  uint64_t excess_blob_gas = 0;
  base::Bytes32 parent_beacon_block_root{};
  base::Bytes32 requests_hash{};

  /// True when the header carries the fields that `since` added.
  bool has(HeaderFork since) const {
    return static_cast<uint8_t>(fork) >= static_cast<uint8_t>(since);
  }
  base::ByteSpan extra_data_span() const { return base::ByteSpan(extra_data, extra_data_size); }
};

/// Appends rlp(header) with the fields of its `fork`.
base::Status encode_header(const Header& header, base::Bytes& out);

/// Decodes a header strictly: 15, 16, 17, 20 or 21 fields (which set `fork`) in order, canonical
/// integers, fixed sizes for hashes (32), the beneficiary (20), the bloom (256) and the nonce (8),
/// extra data of at most 32 bytes.
base::Result<Header> decode_header(base::ByteSpan encoded);

/// The block hash: Keccak-256 of rlp(header).
base::Result<base::Bytes32> block_hash(const Header& header);

}  // namespace zkbatch::eth
