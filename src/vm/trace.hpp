// SPDX-License-Identifier: Apache-2.0
// The execution trace of one segment, as the chip trace generators consume it: one row per cycle
// with every access to the memory argument (registers included, DESIGN.md §4 "Memory"), the
// host calls with their buffers, and the memory the segment starts from and ends with.
// docs/vm.md describes the conventions these structs follow.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/instruction.hpp"
#include "vm/trap.hpp"

namespace zkbatch::vm {

/// One access to the memory argument: a register (address 4 i, below kReservedEnd) or an
/// aligned memory word. A read has value == prev_value. Every access consumes the tuple
/// (address, prev_value, prev_timestamp) and produces (address, value, timestamp), with
/// prev_timestamp < timestamp; prev_timestamp is 0 when the address had not been accessed since
/// its initialization.
struct MemoryAccess {
  uint32_t address = 0;         ///< byte address, a multiple of 4
  uint32_t value = 0;           ///< the word after the access
  uint32_t prev_value = 0;      ///< the word before the access
  uint32_t is_write = 0;        ///< 1 for writes, 0 for reads
  uint64_t prev_timestamp = 0;  ///< timestamp of the previous access to `address`
  uint64_t timestamp = 0;       ///< 4 cycle + slot (see layout.hpp)

  friend bool operator==(const MemoryAccess&, const MemoryAccess&) = default;
};

/// Which access slots of a CycleRow are in use.
enum AccessMask : uint8_t {
  kAccessRs1 = 1,     ///< `rs1` holds the read of rs1 (ECALL: a7)
  kAccessRs2 = 2,     ///< `rs2` holds the read of rs2 (ECALL: a0)
  kAccessMemory = 4,  ///< `memory` holds the word a load reads or a store writes
  kAccessRd = 8,      ///< `rd` holds the write of rd (ECALL read/write: the result in a0)
};

/// Marks a CycleRow that is not an ECALL.
inline constexpr uint32_t kNoSyscall = 0xffffffffu;

/// One executed instruction. Operand values are the access values (a register access `rs1`
/// has rs1.value = the operand); a slot not in `accesses` is all zero, so x0 operands read 0.
struct CycleRow {
  uint64_t cycle = 0;             ///< global cycle index (0 at the ELF entry)
  uint32_t pc = 0;                ///< address of the instruction
  uint32_t next_pc = 0;           ///< pc of the next cycle
  Instruction instruction;        ///< the program-table entry at pc
  uint8_t accesses = 0;           ///< AccessMask bits
  uint32_t mem_address = 0;       ///< load/store effective byte address rs1 + imm (0 otherwise)
  uint32_t syscall = kNoSyscall;  ///< index into SegmentTrace::syscalls for ECALL rows
  MemoryAccess rs1;               ///< slot 1
  MemoryAccess rs2;               ///< slot 2
  MemoryAccess memory;            ///< slot 3: the aligned word containing mem_address
  MemoryAccess rd;                ///< slot 4

  friend bool operator==(const CycleRow&, const CycleRow&) = default;
};

/// One host call (an ECALL row), with the accesses that do not fit the row's four slots.
/// exit reads a7 and a0 only (in the row). read and write also read a1 and a2 (`arg_reads`, slot
/// 1) and access each aligned word that overlaps the buffer [a1, a1 + n) once (slot 3):
/// read() writes the `data` bytes into the words of [a1, a1 + count); write(fd 3) reads the words
/// of [a1, a1 + n). write(fd 1/2) is debug text: it accesses no memory and is not proven.
struct SyscallRow {
  uint64_t cycle = 0;                   ///< the ECALL's cycle
  uint32_t number = 0;                  ///< a7: kSyscallRead, kSyscallWrite or kSyscallExit
  uint32_t args[3] = {0, 0, 0};         ///< a0, a1, a2 as read
  uint32_t result = 0;                  ///< value written to a0 (read/write), exit code (exit)
  std::vector<MemoryAccess> arg_reads;  ///< reads of a1 and a2 (read/write only)
  std::vector<MemoryAccess> memory;     ///< buffer words, ascending addresses
  std::vector<uint8_t> data;  ///< bytes moved: private input read, or public output written

  friend bool operator==(const SyscallRow&, const SyscallRow&) = default;
};

/// A word of the memory argument at a segment boundary.
struct WordState {
  uint32_t address = 0;  ///< byte address, multiple of 4 (registers below kReservedEnd)
  uint32_t value = 0;
  uint64_t timestamp = 0;  ///< timestamp of the last access (0: never accessed)

  friend bool operator==(const WordState&, const WordState&) = default;
};

/// Why a segment's trace ends.
enum class SegmentEnd : uint8_t {
  boundary,  ///< the segment reached its 2^k cycles; execution continues in the next one
  halted,    ///< the guest called exit in this segment
  trapped,   ///< an instruction trapped (`trap`); the trapping instruction has no row
};

/// The trace of one segment (or of a whole run, for tests): rows for cycles
/// [start_cycle, end_cycle), and the segment's view of the memory argument: `initial_memory`
/// lists every address the rows access with its value and timestamp before the segment (the
/// tuples the segment consumes from the global bus), `final_memory` the same addresses after it
/// (the tuples it produces). Both are sorted by address and include touched registers.
struct SegmentTrace {
  uint32_t segment_index = 0;
  uint64_t start_cycle = 0;
  uint64_t end_cycle = 0;  ///< one past the last row's cycle
  uint32_t start_pc = 0;
  uint32_t end_pc = 0;  ///< the next segment's start pc (after exit: the ECALL's pc + 4)
  SegmentEnd end = SegmentEnd::boundary;
  uint32_t exit_code = 0;  ///< a0 of exit when end == halted
  Trap trap;               ///< when end == trapped
  std::vector<CycleRow> rows;
  std::vector<SyscallRow> syscalls;
  std::vector<WordState> initial_memory;
  std::vector<WordState> final_memory;
  std::vector<uint8_t> public_output;  ///< bytes written to fd 3 during this segment

  /// Timestamp before the first access: 4 start_cycle.
  uint64_t start_timestamp() const { return 4 * start_cycle; }
  /// Upper bound of the segment's timestamps: 4 end_cycle.
  uint64_t end_timestamp() const { return 4 * end_cycle; }
};

}  // namespace zkbatch::vm
