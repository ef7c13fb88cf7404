// SPDX-License-Identifier: Apache-2.0
// Proving and verifying program runs (docs/zkvm.md):
//   zkbatch vm prove ELF [--input FILE] --out PROOF [--segment-log2 K] [--preset NAME]
//   zkbatch verify PROOF [--elf ELF] [--circuits FILE] [--previous-proof PROOF] [--json]
//   zkbatch proof show PROOF
// Exit codes: 0 success (proof written, proof valid); 1 the run cannot be proven or the proof is
// rejected; 2 bad input (unreadable or invalid ELF, input or proof file). Proofs are never printed.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "hash/digest.hpp"
#include "runner/circuits.hpp"
#include "runner/proof_files.hpp"
#include "stark/proof_io.hpp"
#include "vm/chips/segment_values.hpp"
#include "vm/proof/proof.hpp"
#include "vm/vm.hpp"

namespace zkbatch::cli {
namespace {

struct ProveArgs {
  std::string elf, input, out, preset = "default_100";
  uint32_t segment_log2 = 20;
};

struct VerifyArgs {
  std::string proof, elf, circuits, previous;
  bool json = false;
};

bool read_file(const std::string& path, std::vector<uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

std::string hex(const uint8_t* data, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i)
    s += fmt::format("{:02x}", data[i]);
  return s;
}

// One rendering of a verifying-key digest everywhere: the runner's (summaries, ledger, circuits).
using runner::digest_hex;

int prove(const ProveArgs& args) {
  const auto params = vm::proof::params_by_name(args.preset);
  if (!params) {
    std::fprintf(stderr, "zkbatch vm prove: unknown preset '%s'\n", args.preset.c_str());
    return kExitBadInput;
  }
  vm::ElfError error;
  const vm::Program program = vm::Program::load(args.elf, error);
  if (!error.ok()) {
    std::fprintf(stderr, "zkbatch vm prove: %s\n", error.message.c_str());
    return kExitBadInput;
  }
  std::vector<uint8_t> input;
  if (!args.input.empty() && !read_file(args.input, input)) {
    std::fprintf(stderr, "zkbatch vm prove: %s: cannot read input file\n", args.input.c_str());
    return kExitBadInput;
  }
  try {
    const auto key = vm::proof::make_key(program, *params);
    vm::proof::ProveStats stats;
    const vm::proof::ProgramProof proof =
        vm::proof::prove_program(*key, program, input, args.segment_log2, {}, &stats);
    const std::vector<uint8_t> bytes = vm::proof::serialize_program_proof(proof);
    if (!write_file(args.out, bytes)) {
      std::fprintf(stderr, "zkbatch vm prove: %s: cannot write the proof\n", args.out.c_str());
      return kExitBadInput;
    }
    std::printf(
        "program:   %s\ncycles:    %llu in %zu segments of 2^%u\nproof:     %s (%zu bytes)\n",
        digest_hex(key->digest).c_str(), static_cast<unsigned long long>(stats.cycles),
        stats.segments, args.segment_log2, args.out.c_str(), bytes.size());
    std::printf("time:      execute %.2f s, witness %.2f s, phase 1 %.2f s, phase 2 %.2f s\n",
                stats.execute, stats.witness, stats.phase1, stats.phase2);
    return kExitOk;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zkbatch vm prove: %s: %s\n", args.elf.c_str(), e.what());
    return kExitFailed;
  }
}

bool load_proof(const char* command, const std::string& path, vm::proof::ProgramProof* proof) {
  std::vector<uint8_t> bytes;
  if (!read_file(path, bytes)) {
    std::fprintf(stderr, "zkbatch %s: %s: cannot read the proof\n", command, path.c_str());
    return false;
  }
  const vm::proof::ProofFileError e = vm::proof::deserialize_program_proof(bytes, proof);
  if (e != vm::proof::ProofFileError::ok) {
    std::fprintf(stderr, "zkbatch %s: %s: %s\n", command, path.c_str(),
                 vm::proof::error_message(e));
    return false;
  }
  return true;
}

int verify(const VerifyArgs& args) {
  vm::proof::ProgramProof proof, previous;
  if (!load_proof("verify", args.proof, &proof)) return kExitBadInput;
  if (!args.previous.empty() && !load_proof("verify", args.previous, &previous)) {
    return kExitBadInput;
  }
  std::optional<runner::CircuitsData> circuits;
  if (!args.circuits.empty()) {
    try {
      circuits = runner::read_circuits(args.circuits);
    } catch (const runner::CircuitsError& e) {
      std::fprintf(stderr, "zkbatch verify: %s\n", e.what());
      return kExitBadInput;
    }
  }
  std::shared_ptr<const vm::proof::VmKey> key;
  vm::proof::ProgramVerdict v = vm::proof::verify_program_file(proof, &key);
  // --circuits: a file built for another program, preset or segment size than the proof's is
  // the wrong file for this proof (bad input), as it is for `zkbatch prove --circuits`.
  if (circuits && key &&
      (circuits->key_digest != key->digest || circuits->params != proof.params ||
       circuits->segment_log2 != proof.segment_log2)) {
    std::fprintf(stderr,
                 "zkbatch verify: %s: built for key %s, preset %s, segments of 2^%u; %s is "
                 "about key %s, preset %s, segments of 2^%u\n",
                 args.circuits.c_str(), runner::digest_hex(circuits->key_digest).c_str(),
                 circuits->params.c_str(), circuits->segment_log2, args.proof.c_str(),
                 runner::digest_hex(key->digest).c_str(), proof.params.c_str(), proof.segment_log2);
    return kExitBadInput;
  }
  std::string why;
  // --previous-proof: the previous proof verifies and this one links to it.
  if (v.ok() && !args.previous.empty()) {
    const vm::proof::ProgramVerdict pv = vm::proof::verify_program_file(previous);
    if (!pv.ok()) {
      why = fmt::format("previous proof {}: {}", args.previous, pv.message());
    } else {
      const std::string link = runner::check_link(previous.public_output, proof.public_output);
      if (!link.empty()) why = fmt::format("{} (previous proof {})", link, args.previous);
    }
  }
  if (v.ok() && !args.elf.empty()) {
    vm::ElfError error;
    const vm::Program expected = vm::Program::load(args.elf, error);
    if (!error.ok()) {
      std::fprintf(stderr, "zkbatch verify: %s\n", error.message.c_str());
      return kExitBadInput;
    }
    if (vm::proof::make_key(expected, key->params())->digest != key->digest) {
      v.error = vm::proof::ProgramError::wrong_program;
    }
  }
  const bool valid = v.ok() && why.empty();
  const std::string message = !v.ok() && why.empty() ? v.message()
                              : !v.ok()              ? v.message() + ": " + why
                                                     : why;
  if (args.json) {
    nlohmann::json j;
    j["valid"] = valid;
    j["error"] = valid ? nlohmann::json(nullptr) : nlohmann::json(message);
    j["program"] = digest_hex(v.program);
    j["preset"] = proof.params;
    j["segments"] = proof.segments.size();
    j["public_output"] = hex(proof.public_output.data(), proof.public_output.size());
    if (!args.previous.empty()) j["previous_proof"] = args.previous;
    std::puts(j.dump(2).c_str());
  } else {
    std::printf("%s: %s\nprogram: %s\n", args.proof.c_str(), valid ? "valid" : message.c_str(),
                digest_hex(v.program).c_str());
    if (valid) {
      std::printf("public output: %s\n",
                  hex(proof.public_output.data(), proof.public_output.size()).c_str());
      if (!args.previous.empty()) std::printf("links to: %s\n", args.previous.c_str());
    }
  }
  return valid ? kExitOk : kExitFailed;
}

int show(const std::string& path) {
  vm::proof::ProgramProof proof;
  if (!load_proof("proof show", path, &proof)) return kExitBadInput;
  using namespace vm::chips;
  nlohmann::json j;
  j["preset"] = proof.params;
  j["segment_log2"] = proof.segment_log2;
  j["elf_bytes"] = proof.elf.size();
  j["public_output"] = hex(proof.public_output.data(), proof.public_output.size());
  j["public_output_bytes"] = proof.public_output.size();
  j["memory_proof_bytes"] = stark::serialize_proof(proof.memory).size();
  j["segments"] = nlohmann::json::array();
  for (const stark::Proof& p : proof.segments) {
    nlohmann::json s;
    auto pv = [&](size_t i) { return i < p.public_values.size() ? p.public_values[i].value() : 0; };
    s["index"] = pv(kPvSegmentIndex);
    s["start_pc"] = pv(kPvStartPc);
    s["end_pc"] = pv(kPvEndPc);
    s["start_timestamp"] = pv(kPvStartTimestamp);
    s["end_timestamp"] = pv(kPvEndTimestamp);
    s["halted"] = pv(kPvHalted);
    s["exit_code"] = pv(kPvExitCode);
    s["output_start"] = pv(kPvOutputStart);
    s["output_end"] = pv(kPvOutputEnd);
    s["global_sum"] = {p.global_sum.c[0].value(), p.global_sum.c[1].value(),
                       p.global_sum.c[2].value()};
    s["log_heights"] = p.log_heights;
    s["bytes"] = stark::serialize_proof(p).size();
    j["segments"].push_back(s);
  }
  j["total_bytes"] = vm::proof::serialize_program_proof(proof).size();
  std::puts(j.dump(2).c_str());
  return kExitOk;
}

/// The subcommand `name` of `parent`, created when it does not exist yet.
CLI::App* subcommand(CLI::App& parent, const std::string& name, const std::string& help) {
  for (CLI::App* sub : parent.get_subcommands({})) {
    if (sub->get_name() == name) return sub;
  }
  CLI::App* sub = parent.add_subcommand(name, help);
  sub->require_subcommand(1);
  return sub;
}

}  // namespace

void register_vm_prove(CLI::App& app, CommandRegistry& registry) {
  CLI::App* vm_cmd = subcommand(app, "vm", "The RV32IM zkVM: run guest programs");
  CLI::App* prove_cmd = vm_cmd->add_subcommand(
      "prove", "Prove a guest run (all segments, one global challenge) and write the proof file");
  auto pa = std::make_shared<ProveArgs>();
  prove_cmd->add_option("elf", pa->elf, "Guest program (static rv32im ELF)")->required();
  prove_cmd->add_option("--input", pa->input, "Private input file, read by the guest on fd 0");
  prove_cmd->add_option("--out", pa->out, "Proof file to write")->required();
  prove_cmd->add_option("--segment-log2", pa->segment_log2, "Segment size: 2^K cycles")
      ->check(CLI::Range(1, static_cast<int>(vm::chips::kMaxSegmentLog2)))
      ->capture_default_str();
  prove_cmd->add_option("--preset", pa->preset, "Parameters: default_100 or secure_128")
      ->capture_default_str();
  registry.commands.push_back({prove_cmd, [pa] { return prove(*pa); }});

  CLI::App* verify_cmd =
      app.add_subcommand("verify", "Verify a program proof file (exit 0 when valid)");
  auto va = std::make_shared<VerifyArgs>();
  verify_cmd->add_option("proof", va->proof, "Program proof file")->required();
  verify_cmd->add_option("--elf", va->elf, "Also require the proof to be about this ELF");
  verify_cmd->add_option("--circuits", va->circuits,
                         "Circuits file of the proof's program (zkbatch circuits build): exit 2 "
                         "when it was built for another program, preset or segment size");
  verify_cmd->add_option("--previous-proof", va->previous,
                         "Also require the proof to link to this one (its output bytes 0..31 "
                         "equal the previous proof's bytes 32..63)");
  verify_cmd->add_flag("--json", va->json, "Print the verdict as JSON");
  registry.commands.push_back({verify_cmd, [va] { return verify(*va); }});

  CLI::App* proof_cmd = subcommand(app, "proof", "Inspect proof files");
  CLI::App* show_cmd =
      proof_cmd->add_subcommand("show", "Print a proof's public values and sizes as JSON");
  auto path = std::make_shared<std::string>();
  show_cmd->add_option("proof", *path, "Program proof file")->required();
  registry.commands.push_back({show_cmd, [path] { return show(*path); }});
}

}  // namespace zkbatch::cli
