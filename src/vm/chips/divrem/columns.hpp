// SPDX-License-Identifier: Apache-2.0
// Columns of the divide/remainder chip: one row per DIV, DIVU, REM or REMU request.
#pragma once

#include <cstddef>

#include "vm/chips/divrem/constants.hpp"

namespace zkbatch::vm::chips::divrem {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_div,
    is_divu,
    is_rem,
    is_remu,
    a,
    c,
    out,
    q,        ///< the quotient
    r,        ///< the remainder
    a_bytes,  ///< a as bytes (signed operations, for its sign)
    a_sign = a_bytes + kWordBytes,
    c_bytes,  ///< c as bytes (signed operations)
    c_sign = c_bytes + kWordBytes,
    r_bytes,  ///< r as bytes (range and sign)
    r_sign = r_bytes + kWordBytes,
    c_zero,    ///< c == 0
    c_inv,     ///< 1 / c when c != 0
    overflow,  ///< a = -2^31, c = -1 (signed)
    lo,        ///< low word of q c (from the multiply chip)
    hi,        ///< high word of q c, signed (DIV, REM) or unsigned (DIVU, REMU)
    carry,     ///< carry of lo + r into the high word
    hi_carry,  ///< 2^32 wrap of the high word
    abs_r,     ///< |r| (as a signed value for DIV/REM)
    abs_c,     ///< |c| (as a signed value for DIV/REM)
    kWidth,
  };
};

}  // namespace zkbatch::vm::chips::divrem
