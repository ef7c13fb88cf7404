// SPDX-License-Identifier: Apache-2.0
// Differential tests against an independent RISC-V implementation, Debian's qemu-riscv32
// (qemu-user 7.2): the same ELF and the same private input on stdin must give the same exit code
// (low 8 bits, as Linux reports it), the same debug text (fd 1 and 2) and the same public output
// (fd 3). Skipped with the reason when qemu-riscv32 is not installed.
#include <gtest/gtest.h>

#include "guest_inputs.hpp"
#include "random_program.hpp"
#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using test::QemuRun;

void expect_same_as_qemu(const std::string& path,
                         const Program& program,
                         const std::vector<uint8_t>& input,
                         const std::string& label) {
  const RunResult ours = Emulator(program).execute(input);
  ASSERT_EQ(ours.status, RunStatus::halted) << label << ": " << describe(ours.trap);
  const QemuRun theirs = test::run_qemu(path, input);
  ASSERT_TRUE(theirs.ok) << label << ": " << theirs.error;
  EXPECT_EQ(static_cast<int>(ours.exit_code & 0xff), theirs.exit_code) << label;
  EXPECT_EQ(ours.debug_output, theirs.debug) << label;
  EXPECT_EQ(ours.public_output, theirs.public_output) << label;
}

class Differential : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::qemu_available()) GTEST_SKIP() << "qemu-riscv32 not installed (package qemu-user)";
  }
};

TEST_F(Differential, GuestProgramsMatchQemu) {
  for (const test::GuestCase& c : test::guest_cases()) {
    SCOPED_TRACE(c.label);
    ZKB_LOAD_GUEST(program, c.elf);
    expect_same_as_qemu(program_path, program, c.input, c.label);
  }
}

TEST_F(Differential, RandomProgramsMatchQemu) {
  // Fixed seeds: a failure names the seed, and random_program(seed, 400) rebuilds the program.
  test::TempDir dir;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    const test::RandomProgram p = test::random_program(seed, 400);
    const std::string path = dir.write("random.elf", write_elf(p.image), true);
    ElfError error;
    const Program program = Program::load(path, error);
    ASSERT_TRUE(error.ok()) << error.message;
    expect_same_as_qemu(path, program, p.input, "random program seed " + std::to_string(seed));
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace zkbatch::vm
