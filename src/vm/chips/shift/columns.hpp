// SPDX-License-Identifier: Apache-2.0
// Columns of the shift chip: one row per SLL, SRL or SRA request on the ALU bus.
#pragma once

#include <cstddef>

#include "vm/chips/shift/constants.hpp"

namespace zkbatch::vm::chips::shift {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_sll,
    is_srl,
    is_sra,
    a,
    c,
    out,
    shamt,                              ///< s = c mod 32
    q_limbs,                            ///< q = c div 32
    pow = q_limbs + kQuotientLimbs,     ///< 2^s
    inv_pow,                            ///< 2^(32 - s), or 0 when s = 0
    zero,                               ///< s == 0
    multiplier,                         ///< M: 2^s (SLL) or 2^(32 - s) (SRL, SRA)
    x,                                  ///< a, or its complement for a negative SRA operand
    lo_bytes,                           ///< low word of x M
    hi_bytes = lo_bytes + kWordBytes,   ///< high word of x M (below 2^31)
    hi_signed = hi_bytes + kWordBytes,  ///< the high word, complemented back for SRA
    a_sign,                             ///< bit 31 of a (SRA)
    a_bytes,                            ///< a as bytes (SRA)
    kWidth = a_bytes + kWordBytes,
  };
};

}  // namespace zkbatch::vm::chips::shift
