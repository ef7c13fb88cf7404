// SPDX-License-Identifier: Apache-2.0
// Columns of the byte table.
#pragma once

#include <cstddef>

namespace zkbatch::vm::chips::bytes {

/// Preprocessed columns: the byte and its top bit.
struct PreprocessedColumns {
  enum : size_t { value, msb, kWidth };
};

/// Main columns: how many times the row is looked up on each bus.
struct Columns {
  enum : size_t {
    range_count,  ///< lookups of (value) on kBusByte
    msb_count,    ///< lookups of (value, msb) on kBusByteMsb
    kWidth,
  };
};

}  // namespace zkbatch::vm::chips::bytes
