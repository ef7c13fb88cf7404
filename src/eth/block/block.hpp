// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The block validator (Yellow Paper §11, §12 and Cancun's EIPs): from a guest input alone it
// re-executes one block on the witness's pre-state and derives everything the header commits to.
// The same code runs natively (`zkbatch execute`) and inside the zkVM (the guest program).
// Steps, in protocol order: decode the header and check the fields the input repeats from it,
// build the pre-state tries from the witness nodes, EIP-4788's beacon-root call, then each
// transaction (decode, recover the sender, execute, receipt), the withdrawals (EIP-4895), the
// post-state root and the transactions, receipts and withdrawals roots, and finally the
// comparison of every computed value with the header and the input.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/arena.hpp"
#include "base/bytes.hpp"
#include "base/span.hpp"
#include "base/vector.hpp"
#include "eth/address.hpp"
#include "eth/bloom.hpp"
#include "eth/evm/state.hpp"
#include "eth/evm/status.hpp"
#include "eth/guest_input.hpp"

namespace zkbatch::eth {

/// What one transaction of the block did.
struct TxOutcome {
  /// The recovered sender.
  Address sender{};
  /// How its outermost frame ended (receipt status 1 exactly when success).
  evm::EvmStatus status = evm::EvmStatus::success;
  uint64_t gas_used = 0;
  /// The block's gas used up to and including this transaction (the receipt's field).
  uint64_t cumulative_gas_used = 0;
  uint64_t blob_gas_used = 0;
  /// The receipt's consensus encoding (the receipts-trie value, EIP-2718 typed), held by the
  /// BlockOutcome's arena.
  base::ByteSpan receipt;
};

/// Why a block is not valid, in one word.
enum class BlockStatus : uint8_t {
  valid = 0,
  /// The header RLP, a trie node or a transaction envelope does not decode.
  malformed_input,
  /// A transaction cannot be included (BlockFailure::tx_error says why).
  invalid_transaction,
  /// Execution needed an account, slot, code or trie node the witness does not hold.
  witness_gap,
  /// A computed value differs from the header or from the input (BlockFailure::field).
  mismatch,
  out_of_memory,
};

/// A short fixed description of `status`.
const char* block_status_message(BlockStatus status);

/// The first problem found; `status` is valid when there is none.
struct BlockFailure {
  BlockStatus status = BlockStatus::valid;
  /// True when the problem belongs to one transaction: `tx_index` is its position in the block.
  bool has_tx = false;
  uint32_t tx_index = 0;
  /// For invalid_transaction.
  evm::TxError tx_error = evm::TxError::none;
  /// For mismatch: the field's name ("state_root", "gas_used", ...) and where the expected value
  /// came from ("header" or "input"). Static strings.
  const char* field = nullptr;
  const char* source = nullptr;
  /// For mismatch: both values as text (hex with 0x, or decimal).
  char expected[520] = {};
  char actual[520] = {};
  /// One line for people: "witness lacks node for account 0x…", "nonce too high", ...
  char message[256] = {};
};

/// The result of validating one block: every computed figure, even for a block that failed a
/// comparison, so that a report can show both sides.
struct BlockOutcome {
  uint64_t number = 0;
  base::Bytes32 pre_state_root{};
  base::Bytes32 post_state_root{};
  base::Bytes32 transactions_root{};
  base::Bytes32 receipts_root{};
  /// Set only when the input knows the withdrawals' indices (kGuestInputWithdrawalIndices).
  base::Bytes32 withdrawals_root{};
  bool has_withdrawals_root = false;
  Bloom logs_bloom{};
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  /// keccak(header RLP) when the input carries the header (`header_checked`), else the input's
  /// block hash as given.
  base::Bytes32 block_hash{};
  bool header_checked = false;
  /// One entry per executed transaction, in block order (fewer than the block has when a
  /// transaction stopped validation).
  base::Vector<TxOutcome> transactions;
  BlockFailure failure;
  /// Holds the receipts' bytes.
  base::Arena arena;

  BlockOutcome() = default;
  BlockOutcome(const BlockOutcome&) = delete;
  BlockOutcome& operator=(const BlockOutcome&) = delete;

  bool valid() const { return failure.status == BlockStatus::valid; }
};

/// Watches a validation, for hosts that compare each transaction with outside expectations
/// (a witness's per-transaction receipts and state changes). The guest passes none.
class BlockObserver {
 public:
  /// Called after transaction `index` executed: `state` holds the state after it.
  virtual void transaction_executed(size_t index,
                                    const evm::State& state,
                                    const TxOutcome& outcome) {
    (void)index;
    (void)state;
    (void)outcome;
  }

 protected:
  BlockObserver() = default;
  BlockObserver(const BlockObserver&) = default;
  BlockObserver& operator=(const BlockObserver&) = default;
  ~BlockObserver() = default;
};

/// Validates the block of `input` (Cancun rules) and fills `out`, which must be freshly
/// constructed. Returns true when the block is valid; otherwise `out->failure` holds the first
/// problem. Never fails any other way: every problem with the input is a value.
bool validate_block(const GuestInputView& input,
                    BlockOutcome* out,
                    BlockObserver* observer = nullptr);

}  // namespace zkbatch::eth
