// SPDX-License-Identifier: Apache-2.0
// Why a run stopped before the guest called exit. Every trap ends the run: the machine has no
// trap handlers, and a trapped execution cannot be proven.
#pragma once

#include <cstdint>
#include <string>

namespace zkbatch::vm {

/// The kinds of trap, each with one message (`trap_kind_message`).
enum class TrapKind : uint8_t {
  none = 0,
  illegal_instruction,  ///< the word at pc is not RV32IM (value: the word)
  ebreak,               ///< EBREAK: no debugger to hand control to
  fetch_fault,          ///< pc outside the code of every executable segment (value: pc)
  misaligned_jump,      ///< jump or taken branch to a target not 4-byte aligned (value: target)
  misaligned_load,      ///< load address not a multiple of its size (value: address)
  misaligned_store,     ///< store address not a multiple of its size (value: address)
  reserved_access,      ///< load, store or I/O buffer in the register page (value: address)
  read_only_store,      ///< store or read() into a non-writable segment (value: address)
  unknown_syscall,      ///< ECALL with an unknown number in a7 (value: a7)
  bad_fd,               ///< read from fd != 0 or write to an fd other than 1, 2, 3 (value: fd)
  bad_buffer,           ///< host-call buffer wraps around 2^32 (value: buffer address)
  missing_word,         ///< replay touched a word its checkpoint does not hold (value: address)
};

/// The fixed message of a trap kind.
const char* trap_kind_message(TrapKind kind);

/// A trap: what, where and when.
struct Trap {
  TrapKind kind = TrapKind::none;
  uint32_t pc = 0;     ///< pc of the instruction that trapped
  uint32_t value = 0;  ///< the offending word, address, target, number or fd (see TrapKind)
  uint64_t cycle = 0;  ///< cycle of the trapping instruction (it did not complete)

  bool none() const { return kind == TrapKind::none; }
  friend bool operator==(const Trap&, const Trap&) = default;
};

/// One line, e.g. "misaligned load at address 0x00020003 (pc 0x000100a4, cycle 17)".
std::string describe(const Trap& trap);

}  // namespace zkbatch::vm
