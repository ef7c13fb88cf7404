// SPDX-License-Identifier: Apache-2.0
// What each RV32IM instruction computes, written once and used by every execution mode (the
// fast interpreter, the trace recorder) and by the tests. RISC-V unprivileged spec 20191213:
// §2.4 integer computation, §2.5 control transfer, §2.6 loads and stores, §7.1-7.2 M extension.
#pragma once

#include <cstdint>

#include "vm/opcode.hpp"

namespace zkbatch::vm {

/// Result of a register-register or register-immediate operation (`b` is rs2 or the
/// immediate). Shifts use the low five bits of `b` (§2.4). Division follows table 7.1: x / 0 =
/// all ones (-1), x % 0 = x, and the one signed overflow, -2^31 / -1, gives -2^31 with
/// remainder 0. Opcodes that are not ALU operations give 0.
constexpr uint32_t alu(Opcode op, uint32_t a, uint32_t b) {
  const int32_t sa = static_cast<int32_t>(a);
  const int32_t sb = static_cast<int32_t>(b);
  switch (op) {
    case Opcode::add:
    case Opcode::addi:
      return a + b;
    case Opcode::sub:
      return a - b;
    case Opcode::sll:
    case Opcode::slli:
      return a << (b & 31);
    case Opcode::slt:
    case Opcode::slti:
      return sa < sb ? 1 : 0;
    case Opcode::sltu:
    case Opcode::sltiu:
      return a < b ? 1 : 0;
    case Opcode::xor_:
    case Opcode::xori:
      return a ^ b;
    case Opcode::srl:
    case Opcode::srli:
      return a >> (b & 31);
    case Opcode::sra:
    case Opcode::srai:
      return static_cast<uint32_t>(sa >> (b & 31));  // arithmetic shift (C++20 defines it)
    case Opcode::or_:
    case Opcode::ori:
      return a | b;
    case Opcode::and_:
    case Opcode::andi:
      return a & b;
    case Opcode::mul:
      return a * b;
    case Opcode::mulh:
      return static_cast<uint32_t>(static_cast<uint64_t>(int64_t{sa} * int64_t{sb}) >> 32);
    case Opcode::mulhsu:
      return static_cast<uint32_t>(static_cast<uint64_t>(int64_t{sa} * int64_t{b}) >> 32);
    case Opcode::mulhu:
      return static_cast<uint32_t>((uint64_t{a} * uint64_t{b}) >> 32);
    case Opcode::div:
      if (b == 0) return 0xffffffffu;
      if (a == 0x80000000u && b == 0xffffffffu) return a;
      return static_cast<uint32_t>(sa / sb);
    case Opcode::divu:
      return b == 0 ? 0xffffffffu : a / b;
    case Opcode::rem:
      if (b == 0) return a;
      if (a == 0x80000000u && b == 0xffffffffu) return 0;
      return static_cast<uint32_t>(sa % sb);
    case Opcode::remu:
      return b == 0 ? a : a % b;
    default:
      return 0;
  }
}

/// Whether a conditional branch is taken (§2.5.2); false for other opcodes.
constexpr bool branch_taken(Opcode op, uint32_t a, uint32_t b) {
  switch (op) {
    case Opcode::beq:
      return a == b;
    case Opcode::bne:
      return a != b;
    case Opcode::blt:
      return static_cast<int32_t>(a) < static_cast<int32_t>(b);
    case Opcode::bge:
      return static_cast<int32_t>(a) >= static_cast<int32_t>(b);
    case Opcode::bltu:
      return a < b;
    case Opcode::bgeu:
      return a >= b;
    default:
      return false;
  }
}

/// Bytes a load or store moves: 1, 2 or 4 (0 for other opcodes).
constexpr uint32_t access_bytes(Opcode op) {
  switch (op) {
    case Opcode::lb:
    case Opcode::lbu:
    case Opcode::sb:
      return 1;
    case Opcode::lh:
    case Opcode::lhu:
    case Opcode::sh:
      return 2;
    case Opcode::lw:
    case Opcode::sw:
      return 4;
    default:
      return 0;
  }
}

/// The value a load writes to rd, from the aligned little-endian word that contains it and the
/// byte offset of the access in that word (naturally aligned: 0-3 for bytes, 0 or 2 for
/// halfwords, 0 for words). LB/LH sign-extend, LBU/LHU zero-extend (§2.6).
constexpr uint32_t load_value(Opcode op, uint32_t word, uint32_t offset) {
  const uint32_t shifted = word >> (8 * offset);
  switch (op) {
    case Opcode::lb:
      return static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(shifted & 0xff)));
    case Opcode::lbu:
      return shifted & 0xff;
    case Opcode::lh:
      return static_cast<uint32_t>(static_cast<int32_t>(static_cast<int16_t>(shifted & 0xffff)));
    case Opcode::lhu:
      return shifted & 0xffff;
    default:
      return word;
  }
}

/// The word after a store of the low 1, 2 or 4 bytes of `value` at byte `offset` of `old_word`.
constexpr uint32_t store_word(Opcode op, uint32_t old_word, uint32_t value, uint32_t offset) {
  const uint32_t bytes = access_bytes(op);
  if (bytes == 4) return value;
  const uint32_t mask = (bytes == 1 ? 0xffu : 0xffffu) << (8 * offset);
  return (old_word & ~mask) | ((value << (8 * offset)) & mask);
}

}  // namespace zkbatch::vm
