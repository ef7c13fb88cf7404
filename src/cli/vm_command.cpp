// SPDX-License-Identifier: Apache-2.0
// `zkbatch vm run ELF [--input FILE] [--json] [--segment-log2 K] [--max-cycles N]`: runs a guest
// in the emulator's fast mode and reports its exit code, cycles, segments, public output and
// debug text (docs/vm.md). Exit codes: 0 when the guest exited with 0; 1 when it exited with
// another code, trapped or hit the cycle limit; 2 on bad input (unreadable or invalid ELF,
// unreadable input file), with one line naming the file and the problem.
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
#include "vm/vm.hpp"

namespace zkbatch::cli {
namespace {

struct VmRunArgs {
  std::string elf;
  std::string input;
  bool json = false;
  uint32_t segment_log2 = vm::kDefaultSegmentLog2;
  uint64_t max_cycles = uint64_t{1} << 40;
};

std::string hex(const std::vector<uint8_t>& bytes) {
  std::string s;
  s.reserve(2 * bytes.size());
  for (uint8_t b : bytes)
    s += fmt::format("{:02x}", b);
  return s;
}

const char* status_name(vm::RunStatus s) {
  switch (s) {
    case vm::RunStatus::halted:
      return "halted";
    case vm::RunStatus::trapped:
      return "trapped";
    case vm::RunStatus::cycle_limit:
      return "cycle_limit";
  }
  return "unknown";
}

bool read_file(const std::string& path, std::vector<uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

void print_json(const VmRunArgs& args, const vm::RunResult& r, size_t input_size) {
  nlohmann::json j;
  j["elf"] = args.elf;
  j["status"] = status_name(r.status);
  j["exit_code"] = static_cast<int32_t>(r.exit_code);
  j["cycles"] = r.cycles;
  j["segments"] = r.segments;
  j["segment_log2"] = args.segment_log2;
  j["input_bytes"] = input_size;
  j["input_consumed"] = r.input_consumed;
  j["public_output"] = hex(r.public_output);
  j["public_output_bytes"] = r.public_output.size();
  j["debug"] = r.debug_output;
  j["debug_dropped"] = r.debug_dropped;
  if (r.status == vm::RunStatus::trapped) {
    j["trap"] = {{"kind", vm::trap_kind_message(r.trap.kind)},
                 {"message", vm::describe(r.trap)},
                 {"pc", r.trap.pc},
                 {"value", r.trap.value},
                 {"cycle", r.trap.cycle}};
  } else {
    j["trap"] = nullptr;
  }
  // Debug text is whatever bytes the guest wrote: replace invalid UTF-8 rather than fail.
  std::puts(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void print_text(const VmRunArgs& args, const vm::RunResult& r, size_t input_size) {
  std::fwrite(r.debug_output.data(), 1, r.debug_output.size(), stderr);
  if (r.debug_dropped != 0) {
    std::fprintf(stderr, "zkbatch vm run: %llu more bytes of debug text not shown\n",
                 static_cast<unsigned long long>(r.debug_dropped));
  }
  if (r.status == vm::RunStatus::trapped) {
    std::fprintf(stderr, "zkbatch vm run: %s: trap: %s\n", args.elf.c_str(),
                 vm::describe(r.trap).c_str());
  }
  std::printf("status:        %s\n", status_name(r.status));
  if (r.status == vm::RunStatus::halted) {
    std::printf("exit code:     %d\n", static_cast<int32_t>(r.exit_code));
  }
  std::printf("cycles:        %llu\n", static_cast<unsigned long long>(r.cycles));
  std::printf("segments:      %llu of 2^%u cycles\n", static_cast<unsigned long long>(r.segments),
              args.segment_log2);
  std::printf("input:         %llu of %zu bytes read\n",
              static_cast<unsigned long long>(r.input_consumed), input_size);
  std::printf("public output: %zu bytes\n", r.public_output.size());
  if (!r.public_output.empty()) std::printf("  %s\n", hex(r.public_output).c_str());
}

int run_vm(const VmRunArgs& args) {
  vm::ElfError error;
  const vm::Program program = vm::Program::load(args.elf, error);
  if (!error.ok()) {
    std::fprintf(stderr, "zkbatch vm run: %s\n", error.message.c_str());
    return kExitBadInput;
  }
  std::vector<uint8_t> input;
  if (!args.input.empty() && !read_file(args.input, input)) {
    std::fprintf(stderr, "zkbatch vm run: %s: cannot read input file\n", args.input.c_str());
    return kExitBadInput;
  }
  vm::RunOptions options;
  options.segment_log2 = args.segment_log2;
  options.max_cycles = args.max_cycles;
  const vm::RunResult r = vm::Emulator(program).execute(input, options);
  if (args.json) {
    print_json(args, r, input.size());
  } else {
    print_text(args, r, input.size());
  }
  return r.succeeded() ? kExitOk : kExitFailed;
}

}  // namespace

void register_vm(CLI::App& app, CommandRegistry& registry) {
  CLI::App* vm_cmd = app.add_subcommand("vm", "The RV32IM zkVM: run guest programs");
  vm_cmd->require_subcommand(1);
  CLI::App* run = vm_cmd->add_subcommand(
      "run",
      "Run a guest ELF in the emulator; print exit code, cycles, segments, public output (hex) "
      "and debug text. Exit 0 when the guest exits with 0, 1 otherwise, 2 on bad input");
  auto args = std::make_shared<VmRunArgs>();
  run->add_option("elf", args->elf, "Guest program (static rv32im ELF)")->required();
  run->add_option("--input", args->input, "Private input file, read by the guest on fd 0");
  run->add_flag("--json", args->json, "Print the report as JSON (debug text included)");
  run->add_option("--segment-log2", args->segment_log2, "Segment size: 2^K cycles")
      ->check(CLI::Range(1, 40))
      ->capture_default_str();
  run->add_option("--max-cycles", args->max_cycles, "Stop after this many cycles")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 50))
      ->capture_default_str();
  registry.commands.push_back({run, [args] { return run_vm(*args); }});
}

}  // namespace zkbatch::cli
