// SPDX-License-Identifier: Apache-2.0
#include "random_program.hpp"

#include <random>

namespace zkbatch::vm::test {
namespace {

using namespace abi;

constexpr Opcode kRegOps[] = {
    Opcode::add,    Opcode::sub,   Opcode::sll, Opcode::slt,  Opcode::sltu, Opcode::xor_,
    Opcode::srl,    Opcode::sra,   Opcode::or_, Opcode::and_, Opcode::mul,  Opcode::mulh,
    Opcode::mulhsu, Opcode::mulhu, Opcode::div, Opcode::divu, Opcode::rem,  Opcode::remu,
};
constexpr Opcode kImmOps[] = {Opcode::addi, Opcode::slti, Opcode::sltiu, Opcode::xori, Opcode::ori,
                              Opcode::andi, Opcode::slli, Opcode::srli,  Opcode::srai};
constexpr Opcode kLoads[] = {Opcode::lb, Opcode::lbu, Opcode::lh, Opcode::lhu, Opcode::lw};
constexpr Opcode kStores[] = {Opcode::sb, Opcode::sh, Opcode::sw};
constexpr Opcode kBranches[] = {Opcode::beq, Opcode::bne,  Opcode::blt,
                                Opcode::bge, Opcode::bltu, Opcode::bgeu};

// Values where RV32IM's corner cases live (overflow, sign, shift amounts, zero divisors).
constexpr uint32_t kSpecial[] = {0,          1,          2,          0xffffffff, 0xfffffffe,
                                 0x80000000, 0x7fffffff, 0x80000001, 31,         32,
                                 0xffff,     0x10000,    0x8000,     0xffff8000};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  uint32_t below(uint32_t n) { return static_cast<uint32_t>(rng_() % n); }
  uint8_t dest() { return static_cast<uint8_t>(1 + below(30)); }  // x1..x30: never t6
  uint8_t source() { return static_cast<uint8_t>(below(32)); }
  uint32_t value() {
    switch (below(4)) {
      case 0:
        return kSpecial[below(sizeof kSpecial / sizeof kSpecial[0])];
      case 1:
        return below(64) - 32;
      default:
        return static_cast<uint32_t>(rng_());
    }
  }
  int32_t imm12() {
    const int32_t special[] = {0, 1, -1, 2047, -2048};
    if (below(4) == 0) return special[below(5)];
    return static_cast<int32_t>(below(4096)) - 2048;
  }

  void alu(Assembler& as) {
    if (below(3) != 0) {
      as.r(kRegOps[below(sizeof kRegOps / sizeof kRegOps[0])], dest(), source(), source());
      return;
    }
    const Opcode op = kImmOps[below(sizeof kImmOps / sizeof kImmOps[0])];
    const bool shift = op == Opcode::slli || op == Opcode::srli || op == Opcode::srai;
    as.i(op, dest(), source(), shift ? static_cast<int32_t>(below(32)) : imm12());
  }

  void instruction(Assembler& as) {
    const uint32_t pick = below(100);
    if (pick < 40) {
      as.r(kRegOps[below(sizeof kRegOps / sizeof kRegOps[0])], dest(), source(), source());
    } else if (pick < 60) {
      alu(as);
    } else if (pick < 64) {
      as.lui(dest(), below(1u << 20));
    } else if (pick < 67) {
      as.auipc(dest(), below(1u << 20));
    } else if (pick < 82) {
      const Opcode op = kLoads[below(5)];
      const uint32_t size = op == Opcode::lw ? 4 : (op == Opcode::lh || op == Opcode::lhu ? 2 : 1);
      as.load(op, dest(), t6, static_cast<int32_t>(below(kScratchRandom / size) * size));
    } else if (pick < 92) {
      const Opcode op = kStores[below(3)];
      const uint32_t size = op == Opcode::sw ? 4 : (op == Opcode::sh ? 2 : 1);
      as.store(op, source(), t6, static_cast<int32_t>(below(kScratchRandom / size) * size));
    } else if (pick < 94) {
      as.fence();
    } else if (pick < 97) {
      as.branch_offset(kBranches[below(6)], source(), source(), 8);
      alu(as);
    } else if (pick < 98) {
      as.jal_offset(static_cast<uint8_t>(below(31)), 8);
      alu(as);
    } else {
      const uint8_t base = dest();
      as.auipc(base, 0);
      as.jalr(static_cast<uint8_t>(below(31)), base, 12);  // over the next instruction
      alu(as);
    }
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
};

}  // namespace

RandomProgram random_program(uint64_t seed, size_t body) {
  Generator g(seed);
  Assembler as;
  as.li(t6, kDefaultDataBase);
  as.li(a0, kFdInput);
  as.i(Opcode::addi, a1, t6, static_cast<int32_t>(kScratchInput));
  as.li(a2, 64);
  as.syscall(kSyscallRead);
  as.store(Opcode::sw, a0, t6, static_cast<int32_t>(kScratchInput + 64));
  for (uint8_t r = 1; r < 31; ++r)
    as.li(r, g.value());
  for (size_t i = 0; i < body; ++i)
    g.instruction(as);
  for (uint8_t r = 1; r < 32; ++r)
    as.store(Opcode::sw, r, t6, static_cast<int32_t>(kScratchRegisters + 4 * (r - 1)));
  as.li(a0, kFdStderr);
  as.i(Opcode::addi, a1, t6, static_cast<int32_t>(kScratchRegisters));
  as.li(a2, 16);
  as.syscall(kSyscallWrite);
  as.li(a0, kFdPublic);
  as.i(Opcode::addi, a1, t6, 0);
  as.li(a2, kScratchBytes);
  as.syscall(kSyscallWrite);
  const uint32_t k = 1 + g.below(30);
  as.load(Opcode::lw, a0, t6, static_cast<int32_t>(kScratchRegisters + 4 * (k - 1)));
  as.i(Opcode::andi, a0, a0, 255);
  as.syscall(kSyscallExit);

  std::vector<uint8_t> data(kScratchRandom);
  for (uint8_t& b : data)
    b = static_cast<uint8_t>(g.rng()());
  RandomProgram p;
  p.image = image_from_code(as.finish(), kDefaultCodeBase, data, kScratchBytes, kDefaultDataBase,
                            "random-" + std::to_string(seed));
  p.input.resize(g.below(65));
  for (uint8_t& b : p.input)
    b = static_cast<uint8_t>(g.rng()());
  return p;
}

}  // namespace zkbatch::vm::test
