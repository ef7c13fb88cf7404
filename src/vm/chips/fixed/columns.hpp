// SPDX-License-Identifier: Apache-2.0
// Columns of the fixed lookup table.
#pragma once

#include <cstddef>

namespace zkbatch::vm::chips::fixed {

/// Preprocessed columns: one tuple per row.
struct PreprocessedColumns {
  enum : size_t { tag, x, y, z, w, kWidth };
};

/// Main column: how many times each row is looked up.
struct Columns {
  enum : size_t { count, kWidth };
};

}  // namespace zkbatch::vm::chips::fixed
