// SPDX-License-Identifier: Apache-2.0
// `zkbatch circuits build --elf PROGRAM --out FILE [--segment-log2 K] [--params NAME]`: writes the
// circuits file of a program (DESIGN.md §6 "Circuits", docs/operations.md): the verifying-key
// digest and the preprocessed tables, which `zkbatch prove --circuits` and
// `zkbatch verify --circuits` check before they trust it. Exit codes: 0 written, 2 bad input
// (unreadable or unprovable ELF, unknown preset, unwritable file).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "runner/runner.hpp"
#include "runner/segment_store.hpp"
#include "runner/vm_prover.hpp"
#include "vm/chips/segment_values.hpp"

namespace zkbatch::cli {
namespace {

struct CircuitsArgs {
  std::string elf, out;
  runner::VmProverOptions prover;
};

int build(const CircuitsArgs& args) {
  const std::optional<std::vector<uint8_t>> elf = runner::read_whole_file(args.elf);
  if (!elf) {
    std::fprintf(stderr, "zkbatch circuits build: %s: cannot read the program\n", args.elf.c_str());
    return kExitBadInput;
  }
  runner::CircuitsData data;
  try {
    data = runner::make_vm_circuits(*elf, args.prover);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zkbatch circuits build: %s: %s\n", args.elf.c_str(), e.what());
    return kExitBadInput;
  }
  try {
    runner::write_circuits(args.out, data);
  } catch (const runner::CircuitsError& e) {
    std::fprintf(stderr, "zkbatch circuits build: %s\n", e.what());
    return kExitBadInput;
  }
  uint64_t values = 0;
  for (const runner::CircuitsTable& t : data.tables)
    values += t.values.size();
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(args.out, ec);
  std::printf("circuits:  %s (%llu bytes)\nprogram:   %s\nkey:       %s\n", args.out.c_str(),
              static_cast<unsigned long long>(ec ? 0 : bytes), args.elf.c_str(),
              runner::digest_hex(data.key_digest).c_str());
  std::printf("params:    %s, segments of 2^%u cycles\ntables:    %zu (%llu values)\n",
              data.params.c_str(), data.segment_log2, data.tables.size(),
              static_cast<unsigned long long>(values));
  return kExitOk;
}

}  // namespace

void register_circuits(CLI::App& app, CommandRegistry& registry) {
  CLI::App* circuits = app.add_subcommand("circuits", "The circuits file of a program");
  circuits->require_subcommand(1);
  CLI::App* cmd = circuits->add_subcommand(
      "build", "Write a program's verifying key and preprocessed tables to an HDF5 file");
  auto a = std::make_shared<CircuitsArgs>();
  cmd->add_option("--elf", a->elf, "Guest program (static rv32im ELF)")->required();
  cmd->add_option("--out", a->out, "Circuits file to write (HDF5)")->required();
  cmd->add_option("--segment-log2", a->prover.segment_log2, "Segment size: 2^K cycles")
      ->check(CLI::Range(1, static_cast<int>(vm::chips::kMaxSegmentLog2)))
      ->capture_default_str();
  cmd->add_option("--params,--preset", a->prover.params, "Parameters: default_100 or secure_128")
      ->capture_default_str();
  registry.commands.push_back({cmd, [a] { return build(*a); }});
}

}  // namespace zkbatch::cli
