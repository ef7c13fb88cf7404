// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/address.hpp"
#include "eth/evm/status.hpp"

namespace zkbatch::eth::evm {

/// The kinds of message (Yellow Paper §8 message call, §7 contract creation).
enum class CallKind : uint8_t {
  call,          ///< CALL, STATICCALL (is_static), and a transaction's call
  callcode,      ///< runs the target's code on the caller's account
  delegatecall,  ///< also keeps the caller's sender and value (EIP-7)
  create,        ///< CREATE, and a transaction with no recipient
  create2,       ///< CREATE2 (EIP-1014)
};

/// One message: the input of a frame.
struct Message {
  CallKind kind = CallKind::call;
  /// No state changes allowed (EIP-214); inherited by every nested frame.
  bool is_static = false;
  /// 0 for the transaction's own frame.
  int32_t depth = 0;
  /// Gas available to the frame, the call stipend included.
  int64_t gas = 0;
  /// The account whose storage and balance the code acts on (ADDRESS). Set by the Host for
  /// creations.
  Address recipient{};
  /// CALLER.
  Address sender{};
  /// The account whose code runs (differs from `recipient` for CALLCODE and DELEGATECALL).
  Address code_address{};
  /// CALLVALUE; for a call, also the amount transferred (not for DELEGATECALL).
  base::U256 value;
  /// Call data, or the initcode of a creation.
  base::ByteSpan input;
  /// CREATE2's salt.
  base::Bytes32 salt{};
};

/// The outcome of a frame.
struct ExecutionResult {
  EvmStatus status = EvmStatus::success;
  /// Gas returned to the caller (0 after an exceptional halt).
  int64_t gas_left = 0;
  /// Refund counter accumulated by the frame and its successful children (EIP-3529). It may be
  /// negative inside a transaction; only the transaction's total is capped and applied.
  int64_t gas_refund = 0;
  /// RETURN or REVERT data (for a creation, the deployed code on success is not returned).
  base::Bytes output;
  /// The new account's address, for a successful creation.
  Address create_address{};

  ExecutionResult() = default;
  ExecutionResult(EvmStatus s, int64_t gas) : status(s), gas_left(gas) {}
};

}  // namespace zkbatch::eth::evm
