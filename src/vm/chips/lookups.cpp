// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/lookups.hpp"

#include "vm/chips/buses.hpp"

namespace zkbatch::vm::chips {

FixedTable::FixedTable(std::vector<FixedTuple> rows) : rows_(std::move(rows)) {
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (!index_.emplace(rows_[i], i).second) {
      throw std::logic_error("fixed table: duplicate row");
    }
  }
}

size_t FixedTable::row_of(const FixedTuple& tuple) const {
  const auto it = index_.find(tuple);
  if (it == index_.end()) throw std::logic_error("lookup: tuple not in the fixed table");
  return it->second;
}

size_t table_height(size_t rows) {
  size_t h = 2;
  while (h < rows)
    h *= 2;
  return h;
}

std::vector<stark::BusSpec> segment_buses() {
  using stark::BusKind;
  return {
      {kBusFetch, BusKind::local, "fetch"},
      {kBusAlu, BusKind::local, "alu"},
      {kBusMemOp, BusKind::local, "memop"},
      {kBusSyscall, BusKind::local, "syscall"},
      {kBusMemory, BusKind::local, "memory"},
      {kBusByte, BusKind::local, "byte"},
      {kBusByteMsb, BusKind::local, "byte_msb"},
      {kBusFixed, BusKind::local, "fixed"},
      {kBusIo, BusKind::local, "io"},
      {kBusGlobalMemory, BusKind::global, "global_memory"},
      {kBusOutput, BusKind::global, "output"},
  };
}

std::vector<stark::BusSpec> memory_buses() {
  using stark::BusKind;
  return {
      {kBusByte, BusKind::local, "byte"},
      {kBusByteMsb, BusKind::local, "byte_msb"},
      {kBusFixed, BusKind::local, "fixed"},
      {kBusGlobalMemory, BusKind::global, "global_memory"},
  };
}

}  // namespace zkbatch::vm::chips
