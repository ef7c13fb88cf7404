// SPDX-License-Identifier: Apache-2.0
#include "cli/witness_report.hpp"

#include <fmt/format.h>

#include "witness/format.hpp"

namespace zkbatch::cli {

namespace {

using witness::BlockReport;
using witness::CheckResult;
using witness::to_hex;

// The first failing check across blocks, as "block N: name (what): expected X, got Y".
std::string first_mismatch(const std::vector<BlockReport>& blocks) {
  for (const BlockReport& b : blocks) {
    if (const CheckResult* c = b.first_failure()) {
      return fmt::format("block {}: {} ({}): expected {}, got {}", b.number, c->name, c->what,
                         c->expected, c->actual);
    }
  }
  return "";
}

}  // namespace

std::string inspect_text(const std::vector<InspectedFile>& files) {
  std::string out = fmt::format("{:<10} {:<66} {:>5} {:>10} {:>10} {:>6} {:>6} {:>5}  {}\n",
                                "block", "hash", "txs", "gas_used", "witness_B", "nodes", "hashes",
                                "codes", "file (format, code_db)");
  for (const InspectedFile& f : files) {
    for (const witness::BlockSummary& b : f.blocks) {
      out += fmt::format(
          "{:<10} {:<66} {:>5} {:>10} {:>10} {:>6} {:>6} {:>5}  {} ({}, code_db {})\n", b.number,
          to_hex(b.hash), b.transactions, b.gas_used, b.witness_bytes, b.trie_nodes, b.hash_nodes,
          b.codes, f.path, witness::format_name(b.version), witness::code_db_name(b.code_db_form));
    }
  }
  return out;
}

nlohmann::json inspect_json(const std::vector<InspectedFile>& files) {
  nlohmann::json out;
  out["files"] = nlohmann::json::array();
  for (const InspectedFile& f : files) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const witness::BlockSummary& b : f.blocks) {
      blocks.push_back({{"number", b.number},
                        {"hash", to_hex(b.hash)},
                        {"transactions", b.transactions},
                        {"gas_used", b.gas_used},
                        {"witness_bytes", b.witness_bytes},
                        {"trie_nodes", b.trie_nodes},
                        {"hash_nodes", b.hash_nodes},
                        {"codes", b.codes},
                        {"withdrawals", b.withdrawals},
                        {"format", witness::format_name(b.version)},
                        {"code_db", witness::code_db_name(b.code_db_form)}});
    }
    out["files"].push_back({{"file", f.path}, {"bytes", f.bytes}, {"blocks", blocks}});
  }
  return out;
}

std::string check_text(const std::string& file, const std::vector<BlockReport>& blocks) {
  std::string out;
  size_t matched = 0;
  for (const BlockReport& b : blocks) {
    out += fmt::format("{}: block {} {}: {} transactions, gas used {}{}\n", file, b.number,
                       to_hex(b.hash), b.transactions, b.gas_used,
                       b.header_checked ? "" : " (no header given)");
    out += fmt::format("  pre-state root     {}\n", to_hex(b.pre_state_root));
    out += fmt::format("  post-state root    {}\n", to_hex(b.post_state_root));
    out += fmt::format("  transactions root  {}\n", to_hex(b.transactions_root));
    out += fmt::format("  receipts root      {}\n", to_hex(b.receipts_root));
    if (!b.beacon_root_written) {
      out +=
          "  note: the EIP-4788 beacon roots contract is not in the state; no beacon root "
          "written\n";
    }
    for (const CheckResult& c : b.checks) {
      if (c.ok) {
        out += fmt::format("  ok        {:<32} {}\n", c.name, c.what);
      } else {
        out +=
            fmt::format("  MISMATCH  {:<32} {}\n            expected {}\n            got      {}\n",
                        c.name, c.what, c.expected, c.actual);
      }
    }
    matched += b.ok() ? 1 : 0;
  }
  std::string mismatch = first_mismatch(blocks);
  if (mismatch.empty()) {
    out += fmt::format("{}: all checks of {} block(s) match\n", file, blocks.size());
  } else {
    out += fmt::format("{}: {} of {} block(s) match; first mismatch: {}\n", file, matched,
                       blocks.size(), mismatch);
    const CheckResult* first = nullptr;
    for (const BlockReport& b : blocks)
      first = first != nullptr ? first : b.first_failure();
    if (first != nullptr && first->name == "pre_state_root" &&
        first->what.find("checkpoint") != std::string::npos) {
      out +=
          "  hint: the checkpoint root is the parent's state root only when the witness was "
          "fetched with checkpoint = parent; give the parent's header with --parent-header\n";
    }
  }
  return out;
}

nlohmann::json check_json(const std::string& file, const std::vector<BlockReport>& blocks) {
  nlohmann::json out;
  out["file"] = file;
  std::string mismatch = first_mismatch(blocks);
  out["ok"] = mismatch.empty();
  out["first_mismatch"] = mismatch.empty() ? nlohmann::json(nullptr) : nlohmann::json(mismatch);
  out["blocks"] = nlohmann::json::array();
  for (const BlockReport& b : blocks) {
    nlohmann::json checks = nlohmann::json::array();
    for (const CheckResult& c : b.checks) {
      checks.push_back({{"name", c.name},
                        {"what", c.what},
                        {"ok", c.ok},
                        {"expected", c.expected},
                        {"actual", c.actual}});
    }
    out["blocks"].push_back({{"number", b.number},
                             {"hash", to_hex(b.hash)},
                             {"ok", b.ok()},
                             {"transactions", b.transactions},
                             {"gas_used", b.gas_used},
                             {"pre_state_root", to_hex(b.pre_state_root)},
                             {"post_state_root", to_hex(b.post_state_root)},
                             {"transactions_root", to_hex(b.transactions_root)},
                             {"receipts_root", to_hex(b.receipts_root)},
                             {"beacon_root_written", b.beacon_root_written},
                             {"header_checked", b.header_checked},
                             {"checks", checks}});
  }
  return out;
}

}  // namespace zkbatch::cli
