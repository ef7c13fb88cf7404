// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/events.hpp"

#include <stdexcept>

namespace zkbatch::vm::chips {

void SegmentEvents::alu(Opcode op, uint32_t a, uint32_t c, uint32_t out) {
  const AluEvent e{op, a, c, out};
  switch (op) {
    case Opcode::add:
    case Opcode::sub:
      add_sub.push_back(e);
      return;
    case Opcode::and_:
    case Opcode::or_:
    case Opcode::xor_:
      bitwise.push_back(e);
      return;
    case Opcode::slt:
    case Opcode::sltu:
      compare.push_back(e);
      return;
    case Opcode::sll:
    case Opcode::srl:
    case Opcode::sra:
      shift.push_back(e);
      return;
    case Opcode::mul:
    case Opcode::mulh:
    case Opcode::mulhsu:
    case Opcode::mulhu:
      mul.push_back(e);
      return;
    case Opcode::div:
    case Opcode::divu:
    case Opcode::rem:
    case Opcode::remu:
      divrem.push_back(e);
      return;
    default:
      throw std::logic_error("alu event: not an ALU operation");
  }
}

}  // namespace zkbatch::vm::chips
