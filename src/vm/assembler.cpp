// SPDX-License-Identifier: Apache-2.0
#include "vm/assembler.hpp"

#include <stdexcept>

#include "vm/layout.hpp"

namespace zkbatch::vm {
namespace {

uint32_t checked_encode(const Instruction& inst) {
  const std::optional<uint32_t> w = encode(inst);
  if (!w) throw std::invalid_argument("cannot encode: " + disassemble(inst));
  return *w;
}

Instruction make(Opcode op, uint8_t rd, uint8_t rs1, uint8_t rs2, uint32_t imm) {
  return Instruction{op, rd, rs1, rs2, imm};
}

}  // namespace

Assembler::Label Assembler::new_label() {
  labels_.push_back(-1);
  return Label{static_cast<uint32_t>(labels_.size() - 1)};
}

void Assembler::bind(Label label) {
  if (label.id >= labels_.size() || labels_[label.id] >= 0) {
    throw std::invalid_argument("label bound twice or unknown");
  }
  labels_[label.id] = static_cast<int64_t>(words_.size());
}

void Assembler::emit(const Instruction& inst) {
  words_.push_back(checked_encode(inst));
}

void Assembler::r(Opcode op, uint8_t rd, uint8_t rs1, uint8_t rs2) {
  if (opcode_info(op).format != Format::r) throw std::invalid_argument("not an R-type opcode");
  emit(make(op, rd, rs1, rs2, 0));
}

void Assembler::i(Opcode op, uint8_t rd, uint8_t rs1, int32_t imm) {
  if (opcode_info(op).format != Format::i || is_load(op) || op == Opcode::jalr) {
    throw std::invalid_argument("not an I-type ALU opcode");
  }
  emit(make(op, rd, rs1, 0, static_cast<uint32_t>(imm)));
}

void Assembler::load(Opcode op, uint8_t rd, uint8_t rs1, int32_t imm) {
  if (!is_load(op)) throw std::invalid_argument("not a load");
  emit(make(op, rd, rs1, 0, static_cast<uint32_t>(imm)));
}

void Assembler::store(Opcode op, uint8_t rs2, uint8_t rs1, int32_t imm) {
  if (!is_store(op)) throw std::invalid_argument("not a store");
  emit(make(op, 0, rs1, rs2, static_cast<uint32_t>(imm)));
}

void Assembler::branch(Opcode op, uint8_t rs1, uint8_t rs2, Label target) {
  if (!is_branch(op)) throw std::invalid_argument("not a branch");
  fixups_.push_back({words_.size(), target.id});
  emit(make(op, 0, rs1, rs2, 0));
}

void Assembler::branch_offset(Opcode op, uint8_t rs1, uint8_t rs2, int32_t offset) {
  if (!is_branch(op)) throw std::invalid_argument("not a branch");
  emit(make(op, 0, rs1, rs2, static_cast<uint32_t>(offset)));
}

void Assembler::jal(uint8_t rd, Label target) {
  fixups_.push_back({words_.size(), target.id});
  emit(make(Opcode::jal, rd, 0, 0, 0));
}

void Assembler::jal_offset(uint8_t rd, int32_t offset) {
  emit(make(Opcode::jal, rd, 0, 0, static_cast<uint32_t>(offset)));
}

void Assembler::jalr(uint8_t rd, uint8_t rs1, int32_t imm) {
  emit(make(Opcode::jalr, rd, rs1, 0, static_cast<uint32_t>(imm)));
}

void Assembler::lui(uint8_t rd, uint32_t upper) {
  if (upper >= (1u << 20)) throw std::invalid_argument("lui immediate above 2^20");
  emit(make(Opcode::lui, rd, 0, 0, upper << 12));
}

void Assembler::auipc(uint8_t rd, uint32_t upper) {
  if (upper >= (1u << 20)) throw std::invalid_argument("auipc immediate above 2^20");
  emit(make(Opcode::auipc, rd, 0, 0, upper << 12));
}

void Assembler::li(uint8_t rd, uint32_t value) {
  const int32_t v = static_cast<int32_t>(value);
  if (v >= -2048 && v < 2048) {
    i(Opcode::addi, rd, abi::zero, v);
    return;
  }
  // value = upper << 12 + sext(low 12 bits); round the upper part up when the low part is
  // negative as a 12-bit signed number.
  const uint32_t low = value & 0xfff;
  const int32_t low_signed = static_cast<int32_t>(low) - (low >= 0x800 ? 0x1000 : 0);
  const uint32_t upper = ((value - static_cast<uint32_t>(low_signed)) >> 12) & 0xfffff;
  lui(rd, upper);
  if (low_signed != 0) i(Opcode::addi, rd, rd, low_signed);
}

void Assembler::ecall() {
  emit(make(Opcode::ecall, 0, 0, 0, 0));
}

void Assembler::ebreak() {
  emit(make(Opcode::ebreak, 0, 0, 0, 0));
}

void Assembler::fence() {
  emit(make(Opcode::fence, 0, 0, 0, 0));
}

void Assembler::syscall(uint32_t number) {
  li(abi::a7, number);
  ecall();
}

void Assembler::exit(uint32_t code) {
  li(abi::a0, code);
  syscall(kSyscallExit);
}

std::vector<uint32_t> Assembler::finish() const {
  std::vector<uint32_t> out = words_;
  for (const Fixup& f : fixups_) {
    if (f.label >= labels_.size() || labels_[f.label] < 0) {
      throw std::invalid_argument("label used but never bound");
    }
    Instruction inst = decode(out[f.index]);
    inst.imm = static_cast<uint32_t>(4 * (labels_[f.label] - static_cast<int64_t>(f.index)));
    out[f.index] = checked_encode(inst);
  }
  return out;
}

ElfImage image_from_code(const std::vector<uint32_t>& code,
                         uint32_t code_base,
                         const std::vector<uint8_t>& data,
                         uint32_t data_size,
                         uint32_t data_base,
                         const std::string& name) {
  ElfImage image;
  image.name = name;
  image.entry = code_base;
  ElfSegment text;
  text.vaddr = code_base;
  text.flags = kSegmentRead | kSegmentExec;
  for (uint32_t w : code) {
    for (int k = 0; k < 4; ++k)
      text.data.push_back(static_cast<uint8_t>(w >> (8 * k)));
  }
  text.mem_size = static_cast<uint32_t>(text.data.size());
  image.segments.push_back(std::move(text));
  if (data_size != 0) {
    ElfSegment d;
    d.vaddr = data_base;
    d.flags = kSegmentRead | kSegmentWrite;
    d.data = data;
    d.mem_size = data_size < data.size() ? static_cast<uint32_t>(data.size()) : data_size;
    image.segments.push_back(std::move(d));
  }
  return image;
}

}  // namespace zkbatch::vm
