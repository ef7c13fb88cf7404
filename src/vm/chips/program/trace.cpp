// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>

#include "vm/chips/lookups.hpp"
#include "vm/chips/program/air.hpp"
#include "vm/chips/program/constants.hpp"

namespace zkbatch::vm::chips::program {
namespace {

uint32_t bit(Flag f) {
  return uint32_t{1} << f;
}

/// The ALU operation of an immediate or branch form.
Opcode canonical(Opcode op) {
  switch (op) {
    case Opcode::addi:
    case Opcode::lui:
    case Opcode::auipc:
    case Opcode::jal:
    case Opcode::jalr:
      return Opcode::add;
    case Opcode::slti:
    case Opcode::blt:
    case Opcode::bge:
      return Opcode::slt;
    case Opcode::sltiu:
    case Opcode::bltu:
    case Opcode::bgeu:
      return Opcode::sltu;
    case Opcode::xori:
      return Opcode::xor_;
    case Opcode::ori:
      return Opcode::or_;
    case Opcode::andi:
      return Opcode::and_;
    case Opcode::slli:
      return Opcode::sll;
    case Opcode::srli:
      return Opcode::srl;
    case Opcode::srai:
      return Opcode::sra;
    default:
      return op;
  }
}

}  // namespace

ProgramEntry decode_entry(uint32_t pc, const Instruction& inst) {
  ProgramEntry e;
  e.pc = pc;
  const Opcode op = inst.opcode;
  if (op == Opcode::illegal || op == Opcode::ebreak) return e;
  e.op = static_cast<uint32_t>(canonical(op));
  e.rs1 = inst.rs1;
  e.rs2 = inst.rs2;
  e.rd = inst.rd;
  e.imm = inst.imm;
  uint32_t f = 0;
  if (reads_rs1(inst)) f |= bit(kFlagReadRs1);
  if (reads_rs2(inst)) f |= bit(kFlagReadRs2);
  if (writes_rd(inst)) f |= bit(kFlagWriteRd);
  const Format format = opcode_info(op).format;
  if (format == Format::i || format == Format::u || format == Format::j) f |= bit(kFlagCImm);
  if (op == Opcode::auipc || op == Opcode::jal) f |= bit(kFlagAPc);
  switch (op) {
    case Opcode::jal:
    case Opcode::jalr:
      f |= bit(kFlagJump);
      break;
    case Opcode::beq:
      f |= bit(kFlagBeq);
      e.op = 0;
      break;
    case Opcode::bne:
      f |= bit(kFlagBne);
      e.op = 0;
      break;
    case Opcode::blt:
    case Opcode::bltu:
      f |= bit(kFlagBlt);
      break;
    case Opcode::bge:
    case Opcode::bgeu:
      f |= bit(kFlagBge);
      break;
    case Opcode::fence:
      f |= bit(kFlagFence);
      e.op = 0;
      break;
    case Opcode::ecall:
      // a7 and a0 are read as rs1 and rs2; the syscall chip does the rest.
      f |= bit(kFlagEcall) | bit(kFlagReadRs1) | bit(kFlagReadRs2);
      e.op = 0;
      e.rs1 = kEcallRs1;
      e.rs2 = kEcallRs2;
      break;
    default:
      f |= bit(is_load(op) || is_store(op) ? kFlagMem : kFlagAlu);
      break;
  }
  e.flags = f;
  return e;
}

ProgramTable ProgramTable::from(const Program& program) {
  ProgramTable t;
  t.code_begin = program.code_begin();
  const std::vector<Instruction>& code = program.instructions();
  if (uint64_t{t.code_begin} + 4 * uint64_t{code.size()} > (uint64_t{1} << 32) - 4) {
    throw std::invalid_argument("program table: code may not reach the last word of memory");
  }
  t.entries.reserve(code.size());
  for (size_t i = 0; i < code.size(); ++i) {
    const uint32_t pc = t.code_begin + 4 * static_cast<uint32_t>(i);
    t.entries.push_back(program.is_code(pc) ? decode_entry(pc, code[i]) : ProgramEntry{pc});
  }
  return t;
}

const ProgramEntry* ProgramTable::at(uint32_t pc) const {
  if (pc < code_begin || (pc - code_begin) % 4 != 0) return nullptr;
  const size_t i = (pc - code_begin) / 4;
  return i < entries.size() ? &entries[i] : nullptr;
}

poly::RowMajorMatrix ProgramAir::preprocessed_trace() const {
  using P = PreprocessedColumns;
  poly::RowMajorMatrix m(P::kWidth, table_height(table_->entries.size()));
  for (size_t r = 0; r < table_->entries.size(); ++r) {
    const ProgramEntry& e = table_->entries[r];
    m.at(r, P::pc) = F(e.pc);
    m.at(r, P::op) = F(e.op);
    m.at(r, P::rs1) = F(e.rs1);
    m.at(r, P::rs2) = F(e.rs2);
    m.at(r, P::rd) = F(e.rd);
    m.at(r, P::imm) = F(e.imm);
    m.at(r, P::flags) = F(e.flags);
  }
  return m;
}

poly::RowMajorMatrix generate_trace(const ProgramTable& table,
                                    const std::vector<uint64_t>& counts) {
  poly::RowMajorMatrix m(Columns::kWidth, table_height(table.entries.size()));
  for (size_t r = 0; r < counts.size() && r < table.entries.size(); ++r)
    m.at(r, Columns::count) = F(counts[r]);
  return m;
}

}  // namespace zkbatch::vm::chips::program
