// SPDX-License-Identifier: Apache-2.0
// The machine's fixed conventions (DESIGN.md §4, docs/vm.md): where registers live in the memory
// argument, how timestamps are numbered, and the host-call ABI.
#pragma once

#include <cstdint>

namespace zkbatch::vm {

/// Register xi lives in the memory argument at byte address kRegisterBase + 4 i. x0 is never
/// accessed: it reads as zero and writes to it are dropped, so address 0 is never used.
inline constexpr uint32_t kRegisterBase = 0;
/// Number of integer registers.
inline constexpr unsigned kRegisterCount = 32;
/// The register page: addresses below this are reserved for registers. A guest load, store,
/// host-call buffer or jump that reaches it stops the run; no ELF segment may overlap it.
inline constexpr uint32_t kReservedEnd = 0x1000;

/// The memory-argument address of register `index`.
constexpr uint32_t register_address(unsigned index) {
  return kRegisterBase + 4 * index;
}

/// Timestamps: cycle c (counted from 0 at the ELF entry) owns timestamps 4c+1 .. 4c+4, one per
/// access slot, so that an instruction reading and writing the same register (`add x1, x1, x1`)
/// sees strictly increasing timestamps. Initial memory (ELF image or zero) carries timestamp 0.
/// A segment starting at cycle c starts at timestamp 4c and every access in it is above that.
inline constexpr uint64_t kTimestampsPerCycle = 4;

/// The access slots of a cycle, as offsets from 4c.
enum Slot : uint32_t {
  kSlotRs1 = 1,     ///< read of rs1; for ECALL also a7, a1 and a2
  kSlotRs2 = 2,     ///< read of rs2; for ECALL a0
  kSlotMemory = 3,  ///< the load/store word; for ECALL every word of the I/O buffer
  kSlotRd = 4,      ///< write of rd; for ECALL read/write the result in a0
};

/// The timestamp of `slot` in cycle `cycle`.
constexpr uint64_t access_timestamp(uint64_t cycle, Slot slot) {
  return kTimestampsPerCycle * cycle + slot;
}

/// Host calls (ECALL with the number in a7): the Linux RISC-V numbers, so the same ELF runs under
/// qemu-riscv32 (asm-generic/unistd.h).
enum Syscall : uint32_t {
  kSyscallRead = 63,   ///< read(fd 0, buf, n): private input; a0 = bytes copied, 0 at the end
  kSyscallWrite = 64,  ///< write(fd, buf, n): fd 1/2 debug text, fd 3 public output; a0 = n
  kSyscallExit = 93,   ///< exit(code): halts with exit code a0
};

/// File descriptors of the host-call ABI.
enum Fd : uint32_t {
  kFdInput = 0,   ///< private input (read)
  kFdStdout = 1,  ///< debug text (write; not part of the statement)
  kFdStderr = 2,  ///< debug text (write; not part of the statement)
  kFdPublic = 3,  ///< public output, the committed values (write)
};

/// Register indices of the calling convention used by host calls.
enum AbiRegister : uint8_t {
  kRegA0 = 10,
  kRegA1 = 11,
  kRegA2 = 12,
  kRegA7 = 17,
};

}  // namespace zkbatch::vm
