// SPDX-License-Identifier: Apache-2.0
// Every RV32IM instruction and its corner cases, assembled in-process and run in all three
// modes (fast, checkpoint, trace), against values worked out by hand from the RISC-V unprivileged
// spec 20191213: §2.4 integer computation, §2.5 control transfer, §2.6 loads and stores, §7.1-7.2
// and table 7.1 (division by zero, overflow) for M. guest/isa/rv32im_isa.S checks the same
// facts compiled by GNU as, under this emulator and qemu-riscv32 (guest_test.cpp).
#include <gtest/gtest.h>

#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using namespace abi;
using test::program_from;
using test::run_all_modes;

constexpr uint32_t neg(int32_t v) {
  return static_cast<uint32_t>(v);
}

struct AluCase {
  Opcode op;
  uint32_t a;
  uint32_t b;  // rs2, or the immediate for I-type
  uint32_t expected;
};

// Runs `op` on (a, b) into a3 and returns a3.
uint32_t run_alu(const AluCase& c) {
  Assembler as;
  as.li(a1, c.a);
  if (opcode_info(c.op).format == Format::r) {
    as.li(a2, c.b);
    as.r(c.op, a3, a1, a2);
  } else {
    as.i(c.op, a3, a1, static_cast<int32_t>(c.b));
  }
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_TRUE(r.succeeded()) << describe(r.trap);
  return r.registers[a3];
}

const AluCase kAlu[] = {
    // ADD/SUB wrap modulo 2^32, no overflow trap.
    {Opcode::add, 1, 2, 3},
    {Opcode::add, 0xffffffff, 1, 0},
    {Opcode::add, 0x7fffffff, 1, 0x80000000},
    {Opcode::sub, 0, 1, 0xffffffff},
    {Opcode::sub, 0x80000000, 1, 0x7fffffff},
    {Opcode::sub, 5, 5, 0},
    // Shifts by rs2[4:0].
    {Opcode::sll, 1, 31, 0x80000000},
    {Opcode::sll, 1, 32, 1},
    {Opcode::sll, 0xffffffff, 4, 0xfffffff0},
    {Opcode::sll, 1, 0xffffffe1, 2},
    {Opcode::srl, 0x80000000, 31, 1},
    {Opcode::srl, 0x80000000, 33, 0x40000000},
    {Opcode::srl, 0xffffffff, 4, 0x0fffffff},
    {Opcode::sra, 0x80000000, 31, 0xffffffff},
    {Opcode::sra, 0x80000000, 1, 0xc0000000},
    {Opcode::sra, 0x7fffffff, 30, 1},
    {Opcode::sra, 0x80000000, 32, 0x80000000},
    // Signed and unsigned comparisons.
    {Opcode::slt, 0xffffffff, 1, 1},
    {Opcode::slt, 1, 0xffffffff, 0},
    {Opcode::slt, 7, 7, 0},
    {Opcode::slt, 0x80000000, 0x7fffffff, 1},
    {Opcode::sltu, 1, 0xffffffff, 1},
    {Opcode::sltu, 0xffffffff, 1, 0},
    {Opcode::sltu, 0, 0, 0},
    {Opcode::xor_, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0},
    {Opcode::or_, 0xff00ff00, 0x0ff00ff0, 0xfff0fff0},
    {Opcode::and_, 0xff00ff00, 0x0ff00ff0, 0x0f000f00},
    // Immediates are sign-extended 12-bit values.
    {Opcode::addi, 0, neg(-1), 0xffffffff},
    {Opcode::addi, 0x7fffffff, 1, 0x80000000},
    {Opcode::addi, 5, neg(-2048), 0xfffff805},  // 5 - 2048 = -2043
    {Opcode::addi, 0, 2047, 0x7ff},
    {Opcode::slti, 0xffffffff, 0, 1},
    {Opcode::slti, 0, neg(-1), 0},
    {Opcode::slti, 0x7fffffff, neg(-2048), 0},
    {Opcode::sltiu, 1, neg(-1), 1},  // compares with 0xffffffff
    {Opcode::sltiu, 0, 1, 1},        // seqz
    {Opcode::sltiu, 5, 1, 0},
    {Opcode::xori, 0x00ff00ff, neg(-1), 0xff00ff00},
    {Opcode::ori, 1, 0x7f0, 0x7f1},
    {Opcode::ori, 0, neg(-2048), 0xfffff800},
    {Opcode::andi, 0xffffffff, 2047, 0x7ff},
    {Opcode::andi, 0x12345678, neg(-16), 0x12345670},
    {Opcode::slli, 1, 31, 0x80000000},
    {Opcode::slli, 0x12345678, 0, 0x12345678},
    {Opcode::srli, 0x80000000, 31, 1},
    {Opcode::srli, 0xf0000000, 4, 0x0f000000},
    {Opcode::srai, 0xf0000000, 4, 0xff000000},
    {Opcode::srai, 0x70000000, 4, 0x07000000},
    {Opcode::srai, 0x80000000, 31, 0xffffffff},
    // MUL: low word; MULH/MULHSU/MULHU: high word of the signed/mixed/unsigned product.
    {Opcode::mul, 3, 7, 21},
    {Opcode::mul, 0xffffffff, 0xffffffff, 1},
    {Opcode::mul, 0x80000000, 2, 0},
    {Opcode::mul, 0xffff, 0xffff, 0xfffe0001},             // 2^32 - 2^17 + 1
    {Opcode::mulh, 0xffffffff, 0xffffffff, 0},             // (-1)(-1) = 1
    {Opcode::mulh, 0x80000000, 0x80000000, 0x40000000},    // 2^62
    {Opcode::mulh, 0x80000000, 1, 0xffffffff},             // -2^31
    {Opcode::mulh, 0x7fffffff, 0x7fffffff, 0x3fffffff},    // 2^62 - 2^32 + 1
    {Opcode::mulhsu, 0xffffffff, 0xffffffff, 0xffffffff},  // -(2^32 - 1)
    {Opcode::mulhsu, 0x80000000, 0xffffffff, 0x80000000},  // -2^63 + 2^31
    {Opcode::mulhsu, 2, 0x80000000, 1},                    // 2^32
    {Opcode::mulhsu, 0x7fffffff, 1, 0},
    {Opcode::mulhu, 0xffffffff, 0xffffffff, 0xfffffffe},  // 2^64 - 2^33 + 1
    {Opcode::mulhu, 0x80000000, 2, 1},
    {Opcode::mulhu, 0xffff, 0xffff, 0},
    // Division truncates toward zero; table 7.1: x/0 = -1, x%0 = x, -2^31/-1 = -2^31 rem 0.
    {Opcode::div, 20, 6, 3},
    {Opcode::div, neg(-20), 6, neg(-3)},
    {Opcode::div, 20, neg(-6), neg(-3)},
    {Opcode::div, neg(-20), neg(-6), 3},
    {Opcode::div, 20, 0, 0xffffffff},
    {Opcode::div, 0x80000000, 0xffffffff, 0x80000000},
    {Opcode::divu, 20, 6, 3},
    {Opcode::divu, 0xffffffff, 2, 0x7fffffff},
    {Opcode::divu, 20, 0, 0xffffffff},
    {Opcode::divu, 0x80000000, 0xffffffff, 0},
    {Opcode::rem, 20, 6, 2},
    {Opcode::rem, neg(-20), 6, neg(-2)},  // sign of the dividend
    {Opcode::rem, 20, neg(-6), 2},
    {Opcode::rem, neg(-20), neg(-6), neg(-2)},
    {Opcode::rem, 20, 0, 20},
    {Opcode::rem, 0x80000000, 0xffffffff, 0},
    {Opcode::remu, 20, 6, 2},
    {Opcode::remu, 0xffffffff, 0x10, 0xf},
    {Opcode::remu, 20, 0, 20},
    {Opcode::remu, 0x80000000, 0xffffffff, 0x80000000},
};

TEST(Isa, AluAndMultiplyDivide) {
  for (const AluCase& c : kAlu) {
    EXPECT_EQ(run_alu(c), c.expected)
        << opcode_name(c.op) << " 0x" << std::hex << c.a << ", 0x" << c.b;
  }
}

TEST(Isa, EveryAluOpcodeIsCovered) {
  for (size_t i = 1; i < kOpcodeCount; ++i) {
    const Opcode op = static_cast<Opcode>(i);
    const Format f = opcode_info(op).format;
    const bool alu_op = f == Format::r || (f == Format::i && !is_load(op) && op != Opcode::jalr);
    if (!alu_op) continue;
    bool found = false;
    for (const AluCase& c : kAlu)
      found |= c.op == op;
    EXPECT_TRUE(found) << opcode_name(op);
  }
}

TEST(Isa, UpperImmediates) {
  Assembler as;
  as.lui(a1, 0x12345);
  as.lui(a2, 0xfffff);
  as.auipc(a3, 0);        // pc = 0x10008
  as.auipc(a4, 0xfffff);  // 0x1000c + 0xfffff000 = 0x1000c - 0x1000 (mod 2^32)
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.registers[a1], 0x12345000u);
  EXPECT_EQ(r.registers[a2], 0xfffff000u);
  EXPECT_EQ(r.registers[a3], kDefaultCodeBase + 8);
  EXPECT_EQ(r.registers[a4], kDefaultCodeBase + 12 - 0x1000);
}

TEST(Isa, X0IsHardWired) {
  Assembler as;
  as.li(a1, 7);
  as.i(Opcode::addi, zero, a1, 5);
  as.r(Opcode::add, zero, a1, a1);
  as.lui(zero, 0x12345);
  as.jal_offset(zero, 4);
  as.r(Opcode::add, a3, zero, zero);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.registers[zero], 0u);
  EXPECT_EQ(r.registers[a3], 0u);
}

TEST(Isa, DestinationEqualsSource) {
  Assembler as;
  as.li(a1, 3);
  as.r(Opcode::add, a1, a1, a1);  // reads x11 twice, then writes it: three accesses, one cycle
  as.li(a2, 3);
  as.r(Opcode::sub, a2, a2, a2);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.registers[a1], 6u);
  EXPECT_EQ(r.registers[a2], 0u);
}

struct BranchCase {
  Opcode op;
  uint32_t a;
  uint32_t b;
  bool taken;
};

TEST(Isa, BranchesTakenAndNotTaken) {
  const BranchCase cases[] = {
      {Opcode::beq, 1, 1, true},
      {Opcode::beq, 1, 2, false},
      {Opcode::bne, 1, 2, true},
      {Opcode::bne, 3, 3, false},
      {Opcode::blt, 0xffffffff, 1, true},
      {Opcode::blt, 1, 0xffffffff, false},
      {Opcode::blt, 0x80000000, 0, true},
      {Opcode::blt, 5, 5, false},
      {Opcode::bge, 1, 0xffffffff, true},
      {Opcode::bge, 0xffffffff, 1, false},
      {Opcode::bge, 5, 5, true},
      {Opcode::bltu, 1, 0xffffffff, true},
      {Opcode::bltu, 0xffffffff, 1, false},
      {Opcode::bltu, 5, 5, false},
      {Opcode::bgeu, 0xffffffff, 1, true},
      {Opcode::bgeu, 1, 0xffffffff, false},
      {Opcode::bgeu, 5, 5, true},
  };
  for (const BranchCase& c : cases) {
    Assembler as;
    as.li(a1, c.a);
    as.li(a2, c.b);
    as.li(a3, 0);
    as.branch_offset(c.op, a1, a2, 8);  // skips the next instruction when taken
    as.li(a3, 1);
    as.exit(0);
    const RunResult r = run_all_modes(program_from(as));
    EXPECT_EQ(r.registers[a3], c.taken ? 0u : 1u)
        << opcode_name(c.op) << " 0x" << std::hex << c.a << ", 0x" << c.b;
  }
}

TEST(Isa, BackwardBranchLoops) {
  Assembler as;
  as.li(a1, 5);
  as.li(a3, 0);
  auto loop = as.new_label();
  as.bind(loop);
  as.i(Opcode::addi, a3, a3, 1);
  as.i(Opcode::addi, a1, a1, -1);
  as.branch(Opcode::bne, a1, zero, loop);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.registers[a3], 5u);
  EXPECT_EQ(r.cycles, 2u + 5 * 3 + 3);  // two li, five loop bodies, exit (li, li, ecall)
}

TEST(Isa, JumpsLinkAndClearBitZero) {
  Assembler as;
  as.jal_offset(ra, 8);                // at 0x10000: ra = 0x10004, skips one instruction
  as.li(a5, 1);                        // skipped
  as.li(t0, kDefaultCodeBase + 25);    // 0x10008, 0x1000c: target 0x10019 & ~1 = 0x10018
  as.jalr(t1, t0, -1);                 // 0x10010: t1 = 0x10014, target (0x10019 - 1) & ~1
  as.li(a5, 2);                        // 0x10014: skipped
  as.li(t2, kDefaultCodeBase + 0x24);  // 0x10018, 0x1001c
  as.jalr(t2, t2, 1);                  // 0x10020: rd == rs1, target (0x10024 + 1) & ~1 = 0x10024
  as.exit(0);                          // 0x10024
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_TRUE(r.succeeded()) << describe(r.trap);
  EXPECT_EQ(r.registers[ra], kDefaultCodeBase + 4);
  EXPECT_EQ(r.registers[t1], kDefaultCodeBase + 0x14);
  EXPECT_EQ(r.registers[t2], kDefaultCodeBase + 0x24);
  EXPECT_EQ(r.registers[a5], 0u);
}

TEST(Isa, LoadsExtendAndStoresMerge) {
  // Data: bytes 7f fe 81 80 (the word 0x8081fe7f, little-endian), then the word 1.
  const std::vector<uint8_t> data = {0x7f, 0xfe, 0x81, 0x80, 0x01, 0x00, 0x00, 0x00};
  struct LoadCase {
    Opcode op;
    int32_t offset;
    uint32_t expected;
  };
  const LoadCase loads[] = {
      {Opcode::lb, 0, 0x7f},       {Opcode::lb, 1, 0xfffffffe}, {Opcode::lb, 2, 0xffffff81},
      {Opcode::lb, 3, 0xffffff80}, {Opcode::lbu, 1, 0xfe},      {Opcode::lbu, 3, 0x80},
      {Opcode::lh, 0, 0xfffffe7f}, {Opcode::lh, 2, 0xffff8081}, {Opcode::lhu, 0, 0xfe7f},
      {Opcode::lhu, 2, 0x8081},    {Opcode::lw, 0, 0x8081fe7f}, {Opcode::lw, 4, 1},
  };
  for (const LoadCase& c : loads) {
    Assembler as;
    as.li(a1, kDefaultDataBase + 8);
    as.load(c.op, a3, a1, c.offset - 8);  // negative offsets too
    as.exit(0);
    const RunResult r = run_all_modes(program_from(as, data, 4096));
    EXPECT_EQ(r.registers[a3], c.expected) << opcode_name(c.op) << " +" << c.offset;
  }

  Assembler as;
  as.li(a1, kDefaultDataBase);
  as.li(a2, 0x11223344);
  as.store(Opcode::sw, a2, a1, 16);
  as.li(a2, 0xaa);
  as.store(Opcode::sb, a2, a1, 17);
  as.load(Opcode::lw, s1, a1, 16);  // 0x1122aa44
  as.li(a2, 0xbbcc);
  as.store(Opcode::sh, a2, a1, 18);
  as.load(Opcode::lw, s2, a1, 16);  // 0xbbccaa44
  as.li(a2, 0x1234);
  as.store(Opcode::sb, a2, a1, 19);  // only the low byte 0x34
  as.load(Opcode::lw, s3, a1, 16);   // 0x34ccaa44
  as.li(a2, 0xffff8001);
  as.store(Opcode::sh, a2, a1, 16);
  as.load(Opcode::lw, s4, a1, 16);  // 0x34cc8001
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as, data, 4096));
  EXPECT_EQ(r.registers[s1], 0x1122aa44u);
  EXPECT_EQ(r.registers[s2], 0xbbccaa44u);
  EXPECT_EQ(r.registers[s3], 0x34ccaa44u);
  EXPECT_EQ(r.registers[s4], 0x34cc8001u);
}

TEST(Isa, BssAndUnmappedMemoryReadZero) {
  Assembler as;
  as.li(a1, kDefaultDataBase + 2048);  // inside p_memsz, beyond p_filesz
  as.load(Opcode::lw, a3, a1, 0);
  as.li(a1, 0x7ff00000);  // no segment at all: zero-initialized memory
  as.load(Opcode::lw, a4, a1, 0);
  as.li(a2, 0x5a);
  as.store(Opcode::sw, a2, a1, 4);
  as.load(Opcode::lw, a5, a1, 4);
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as, {1, 2, 3, 4}, 4096));
  EXPECT_EQ(r.registers[a3], 0u);
  EXPECT_EQ(r.registers[a4], 0u);
  EXPECT_EQ(r.registers[a5], 0x5au);
}

TEST(Isa, FenceIsANoOp) {
  Assembler as;
  as.li(a3, 9);
  as.fence();
  as.exit(0);
  const RunResult r = run_all_modes(program_from(as));
  EXPECT_EQ(r.registers[a3], 9u);
  EXPECT_EQ(r.cycles, 5u);
}

}  // namespace
}  // namespace zkbatch::vm
