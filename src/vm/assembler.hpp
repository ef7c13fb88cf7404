// SPDX-License-Identifier: Apache-2.0
// A small RV32IM assembler for programs built in-process: ISA tests with hand-written expected
// values, the random program generator of the differential tests, benchmarks, and later the
// chips' tests. It emits canonical encodings (vm::encode) and resolves forward labels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/elf.hpp"
#include "vm/instruction.hpp"

namespace zkbatch::vm {

/// Where assembled programs put their code and data by default (the guest linker script's
/// layout: code from 0x10000).
inline constexpr uint32_t kDefaultCodeBase = 0x10000;
inline constexpr uint32_t kDefaultDataBase = 0x100000;

/// Register numbers by ABI name (RISC-V psABI, "Integer Register Convention"): `abi::a0`.
namespace abi {
enum Register : uint8_t {
  zero = 0,
  ra = 1,
  sp = 2,
  gp = 3,
  tp = 4,
  t0 = 5,
  t1 = 6,
  t2 = 7,
  s0 = 8,
  s1 = 9,
  a0 = 10,
  a1 = 11,
  a2 = 12,
  a3 = 13,
  a4 = 14,
  a5 = 15,
  a6 = 16,
  a7 = 17,
  s2 = 18,
  s3 = 19,
  s4 = 20,
  s5 = 21,
  s6 = 22,
  s7 = 23,
  s8 = 24,
  s9 = 25,
  s10 = 26,
  s11 = 27,
  t3 = 28,
  t4 = 29,
  t5 = 30,
  t6 = 31,
};
}  // namespace abi

/// Builds a code segment instruction by instruction. Every method throws std::invalid_argument
/// when the instruction cannot be encoded (register above 31, immediate out of range).
class Assembler {
 public:
  /// A position in the code, bound once with `bind`.
  struct Label {
    uint32_t id = 0;
  };

  explicit Assembler(uint32_t origin = kDefaultCodeBase) : origin_(origin) {}

  uint32_t origin() const { return origin_; }
  /// Address of the next instruction.
  uint32_t pc() const { return origin_ + 4 * static_cast<uint32_t>(words_.size()); }

  Label new_label();
  /// Binds `label` to the current pc.
  void bind(Label label);

  /// Any canonical instruction (checked by vm::encode).
  void emit(const Instruction& inst);
  /// A raw word (data in the code, or deliberately illegal encodings).
  void word(uint32_t w) { words_.push_back(w); }

  /// R-type: op rd, rs1, rs2.
  void r(Opcode op, uint8_t rd, uint8_t rs1, uint8_t rs2);
  /// I-type ALU (and shift-immediate): op rd, rs1, imm.
  void i(Opcode op, uint8_t rd, uint8_t rs1, int32_t imm);
  /// Load: op rd, imm(rs1).
  void load(Opcode op, uint8_t rd, uint8_t rs1, int32_t imm);
  /// Store: op rs2, imm(rs1).
  void store(Opcode op, uint8_t rs2, uint8_t rs1, int32_t imm);
  /// Conditional branch to a label.
  void branch(Opcode op, uint8_t rs1, uint8_t rs2, Label target);
  /// Conditional branch by a byte offset from this instruction.
  void branch_offset(Opcode op, uint8_t rs1, uint8_t rs2, int32_t offset);
  /// JAL rd, label.
  void jal(uint8_t rd, Label target);
  /// JAL rd, byte offset.
  void jal_offset(uint8_t rd, int32_t offset);
  /// JALR rd, imm(rs1).
  void jalr(uint8_t rd, uint8_t rs1, int32_t imm);
  /// LUI rd, upper: rd = upper << 12 (upper < 2^20).
  void lui(uint8_t rd, uint32_t upper);
  /// AUIPC rd, upper: rd = pc + (upper << 12).
  void auipc(uint8_t rd, uint32_t upper);
  /// Loads any 32-bit constant: ADDI alone when it fits 12 signed bits, else LUI (+ ADDI).
  void li(uint8_t rd, uint32_t value);
  void ecall();
  void ebreak();
  void fence();
  /// a7 = number, then ECALL (arguments already in a0..a2).
  void syscall(uint32_t number);
  /// exit(code): a0 = code, a7 = 93, ECALL.
  void exit(uint32_t code);

  /// The code words with every label resolved; throws if a used label was never bound.
  std::vector<uint32_t> finish() const;

 private:
  struct Fixup {
    size_t index;
    uint32_t label;
  };

  uint32_t origin_;
  std::vector<uint32_t> words_;
  std::vector<int64_t> labels_;  // bound word index, or -1
  std::vector<Fixup> fixups_;
};

/// An image with `code` at `code_base` (read + execute, entry at its first word) and, when
/// `data_size` is nonzero, a read-write data segment at `data_base` with `data` followed by
/// zeros up to `data_size` bytes.
ElfImage image_from_code(const std::vector<uint32_t>& code,
                         uint32_t code_base = kDefaultCodeBase,
                         const std::vector<uint8_t>& data = {},
                         uint32_t data_size = 0,
                         uint32_t data_base = kDefaultDataBase,
                         const std::string& name = "assembled");

}  // namespace zkbatch::vm
