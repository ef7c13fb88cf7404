// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/vector.hpp"
#include "eth/bloom.hpp"
#include "eth/log.hpp"
#include "eth/transaction.hpp"

namespace zkbatch::eth {

/// A transaction receipt after Byzantium (Yellow Paper §4.3.1, EIP-658): success status,
/// cumulative gas used in the block after this transaction, the logs bloom and the logs. It is
/// typed like its transaction (EIP-2718). `logs` is a view owned by the caller.
struct Receipt {
  TxType type = TxType::legacy;
  bool success = false;
  uint64_t cumulative_gas_used = 0;
  Bloom logs_bloom{};
  base::Span<const Log> logs;
};

/// Appends the consensus encoding of `receipt`, the receipts-trie value: rlp([status,
/// cumulative_gas, bloom, logs]) for legacy transactions, `type || rlp(...)` for typed ones
/// (EIP-2718). Each log is rlp([address, [topics...], data]).
base::Status encode_receipt(const Receipt& receipt, base::Bytes& out);

/// Decodes a consensus-encoded receipt strictly; the logs go to `logs` (replacing its contents),
/// their data viewing `encoded`, and `out.logs` views `logs`. Pre-Byzantium receipts (a state
/// root instead of a status), statuses other than 0 and 1, and logs with more than four topics
/// are malformed. The bloom is decoded as stored, not checked (see `logs_bloom`).
base::Status decode_receipt(base::ByteSpan encoded, Receipt& out, base::Vector<Log>& logs);

}  // namespace zkbatch::eth
