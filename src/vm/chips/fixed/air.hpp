// SPDX-License-Identifier: Apache-2.0
// The fixed lookup table (preprocessed): tuples (tag, x, y, z, w) that other chips look up on
// kBusFixed. A segment proof's table holds the nibble tables of AND/OR/XOR, the shift amounts and
// the ranges a host-call buffer may use; the memory proof's holds the gaps of the ELF image. The
// program-dependent rows are thus committed in the verifying key, not baked into constraints.
#pragma once

#include <memory>
#include <string>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/fixed/columns.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"

namespace zkbatch::vm::chips::fixed {

/// The fixed table over the given rows (padded with all-zero rows, which no chip looks up: every
/// lookup has a nonzero tag).
class FixedAir final : public stark::AirBase<FixedAir> {
 public:
  explicit FixedAir(std::shared_ptr<const FixedTable> table) : table_(std::move(table)) {}

  std::string name() const override { return "fixed"; }
  size_t width() const override { return Columns::kWidth; }
  size_t preprocessed_width() const override { return PreprocessedColumns::kWidth; }
  poly::RowMajorMatrix preprocessed_trace() const override;

  template <class B>
  void eval(B& b) const {
    using P = PreprocessedColumns;
    b.receive(kBusFixed,
              {b.preprocessed(P::tag), b.preprocessed(P::x), b.preprocessed(P::y),
               b.preprocessed(P::z), b.preprocessed(P::w)},
              b.main(Columns::count));
  }

  const FixedTable& table() const { return *table_; }

 private:
  std::shared_ptr<const FixedTable> table_;
};

/// The rows of a segment proof's fixed table: bitwise nibbles, shift amounts, buffer ranges.
FixedTable segment_table(const MemoryLayout& layout);

/// The rows of the memory proof's fixed table: the gaps of the image.
FixedTable memory_table(const MemoryLayout& layout);

/// The main trace from the lookup counts.
poly::RowMajorMatrix generate_trace(const FixedTable& table, const LookupCounts& counts);

}  // namespace zkbatch::vm::chips::fixed
