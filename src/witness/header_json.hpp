// SPDX-License-Identifier: Apache-2.0
// Host only. Block headers as JSON-RPC `eth_getBlockByNumber` returns them: a block object, or an
// array of block objects (the zk_evm test cases' `*_header.json` hold a one-element array).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "eth/header.hpp"
#include "eth/withdrawal.hpp"

namespace zkbatch::witness {

/// A block as the JSON gives it: the consensus header plus what the JSON adds.
struct HeaderJson {
  eth::Header header;
  /// The `hash` field as given (check it against eth::block_hash(header)).
  base::Bytes32 hash{};
  /// `withdrawals`, when present (EIP-4895), with index and validator index.
  std::optional<std::vector<eth::Withdrawal>> withdrawals;
  /// The transaction hashes (`transactions` as hashes, or the `hash` of each full object).
  std::optional<std::vector<base::Bytes32>> transaction_hashes;
  /// Where it came from, for messages: the file and the JSON path of the block object.
  std::string source;
};

/// Reads every block of the header file at `path`. Throws InputError naming the file, the JSON
/// path and the problem.
std::vector<HeaderJson> read_header_file(const std::string& path);
/// Parses header JSON text; `source` names it in errors.
std::vector<HeaderJson> parse_header_text(std::string_view text, const std::string& source);
/// Converts a parsed document: one block object, or a non-empty array of them.
std::vector<HeaderJson> parse_header_json(const nlohmann::json& document,
                                          const std::string& source);

}  // namespace zkbatch::witness
