// SPDX-License-Identifier: Apache-2.0
// Fast mode: the interpreter loop with nothing recorded. The code is decoded once into a table
// indexed by (pc - code_begin) / 4; writes to x0 go to a 33rd "sink" register so no instruction
// needs a test for rd == 0; memory is a page table of 64 KiB word pages. Semantics come from
// semantics.hpp and trap conditions from detail/checks.hpp, shared with the trace recorder.
#include <algorithm>
#include <cstring>

#include "vm/detail/checks.hpp"
#include "vm/detail/word_pages.hpp"
#include "vm/emulator.hpp"
#include "vm/semantics.hpp"

namespace zkbatch::vm {
namespace {

constexpr uint8_t kSink = 32;

struct FastOp {
  Opcode op;
  uint8_t rd;  // kSink when the instruction writes x0
  uint8_t rs1;
  uint8_t rs2;
  uint32_t imm;
};

class FastMachine {
 public:
  FastMachine(const Program& program, std::span<const uint8_t> input, const RunOptions& options)
      : program_(program), input_(input), options_(options) {
    const std::vector<Instruction>& code = program.instructions();
    ops_.resize(code.size());
    for (size_t i = 0; i < code.size(); ++i) {
      const Instruction& in = code[i];
      ops_[i] = FastOp{in.opcode, in.rd == 0 ? kSink : in.rd, in.rs1, in.rs2, in.imm};
    }
    read_only_page_.assign(size_t{1} << 16, 0);
    for (const AddressRange& r : program.read_only()) {
      for (uint64_t page = r.begin >> 16; page <= ((r.end - 1) >> 16); ++page)
        read_only_page_[page] = 1;
    }
    for (const ElfSegment& s : program.image().segments) {
      for (size_t i = 0; i < s.data.size(); ++i) {
        const uint32_t address = s.vaddr + static_cast<uint32_t>(i);
        memory_.at(address) |= uint32_t{s.data[i]} << (8 * (address & 3));
      }
    }
  }

  RunResult run();

 private:
  uint32_t load(uint32_t address) const {
    const uint32_t* w = memory_.find(address);
    return w == nullptr ? 0 : *w;
  }
  uint8_t load_byte(uint32_t address) const {
    return static_cast<uint8_t>(load(address) >> (8 * (address & 3)));
  }
  bool store_forbidden(uint32_t address) const {
    return read_only_page_[address >> 16] != 0 && program_.is_read_only(address);
  }
  // ECALL: returns false when the run stops (exit or trap).
  bool host_call(uint32_t* x, uint32_t pc, uint64_t cycle, RunResult& r);

  const Program& program_;
  std::span<const uint8_t> input_;
  const RunOptions& options_;
  std::vector<FastOp> ops_;
  std::vector<uint8_t> read_only_page_;
  detail::WordPages<uint32_t> memory_;
  uint64_t input_cursor_ = 0;
};

bool FastMachine::host_call(uint32_t* x, uint32_t pc, uint64_t cycle, RunResult& r) {
  const uint32_t number = x[kRegA7], fd = x[kRegA0], buf = x[kRegA1], n = x[kRegA2];
  const detail::Check check = detail::check_host_call(program_, number, fd, buf, n);
  if (check.kind != TrapKind::none) {
    r.status = RunStatus::trapped;
    r.trap = Trap{check.kind, pc, check.value, cycle};
    return false;
  }
  if (number == kSyscallExit) {
    r.status = RunStatus::halted;
    r.exit_code = fd;
    return false;
  }
  if (number == kSyscallRead) {
    const uint64_t count = std::min<uint64_t>(n, input_.size() - input_cursor_);
    for (uint64_t i = 0; i < count; ++i) {
      const uint32_t address = buf + static_cast<uint32_t>(i);
      uint32_t& word = memory_.at(address);
      const uint32_t shift = 8 * (address & 3);
      word = (word & ~(0xffu << shift)) | (uint32_t{input_[input_cursor_ + i]} << shift);
    }
    input_cursor_ += count;
    x[kRegA0] = static_cast<uint32_t>(count);
    return true;
  }
  if (fd == kFdPublic) {
    for (uint32_t i = 0; i < n; ++i)
      r.public_output.push_back(load_byte(buf + i));
  } else {
    const size_t room =
        options_.max_debug_bytes - std::min(options_.max_debug_bytes, r.debug_output.size());
    const uint32_t keep = static_cast<uint32_t>(std::min<uint64_t>(n, room));
    for (uint32_t i = 0; i < keep; ++i)
      r.debug_output.push_back(static_cast<char>(load_byte(buf + i)));
    r.debug_dropped += n - keep;
  }
  x[kRegA0] = n;
  return true;
}

RunResult FastMachine::run() {
  RunResult r;
  uint32_t x[33] = {};
  uint32_t pc = program_.entry();
  uint64_t cycle = 0;
  const uint64_t limit = options_.max_cycles;
  const FastOp* const ops = ops_.data();
  const uint32_t code_begin = program_.code_begin();
  const uint32_t code_words = static_cast<uint32_t>(ops_.size());
  Trap trap;

// Stops the run with a trap at the current instruction.
#define ZKB_TRAP(kind_, value_)                \
  do {                                         \
    trap = Trap{(kind_), pc, (value_), cycle}; \
    goto trapped;                              \
  } while (0)

  for (;;) {
    if (cycle >= limit) {
      r.status = RunStatus::cycle_limit;
      goto done;
    }
    const uint32_t index = (pc - code_begin) >> 2;  // pc is always 4-byte aligned here
    if (index >= code_words) ZKB_TRAP(TrapKind::fetch_fault, pc);
    const FastOp op = ops[index];
    switch (op.op) {
      case Opcode::lui:
        x[op.rd] = op.imm;
        break;
      case Opcode::auipc:
        x[op.rd] = pc + op.imm;
        break;
      case Opcode::jal: {
        const uint32_t target = pc + op.imm;
        if ((target & 3) != 0) ZKB_TRAP(TrapKind::misaligned_jump, target);
        x[op.rd] = pc + 4;
        pc = target;
        ++cycle;
        continue;
      }
      case Opcode::jalr: {
        const uint32_t target = (x[op.rs1] + op.imm) & ~1u;
        if ((target & 3) != 0) ZKB_TRAP(TrapKind::misaligned_jump, target);
        x[op.rd] = pc + 4;
        pc = target;
        ++cycle;
        continue;
      }
#define ZKB_BRANCH(name)                                                  \
  case Opcode::name:                                                      \
    if (branch_taken(Opcode::name, x[op.rs1], x[op.rs2])) {               \
      const uint32_t target = pc + op.imm;                                \
      if ((target & 3) != 0) ZKB_TRAP(TrapKind::misaligned_jump, target); \
      pc = target;                                                        \
      ++cycle;                                                            \
      continue;                                                           \
    }                                                                     \
    break;
        ZKB_BRANCH(beq)
        ZKB_BRANCH(bne)
        ZKB_BRANCH(blt)
        ZKB_BRANCH(bge)
        ZKB_BRANCH(bltu)
        ZKB_BRANCH(bgeu)
#undef ZKB_BRANCH
#define ZKB_LOAD(name, bytes)                                            \
  case Opcode::name: {                                                   \
    const uint32_t address = x[op.rs1] + op.imm;                         \
    const TrapKind k = detail::check_data_access(address, bytes, false); \
    if (k != TrapKind::none) ZKB_TRAP(k, address);                       \
    x[op.rd] = load_value(Opcode::name, load(address), address & 3);     \
    break;                                                               \
  }
        ZKB_LOAD(lb, 1)
        ZKB_LOAD(lbu, 1)
        ZKB_LOAD(lh, 2)
        ZKB_LOAD(lhu, 2)
        ZKB_LOAD(lw, 4)
#undef ZKB_LOAD
#define ZKB_STORE(name, bytes)                                                  \
  case Opcode::name: {                                                          \
    const uint32_t address = x[op.rs1] + op.imm;                                \
    const TrapKind k = detail::check_data_access(address, bytes, true);         \
    if (k != TrapKind::none) ZKB_TRAP(k, address);                              \
    if (store_forbidden(address)) ZKB_TRAP(TrapKind::read_only_store, address); \
    uint32_t& word = memory_.at(address);                                       \
    word = store_word(Opcode::name, word, x[op.rs2], address & 3);              \
    break;                                                                      \
  }
        ZKB_STORE(sb, 1)
        ZKB_STORE(sh, 2)
        ZKB_STORE(sw, 4)
#undef ZKB_STORE
#define ZKB_ALU_IMM(name)                            \
  case Opcode::name:                                 \
    x[op.rd] = alu(Opcode::name, x[op.rs1], op.imm); \
    break;
        ZKB_ALU_IMM(addi)
        ZKB_ALU_IMM(slti)
        ZKB_ALU_IMM(sltiu)
        ZKB_ALU_IMM(xori)
        ZKB_ALU_IMM(ori)
        ZKB_ALU_IMM(andi)
        ZKB_ALU_IMM(slli)
        ZKB_ALU_IMM(srli)
        ZKB_ALU_IMM(srai)
#undef ZKB_ALU_IMM
#define ZKB_ALU_REG(name)                               \
  case Opcode::name:                                    \
    x[op.rd] = alu(Opcode::name, x[op.rs1], x[op.rs2]); \
    break;
        ZKB_ALU_REG(add)
        ZKB_ALU_REG(sub)
        ZKB_ALU_REG(sll)
        ZKB_ALU_REG(slt)
        ZKB_ALU_REG(sltu)
        ZKB_ALU_REG(xor_)
        ZKB_ALU_REG(srl)
        ZKB_ALU_REG(sra)
        ZKB_ALU_REG(or_)
        ZKB_ALU_REG(and_)
        ZKB_ALU_REG(mul)
        ZKB_ALU_REG(mulh)
        ZKB_ALU_REG(mulhsu)
        ZKB_ALU_REG(mulhu)
        ZKB_ALU_REG(div)
        ZKB_ALU_REG(divu)
        ZKB_ALU_REG(rem)
        ZKB_ALU_REG(remu)
#undef ZKB_ALU_REG
      case Opcode::fence:
        break;
      case Opcode::ecall:
        if (!host_call(x, pc, cycle, r)) {
          if (r.status == RunStatus::trapped) {
            trap = r.trap;
            goto trapped;
          }
          ++cycle;
          pc += 4;
          goto done;
        }
        break;
      case Opcode::ebreak:
        ZKB_TRAP(TrapKind::ebreak, 0);
      case Opcode::illegal:
        if (!program_.is_code(pc)) ZKB_TRAP(TrapKind::fetch_fault, pc);
        ZKB_TRAP(TrapKind::illegal_instruction, program_.words()[index]);
    }
    pc += 4;
    ++cycle;
  }
#undef ZKB_TRAP

trapped:
  r.status = RunStatus::trapped;
  r.trap = trap;
done:
  r.cycles = cycle;
  r.pc = pc;
  std::memcpy(r.registers.data(), x, sizeof(uint32_t) * kRegisterCount);
  r.registers[0] = 0;
  r.input_consumed = input_cursor_;
  r.segments = r.status == RunStatus::trapped
                   ? (options_.segment_log2 >= 64 ? 0 : cycle >> options_.segment_log2) + 1
                   : segment_count(cycle, options_.segment_log2);
  return r;
}

}  // namespace

Emulator::Emulator(const Program& program) : program_(program) {}

RunResult Emulator::execute(std::span<const uint8_t> input, const RunOptions& options) const {
  FastMachine machine(program_, input, options);
  return machine.run();
}

}  // namespace zkbatch::vm
