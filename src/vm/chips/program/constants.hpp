// SPDX-License-Identifier: Apache-2.0
// The decoded form of an instruction in the program table: which kind of step the CPU takes and
// which registers it accesses, as bits of one `flags` value (the CPU holds each bit as a boolean
// column and packs them the same way to look the row up).
#pragma once

#include <cstdint>

namespace zkbatch::vm::chips::program {

/// Bits of ProgramEntry::flags. The first kKindCount are the instruction kinds; exactly one is set
/// for an executable instruction and none for an illegal word, EBREAK or a word outside the code
/// (the CPU requires one, so such rows can never be executed).
enum Flag : uint32_t {
  kFlagAlu = 0,  ///< rd = ALU(op, a, c), next pc = pc + 4 (ALU ops, LUI, AUIPC)
  kFlagJump,     ///< rd = pc + 4, next pc = ALU(add, a, c) with bit 0 cleared (JAL, JALR)
  kFlagBeq,      ///< branch if a == c
  kFlagBne,      ///< branch if a != c
  kFlagBlt,      ///< branch if ALU(op, a, c) = 1 (BLT, BLTU)
  kFlagBge,      ///< branch if ALU(op, a, c) = 0 (BGE, BGEU)
  kFlagMem,      ///< load or store through the memory chip
  kFlagEcall,    ///< host call through the syscall chip
  kFlagFence,    ///< no operation
  kFlagReadRs1,  ///< reads rs1 through the memory argument (rs1 != x0)
  kFlagReadRs2,  ///< reads rs2 through the memory argument (rs2 != x0)
  kFlagWriteRd,  ///< writes rd through the memory argument (rd != x0)
  kFlagCImm,     ///< operand c is the immediate (else rs2's value, or 0)
  kFlagAPc,      ///< operand a is the pc (AUIPC, JAL; else rs1's value, or 0)
  kFlagCount,
};

/// The kinds are the first flags.
inline constexpr uint32_t kKindCount = kFlagFence + 1;

/// The registers an ECALL reads: a7 as rs1 and a0 as rs2 (docs/vm.md, "Timestamps").
inline constexpr uint8_t kEcallRs1 = 17;
inline constexpr uint8_t kEcallRs2 = 10;

}  // namespace zkbatch::vm::chips::program
