// SPDX-License-Identifier: Apache-2.0
// Internal: one instruction of the traced machine (included by traced_machine.hpp). The access
// order within a cycle follows the slots of layout.hpp: rs1, rs2, memory, rd.
#pragma once

#include "vm/detail/traced_machine.hpp"

namespace zkbatch::vm::detail {

template <class Recorder>
void TracedMachine<Recorder>::step() {
  const Instruction* inst = program_.instruction_at(pc_);
  if (inst == nullptr) return stop(TrapKind::fetch_fault, pc_);
  const Opcode op = inst->opcode;
  if (op == Opcode::illegal) {
    return stop(TrapKind::illegal_instruction, program_.words()[(pc_ - program_.code_begin()) / 4]);
  }
  if (op == Opcode::ebreak) return stop(TrapKind::ebreak, 0);

  uint32_t next_pc = pc_ + 4;
  if (op == Opcode::ecall) {
    if (!host_call(*inst)) return;
  } else {
    // Checks that need only register values come before any access, so a trapping instruction
    // leaves no trace: the jump target, the load/store address.
    const uint32_t a = regs_[inst->rs1].value;
    const uint32_t b = regs_[inst->rs2].value;
    uint32_t address = 0;
    if (op == Opcode::jal || op == Opcode::jalr || is_branch(op)) {
      uint32_t target = pc_ + inst->imm;
      if (op == Opcode::jalr) target = (a + inst->imm) & ~1u;
      const bool taken = !is_branch(op) || branch_taken(op, a, b);
      if (taken) {
        if ((target & 3) != 0) return stop(TrapKind::misaligned_jump, target);
        next_pc = target;
      }
    } else if (is_load(op) || is_store(op)) {
      address = a + inst->imm;
      const TrapKind k = check_data_access(address, access_bytes(op), is_store(op));
      if (k != TrapKind::none) return stop(k, address);
      if (is_store(op) && program_.is_read_only(address)) {
        return stop(TrapKind::read_only_store, address);
      }
      if (word(address & ~3u) == nullptr) return stop(TrapKind::missing_word, address & ~3u);
    }

    // The row is written in place (a copy of a freshly built row stalls on store forwarding).
    CycleRow& row = recorder_.new_row();
    row.cycle = cycle_;
    row.pc = pc_;
    row.instruction = *inst;
    row.next_pc = next_pc;

    if (reads_rs1(*inst)) {
      row.rs1 = read_reg(inst->rs1, kSlotRs1);
      row.accesses |= kAccessRs1;
    }
    if (reads_rs2(*inst)) {
      row.rs2 = read_reg(inst->rs2, kSlotRs2);
      row.accesses |= kAccessRs2;
    }
    uint32_t result = 0;
    if (is_load(op) || is_store(op)) {
      row.mem_address = address;
      Cell& cell = *word(address & ~3u);
      const uint32_t stored = store_word(op, cell.value, b, address & 3);
      row.memory = access(cell, address & ~3u, kSlotMemory, is_store(op), stored);
      row.accesses |= kAccessMemory;
      result = load_value(op, row.memory.value, address & 3);
    } else if (op == Opcode::lui) {
      result = inst->imm;
    } else if (op == Opcode::auipc) {
      result = pc_ + inst->imm;
    } else if (op == Opcode::jal || op == Opcode::jalr) {
      result = pc_ + 4;
    } else {
      result = alu(op, a, opcode_info(op).format == Format::r ? b : inst->imm);
    }
    if (writes_rd(*inst)) {
      row.rd = access(regs_[inst->rd], register_address(inst->rd), kSlotRd, true, result);
      row.accesses |= kAccessRd;
    }
  }

  pc_ = next_pc;
  ++cycle_;
}

template <class Recorder>
bool TracedMachine<Recorder>::host_call(const Instruction& inst) {
  const uint32_t number = regs_[kRegA7].value;
  const uint32_t fd = regs_[kRegA0].value;
  const uint32_t buf = regs_[kRegA1].value;
  const uint32_t n = regs_[kRegA2].value;
  const Check check = check_host_call(program_, number, fd, buf, n);
  if (check.kind != TrapKind::none) {
    stop(check.kind, check.value);
    return false;
  }
  // The words of the buffer the call moves through the memory argument: read() writes
  // [buf, buf + count), write(fd 3) reads [buf, buf + n); debug text is not proven.
  const bool reading = number == kSyscallRead;
  const bool moves_bytes = reading || (number == kSyscallWrite && fd == kFdPublic);
  uint64_t count = n;
  if (reading) count = std::min<uint64_t>(n, input_.size() - input_cursor_);
  const uint64_t end = uint64_t{buf} + count;
  // An empty transfer (a read at the end of the input, a write of nothing) touches no word, not
  // even the one holding an unaligned `buf`: the syscall chip sends nothing to the I/O chip then.
  const bool moves_memory = moves_bytes && count > 0;
  if (moves_memory) {
    for (uint64_t w = buf & ~3u; w < end; w += 4) {
      if (word(static_cast<uint32_t>(w)) == nullptr) {
        stop(TrapKind::missing_word, static_cast<uint32_t>(w));
        return false;
      }
    }
  }

  CycleRow& row = recorder_.new_row();
  row.cycle = cycle_;
  row.pc = pc_;
  row.next_pc = pc_ + 4;
  row.instruction = inst;
  SyscallRow sys;
  sys.cycle = cycle_;
  sys.number = number;
  row.rs1 = read_reg(kRegA7, kSlotRs1);
  row.rs2 = read_reg(kRegA0, kSlotRs2);
  row.accesses = kAccessRs1 | kAccessRs2;
  sys.args[0] = fd;
  if (number == kSyscallExit) {
    sys.result = fd;
    halted_ = true;
    exit_code_ = fd;
  } else {
    sys.args[1] = buf;
    sys.args[2] = n;
    sys.arg_reads.push_back(read_reg(kRegA1, kSlotRs1));
    sys.arg_reads.push_back(read_reg(kRegA2, kSlotRs1));
    uint32_t result = n;
    if (moves_bytes) {
      for (uint64_t w = buf & ~3u; moves_memory && w < end; w += 4) {
        const uint32_t address = static_cast<uint32_t>(w);
        Cell& cell = *word(address);
        uint32_t value = cell.value;
        for (uint32_t k = 0; k < 4; ++k) {
          const uint64_t byte_address = w + k;
          if (byte_address < buf || byte_address >= end) continue;
          if (reading) {
            const uint8_t in = input_[input_cursor_ + (byte_address - buf)];
            value = (value & ~(0xffu << (8 * k))) | (uint32_t{in} << (8 * k));
            sys.data.push_back(in);
          } else {
            sys.data.push_back(static_cast<uint8_t>(value >> (8 * k)));
          }
        }
        sys.memory.push_back(access(cell, address, kSlotMemory, reading, value));
      }
      if (reading) {
        input_cursor_ += count;
        result = static_cast<uint32_t>(count);
      } else {
        public_output_.insert(public_output_.end(), sys.data.begin(), sys.data.end());
      }
    } else if (collect_debug_) {
      const size_t room = max_debug_bytes_ - std::min(max_debug_bytes_, debug_output_.size());
      const uint32_t keep = static_cast<uint32_t>(std::min<uint64_t>(n, room));
      for (uint32_t i = 0; i < keep; ++i)
        debug_output_.push_back(static_cast<char>(peek_byte(buf + i)));
      debug_dropped_ += n - keep;
    }
    sys.result = result;
    row.rd = access(regs_[kRegA0], register_address(kRegA0), kSlotRd, true, result);
    row.accesses |= kAccessRd;
  }
  row.syscall = recorder_.syscall(std::move(sys));
  return true;
}

}  // namespace zkbatch::vm::detail
