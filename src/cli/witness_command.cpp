// SPDX-License-Identifier: Apache-2.0
// `zkbatch witness inspect` and `zkbatch witness check`: the operator's view of zk_evm block
// witnesses (docs/witness.md). Bad input gives one line naming the file, the place in it and the
// problem, exit code 2, and no other output; a check that does not match gives exit code 1.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/witness_report.hpp"
#include "witness/witness.hpp"

namespace zkbatch::cli {

namespace {

struct InspectArgs {
  std::vector<std::string> files;
  bool json = false;
};

struct CheckArgs {
  std::string file;
  std::vector<std::string> headers;
  std::string parent_header;
  std::string guest_input_dir;
  bool json = false;
};

int bad_input(const char* command, const std::string& message) {
  std::fprintf(stderr, "zkbatch witness %s: %s\n", command, message.c_str());
  return kExitBadInput;
}

int run_inspect(const InspectArgs& args) {
  std::vector<InspectedFile> files;
  try {
    for (const std::string& path : args.files) {
      InspectedFile f;
      f.path = path;
      std::error_code ec;
      f.bytes = static_cast<size_t>(std::filesystem::file_size(path, ec));
      if (ec) throw witness::InputError(path, "", "cannot read file: " + ec.message());
      for (const witness::BlockWitness& block : witness::read_witness_file(path)) {
        f.blocks.push_back(witness::summarize_block(block, path));
      }
      files.push_back(std::move(f));
    }
  } catch (const witness::InputError& e) {
    return bad_input("inspect", e.what());
  } catch (const std::exception& e) {
    return bad_input("inspect", std::string("cannot process the input: ") + e.what());
  }
  if (args.json) {
    std::puts(inspect_json(files).dump(2).c_str());
  } else {
    std::fputs(inspect_text(files).c_str(), stdout);
  }
  return kExitOk;
}

// Writes every block's guest input to DIR/block-<number>.guest-input, each through a temporary
// name and a rename, so an interrupted run never leaves a truncated file under the final name.
std::vector<std::string> write_guest_inputs(const std::string& dir,
                                            const std::vector<witness::BlockReport>& reports) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw witness::InputError(dir, "", "cannot create directory: " + ec.message());
  std::vector<witness::ByteVector> encoded;
  for (const witness::BlockReport& r : reports)
    encoded.push_back(witness::encode_guest_input(*r.guest_input));
  std::vector<std::string> paths;
  for (size_t i = 0; i < reports.size(); ++i) {
    std::filesystem::path target = std::filesystem::path(dir) /
                                   ("block-" + std::to_string(reports[i].number) + ".guest-input");
    std::filesystem::path temp = target;
    temp += ".tmp";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(encoded[i].data()),
                static_cast<std::streamsize>(encoded[i].size()));
      if (!out.good()) throw witness::InputError(temp.string(), "", "cannot write file");
    }
    std::filesystem::rename(temp, target, ec);
    if (ec) throw witness::InputError(target.string(), "", "cannot rename: " + ec.message());
    paths.push_back(target.string());
  }
  return paths;
}

int run_check(const CheckArgs& args) {
  std::vector<witness::BlockReport> reports;
  try {
    std::vector<witness::BlockWitness> blocks = witness::read_witness_file(args.file);
    witness::CheckOptions options;
    for (const std::string& path : args.headers) {
      for (witness::HeaderJson& h : witness::read_header_file(path)) {
        options.headers.push_back(std::move(h));
      }
    }
    if (!args.parent_header.empty()) {
      std::vector<witness::HeaderJson> parents = witness::read_header_file(args.parent_header);
      if (parents.size() != 1) {
        throw witness::InputError(args.parent_header, "", "expected exactly one header");
      }
      options.parent_header = std::move(parents[0]);
    }
    options.guest_inputs = !args.guest_input_dir.empty();
    reports = witness::check_blocks(blocks, args.file, options);
  } catch (const witness::InputError& e) {
    return bad_input("check", e.what());
  } catch (const std::exception& e) {
    return bad_input("check", args.file + ": cannot process the input: " + e.what());
  }

  bool all_ok = true;
  for (const witness::BlockReport& r : reports)
    all_ok = all_ok && r.ok();
  std::vector<std::string> written;
  if (all_ok && !args.guest_input_dir.empty()) {
    try {
      written = write_guest_inputs(args.guest_input_dir, reports);
    } catch (const witness::InputError& e) {
      return bad_input("check", e.what());
    } catch (const std::exception& e) {
      return bad_input("check", args.guest_input_dir + ": " + e.what());
    }
  }

  if (args.json) {
    nlohmann::json report = check_json(args.file, reports);
    for (size_t i = 0; i < written.size(); ++i)
      report["blocks"][i]["guest_input"] = written[i];
    std::puts(report.dump(2).c_str());
  } else {
    std::fputs(check_text(args.file, reports).c_str(), stdout);
    for (const std::string& path : written)
      std::printf("guest input written: %s\n", path.c_str());
    if (!all_ok && !args.guest_input_dir.empty()) {
      std::printf("no guest input written: a check did not match\n");
    }
  }
  return all_ok ? kExitOk : kExitFailed;
}

}  // namespace

void register_witness(CLI::App& app, CommandRegistry& registry) {
  CLI::App* cmd = app.add_subcommand(
      "witness", "Decode zk_evm block witnesses, check them against headers, write guest inputs");
  cmd->require_subcommand(1);

  auto inspect_args = std::make_shared<InspectArgs>();
  CLI::App* inspect = cmd->add_subcommand(
      "inspect",
      "Per block: number, hash, transactions, gas used, witness size, trie nodes, "
      "codes (decodes the compact trie blob; builds no trie)");
  inspect->add_option("FILE", inspect_args->files, "Witness JSON files (zk_evm v0.6.0 or v0.7.0)")
      ->required();
  inspect->add_flag("--json", inspect_args->json, "Print the report as JSON");

  auto check_args = std::make_shared<CheckArgs>();
  CLI::App* check = cmd->add_subcommand(
      "check",
      "Decode, replay the witness's state changes and compare the pre-state, post-state, "
      "transactions and receipts roots and gas used with the witness metadata and headers. "
      "Exit 0 all match, 1 a mismatch, 2 bad input");
  check->add_option("FILE", check_args->file, "Witness JSON file")->required();
  check->add_option("--header", check_args->headers,
                    "Header JSON (eth_getBlockByNumber result, or an array of them); may repeat; "
                    "matched to blocks by number");
  check->add_option("--parent-header", check_args->parent_header,
                    "Header JSON of the first block's parent: its stateRoot becomes the reference "
                    "for the pre-state root instead of the checkpoint root");
  check->add_option("--guest-input-dir", check_args->guest_input_dir,
                    "Write DIR/block-<number>.guest-input for every block, only when every check "
                    "matches");
  check->add_flag("--json", check_args->json, "Print the report as JSON");

  registry.commands.push_back({cmd, [inspect, inspect_args, check_args] {
                                 if (inspect->parsed()) return run_inspect(*inspect_args);
                                 return run_check(*check_args);
                               }});
}

}  // namespace zkbatch::cli
