// SPDX-License-Identifier: Apache-2.0
#include "vm/proof/machine.hpp"

#include "vm/chips/chips.hpp"

namespace zkbatch::vm::proof {

stark::Machine segment_machine(std::shared_ptr<const chips::program::ProgramTable> program,
                               std::shared_ptr<const chips::FixedTable> fixed) {
  using namespace chips;
  stark::Machine m;
  m.tables.resize(kSegmentTableCount);
  m.tables[kTableProgram] = std::make_shared<program::ProgramAir>(std::move(program));
  m.tables[kTableCpu] = std::make_shared<cpu::CpuAir>();
  m.tables[kTableAddSub] = std::make_shared<add_sub::AddSubAir>();
  m.tables[kTableBitwise] = std::make_shared<bitwise::BitwiseAir>();
  m.tables[kTableCompare] = std::make_shared<compare::CompareAir>();
  m.tables[kTableShift] = std::make_shared<shift::ShiftAir>();
  m.tables[kTableMul] = std::make_shared<mul::MulAir>();
  m.tables[kTableDivRem] = std::make_shared<divrem::DivRemAir>();
  m.tables[kTableMemory] = std::make_shared<memory::MemoryAir>();
  m.tables[kTableSyscall] = std::make_shared<syscall::SyscallAir>();
  m.tables[kTableIo] = std::make_shared<io::IoAir>();
  m.tables[kTableBoundary] = std::make_shared<boundary::BoundaryAir>();
  m.tables[kTableBytes] = std::make_shared<bytes::BytesAir>();
  m.tables[kTableFixed] = std::make_shared<fixed::FixedAir>(std::move(fixed));
  m.buses = segment_buses();
  m.num_public_values = kSegmentPublicValues;
  return m;
}

stark::Machine memory_machine(std::shared_ptr<const chips::MemoryLayout> layout,
                              std::shared_ptr<const chips::FixedTable> fixed) {
  using namespace chips;
  stark::Machine m;
  m.tables.resize(kMemoryTableCount);
  m.tables[kTableImageInit] = std::make_shared<image_init::ImageInitAir>(std::move(layout));
  m.tables[kTableZeroInit] = std::make_shared<zero_init::ZeroInitAir>();
  m.tables[kTableFinalize] = std::make_shared<finalize::FinalizeAir>();
  m.tables[kTableMemoryBytes] = std::make_shared<bytes::BytesAir>();
  m.tables[kTableMemoryFixed] = std::make_shared<fixed::FixedAir>(std::move(fixed));
  m.buses = memory_buses();
  m.num_public_values = 0;
  return m;
}

}  // namespace zkbatch::vm::proof
