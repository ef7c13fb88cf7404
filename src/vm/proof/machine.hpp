// SPDX-License-Identifier: Apache-2.0
// The two machines of a program proof (docs/zkvm.md): the segment machine, proven once per
// segment, and the memory machine, proven once per run (initialization and finalization of every
// accessed address). The table order is part of the verifying key.
#pragma once

#include <cstddef>
#include <memory>

#include "stark/machine.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/program/air.hpp"

namespace zkbatch::vm::proof {

/// Tables of a segment proof, in order.
enum SegmentTable : size_t {
  kTableProgram,
  kTableCpu,
  kTableAddSub,
  kTableBitwise,
  kTableCompare,
  kTableShift,
  kTableMul,
  kTableDivRem,
  kTableMemory,
  kTableSyscall,
  kTableIo,
  kTableBoundary,
  kTableBytes,
  kTableFixed,
  kSegmentTableCount,
};

/// Tables of the memory proof, in order.
enum MemoryTable : size_t {
  kTableImageInit,
  kTableZeroInit,
  kTableFinalize,
  kTableMemoryBytes,
  kTableMemoryFixed,
  kMemoryTableCount,
};

/// The segment machine of a program.
stark::Machine segment_machine(std::shared_ptr<const chips::program::ProgramTable> program,
                               std::shared_ptr<const chips::FixedTable> fixed);

/// The memory machine of a program.
stark::Machine memory_machine(std::shared_ptr<const chips::MemoryLayout> layout,
                              std::shared_ptr<const chips::FixedTable> fixed);

}  // namespace zkbatch::vm::proof
