// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/fixed/air.hpp"
#include "vm/chips/fixed/constants.hpp"
#include "vm/layout.hpp"

namespace zkbatch::vm::chips::fixed {

poly::RowMajorMatrix FixedAir::preprocessed_trace() const {
  const auto& rows = table_->rows();
  poly::RowMajorMatrix m(PreprocessedColumns::kWidth, table_height(rows.size()));
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < PreprocessedColumns::kWidth; ++c)
      m.at(r, c) = F(rows[r][c]);
  }
  return m;
}

FixedTable segment_table(const MemoryLayout& layout) {
  std::vector<FixedTuple> rows;
  for (Opcode op : {Opcode::and_, Opcode::or_, Opcode::xor_}) {
    for (uint32_t x = 0; x < kNibbles; ++x) {
      for (uint32_t y = 0; y < kNibbles; ++y)
        rows.push_back(bitwise_tuple(op, x, y));
    }
  }
  for (uint32_t s = 0; s < 32; ++s)
    rows.push_back(shift_tuple(s));
  rows.push_back(range_tuple(kTagBuffer, kReservedEnd, uint64_t{1} << 32));
  for (const Range& r : layout.writable_buffers())
    rows.push_back(range_tuple(kTagWritableBuffer, r.first, r.second));
  return FixedTable(std::move(rows));
}

FixedTable memory_table(const MemoryLayout& layout) {
  std::vector<FixedTuple> rows;
  for (const Range& g : layout.gaps())
    rows.push_back(range_tuple(kTagGap, g.first, g.second));
  return FixedTable(std::move(rows));
}

poly::RowMajorMatrix generate_trace(const FixedTable& table, const LookupCounts& counts) {
  poly::RowMajorMatrix m(Columns::kWidth, table_height(table.rows().size()));
  for (size_t r = 0; r < counts.fixed_counts().size(); ++r)
    m.at(r, Columns::count) = F(counts.fixed_counts()[r]);
  return m;
}

}  // namespace zkbatch::vm::chips::fixed
