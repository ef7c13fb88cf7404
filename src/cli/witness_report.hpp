// SPDX-License-Identifier: Apache-2.0
// How `zkbatch witness inspect` and `zkbatch witness check` print their results: aligned text
// for people, JSON for scripts. Rendering is separate from the commands so tests can check it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "witness/block_check.hpp"
#include "witness/summary.hpp"

namespace zkbatch::cli {

/// One file as `witness inspect` saw it.
struct InspectedFile {
  std::string path;
  size_t bytes = 0;
  std::vector<witness::BlockSummary> blocks;
};

/// The inspect table: a header row, then one row per block of every file.
std::string inspect_text(const std::vector<InspectedFile>& files);
/// The inspect report as JSON: {"files": [{"file", "bytes", "blocks": [...]}]}.
nlohmann::json inspect_json(const std::vector<InspectedFile>& files);

/// The check report of one file as text: per block its figures, every check with "ok" or
/// "MISMATCH", and a last line naming the first mismatch (or saying that all matched).
std::string check_text(const std::string& file, const std::vector<witness::BlockReport>& blocks);
/// The check report as JSON: {"file", "ok", "first_mismatch", "blocks": [...]}.
nlohmann::json check_json(const std::string& file, const std::vector<witness::BlockReport>& blocks);

}  // namespace zkbatch::cli
