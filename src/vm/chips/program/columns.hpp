// SPDX-License-Identifier: Apache-2.0
// Columns of the program table.
#pragma once

#include <cstddef>

namespace zkbatch::vm::chips::program {

/// Preprocessed columns: one decoded instruction per code word (ProgramEntry).
struct PreprocessedColumns {
  enum : size_t { pc, op, rs1, rs2, rd, imm, flags, kWidth };
};

/// Main column: how many times the segment executes the instruction.
struct Columns {
  enum : size_t { count, kWidth };
};

}  // namespace zkbatch::vm::chips::program
