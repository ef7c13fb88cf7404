// SPDX-License-Identifier: Apache-2.0
// Host only. The receipt bytes of a zk_evm witness (`new_receipt_trie_node_byte`) and what the
// replay reads from them (../shared/reference/zk_evm_witness.md §3.3, §3.4).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "base/span.hpp"

namespace zkbatch::witness {

/// The fields of a consensus receipt the block checks use.
struct ReceiptSummary {
  /// The receipts-trie value: the legacy RLP list, or `type || rlp(list)` for typed receipts.
  base::ByteSpan trie_value;
  uint8_t type = 0;     ///< 0 legacy, else the EIP-2718 type (1, 2 or 3)
  bool status = false;  ///< post-Byzantium status (EIP-658)
  uint64_t cumulative_gas_used = 0;
  std::array<uint8_t, 256> bloom{};
  size_t logs = 0;  ///< number of logs
};

/// Reads a witness receipt. A legacy receipt is the bare list [status, cumulative gas, bloom,
/// logs]; a typed one is wrapped once more in an RLP byte string whose payload is
/// `type || rlp(list)`, and the wrapper is removed (reference §3.4). Throws BlobError with the
/// byte offset of the first problem: an unknown type byte, or what eth::decode_receipt rejects
/// (non-canonical RLP, a wrong field count, a status other than 0 or 1, a bloom not of 256 bytes).
ReceiptSummary read_witness_receipt(base::ByteSpan bytes);

}  // namespace zkbatch::witness
