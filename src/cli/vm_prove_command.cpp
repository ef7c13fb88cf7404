// SPDX-License-Identifier: Apache-2.0
// Proving and verifying program runs (docs/zkvm.md):
//   zkbatch vm prove ELF [--input FILE] --out PROOF [--segment-log2 K] [--preset NAME]
//   zkbatch verify PROOF [--elf ELF] [--json]
//   zkbatch proof show PROOF
// Exit codes: 0 success (proof written, proof valid); 1 the run cannot be proven or the proof is
// rejected; 2 bad input (unreadable or invalid ELF, input or proof file). Proofs are never printed.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "hash/digest.hpp"
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
  std::string proof, elf;
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

std::string digest_hex(const hash::Digest& d) {
  std::string s;
  for (const field::Fp& e : d.v)
    s += fmt::format("{:016x}", e.value());
  return s;
}

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
  vm::proof::ProgramProof proof;
  if (!load_proof("verify", args.proof, &proof)) return kExitBadInput;
  std::shared_ptr<const vm::proof::VmKey> key;
  vm::proof::ProgramVerdict v = vm::proof::verify_program_file(proof, &key);
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
  if (args.json) {
    nlohmann::json j;
    j["valid"] = v.ok();
    j["error"] = v.ok() ? nlohmann::json(nullptr) : nlohmann::json(v.message());
    j["program"] = digest_hex(v.program);
    j["preset"] = proof.params;
    j["segments"] = proof.segments.size();
    j["public_output"] = hex(proof.public_output.data(), proof.public_output.size());
    std::puts(j.dump(2).c_str());
  } else {
    std::printf("%s: %s\nprogram: %s\n", args.proof.c_str(), v.ok() ? "valid" : v.message().c_str(),
                digest_hex(v.program).c_str());
  }
  return v.ok() ? kExitOk : kExitFailed;
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
