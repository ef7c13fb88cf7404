// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// EIP-4844 blob gas: the Cancun constants, the blob base fee as a function of the excess blob
// gas, and the blob gas of a transaction.
#pragma once

#include <stdint.h>

#include "base/u256.hpp"

namespace zkbatch::eth::evm {

/// GAS_PER_BLOB = 2^17.
inline constexpr uint64_t kGasPerBlob = 131072;
/// TARGET_BLOB_GAS_PER_BLOCK (three blobs).
inline constexpr uint64_t kTargetBlobGasPerBlock = 393216;
/// MAX_BLOB_GAS_PER_BLOCK (six blobs).
inline constexpr uint64_t kMaxBlobGasPerBlock = 786432;
/// MIN_BASE_FEE_PER_BLOB_GAS.
inline constexpr uint64_t kMinBaseFeePerBlobGas = 1;
/// BLOB_BASE_FEE_UPDATE_FRACTION.
inline constexpr uint64_t kBlobBaseFeeUpdateFraction = 3338477;
/// VERSIONED_HASH_VERSION_KZG: the first byte of every blob versioned hash.
inline constexpr uint8_t kVersionedHashVersionKzg = 0x01;

/// EIP-4844's fake_exponential: factor * e^(numerator / denominator), approximated by its Taylor
/// series in integers exactly as the EIP writes it. Saturates at 2^256 - 1 (an excess so large
/// that no block can pay it).
base::U256 fake_exponential(uint64_t factor, uint64_t numerator, uint64_t denominator);

/// get_base_fee_per_blob_gas: the price of one unit of blob gas in a block with this excess.
base::U256 blob_base_fee(uint64_t excess_blob_gas);

/// calc_excess_blob_gas: the excess of a block from its parent's excess and blob gas used.
uint64_t next_excess_blob_gas(uint64_t parent_excess_blob_gas, uint64_t parent_blob_gas_used);

/// Blob gas of a transaction carrying `blob_count` blobs.
constexpr uint64_t blob_gas(uint64_t blob_count) {
  return blob_count * kGasPerBlob;
}

}  // namespace zkbatch::eth::evm
