// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the block validator tests: the guest inputs of the real witnesses of
// ../shared/witnesses (read at run time through ZKB_SHARED_DIR, skipped visibly when absent),
// built as the host builds them, with the header attached when the witness has one.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eth/block/block.hpp"
#include "eth/guest_input.hpp"
#include "eth/header.hpp"
#include "witness/witness.hpp"
#include "witness/witness_test_util.hpp"

namespace zkbatch::eth::block_test {

/// A witness file and the header file that goes with it (none for some prover_infra files).
struct WitnessCase {
  std::string name;
  std::filesystem::path witness;
  std::optional<std::filesystem::path> header;
};

/// Every witness of ../shared/witnesses: the zk_evm cases with X_header.json, the prover_infra
/// files with X.block.json where there is one.
inline std::vector<WitnessCase> all_cases(const std::filesystem::path& dir) {
  std::vector<WitnessCase> out;
  for (const std::string& name : witness::test::zk_evm_cases()) {
    out.push_back({name, dir / "zk_evm_cases" / (name + ".json"),
                   dir / "zk_evm_cases" / (name + "_header.json")});
  }
  for (const char* name :
       {"1234", "20241214", "20241377", "blake", "432.erc721", "512.eoa", "512.erc20"}) {
    std::filesystem::path header = dir / "prover_infra" / (std::string(name) + ".block.json");
    out.push_back({name, dir / "prover_infra" / (std::string(name) + ".witness.json"),
                   std::filesystem::exists(header) ? std::optional(header) : std::nullopt});
  }
  return out;
}

/// One block's guest input, encoded and decoded back (the view reads `bytes`).
struct BlockInput {
  witness::BlockWitness block;
  std::optional<witness::HeaderJson> header;
  std::vector<uint8_t> bytes;
  GuestInputView view;

  /// Re-decodes `bytes` after a test changed them; false when they no longer decode.
  bool redecode() {
    view = GuestInputView();
    return decode_guest_input(base::ByteSpan(bytes.data(), bytes.size()), view).ok();
  }
};

/// Attaches `header` to `input` as the host does: its RLP, and the withdrawals' indices.
inline void attach_header(witness::GuestInput& input, const witness::HeaderJson& header) {
  base::Bytes rlp;
  EXPECT_TRUE(encode_header(header.header, rlp).ok());
  input.header_rlp.assign(rlp.begin(), rlp.end());
  if (header.withdrawals && header.withdrawals->size() == input.withdrawals.size()) {
    input.withdrawals.clear();
    for (const Withdrawal& w : *header.withdrawals) {
      input.withdrawals.push_back(
          GuestWithdrawal{w.index, w.validator_index, w.address, w.amount_gwei});
    }
    input.withdrawal_indices_known = true;
  }
}

/// The guest inputs of every block of `c`, with `header` (when given) attached to the block of
/// its number.
inline std::vector<std::unique_ptr<BlockInput>> load_inputs(
    const WitnessCase& c,
    const std::optional<witness::HeaderJson>& header) {
  std::vector<std::unique_ptr<BlockInput>> out;
  std::string file = c.witness.string();
  for (witness::BlockWitness& block : witness::read_witness_file(file)) {
    auto in = std::make_unique<BlockInput>();
    witness::CompactTree tree = witness::decode_block_compact(block, file);
    witness::PreState pre = witness::build_block_pre_state(block, tree, file);
    witness::GuestInput guest = witness::make_guest_input(block, pre);
    if (header && header->header.number == block.meta.number) {
      attach_header(guest, *header);
      in->header = header;
    }
    in->bytes = witness::encode_guest_input(guest);
    in->block = std::move(block);
    EXPECT_TRUE(in->redecode());
    out.push_back(std::move(in));
  }
  return out;
}

/// The header of `c`, when it has one (the first block of the header file).
inline std::optional<witness::HeaderJson> load_header(const WitnessCase& c) {
  if (!c.header) return std::nullopt;
  return witness::read_header_file(c.header->string()).at(0);
}

/// Failure details for assertion messages.
inline std::string describe(const BlockOutcome& out) {
  const BlockFailure& f = out.failure;
  std::string text = block_status_message(f.status);
  if (f.has_tx) text += " at transaction " + std::to_string(f.tx_index);
  return text + ": " + f.message;
}

}  // namespace zkbatch::eth::block_test
