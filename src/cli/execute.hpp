// SPDX-License-Identifier: Apache-2.0
// Host only. What `zkbatch execute` does to one block of a zk_evm witness: build its guest input
// (with the header's RLP when a header is known), run the block validator on it exactly as the
// guest does, and compare each transaction with the witness's own expectations (receipt bytes,
// gas used, state changes) and the block with the header (docs/execute.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "eth/block/block.hpp"
#include "witness/block_witness.hpp"
#include "witness/guest_input.hpp"
#include "witness/header_json.hpp"
#include "witness/pre_state.hpp"

namespace zkbatch::cli {

/// The first difference between execution and what it is compared with.
struct ExecuteMismatch {
  /// The transaction's index in the block (its position among real transactions), when the
  /// difference belongs to one.
  std::optional<size_t> transaction;
  /// Where the expected value sits: a JSON path into the witness or header file, or "header".
  std::string location;
  std::string field;  ///< "receipt", "gas_used", "balance", "state_root", ...
  std::string expected;
  std::string actual;
};

/// The outcome for one block.
struct ExecuteReport {
  uint64_t number = 0;
  base::Bytes32 block_hash{};
  size_t transactions = 0;  ///< real transactions in the block
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  base::Bytes32 pre_state_root{};
  base::Bytes32 post_state_root{};
  base::Bytes32 transactions_root{};
  base::Bytes32 receipts_root{};
  std::optional<base::Bytes32> withdrawals_root;
  bool header_checked = false;  ///< a header of this block was given and compared
  /// Transactions whose receipt, gas and state changes were compared with the witness.
  size_t transactions_checked = 0;
  /// Wall time of validate_block, without the comparisons with the witness it calls back.
  double seconds = 0;
  /// The first difference (exit code 1), or nothing.
  std::optional<ExecuteMismatch> mismatch;

  bool ok() const { return !mismatch; }
};

/// Assembles the guest input of `block` from the witness alone (`pre`: its decoded pre-state,
/// still unchanged), with `header`'s RLP and withdrawal indices attached when given. Throws
/// witness::InputError when the header does not encode.
witness::GuestInput make_block_input(const witness::BlockWitness& block,
                                     witness::PreState& pre,
                                     const witness::HeaderJson* header);

/// Executes `block` of `file` and compares it (see the file comment). Bad input (a witness
/// that does not decode, a receipt that does not parse, a witness that lacks a node or code
/// execution needs, a transaction that does not decode) throws witness::InputError naming the
/// file, the JSON path and the account or slot; every difference is a mismatch in the report.
ExecuteReport execute_block(const witness::BlockWitness& block,
                            const witness::HeaderJson* header,
                            const std::string& file);

}  // namespace zkbatch::cli
