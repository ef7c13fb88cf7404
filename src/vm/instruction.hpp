// SPDX-License-Identifier: Apache-2.0
// A decoded RV32IM instruction, its decoder and its encoder (RISC-V unprivileged spec 20191213,
// §2.2 "Base Instruction Formats", §2.3 "Immediate Encoding Variants", chapter 24 opcode map).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vm/opcode.hpp"

namespace zkbatch::vm {

/// One decoded instruction: the row of the program table for its pc. Fields an instruction does
/// not use are zero, so the decoding of a word is canonical (FENCE's ordering bits are dropped:
/// on a single hart without devices FENCE has no effect).
struct Instruction {
  Opcode opcode = Opcode::illegal;
  uint8_t rd = 0;   ///< destination register (0-31)
  uint8_t rs1 = 0;  ///< first source register (0-31)
  uint8_t rs2 = 0;  ///< second source register (0-31)
  /// The immediate, sign-extended to 32 bits: I/S-type value, B/J-type byte offset, U-type value
  /// with its low 12 bits zero (already shifted), shift amount (0-31) for SLLI/SRLI/SRAI.
  uint32_t imm = 0;

  friend bool operator==(const Instruction&, const Instruction&) = default;
};

/// True when the instruction reads rs1 through the memory argument: its format uses rs1 and
/// rs1 is not x0 (x0 reads as zero without an access).
constexpr bool reads_rs1(const Instruction& inst) {
  return opcode_info(inst.opcode).uses_rs1 && inst.rs1 != 0;
}
/// True when the instruction reads rs2 through the memory argument (rs2 is not x0).
constexpr bool reads_rs2(const Instruction& inst) {
  return opcode_info(inst.opcode).uses_rs2 && inst.rs2 != 0;
}
/// True when the instruction writes rd through the memory argument (writes to x0 are dropped).
constexpr bool writes_rd(const Instruction& inst) {
  return opcode_info(inst.opcode).writes_rd && inst.rd != 0;
}

/// Decodes one 32-bit instruction word. Returns `illegal` for anything that is not an RV32IM
/// instruction: compressed encodings, CSR instructions (Zicsr), FENCE.I (Zifencei), reserved
/// funct3/funct7 values and shift immediates with bit 5 set (reserved on RV32, spec §2.4).
Instruction decode(uint32_t word);

/// Encodes a canonical instruction (as `decode` returns it). Returns nothing when a field is out
/// of range for the format: a register above 31, an immediate that does not fit, an odd branch
/// or jump offset, a U-type value with low bits set, or `illegal`.
std::optional<uint32_t> encode(const Instruction& inst);

/// Assembler text for an instruction, e.g. "addi x1, x2, -5" or "lw x3, 8(x4)" (traps, logs).
std::string disassemble(const Instruction& inst);

}  // namespace zkbatch::vm
