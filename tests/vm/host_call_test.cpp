// SPDX-License-Identifier: Apache-2.0
// The ecall ABI of DESIGN.md §4 (Linux RISC-V numbers, asm-generic/unistd.h): read (63) from
// fd 0 = private input, write (64) to fd 1/2 = debug text and fd 3 = public output, exit (93).
#include <gtest/gtest.h>

#include <string>

#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using namespace abi;
using test::program_from;
using test::run_all_modes;

constexpr uint32_t kData = kDefaultDataBase;

// a0 = fd, a1 = buf, a2 = n, ecall number; the result stays in a0.
void call(Assembler& as, uint32_t number, uint32_t fd, uint32_t buf, uint32_t n) {
  as.li(a0, fd);
  as.li(a1, buf);
  as.li(a2, n);
  as.syscall(number);
}

std::vector<uint8_t> filled(size_t n, uint8_t byte) {
  return std::vector<uint8_t>(n, byte);
}

std::vector<uint8_t> bytes(const std::string& s) {
  return std::vector<uint8_t>(s.begin(), s.end());
}

TEST(HostCall, ReadCopiesInputAndReturnsTheCount) {
  Assembler as;
  call(as, kSyscallRead, kFdInput, kData + 1, 5);  // "hello" at data+1: unaligned, two words
  as.r(Opcode::add, s1, a0, zero);
  call(as, kSyscallRead, kFdInput, kData + 6, 100);  // the 7 bytes left
  as.r(Opcode::add, s2, a0, zero);
  call(as, kSyscallRead, kFdInput, kData + 20, 4);  // at the end: 0
  as.r(Opcode::add, s3, a0, zero);
  call(as, kSyscallRead, kFdInput, kData, 0);  // empty read
  as.r(Opcode::add, s4, a0, zero);
  call(as, kSyscallWrite, kFdPublic, kData, 16);
  as.exit(0);
  const RunResult r =
      run_all_modes(program_from(as, filled(64, 0xaa), 4096), bytes("hello world!"));
  ASSERT_TRUE(r.succeeded()) << describe(r.trap);
  EXPECT_EQ(r.registers[s1], 5u);
  EXPECT_EQ(r.registers[s2], 7u);
  EXPECT_EQ(r.registers[s3], 0u);
  EXPECT_EQ(r.registers[s4], 0u);
  EXPECT_EQ(r.input_consumed, 12u);
  std::vector<uint8_t> expected = {0xaa};
  for (uint8_t c : bytes("hello world!"))
    expected.push_back(c);
  expected.insert(expected.end(), {0xaa, 0xaa, 0xaa});  // neighbours of the partial last word
  EXPECT_EQ(r.public_output, expected);
}

TEST(HostCall, WriteSeparatesDebugTextFromPublicOutput) {
  std::vector<uint8_t> data = bytes("abcdePUBLIC");
  Assembler as;
  call(as, kSyscallWrite, kFdStdout, kData, 2);
  as.r(Opcode::add, s1, a0, zero);
  call(as, kSyscallWrite, kFdStderr, kData + 2, 2);
  call(as, kSyscallWrite, kFdStdout, kData + 4, 1);
  call(as, kSyscallWrite, kFdPublic, kData + 5, 6);
  as.r(Opcode::add, s2, a0, zero);
  call(as, kSyscallWrite, kFdPublic, kData + 5, 3);
  call(as, kSyscallWrite, kFdPublic, 0, 0);  // empty: no buffer check
  as.r(Opcode::add, s3, a0, zero);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as, data, 4096));
  ASSERT_TRUE(r.succeeded()) << describe(r.trap);
  EXPECT_EQ(r.debug_output, "abcde");
  EXPECT_EQ(r.public_output, bytes("PUBLICPUB"));
  EXPECT_EQ(r.registers[s1], 2u);
  EXPECT_EQ(r.registers[s2], 6u);
  EXPECT_EQ(r.registers[s3], 0u);
}

TEST(HostCall, ExitKeepsAllThirtyTwoBits) {
  Assembler as;
  as.exit(0x12345678);  // li a0 (lui + addi), li a7, ecall
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.status, RunStatus::halted);
  EXPECT_EQ(r.exit_code, 0x12345678u);
  EXPECT_FALSE(r.succeeded());
  EXPECT_EQ(r.cycles, 4u);  // the exit ecall is a cycle
  EXPECT_EQ(r.pc, kDefaultCodeBase + 16);
}

TEST(HostCall, DebugTextIsCapped) {
  Assembler as;
  call(as, kSyscallWrite, kFdStdout, kData, 100);
  as.exit(0);
  RunOptions options;
  options.max_debug_bytes = 10;
  const RunResult r = Emulator(program_from(as, filled(100, 'x'), 4096)).execute({}, options);
  EXPECT_EQ(r.debug_output, std::string(10, 'x'));
  EXPECT_EQ(r.debug_dropped, 90u);
}

struct BadCall {
  uint32_t number, fd, buf, n;
  TrapKind kind;
  uint32_t value;
};

TEST(HostCall, BadCallsTrap) {
  const BadCall cases[] = {
      {57, 0, kData, 1, TrapKind::unknown_syscall, 57},  // close
      {94, 0, 0, 0, TrapKind::unknown_syscall, 94},      // exit_group: not part of the ABI
      {kSyscallRead, kFdStdout, kData, 1, TrapKind::bad_fd, 1},
      {kSyscallRead, kFdPublic, kData, 1, TrapKind::bad_fd, 3},
      {kSyscallWrite, kFdInput, kData, 1, TrapKind::bad_fd, 0},
      {kSyscallWrite, 4, kData, 1, TrapKind::bad_fd, 4},
      {kSyscallWrite, kFdPublic, 0xfffffff0u, 0x20, TrapKind::bad_buffer, 0xfffffff0u},
      {kSyscallWrite, kFdStdout, 0x10, 4, TrapKind::reserved_access, 0x10},
      {kSyscallRead, kFdInput, kDefaultCodeBase - 2, 8, TrapKind::read_only_store,
       kDefaultCodeBase},
  };
  for (const BadCall& c : cases) {
    Assembler as;
    call(as, c.number, c.fd, c.buf, c.n);
    as.exit(0);
    const RunResult r = run_all_modes(program_from(as, filled(16, 0), 4096), bytes("input"));
    EXPECT_EQ(r.status, RunStatus::trapped);
    EXPECT_EQ(r.trap.kind, c.kind) << describe(r.trap);
    EXPECT_EQ(r.trap.value, c.value) << describe(r.trap);
    EXPECT_EQ(r.registers[a0], c.fd) << "a trapping call must not write a0";
  }
}

}  // namespace
}  // namespace zkbatch::vm
