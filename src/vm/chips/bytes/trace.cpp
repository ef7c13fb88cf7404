// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/bytes/air.hpp"
#include "vm/chips/bytes/constants.hpp"

namespace zkbatch::vm::chips::bytes {

poly::RowMajorMatrix BytesAir::preprocessed_trace() const {
  poly::RowMajorMatrix m(PreprocessedColumns::kWidth, kRows);
  for (size_t x = 0; x < kRows; ++x) {
    m.at(x, PreprocessedColumns::value) = F(x);
    m.at(x, PreprocessedColumns::msb) = F(x >> 7);
  }
  return m;
}

poly::RowMajorMatrix generate_trace(const LookupCounts& counts) {
  poly::RowMajorMatrix m(Columns::kWidth, kRows);
  for (size_t x = 0; x < kRows; ++x) {
    m.at(x, Columns::range_count) = F(counts.byte_counts()[x]);
    m.at(x, Columns::msb_count) = F(counts.msb_counts()[x]);
  }
  return m;
}

}  // namespace zkbatch::vm::chips::bytes
