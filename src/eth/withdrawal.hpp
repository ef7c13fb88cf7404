// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"

namespace zkbatch::eth {

/// A validator withdrawal (EIP-4895): credited to `address` after the block's transactions,
/// outside the EVM. The amount is in Gwei.
struct Withdrawal {
  uint64_t index = 0;
  uint64_t validator_index = 0;
  Address address{};
  uint64_t amount_gwei = 0;

  /// The amount in Wei (Gwei * 10^9), the unit of account balances.
  base::U256 amount_wei() const;
};

/// Appends rlp([index, validator_index, address, amount]).
base::Status encode_withdrawal(const Withdrawal& withdrawal, base::Bytes& out);

/// Decodes one withdrawal strictly (four canonical fields, a 20-byte address).
base::Result<Withdrawal> decode_withdrawal(base::ByteSpan encoded);

/// The header's withdrawals_root: the trie of rlp(i) -> rlp(withdrawal i) (EIP-4895).
base::Result<base::Bytes32> withdrawals_root(base::Span<const Withdrawal> withdrawals);

}  // namespace zkbatch::eth
