// SPDX-License-Identifier: Apache-2.0
// Decoder and encoder: known encodings of every RV32IM instruction (vectors: GNU as 2.40 from
// binutils-riscv64-unknown-elf, `-march=rv32im -mno-relax`, disassembled with objdump
// `-M no-aliases,numeric`), the immediate extremes of every format, illegal words, and round
// trips over random words.
#include <gtest/gtest.h>

#include <random>

#include "vm/instruction.hpp"

namespace zkbatch::vm {
namespace {

struct Known {
  uint32_t word;
  Instruction inst;
  const char* text;
};

constexpr uint32_t neg(int32_t v) {
  return static_cast<uint32_t>(v);
}

const Known kKnown[] = {
    {0x123450b7, {Opcode::lui, 1, 0, 0, 0x12345000}, "lui x1, 0x12345"},
    {0xffffff97, {Opcode::auipc, 31, 0, 0, 0xfffff000}, "auipc x31, 0xfffff"},
    {0x001000ef, {Opcode::jal, 1, 0, 0, 2048}, "jal x1, +2048"},
    {0xffdff06f, {Opcode::jal, 0, 0, 0, neg(-4)}, "jal x0, -4"},
    {0x7ffff06f, {Opcode::jal, 0, 0, 0, 0xffffe}, "jal x0, +1048574"},
    {0x8000006f, {Opcode::jal, 0, 0, 0, neg(-0x100000)}, "jal x0, -1048576"},
    {0xfff302e7, {Opcode::jalr, 5, 6, 0, neg(-1)}, "jalr x5, -1(x6)"},
    {0x7e208fe3, {Opcode::beq, 0, 1, 2, 4094}, "beq x1, x2, +4094"},
    {0x80419063, {Opcode::bne, 0, 3, 4, neg(-4096)}, "bne x3, x4, -4096"},
    {0x0062c463, {Opcode::blt, 0, 5, 6, 8}, "blt x5, x6, +8"},
    {0xfe83dce3, {Opcode::bge, 0, 7, 8, neg(-8)}, "bge x7, x8, -8"},
    {0x00a4e863, {Opcode::bltu, 0, 9, 10, 16}, "bltu x9, x10, +16"},
    {0xfec5ffe3, {Opcode::bgeu, 0, 11, 12, neg(-2)}, "bgeu x11, x12, -2"},
    {0x80070683, {Opcode::lb, 13, 14, 0, neg(-2048)}, "lb x13, -2048(x14)"},
    {0x7ff81783, {Opcode::lh, 15, 16, 0, 2047}, "lh x15, 2047(x16)"},
    {0x00092883, {Opcode::lw, 17, 18, 0, 0}, "lw x17, 0(x18)"},
    {0x001a4983, {Opcode::lbu, 19, 20, 0, 1}, "lbu x19, 1(x20)"},
    {0xfffb5a83, {Opcode::lhu, 21, 22, 0, neg(-1)}, "lhu x21, -1(x22)"},
    {0x817c0023, {Opcode::sb, 0, 24, 23, neg(-2048)}, "sb x23, -2048(x24)"},
    {0x7f9d1fa3, {Opcode::sh, 0, 26, 25, 2047}, "sh x25, 2047(x26)"},
    {0x01be2223, {Opcode::sw, 0, 28, 27, 4}, "sw x27, 4(x28)"},
    {0xffff0e93, {Opcode::addi, 29, 30, 0, neg(-1)}, "addi x29, x30, -1"},
    {0x00512093, {Opcode::slti, 1, 2, 0, 5}, "slti x1, x2, 5"},
    {0xfff23193, {Opcode::sltiu, 3, 4, 0, neg(-1)}, "sltiu x3, x4, -1"},
    {0x7ff34293, {Opcode::xori, 5, 6, 0, 2047}, "xori x5, x6, 2047"},
    {0x80046393, {Opcode::ori, 7, 8, 0, neg(-2048)}, "ori x7, x8, -2048"},
    {0x0ff57493, {Opcode::andi, 9, 10, 0, 255}, "andi x9, x10, 255"},
    {0x01f61593, {Opcode::slli, 11, 12, 0, 31}, "slli x11, x12, 31"},
    {0x00175693, {Opcode::srli, 13, 14, 0, 1}, "srli x13, x14, 1"},
    {0x41f85793, {Opcode::srai, 15, 16, 0, 31}, "srai x15, x16, 31"},
    {0x003100b3, {Opcode::add, 1, 2, 3, 0}, "add x1, x2, x3"},
    {0x40628233, {Opcode::sub, 4, 5, 6, 0}, "sub x4, x5, x6"},
    {0x009413b3, {Opcode::sll, 7, 8, 9, 0}, "sll x7, x8, x9"},
    {0x00c5a533, {Opcode::slt, 10, 11, 12, 0}, "slt x10, x11, x12"},
    {0x00f736b3, {Opcode::sltu, 13, 14, 15, 0}, "sltu x13, x14, x15"},
    {0x0128c833, {Opcode::xor_, 16, 17, 18, 0}, "xor x16, x17, x18"},
    {0x015a59b3, {Opcode::srl, 19, 20, 21, 0}, "srl x19, x20, x21"},
    {0x418bdb33, {Opcode::sra, 22, 23, 24, 0}, "sra x22, x23, x24"},
    {0x01bd6cb3, {Opcode::or_, 25, 26, 27, 0}, "or x25, x26, x27"},
    {0x01eefe33, {Opcode::and_, 28, 29, 30, 0}, "and x28, x29, x30"},
    {0x0ff0000f, {Opcode::fence, 0, 0, 0, 0}, "fence"},
    {0x00000073, {Opcode::ecall, 0, 0, 0, 0}, "ecall"},
    {0x00100073, {Opcode::ebreak, 0, 0, 0, 0}, "ebreak"},
    {0x023100b3, {Opcode::mul, 1, 2, 3, 0}, "mul x1, x2, x3"},
    {0x02629233, {Opcode::mulh, 4, 5, 6, 0}, "mulh x4, x5, x6"},
    {0x029423b3, {Opcode::mulhsu, 7, 8, 9, 0}, "mulhsu x7, x8, x9"},
    {0x02c5b533, {Opcode::mulhu, 10, 11, 12, 0}, "mulhu x10, x11, x12"},
    {0x02f746b3, {Opcode::div, 13, 14, 15, 0}, "div x13, x14, x15"},
    {0x0328d833, {Opcode::divu, 16, 17, 18, 0}, "divu x16, x17, x18"},
    {0x035a69b3, {Opcode::rem, 19, 20, 21, 0}, "rem x19, x20, x21"},
    {0x03fbfb33, {Opcode::remu, 22, 23, 31, 0}, "remu x22, x23, x31"},
};

TEST(Decode, KnownEncodingsOfEveryInstruction) {
  bool seen[kOpcodeCount] = {};
  for (const Known& k : kKnown) {
    SCOPED_TRACE(k.text);
    EXPECT_EQ(decode(k.word), k.inst);
    EXPECT_EQ(encode(k.inst), k.word);
    EXPECT_EQ(disassemble(k.inst), k.text);
    seen[static_cast<size_t>(k.inst.opcode)] = true;
  }
  for (size_t op = 1; op < kOpcodeCount; ++op) {
    EXPECT_TRUE(seen[op]) << "no known encoding for " << opcode_name(static_cast<Opcode>(op));
  }
}

TEST(Decode, IllegalWords) {
  const uint32_t illegal[] = {
      0x00000000,  // all zeros (defined illegal, spec §1.5)
      0xffffffff,  // all ones
      0x00004501,  // c.li a0, 0: compressed (low bits != 11)
      0x30002573,  // csrrs a0, mstatus, x0 (Zicsr)
      0x0000100f,  // fence.i (Zifencei)
      0x30200073,  // mret
      0x10500073,  // wfi
      0x00001067,  // jalr with funct3 = 1
      0x00003003,  // load funct3 = 3 (ld is RV64)
      0x00006003,  // load funct3 = 6 (lwu is RV64)
      0x00003023,  // store funct3 = 3 (sd is RV64)
      0x00002063,  // branch funct3 = 2
      0x02001093,  // slli with imm[5] set: reserved on RV32 (shamt 32)
      0x20005093,  // srli with funct7 = 0010000
      0x80000033,  // add with funct7 = 1000000
      0x40001033,  // sll with funct7 = 0100000
      0x0000001b,  // addiw (RV64 OP-IMM-32)
      0x00000053,  // OP-FP (F extension)
  };
  for (uint32_t w : illegal) {
    EXPECT_EQ(decode(w).opcode, Opcode::illegal) << std::hex << w;
  }
}

TEST(Decode, FenceIgnoresOrderingFields) {
  // fence r, w (pred = 0010, succ = 0001) and fence.tso (fm = 1000): both no-ops here.
  EXPECT_EQ(decode(0x0210000f).opcode, Opcode::fence);
  EXPECT_EQ(decode(0x8330000f).opcode, Opcode::fence);
}

TEST(Encode, RejectsOutOfRangeFields) {
  EXPECT_FALSE(encode({Opcode::addi, 1, 2, 0, 2048}));
  EXPECT_FALSE(encode({Opcode::addi, 1, 2, 0, neg(-2049)}));
  EXPECT_FALSE(encode({Opcode::beq, 0, 1, 2, 3}));     // odd offset
  EXPECT_FALSE(encode({Opcode::beq, 0, 1, 2, 4096}));  // beyond +4094
  EXPECT_FALSE(encode({Opcode::jal, 1, 0, 0, 0x100000}));
  EXPECT_FALSE(encode({Opcode::lui, 1, 0, 0, 0x123}));  // low 12 bits set
  EXPECT_FALSE(encode({Opcode::slli, 1, 2, 0, 32}));
  EXPECT_FALSE(encode({Opcode::add, 32, 1, 2, 0}));
  EXPECT_FALSE(encode({Opcode::illegal, 0, 0, 0, 0}));
}

TEST(Decode, RandomWordsRoundTrip) {
  // Any word that decodes re-encodes to a word with the same decoding, and to itself unless it
  // is a FENCE (whose ordering bits are dropped); a fixed seed keeps failures reproducible.
  std::mt19937 rng(20240604);
  size_t legal = 0;
  for (int i = 0; i < 200000; ++i) {
    uint32_t w = rng();
    if (i % 2 == 0) {  // half the words in OP with funct7 0000000, 0000001 or 0100000
      const uint32_t funct7[3] = {0x00, 0x01, 0x20};
      w = (w & 0x01ffff80u) | 0x33 | (funct7[rng() % 3] << 25);
    }
    const Instruction inst = decode(w);
    if (inst.opcode == Opcode::illegal) continue;
    ++legal;
    const std::optional<uint32_t> again = encode(inst);
    ASSERT_TRUE(again) << std::hex << w;
    EXPECT_EQ(decode(*again), inst) << std::hex << w;
    if (inst.opcode != Opcode::fence) {
      EXPECT_EQ(*again, w) << std::hex << w;
    }
  }
  EXPECT_GT(legal, 50000u);
}

TEST(Decode, AccessFlagsFollowFormatAndX0) {
  EXPECT_TRUE(reads_rs1(decode(0x003100b3)));  // add x1, x2, x3
  EXPECT_TRUE(reads_rs2(decode(0x003100b3)));
  EXPECT_TRUE(writes_rd(decode(0x003100b3)));
  EXPECT_FALSE(reads_rs1(decode(0x00000013)));  // addi x0, x0, 0 (nop)
  EXPECT_FALSE(writes_rd(decode(0x00000013)));
  EXPECT_FALSE(reads_rs2(decode(0xffff0e93)));  // addi: no rs2
  EXPECT_FALSE(writes_rd(decode(0x01be2223)));  // sw: no rd
  EXPECT_FALSE(reads_rs1(decode(0x123450b7)));  // lui: no rs1
  EXPECT_FALSE(reads_rs1(decode(0x00000073)));  // ecall: the machine reads a7/a0 itself
}

}  // namespace
}  // namespace zkbatch::vm
