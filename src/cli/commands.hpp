// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

namespace zkbatch::cli {

/// A subcommand: its CLI11 node and the function that runs it once parsed (returns the exit code).
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// The subcommands the binary offers, in registration order.
struct CommandRegistry {
  std::vector<Command> commands;
};

/// Adds every subcommand to `app`. Each command lives in its own file (`selfcheck.cpp`, ...).
void register_commands(CLI::App& app, CommandRegistry& registry);

/// `zkbatch selfcheck`: known-answer checks of the field and the hashes on this machine.
void register_selfcheck(CLI::App& app, CommandRegistry& registry);

/// `zkbatch vm run`: runs a guest ELF in the emulator (exit code, cycles, public output).
void register_vm(CLI::App& app, CommandRegistry& registry);

/// `zkbatch vm prove`, `zkbatch verify` and `zkbatch proof show`: single-process proofs of a
/// guest run, their verification and their public values.
void register_vm_prove(CLI::App& app, CommandRegistry& registry);

/// `zkbatch queue list|cancel|retry|clear --out DIR`: the queue ledger of an output directory.
void register_queue(CLI::App& app, CommandRegistry& registry);

/// `zkbatch prove`: the batch prover, alone or on every rank of an MPI job.
void register_prove(CLI::App& app, CommandRegistry& registry);

/// `zkbatch circuits build`: the circuits file (verifying key, preprocessed tables) of a program.
void register_circuits(CLI::App& app, CommandRegistry& registry);

/// `zkbatch witness inspect|check`: decode zk_evm witnesses, check them against headers, write
/// guest inputs.
void register_witness(CLI::App& app, CommandRegistry& registry);

/// `zkbatch execute`: runs the block validator natively on every block of a witness and compares
/// it with the witness's expectations and the headers given.
void register_execute(CLI::App& app, CommandRegistry& registry);

}  // namespace zkbatch::cli
