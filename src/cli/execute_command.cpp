// SPDX-License-Identifier: Apache-2.0
// `zkbatch execute WITNESS [--header HEADER.json]... [--json]`: runs the block validator natively
// on every block of a zk_evm witness, from the witness alone, and compares it with the witness's
// per-transaction expectations and with the headers given (docs/execute.md). Exit 0 when all
// match, 1 at the first difference (named with both values), 2 for bad input (one line naming
// the file, the place and the problem; no other output).
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/execute.hpp"
#include "witness/error.hpp"
#include "witness/format.hpp"
#include "witness/header_json.hpp"
#include "witness/witness_json.hpp"

namespace zkbatch::cli {

namespace {

using witness::to_hex;

struct ExecuteArgs {
  std::string file;
  std::vector<std::string> headers;
  bool json = false;
};

double per_second(const ExecuteReport& r) {
  return r.seconds > 0 ? static_cast<double>(r.transactions) / r.seconds : 0.0;
}

std::string mismatch_text(const ExecuteMismatch& m) {
  std::string where = m.transaction ? fmt::format("transaction {} ", *m.transaction) : "";
  return fmt::format("{}{} differs at {}: expected {}, execution gives {}", where, m.field,
                     m.location, m.expected, m.actual);
}

std::string report_text(const ExecuteReport& r) {
  std::string out =
      fmt::format("block {} {}: {} transactions, gas used {}, {:.3f} s, {:.0f} tx/s\n", r.number,
                  r.ok() ? "ok" : "MISMATCH", r.transactions, r.gas_used, r.seconds, per_second(r));
  out += fmt::format("  block hash        {}{}\n", to_hex(r.block_hash),
                     r.header_checked ? " (header)" : " (witness)");
  out += fmt::format("  pre-state root    {}\n", to_hex(r.pre_state_root));
  out += fmt::format("  post-state root   {}\n", to_hex(r.post_state_root));
  out += fmt::format("  transactions root {}\n", to_hex(r.transactions_root));
  out += fmt::format("  receipts root     {}\n", to_hex(r.receipts_root));
  if (r.withdrawals_root)
    out += fmt::format("  withdrawals root  {}\n", to_hex(*r.withdrawals_root));
  out += fmt::format(
      "  checked: {} of {} transactions against the witness (receipt, gas, state "
      "changes){}\n",
      r.transactions_checked, r.transactions,
      r.header_checked ? "; every header root, gas used, bloom and block hash"
                       : "; no header given");
  if (r.mismatch) out += "  " + mismatch_text(*r.mismatch) + "\n";
  return out;
}

nlohmann::json report_json(const std::string& file, const ExecuteReport& r) {
  nlohmann::json j = {
      {"file", file},
      {"block", r.number},
      {"hash", to_hex(r.block_hash)},
      {"ok", r.ok()},
      {"transactions", r.transactions},
      {"gas_used", r.gas_used},
      {"blob_gas_used", r.blob_gas_used},
      {"pre_state_root", to_hex(r.pre_state_root)},
      {"post_state_root", to_hex(r.post_state_root)},
      {"transactions_root", to_hex(r.transactions_root)},
      {"receipts_root", to_hex(r.receipts_root)},
      {"header_checked", r.header_checked},
      {"transactions_checked", r.transactions_checked},
      {"seconds", r.seconds},
      {"transactions_per_second", per_second(r)},
  };
  if (r.withdrawals_root) j["withdrawals_root"] = to_hex(*r.withdrawals_root);
  if (r.mismatch) {
    const ExecuteMismatch& m = *r.mismatch;
    nlohmann::json mj = {{"field", m.field},
                         {"location", m.location},
                         {"expected", m.expected},
                         {"actual", m.actual}};
    mj["transaction"] = m.transaction ? nlohmann::json(*m.transaction) : nlohmann::json(nullptr);
    j["mismatch"] = mj;
  }
  return j;
}

int run_execute(const ExecuteArgs& args) {
  std::vector<ExecuteReport> reports;
  try {
    std::vector<witness::BlockWitness> blocks = witness::read_witness_file(args.file);
    std::map<uint64_t, witness::HeaderJson> headers;
    for (const std::string& path : args.headers) {
      for (witness::HeaderJson& h : witness::read_header_file(path)) {
        uint64_t number = h.header.number;
        std::string source = h.source;
        if (!headers.emplace(number, std::move(h)).second) {
          throw witness::InputError(source, "number",
                                    "a second header for block " + std::to_string(number));
        }
      }
    }
    for (const auto& [number, h] : headers) {
      bool found = false;
      for (const witness::BlockWitness& b : blocks)
        found = found || b.meta.number == number;
      if (!found) {
        throw witness::InputError(h.source, "number",
                                  "block " + std::to_string(number) + " is not in " + args.file);
      }
    }
    for (const witness::BlockWitness& block : blocks) {
      auto h = headers.find(block.meta.number);
      reports.push_back(execute_block(block, h == headers.end() ? nullptr : &h->second, args.file));
    }
  } catch (const witness::InputError& e) {
    std::fprintf(stderr, "zkbatch execute: %s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zkbatch execute: %s: cannot process the input: %s\n", args.file.c_str(),
                 e.what());
    return kExitBadInput;
  }

  bool all_ok = true;
  for (const ExecuteReport& r : reports) {
    all_ok = all_ok && r.ok();
    if (args.json) {
      std::puts(report_json(args.file, r).dump().c_str());
    } else {
      std::fputs(report_text(r).c_str(), stdout);
    }
  }
  return all_ok ? kExitOk : kExitFailed;
}

}  // namespace

void register_execute(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<ExecuteArgs>();
  CLI::App* cmd = app.add_subcommand(
      "execute",
      "Execute every block of a zk_evm witness natively with the block validator, from the "
      "witness alone, and compare receipts, gas and state changes with the witness and roots, "
      "gas, bloom and block hash with the headers given. Exit 0 all match, 1 a difference, "
      "2 bad input");
  cmd->add_option("WITNESS", args->file, "Witness JSON file (zk_evm v0.6.0 or v0.7.0)")->required();
  cmd->add_option("--header", args->headers,
                  "Header JSON (eth_getBlockByNumber result, or an array of them, such as the "
                  "zk_evm test cases' X_header.json); may repeat; matched to blocks by number");
  cmd->add_flag("--json", args->json, "Print one JSON object per block, one per line");
  registry.commands.push_back({cmd, [args] { return run_execute(*args); }});
}

}  // namespace zkbatch::cli
