// SPDX-License-Identifier: Apache-2.0
// `zkbatch prove`: the batch prover (DESIGN.md §6, docs/operations.md). Proves every input with
// the zkVM prover, alone or on every rank of an MPI job (mpirun, srun, an MPIJob):
//   zkbatch [--log-format json] prove --elf PROGRAM --input FILE... --out DIR [--circuits FILE]
//       [--previous-proof FILE] [--progress-interval S] [--metrics-port P] [--segment-log2 K]
//       [--params NAME]
// Writes DIR/<input name>.proof and .proof.json per input. Exit codes 0/1/2 as run_prove.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "log/log.hpp"
#include "runner/runner.hpp"
#include "runner/vm_prover.hpp"
#include "vm/chips/segment_values.hpp"

namespace zkbatch::cli {
namespace {

struct ProveCliArgs {
  runner::ProveConfig config;
  runner::VmProverOptions prover;
};

// The logger again, now with this process's rank: the global options are read back from the
// root command.
void init_log(const CLI::App& root, int rank) {
  log::Format format = log::Format::text;
  log::Level level = log::Level::info;
  log::parse_format(root.get_option("--log-format")->as<std::string>(), format);
  log::parse_level(root.get_option("--log-level")->as<std::string>(), level);
  log::init(format, level, rank);
}

int prove(const CLI::App& root, const ProveCliArgs& args) {
  runner::MpiSession session;
  runner::Communicator& world = session.world();
  init_log(root, world.rank());
  const runner::VmProverOptions options = args.prover;
  return runner::run_prove(world, args.config, [&](const runner::ProverSpec& spec) {
    return runner::make_vm_prover(spec.elf, options);
  });
}

}  // namespace

void register_prove(CLI::App& app, CommandRegistry& registry) {
  CLI::App* cmd = app.add_subcommand(
      "prove",
      "Prove a batch of inputs (alone or on every rank under mpirun/srun): one proof file per "
      "input in the output directory, resumable");
  auto a = std::make_shared<ProveCliArgs>();
  runner::ProveConfig& c = a->config;
  cmd->add_option("--elf", c.elf, "Guest program (static rv32im ELF)")->required();
  cmd->add_option(
         "--input", c.inputs,
         "Input files, read by the guest on fd 0; the proof of blocks/N.json is OUT/N.proof")
      ->required()
      ->expected(1, -1);
  cmd->add_option("--out", c.out_dir,
                  "Output directory: proofs, summaries, queue ledger, resume records")
      ->required();
  cmd->add_option("--circuits", c.circuits,
                  "Circuits file of the program (zkbatch circuits build); checked against the job");
  cmd->add_option("--previous-proof", c.previous_proof,
                  "Proof the first input links to (its public output bytes 32..63 equal the "
                  "first input's bytes 0..31); later inputs link to the one before");
  cmd->add_option("--progress-interval", c.progress_interval_s,
                  "Seconds between progress lines (0: one line per segment only)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--metrics-port", c.metrics_port,
                  "Serve Prometheus metrics on 0.0.0.0:P from rank 0 (0: off)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--metrics-linger", c.metrics_linger_s,
                  "Keep serving metrics this many seconds after the batch")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--resident-states", c.resident_states,
                  "Committed segments a rank keeps in memory between the two phases; others are "
                  "committed again from their checkpoint (memory against time)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--segment-log2", a->prover.segment_log2, "Segment size: 2^K cycles")
      ->check(CLI::Range(1, static_cast<int>(vm::chips::kMaxSegmentLog2)))
      ->capture_default_str();
  cmd->add_option("--params,--preset", a->prover.params, "Parameters: default_100 or secure_128")
      ->capture_default_str();
  const CLI::App* root = &app;
  registry.commands.push_back({cmd, [a, root] { return prove(*root, *a); }});
}

}  // namespace zkbatch::cli
