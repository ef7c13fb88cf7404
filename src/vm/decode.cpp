// SPDX-License-Identifier: Apache-2.0
// RV32IM decoding and encoding. Field positions and immediate layouts: RISC-V unprivileged spec
// 20191213, §2.2-2.3 (figures 2.3 and 2.4); opcode and funct values: chapter 24, table 24.2
// ("RV32I Base Instruction Set") and the RV32M rows.
#include <cstdio>
#include <optional>
#include <string>

#include "vm/instruction.hpp"

namespace zkbatch::vm {
namespace {

// Major opcodes (bits 6:0), spec table 24.1.
constexpr uint32_t kOpLoad = 0x03;
constexpr uint32_t kOpMiscMem = 0x0f;
constexpr uint32_t kOpImm = 0x13;
constexpr uint32_t kOpAuipc = 0x17;
constexpr uint32_t kOpStore = 0x23;
constexpr uint32_t kOpReg = 0x33;
constexpr uint32_t kOpLui = 0x37;
constexpr uint32_t kOpBranch = 0x63;
constexpr uint32_t kOpJalr = 0x67;
constexpr uint32_t kOpJal = 0x6f;
constexpr uint32_t kOpSystem = 0x73;

constexpr uint32_t kWordEcall = 0x00000073;
constexpr uint32_t kWordEbreak = 0x00100073;

constexpr uint32_t bits(uint32_t w, unsigned hi, unsigned lo) {
  return (w >> lo) & ((1u << (hi - lo + 1)) - 1);
}

constexpr uint32_t sign_extend(uint32_t value, unsigned width) {
  const uint32_t sign = 1u << (width - 1);
  return (value ^ sign) - sign;
}

constexpr uint32_t imm_i(uint32_t w) {
  return sign_extend(bits(w, 31, 20), 12);
}
constexpr uint32_t imm_s(uint32_t w) {
  return sign_extend((bits(w, 31, 25) << 5) | bits(w, 11, 7), 12);
}
constexpr uint32_t imm_b(uint32_t w) {
  return sign_extend((bits(w, 31, 31) << 12) | (bits(w, 7, 7) << 11) | (bits(w, 30, 25) << 5) |
                         (bits(w, 11, 8) << 1),
                     13);
}
constexpr uint32_t imm_j(uint32_t w) {
  return sign_extend((bits(w, 31, 31) << 20) | (bits(w, 19, 12) << 12) | (bits(w, 20, 20) << 11) |
                         (bits(w, 30, 21) << 1),
                     21);
}

// funct3 -> opcode for the families indexed by funct3 alone; `illegal` marks reserved values.
constexpr Opcode kBranchOps[8] = {Opcode::beq, Opcode::bne, Opcode::illegal, Opcode::illegal,
                                  Opcode::blt, Opcode::bge, Opcode::bltu,    Opcode::bgeu};
constexpr Opcode kLoadOps[8] = {Opcode::lb,  Opcode::lh,  Opcode::lw,      Opcode::illegal,
                                Opcode::lbu, Opcode::lhu, Opcode::illegal, Opcode::illegal};
constexpr Opcode kStoreOps[8] = {Opcode::sb,      Opcode::sh,      Opcode::sw,
                                 Opcode::illegal, Opcode::illegal, Opcode::illegal,
                                 Opcode::illegal, Opcode::illegal};
constexpr Opcode kImmOps[8] = {Opcode::addi, Opcode::slli, Opcode::slti, Opcode::sltiu,
                               Opcode::xori, Opcode::srli, Opcode::ori,  Opcode::andi};
constexpr Opcode kRegOps[8] = {Opcode::add,  Opcode::sll, Opcode::slt, Opcode::sltu,
                               Opcode::xor_, Opcode::srl, Opcode::or_, Opcode::and_};
constexpr Opcode kMulOps[8] = {Opcode::mul, Opcode::mulh, Opcode::mulhsu, Opcode::mulhu,
                               Opcode::div, Opcode::divu, Opcode::rem,    Opcode::remu};

Instruction make(Opcode op, uint32_t rd, uint32_t rs1, uint32_t rs2, uint32_t imm) {
  if (op == Opcode::illegal) return Instruction{};
  return Instruction{op, static_cast<uint8_t>(rd), static_cast<uint8_t>(rs1),
                     static_cast<uint8_t>(rs2), imm};
}

// The opcode and funct fields that select `op`: {major, funct3, funct7 or ~0u when unused}.
struct Selector {
  uint32_t major;
  uint32_t funct3;
  uint32_t funct7;
};

std::optional<Selector> selector(Opcode op) {
  auto find = [op](const Opcode(&table)[8]) -> std::optional<uint32_t> {
    for (uint32_t f = 0; f < 8; ++f) {
      if (table[f] == op) return f;
    }
    return std::nullopt;
  };
  switch (op) {
    case Opcode::illegal:
    case Opcode::ecall:
    case Opcode::ebreak:
      return std::nullopt;
    case Opcode::lui:
      return Selector{kOpLui, 0, ~0u};
    case Opcode::auipc:
      return Selector{kOpAuipc, 0, ~0u};
    case Opcode::jal:
      return Selector{kOpJal, 0, ~0u};
    case Opcode::jalr:
      return Selector{kOpJalr, 0, ~0u};
    case Opcode::srai:
      return Selector{kOpImm, 5, 0x20};
    case Opcode::slli:
    case Opcode::srli:
      return Selector{kOpImm, *find(kImmOps), 0};
    case Opcode::sub:
      return Selector{kOpReg, 0, 0x20};
    case Opcode::sra:
      return Selector{kOpReg, 5, 0x20};
    case Opcode::fence:
      return Selector{kOpMiscMem, 0, ~0u};
    default:
      break;
  }
  if (auto f = find(kBranchOps)) return Selector{kOpBranch, *f, ~0u};
  if (auto f = find(kLoadOps)) return Selector{kOpLoad, *f, ~0u};
  if (auto f = find(kStoreOps)) return Selector{kOpStore, *f, ~0u};
  if (auto f = find(kImmOps)) return Selector{kOpImm, *f, ~0u};
  if (auto f = find(kRegOps)) return Selector{kOpReg, *f, 0};
  if (auto f = find(kMulOps)) return Selector{kOpReg, *f, 1};
  return std::nullopt;
}

bool fits_signed(uint32_t value, unsigned width) {
  const int32_t v = static_cast<int32_t>(value);
  const int32_t limit = 1 << (width - 1);
  return v >= -limit && v < limit;
}

}  // namespace

Instruction decode(uint32_t w) {
  const uint32_t rd = bits(w, 11, 7);
  const uint32_t funct3 = bits(w, 14, 12);
  const uint32_t rs1 = bits(w, 19, 15);
  const uint32_t rs2 = bits(w, 24, 20);
  const uint32_t funct7 = bits(w, 31, 25);
  switch (bits(w, 6, 0)) {
    case kOpLui:
      return make(Opcode::lui, rd, 0, 0, w & 0xfffff000u);
    case kOpAuipc:
      return make(Opcode::auipc, rd, 0, 0, w & 0xfffff000u);
    case kOpJal:
      return make(Opcode::jal, rd, 0, 0, imm_j(w));
    case kOpJalr:
      return funct3 == 0 ? make(Opcode::jalr, rd, rs1, 0, imm_i(w)) : Instruction{};
    case kOpBranch:
      return make(kBranchOps[funct3], 0, rs1, rs2, imm_b(w));
    case kOpLoad:
      return make(kLoadOps[funct3], rd, rs1, 0, imm_i(w));
    case kOpStore:
      return make(kStoreOps[funct3], 0, rs1, rs2, imm_s(w));
    case kOpImm:
      if (funct3 == 1) {  // SLLI: imm[11:5] = 0000000; shamt[5] != 0 is reserved on RV32
        return funct7 == 0 ? make(Opcode::slli, rd, rs1, 0, rs2) : Instruction{};
      }
      if (funct3 == 5) {  // SRLI (0000000) / SRAI (0100000)
        if (funct7 == 0) return make(Opcode::srli, rd, rs1, 0, rs2);
        if (funct7 == 0x20) return make(Opcode::srai, rd, rs1, 0, rs2);
        return Instruction{};
      }
      return make(kImmOps[funct3], rd, rs1, 0, imm_i(w));
    case kOpReg:
      if (funct7 == 0) return make(kRegOps[funct3], rd, rs1, rs2, 0);
      if (funct7 == 1) return make(kMulOps[funct3], rd, rs1, rs2, 0);
      if (funct7 == 0x20 && funct3 == 0) return make(Opcode::sub, rd, rs1, rs2, 0);
      if (funct7 == 0x20 && funct3 == 5) return make(Opcode::sra, rd, rs1, rs2, 0);
      return Instruction{};
    case kOpMiscMem:
      // FENCE (and FENCE.TSO / PAUSE, which share funct3 0); rd, rs1 and fm are ignored as
      // spec §2.7 requires of base implementations. funct3 1 (FENCE.I) is Zifencei: illegal.
      return funct3 == 0 ? make(Opcode::fence, 0, 0, 0, 0) : Instruction{};
    case kOpSystem:
      if (w == kWordEcall) return make(Opcode::ecall, 0, 0, 0, 0);
      if (w == kWordEbreak) return make(Opcode::ebreak, 0, 0, 0, 0);
      return Instruction{};  // CSR instructions (Zicsr), MRET, WFI, ...
    default:
      return Instruction{};
  }
}

std::optional<uint32_t> encode(const Instruction& inst) {
  if (inst.rd > 31 || inst.rs1 > 31 || inst.rs2 > 31) return std::nullopt;
  if (inst.opcode == Opcode::ecall) return kWordEcall;
  if (inst.opcode == Opcode::ebreak) return kWordEbreak;
  const std::optional<Selector> sel = selector(inst.opcode);
  if (!sel) return std::nullopt;
  const uint32_t rd = inst.rd, rs1 = inst.rs1, rs2 = inst.rs2, imm = inst.imm;
  const uint32_t base = sel->major | (sel->funct3 << 12);
  switch (opcode_info(inst.opcode).format) {
    case Format::u:
      if ((imm & 0xfff) != 0) return std::nullopt;
      return sel->major | (rd << 7) | imm;
    case Format::j:
      if ((imm & 1) != 0 || !fits_signed(imm, 21)) return std::nullopt;
      return sel->major | (rd << 7) | (bits(imm, 20, 20) << 31) | (bits(imm, 10, 1) << 21) |
             (bits(imm, 11, 11) << 20) | (bits(imm, 19, 12) << 12);
    case Format::i:
      if (inst.opcode == Opcode::slli || inst.opcode == Opcode::srli ||
          inst.opcode == Opcode::srai) {
        if (imm > 31) return std::nullopt;
        return base | (rd << 7) | (rs1 << 15) | (imm << 20) | (sel->funct7 << 25);
      }
      if (!fits_signed(imm, 12)) return std::nullopt;
      return base | (rd << 7) | (rs1 << 15) | (bits(imm, 11, 0) << 20);
    case Format::s:
      if (!fits_signed(imm, 12)) return std::nullopt;
      return base | (bits(imm, 4, 0) << 7) | (rs1 << 15) | (rs2 << 20) | (bits(imm, 11, 5) << 25);
    case Format::b:
      if ((imm & 1) != 0 || !fits_signed(imm, 13)) return std::nullopt;
      return base | (bits(imm, 11, 11) << 7) | (bits(imm, 4, 1) << 8) | (rs1 << 15) | (rs2 << 20) |
             (bits(imm, 10, 5) << 25) | (bits(imm, 12, 12) << 31);
    case Format::r:
      return base | (rd << 7) | (rs1 << 15) | (rs2 << 20) | (sel->funct7 << 25);
    case Format::system:  // FENCE with pred = succ = iorw, the canonical full fence
      return base | (0xffu << 20);
    case Format::none:
      break;
  }
  return std::nullopt;
}

std::string disassemble(const Instruction& inst) {
  const std::string name(opcode_name(inst.opcode));
  const int32_t imm = static_cast<int32_t>(inst.imm);
  char buf[96];
  switch (opcode_info(inst.opcode).format) {
    case Format::r:
      std::snprintf(buf, sizeof buf, "%s x%u, x%u, x%u", name.c_str(), inst.rd, inst.rs1, inst.rs2);
      break;
    case Format::i:
      if (is_load(inst.opcode) || inst.opcode == Opcode::jalr) {
        std::snprintf(buf, sizeof buf, "%s x%u, %d(x%u)", name.c_str(), inst.rd, imm, inst.rs1);
      } else {
        std::snprintf(buf, sizeof buf, "%s x%u, x%u, %d", name.c_str(), inst.rd, inst.rs1, imm);
      }
      break;
    case Format::s:
      std::snprintf(buf, sizeof buf, "%s x%u, %d(x%u)", name.c_str(), inst.rs2, imm, inst.rs1);
      break;
    case Format::b:
      std::snprintf(buf, sizeof buf, "%s x%u, x%u, %+d", name.c_str(), inst.rs1, inst.rs2, imm);
      break;
    case Format::u:
      std::snprintf(buf, sizeof buf, "%s x%u, 0x%x", name.c_str(), inst.rd, inst.imm >> 12);
      break;
    case Format::j:
      std::snprintf(buf, sizeof buf, "%s x%u, %+d", name.c_str(), inst.rd, imm);
      break;
    case Format::system:
    case Format::none:
      return name;
  }
  return buf;
}

}  // namespace zkbatch::vm
