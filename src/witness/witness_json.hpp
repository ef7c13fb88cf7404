// SPDX-License-Identifier: Apache-2.0
// Host only. Reading zk_evm witness files: a JSON array of `{block_trace, other_data}` objects in
// the v0.6.0 or v0.7.0 form (../shared/reference/zk_evm_witness.md §1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "witness/block_witness.hpp"

namespace zkbatch::witness {

/// Reads every block of the witness file at `path`. Throws InputError naming the file, the JSON
/// path (or line and column for syntax errors) and the problem.
std::vector<BlockWitness> read_witness_file(const std::string& path);

/// Parses witness JSON text; `source` names it in errors.
std::vector<BlockWitness> parse_witness_text(std::string_view text, const std::string& source);

/// Converts a parsed document (the top-level array); `source` names it in errors.
std::vector<BlockWitness> parse_witness_json(const nlohmann::json& document,
                                             const std::string& source);

}  // namespace zkbatch::witness
