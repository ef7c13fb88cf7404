// SPDX-License-Identifier: Apache-2.0
// Columns of the compare chip: one row per SLT or SLTU request on the ALU bus.
#pragma once

#include <cstddef>

#include "vm/chips/compare/constants.hpp"

namespace zkbatch::vm::chips::compare {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_slt,
    is_sltu,
    a,
    c,
    out,                                ///< 1 when a < c, else 0
    diff_bytes,                         ///< a' - c' + out 2^32 as bytes
    a_bytes = diff_bytes + kWordBytes,  ///< a as bytes (SLT)
    a_sign = a_bytes + kWordBytes,      ///< bit 31 of a (SLT)
    c_bytes,                            ///< c as bytes (SLT)
    c_sign = c_bytes + kWordBytes,      ///< bit 31 of c (SLT)
    kWidth,
  };
};

}  // namespace zkbatch::vm::chips::compare
