// SPDX-License-Identifier: Apache-2.0
// `zkbatch vm run` in-process: report fields, JSON, and exit codes 0 (guest exited 0), 1 (guest
// exited nonzero or trapped) and 2 (bad ELF, missing file).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cli/app.hpp"
#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using namespace abi;

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "zkbatch");
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int code = cli::run(static_cast<int>(argv.size()), argv.data());
  Outcome o{code, testing::internal::GetCapturedStdout(), testing::internal::GetCapturedStderr()};
  return o;
}

// Reads 4 bytes of input, commits them, prints "hi", exits with `code`.
std::vector<uint8_t> echo_elf(uint32_t code) {
  Assembler as;
  as.li(a0, kFdInput);
  as.li(a1, kDefaultDataBase);
  as.li(a2, 4);
  as.syscall(kSyscallRead);
  as.li(a0, kFdPublic);
  as.li(a1, kDefaultDataBase);
  as.li(a2, 4);
  as.syscall(kSyscallWrite);
  as.li(a0, kFdStdout);
  as.li(a1, kDefaultDataBase + 8);
  as.li(a2, 2);
  as.syscall(kSyscallWrite);
  as.exit(code);
  return write_elf(
      image_from_code(as.finish(), kDefaultCodeBase, {0, 0, 0, 0, 0, 0, 0, 0, 'h', 'i'}, 4096));
}

TEST(VmCli, RunReportsExitCodeCyclesAndOutput) {
  test::TempDir dir;
  const std::string elf = dir.write("echo.elf", echo_elf(0));
  const std::string input = dir.write("input", {0xde, 0xad, 0xbe, 0xef});
  const Outcome o = run_cli({"vm", "run", elf, "--input", input});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_NE(o.out.find("status:        halted"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("exit code:     0"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("deadbeef"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("4 of 4 bytes read"), std::string::npos) << o.out;
  EXPECT_EQ(o.err, "hi");
}

TEST(VmCli, JsonReport) {
  test::TempDir dir;
  const std::string elf = dir.write("echo.elf", echo_elf(3));
  const std::string input = dir.write("input", {1, 2, 3, 4, 5});
  const Outcome o = run_cli({"vm", "run", elf, "--input", input, "--json", "--segment-log2", "2"});
  EXPECT_EQ(o.code, 1);  // the guest exited with 3
  const nlohmann::json j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["status"], "halted");
  EXPECT_EQ(j["exit_code"], 3);
  EXPECT_EQ(j["public_output"], "01020304");
  EXPECT_EQ(j["debug"], "hi");
  EXPECT_EQ(j["input_bytes"], 5);
  EXPECT_EQ(j["input_consumed"], 4);
  const uint64_t cycles = j["cycles"];
  EXPECT_EQ(j["segments"], (cycles + 3) / 4);
  EXPECT_TRUE(j["trap"].is_null());
}

TEST(VmCli, TrapExitsOne) {
  Assembler as;
  as.ebreak();
  test::TempDir dir;
  const std::string elf = dir.write("trap.elf", write_elf(image_from_code(as.finish())));
  const Outcome o = run_cli({"vm", "run", elf, "--json"});
  EXPECT_EQ(o.code, 1);
  const nlohmann::json j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["status"], "trapped");
  EXPECT_EQ(j["trap"]["kind"], "ebreak");
  const Outcome text = run_cli({"vm", "run", elf});
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.err.find("trap: ebreak (pc 0x00010000, cycle 0)"), std::string::npos) << text.err;
}

TEST(VmCli, BadInputExitsTwoWithOneLine) {
  test::TempDir dir;
  std::vector<uint8_t> bytes = echo_elf(0);
  bytes[18] = 62;  // e_machine = x86-64
  const std::string bad = dir.write("x86.elf", bytes);
  Outcome o = run_cli({"vm", "run", bad});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "zkbatch vm run: ELF " + bad + ": not a RISC-V ELF: e_machine is 62\n");
  EXPECT_TRUE(o.out.empty());

  o = run_cli({"vm", "run", dir.path() + "/missing.elf"});
  EXPECT_EQ(o.code, 2);
  const std::string good = dir.write("echo.elf", echo_elf(0));
  o = run_cli({"vm", "run", good, "--input", dir.path() + "/no-input"});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "zkbatch vm run: " + dir.path() + "/no-input: cannot read input file\n");
  EXPECT_EQ(run_cli({"vm", "run"}).code, 2);  // missing ELF argument
  EXPECT_EQ(run_cli({"vm", "run", good, "--segment-log2", "41"}).code, 2);
}

}  // namespace
}  // namespace zkbatch::vm
