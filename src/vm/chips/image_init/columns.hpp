// SPDX-License-Identifier: Apache-2.0
// Columns of the image initialization chip.
#pragma once

#include <cstddef>

namespace zkbatch::vm::chips::image_init {

/// Preprocessed columns: the image words (MemoryLayout::image), by increasing address.
struct PreprocessedColumns {
  enum : size_t { address, value, read_only, kWidth };
};

/// Main column: whether the run accesses the word (then it is initialized once).
struct Columns {
  enum : size_t { used, kWidth };
};

}  // namespace zkbatch::vm::chips::image_init
