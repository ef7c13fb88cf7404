// SPDX-License-Identifier: Apache-2.0
// The expected values of these programs come from the emulator (vm::Emulator, itself checked
// against qemu-riscv32 in tests/vm); the proofs must agree with it.
#include "programs.hpp"

#include "test_util.hpp"

namespace zkbatch::vm::proof::testing {

using namespace abi;

namespace {

constexpr uint32_t kData = kDefaultDataBase;

/// s1 = s1 * 31 + t0 (a checksum of every result).
void fold(Assembler& as, uint8_t reg) {
  as.li(t6, 31);
  as.r(Opcode::mul, s1, s1, t6);
  as.r(Opcode::add, s1, s1, reg);
}

}  // namespace

Program isa_program() {
  Assembler as;
  as.li(s0, kData);
  as.li(s1, 1);
  // Private input: 6 bytes to an unaligned buffer.
  as.li(a0, kFdInput);
  as.i(Opcode::addi, a1, s0, 65);
  as.li(a2, 6);
  as.syscall(kSyscallRead);
  fold(as, a0);
  // Empty transfers at unaligned addresses touch no memory: a read at the end of the input
  // (with 6 bytes of input, or the first read with none) and a public write of nothing.
  as.li(a0, kFdInput);
  as.i(Opcode::addi, a1, s0, 75);
  as.li(a2, 3);
  as.syscall(kSyscallRead);
  fold(as, a0);
  as.li(a0, kFdPublic);
  as.i(Opcode::addi, a1, s0, 78);
  as.li(a2, 0);
  as.syscall(kSyscallWrite);
  fold(as, a0);
  as.load(Opcode::lw, t0, s0, 64);
  fold(as, t0);
  as.load(Opcode::lw, t0, s0, 68);
  fold(as, t0);
  // Operands with their corner cases.
  const uint32_t values[] = {0, 1, 7, 0xffffffffu, 0x80000000u, 0x7fffffffu, 0x12345678u, 31};
  const Opcode r_ops[] = {Opcode::add,  Opcode::sub,  Opcode::sll,    Opcode::slt,   Opcode::sltu,
                          Opcode::xor_, Opcode::srl,  Opcode::sra,    Opcode::or_,   Opcode::and_,
                          Opcode::mul,  Opcode::mulh, Opcode::mulhsu, Opcode::mulhu, Opcode::div,
                          Opcode::divu, Opcode::rem,  Opcode::remu};
  for (uint32_t x : {0u, 0x80000000u, 0xfffffff9u, 0x12345678u}) {
    for (uint32_t y : values) {
      as.li(a3, x);
      as.li(a4, y);
      for (Opcode op : r_ops) {
        as.r(op, t0, a3, a4);
        fold(as, t0);
      }
    }
  }
  const Opcode i_ops[] = {Opcode::addi, Opcode::slti, Opcode::sltiu,
                          Opcode::xori, Opcode::ori,  Opcode::andi};
  for (int32_t imm : {0, 1, -1, 2047, -2048}) {
    for (Opcode op : i_ops) {
      as.i(op, t0, a3, imm);
      fold(as, t0);
    }
  }
  for (int32_t sh : {0, 1, 31}) {
    for (Opcode op : {Opcode::slli, Opcode::srli, Opcode::srai}) {
      as.i(op, t0, a3, sh);
      fold(as, t0);
    }
  }
  as.lui(t0, 0xfffff);
  fold(as, t0);
  as.auipc(t0, 3);
  fold(as, t0);
  // Loads and stores of every width, sign extension.
  as.li(t1, 0x80ff7f01u);
  as.store(Opcode::sw, t1, s0, 16);
  as.store(Opcode::sb, t1, s0, 21);
  as.store(Opcode::sh, t1, s0, 26);
  for (int32_t off : {16, 17, 18, 19, 21, 26}) {
    for (Opcode op : {Opcode::lb, Opcode::lbu}) {
      as.load(op, t0, s0, off);
      fold(as, t0);
    }
  }
  for (int32_t off : {16, 18, 20, 24, 26}) {
    for (Opcode op : {Opcode::lh, Opcode::lhu}) {
      as.load(op, t0, s0, off);
      fold(as, t0);
    }
  }
  as.load(Opcode::lw, t0, s0, 24);
  fold(as, t0);
  // Branches, taken and not, and jumps.
  const Opcode branches[] = {Opcode::beq, Opcode::bne,  Opcode::blt,
                             Opcode::bge, Opcode::bltu, Opcode::bgeu};
  for (auto [x, y] : {std::pair<uint32_t, uint32_t>{1, 1}, {0xffffffffu, 1}, {1, 0xffffffffu}}) {
    as.li(a3, x);
    as.li(a4, y);
    for (Opcode op : branches) {
      auto skip = as.new_label();
      as.li(t0, 0);
      as.branch(op, a3, a4, skip);
      as.li(t0, 1);
      as.bind(skip);
      fold(as, t0);
    }
  }
  auto target = as.new_label(), back = as.new_label();
  as.jal(ra, target);
  as.bind(back);
  fold(as, ra);
  auto over = as.new_label();
  as.jal(zero, over);
  as.bind(target);
  as.jalr(t0, ra, 0);
  as.bind(over);
  as.fence();
  as.r(Opcode::add, zero, a3, a4);  // a write to x0 is dropped
  fold(as, zero);
  // Commit the checksum, then exit 0.
  as.store(Opcode::sw, s1, s0, 0);
  as.li(a0, kFdPublic);
  as.r(Opcode::add, a1, s0, zero);
  as.li(a2, 4);
  as.syscall(kSyscallWrite);
  as.li(a0, kFdPublic);
  as.i(Opcode::addi, a1, s0, 65);
  as.li(a2, 6);
  as.syscall(kSyscallWrite);
  as.li(a0, kFdStdout);
  as.r(Opcode::add, a1, s0, zero);
  as.li(a2, 2);
  as.syscall(kSyscallWrite);
  as.exit(0);
  return program_from(as, {1, 2, 3, 4, 5, 6, 7, 8}, 256);
}

Program loop_program(uint32_t iterations) {
  Assembler as;
  auto loop = as.new_label();
  as.li(s0, kData);
  as.li(s1, iterations);
  as.li(t0, 0x9e3779b9u);
  as.bind(loop);
  as.r(Opcode::mul, t0, t0, s1);
  as.i(Opcode::srli, t1, t0, 7);
  as.r(Opcode::xor_, t0, t0, t1);
  as.store(Opcode::sw, t0, s0, 0);
  as.li(a0, kFdPublic);
  as.r(Opcode::add, a1, s0, zero);
  as.li(a2, 4);
  as.syscall(kSyscallWrite);
  as.i(Opcode::addi, s1, s1, -1);
  as.branch(Opcode::bne, s1, zero, loop);
  as.exit(0);
  return program_from(as, {}, 64);
}

Program exit_program(uint32_t code) {
  Assembler as;
  as.li(s0, kData);
  as.li(t0, 0x2a);
  as.store(Opcode::sb, t0, s0, 0);
  as.li(a0, kFdPublic);
  as.r(Opcode::add, a1, s0, zero);
  as.li(a2, 1);
  as.syscall(kSyscallWrite);
  as.exit(code);
  return program_from(as, {}, 64);
}

}  // namespace zkbatch::vm::proof::testing
