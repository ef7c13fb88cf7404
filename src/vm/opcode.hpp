// SPDX-License-Identifier: Apache-2.0
// The RV32IM instruction set as data: one opcode per instruction of the RISC-V unprivileged spec
// (version 20191213), chapter 2 "RV32I Base Integer Instruction Set" and chapter 7 "M Standard
// Extension for Integer Multiplication and Division", with its format and register usage.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace zkbatch::vm {

/// Every instruction the machine executes. `illegal` is zero so a zeroed table entry is illegal.
enum class Opcode : uint8_t {
  illegal = 0,
  // RV32I, spec §2.4 (integer computational), in the order of the opcode map.
  lui,
  auipc,
  jal,
  jalr,
  beq,
  bne,
  blt,
  bge,
  bltu,
  bgeu,
  lb,
  lh,
  lw,
  lbu,
  lhu,
  sb,
  sh,
  sw,
  addi,
  slti,
  sltiu,
  xori,
  ori,
  andi,
  slli,
  srli,
  srai,
  add,
  sub,
  sll,
  slt,
  sltu,
  xor_,
  srl,
  sra,
  or_,
  and_,
  fence,
  ecall,
  ebreak,
  // M extension, spec §7.1-7.2.
  mul,
  mulh,
  mulhsu,
  mulhu,
  div,
  divu,
  rem,
  remu,
};

/// Number of opcodes, `illegal` included.
inline constexpr size_t kOpcodeCount = static_cast<size_t>(Opcode::remu) + 1;

/// Instruction formats of spec §2.2-2.3. `system` covers ECALL/EBREAK/FENCE, which use no
/// register operands in this machine's model.
enum class Format : uint8_t { none, r, i, s, b, u, j, system };

/// Static facts about one opcode.
struct OpcodeInfo {
  std::string_view name;  ///< assembler mnemonic
  Format format;          ///< encoding format
  bool uses_rs1;          ///< reads register rs1 (before the x0 exception)
  bool uses_rs2;          ///< reads register rs2 (before the x0 exception)
  bool writes_rd;         ///< writes register rd (before the x0 exception)
};

namespace detail {
constexpr OpcodeInfo info_r(std::string_view n) {
  return {n, Format::r, true, true, true};
}
constexpr OpcodeInfo info_i(std::string_view n) {
  return {n, Format::i, true, false, true};
}
constexpr OpcodeInfo info_s(std::string_view n) {
  return {n, Format::s, true, true, false};
}
constexpr OpcodeInfo info_b(std::string_view n) {
  return {n, Format::b, true, true, false};
}
}  // namespace detail

/// The opcode table, indexed by `Opcode`.
inline constexpr std::array<OpcodeInfo, kOpcodeCount> kOpcodeInfo = {{
    {"illegal", Format::none, false, false, false},
    {"lui", Format::u, false, false, true},
    {"auipc", Format::u, false, false, true},
    {"jal", Format::j, false, false, true},
    detail::info_i("jalr"),
    detail::info_b("beq"),
    detail::info_b("bne"),
    detail::info_b("blt"),
    detail::info_b("bge"),
    detail::info_b("bltu"),
    detail::info_b("bgeu"),
    detail::info_i("lb"),
    detail::info_i("lh"),
    detail::info_i("lw"),
    detail::info_i("lbu"),
    detail::info_i("lhu"),
    detail::info_s("sb"),
    detail::info_s("sh"),
    detail::info_s("sw"),
    detail::info_i("addi"),
    detail::info_i("slti"),
    detail::info_i("sltiu"),
    detail::info_i("xori"),
    detail::info_i("ori"),
    detail::info_i("andi"),
    detail::info_i("slli"),
    detail::info_i("srli"),
    detail::info_i("srai"),
    detail::info_r("add"),
    detail::info_r("sub"),
    detail::info_r("sll"),
    detail::info_r("slt"),
    detail::info_r("sltu"),
    detail::info_r("xor"),
    detail::info_r("srl"),
    detail::info_r("sra"),
    detail::info_r("or"),
    detail::info_r("and"),
    {"fence", Format::system, false, false, false},
    {"ecall", Format::system, false, false, false},
    {"ebreak", Format::system, false, false, false},
    detail::info_r("mul"),
    detail::info_r("mulh"),
    detail::info_r("mulhsu"),
    detail::info_r("mulhu"),
    detail::info_r("div"),
    detail::info_r("divu"),
    detail::info_r("rem"),
    detail::info_r("remu"),
}};

/// Facts about `op`.
constexpr const OpcodeInfo& opcode_info(Opcode op) {
  return kOpcodeInfo[static_cast<size_t>(op)];
}

/// The mnemonic of `op` ("add", "illegal", ...).
constexpr std::string_view opcode_name(Opcode op) {
  return opcode_info(op).name;
}

/// True for LB, LH, LW, LBU, LHU.
constexpr bool is_load(Opcode op) {
  return op >= Opcode::lb && op <= Opcode::lhu;
}
/// True for SB, SH, SW.
constexpr bool is_store(Opcode op) {
  return op >= Opcode::sb && op <= Opcode::sw;
}
/// True for the six conditional branches.
constexpr bool is_branch(Opcode op) {
  return op >= Opcode::beq && op <= Opcode::bgeu;
}

}  // namespace zkbatch::vm
