// SPDX-License-Identifier: Apache-2.0
// Columns of the multiply chip: one row per MUL, MULH, MULHSU or MULHU request on the ALU bus.
#pragma once

#include <cstddef>

#include "vm/chips/mul/constants.hpp"

namespace zkbatch::vm::chips::mul {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_mul,
    is_mulh,
    is_mulhsu,
    is_mulhu,
    a,
    c,
    out,
    a_bytes,                              ///< a as bytes, the top one looked up with its sign
    a_sign = a_bytes + kWordBytes,        ///< bit 31 of a
    c_bytes,                              ///< c as bytes
    c_sign = c_bytes + kWordBytes,        ///< bit 31 of c
    lo_bytes,                             ///< the low word of a c
    carry_limbs = lo_bytes + kWordBytes,  ///< k: the carry from the low word into the high one
    wrap = carry_limbs + kCarryLimbs,     ///< t in {0, 1, 2}: the 2^32 multiples the sign fix adds
    out_bytes,                            ///< out as bytes (MULH, MULHSU)
    kWidth = out_bytes + kWordBytes,
  };
};

}  // namespace zkbatch::vm::chips::mul
