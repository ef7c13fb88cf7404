// SPDX-License-Identifier: Apache-2.0
// Traps: each stops the run at the offending instruction, which does not complete (no register
// written, not counted as a cycle), with the same kind, pc, value and cycle in every mode.
// Misaligned accesses and jump targets are traps here (DESIGN.md §4; the spec's
// address-misaligned exceptions, §2.5-2.6, without emulation of misaligned accesses).
#include <gtest/gtest.h>

#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using namespace abi;
using test::program_from;
using test::run_all_modes;

constexpr uint32_t kData = kDefaultDataBase;

// Runs the program and expects a trap of `kind` with `value` at instruction index `at`.
void expect_trap(const Assembler& as, TrapKind kind, uint32_t value, uint32_t at) {
  const RunResult r = run_all_modes(program_from(as, {0x11, 0x22, 0x33, 0x44}, 4096));
  ASSERT_EQ(r.status, RunStatus::trapped);
  EXPECT_EQ(r.trap.kind, kind) << describe(r.trap);
  EXPECT_EQ(r.trap.value, value) << describe(r.trap);
  EXPECT_EQ(r.trap.pc, kDefaultCodeBase + 4 * at) << describe(r.trap);
  EXPECT_EQ(r.trap.cycle, at) << describe(r.trap);  // straight-line code: cycle = index
  EXPECT_EQ(r.cycles, at);
  EXPECT_EQ(r.pc, r.trap.pc);
}

TEST(Trap, MisalignedLoads) {
  const struct {
    Opcode op;
    uint32_t offset;
  } cases[] = {{Opcode::lw, 2}, {Opcode::lw, 1}, {Opcode::lh, 1}, {Opcode::lhu, 3}};
  for (const auto& c : cases) {
    Assembler as;
    as.li(a1, kData);
    as.li(a2, 0);
    as.load(c.op, a3, a1, static_cast<int32_t>(c.offset));
    expect_trap(as, TrapKind::misaligned_load, kData + c.offset, 2);  // each li is one lui/addi
  }
}

TEST(Trap, MisalignedStores) {
  const struct {
    Opcode op;
    uint32_t offset;
  } cases[] = {{Opcode::sw, 2}, {Opcode::sw, 3}, {Opcode::sh, 1}};
  for (const auto& c : cases) {
    Assembler as;
    as.li(a1, kData);
    as.li(a2, 0);
    as.store(c.op, a2, a1, static_cast<int32_t>(c.offset));
    expect_trap(as, TrapKind::misaligned_store, kData + c.offset, 2);
  }
}

TEST(Trap, ByteAccessesAreNeverMisaligned) {
  Assembler as;
  as.li(a1, kData);
  as.load(Opcode::lb, a3, a1, 3);
  as.store(Opcode::sb, a3, a1, 1);
  as.load(Opcode::lhu, a4, a1, 0);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as, {0x11, 0x22, 0x33, 0x44}, 4096));
  EXPECT_TRUE(r.succeeded()) << describe(r.trap);
  EXPECT_EQ(r.registers[a4], 0x4411u);
}

TEST(Trap, MisalignedJumpTargets) {
  {
    Assembler as;
    as.li(a1, 0);
    as.jal_offset(ra, 6);  // 0x10004 + 6 = 0x1000a
    expect_trap(as, TrapKind::misaligned_jump, kDefaultCodeBase + 10, 1);
  }
  {
    Assembler as;
    as.li(t0, kDefaultCodeBase + 0x20);
    as.jalr(ra, t0, 2);  // (0x10020 + 2) & ~1 = 0x10022
    expect_trap(as, TrapKind::misaligned_jump, kDefaultCodeBase + 0x22, 2);
  }
  {
    Assembler as;
    as.branch_offset(Opcode::beq, zero, zero, -2);  // taken
    expect_trap(as, TrapKind::misaligned_jump, kDefaultCodeBase - 2, 0);
  }
  {  // not taken: the target is never used
    Assembler as;
    as.branch_offset(Opcode::bne, zero, zero, 6);
    as.exit(0);
    EXPECT_TRUE(run_all_modes(program_from(as)).succeeded());
  }
}

TEST(Trap, TrappingJumpWritesNoLink) {
  Assembler as;
  as.li(ra, 77);
  as.jal_offset(ra, 2);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.trap.kind, TrapKind::misaligned_jump);
  EXPECT_EQ(r.registers[ra], 77u);
}

TEST(Trap, RegisterPageIsReserved) {
  {
    Assembler as;
    as.load(Opcode::lw, a3, zero, 8);
    expect_trap(as, TrapKind::reserved_access, 8, 0);
  }
  {
    Assembler as;
    as.li(a1, kReservedEnd - 4);
    as.store(Opcode::sw, a1, a1, 0);
    expect_trap(as, TrapKind::reserved_access, kReservedEnd - 4, 2);
  }
  {  // the first address above the page is ordinary memory
    Assembler as;
    as.li(a1, kReservedEnd);
    as.store(Opcode::sw, a1, a1, 0);
    as.exit(0);
    EXPECT_TRUE(run_all_modes(program_from(as)).succeeded());
  }
}

TEST(Trap, StoresIntoCodeAreRefused) {
  Assembler as;
  as.li(a1, kDefaultCodeBase);
  as.store(Opcode::sb, a1, a1, 1);
  expect_trap(as, TrapKind::read_only_store, kDefaultCodeBase + 1, 1);  // li is one lui here
}

TEST(Trap, LoadsFromCodeAreAllowed) {
  Assembler as;
  as.li(a1, kDefaultCodeBase);
  as.load(Opcode::lw, a3, a1, 0);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_TRUE(r.succeeded());
  EXPECT_EQ(r.registers[a3], *encode({Opcode::lui, a1, 0, 0, kDefaultCodeBase}));
}

TEST(Trap, EbreakAndIllegalInstructions) {
  {
    Assembler as;
    as.li(a1, 1);
    as.ebreak();
    expect_trap(as, TrapKind::ebreak, 0, 1);
  }
  for (uint32_t word : {0xffffffffu, 0x00000000u, 0x30002573u /* csrrs */, 0x0000100fu}) {
    Assembler as;
    as.li(a1, 1);
    as.word(word);
    expect_trap(as, TrapKind::illegal_instruction, word, 1);
  }
}

TEST(Trap, FetchOutsideTheCode) {
  {  // into the data segment: the jump completes, the fetch at the target traps
    Assembler as;
    as.li(t0, kData);  // one lui
    as.jalr(zero, t0, 0);
    const RunResult r = run_all_modes(program_from(as, {1, 2, 3, 4}, 4096));
    EXPECT_EQ(r.trap.kind, TrapKind::fetch_fault);
    EXPECT_EQ(r.trap.pc, kData);
    EXPECT_EQ(r.trap.value, kData);
    EXPECT_EQ(r.trap.cycle, 2u);
  }
  {  // running off the end of the code
    Assembler as;
    as.li(a1, 1);
    expect_trap(as, TrapKind::fetch_fault, kDefaultCodeBase + 4, 1);
  }
}

TEST(Trap, CycleLimitStopsLoops) {
  Assembler as;
  as.jal_offset(zero, 0);  // jumps to itself
  const Program program = program_from(as);
  RunOptions options;
  options.max_cycles = 1000;
  const RunResult r = Emulator(program).execute({}, options);
  EXPECT_EQ(r.status, RunStatus::cycle_limit);
  EXPECT_EQ(r.cycles, 1000u);
  EXPECT_FALSE(r.succeeded());
  size_t checkpoints = 0;
  options.segment_log2 = 8;
  const RunResult s =
      Emulator(program).execute_segments({}, options, [&](Checkpoint&&) { ++checkpoints; });
  EXPECT_EQ(s.status, RunStatus::cycle_limit);
  EXPECT_EQ(s.cycles, 1000u);
  EXPECT_EQ(checkpoints, 4u);  // 256 + 256 + 256 + 232
}

}  // namespace
}  // namespace zkbatch::vm
