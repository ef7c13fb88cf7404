// SPDX-License-Identifier: Apache-2.0
#include "vm/trap.hpp"

#include <cstdio>

namespace zkbatch::vm {

const char* trap_kind_message(TrapKind kind) {
  switch (kind) {
    case TrapKind::none:
      return "no trap";
    case TrapKind::illegal_instruction:
      return "illegal instruction";
    case TrapKind::ebreak:
      return "ebreak";
    case TrapKind::fetch_fault:
      return "instruction fetch outside the code";
    case TrapKind::misaligned_jump:
      return "misaligned jump target";
    case TrapKind::misaligned_load:
      return "misaligned load";
    case TrapKind::misaligned_store:
      return "misaligned store";
    case TrapKind::reserved_access:
      return "access to the register page";
    case TrapKind::read_only_store:
      return "store to a read-only segment";
    case TrapKind::unknown_syscall:
      return "unknown host call";
    case TrapKind::bad_fd:
      return "bad file descriptor";
    case TrapKind::bad_buffer:
      return "host-call buffer wraps around the address space";
    case TrapKind::missing_word:
      return "memory word missing from the checkpoint";
  }
  return "unknown trap";
}

std::string describe(const Trap& trap) {
  const char* what = "value";
  switch (trap.kind) {
    case TrapKind::illegal_instruction:
      what = "word";
      break;
    case TrapKind::fetch_fault:
    case TrapKind::misaligned_jump:
      what = "target";
      break;
    case TrapKind::unknown_syscall:
      what = "a7 =";
      break;
    case TrapKind::bad_fd:
      what = "fd";
      break;
    case TrapKind::none:
    case TrapKind::ebreak:
      what = nullptr;
      break;
    default:
      what = "address";
      break;
  }
  char buf[160];
  if (what != nullptr) {
    std::snprintf(buf, sizeof buf, "%s, %s 0x%08x (pc 0x%08x, cycle %llu)",
                  trap_kind_message(trap.kind), what, trap.value, trap.pc,
                  static_cast<unsigned long long>(trap.cycle));
  } else {
    std::snprintf(buf, sizeof buf, "%s (pc 0x%08x, cycle %llu)", trap_kind_message(trap.kind),
                  trap.pc, static_cast<unsigned long long>(trap.cycle));
  }
  return buf;
}

}  // namespace zkbatch::vm
