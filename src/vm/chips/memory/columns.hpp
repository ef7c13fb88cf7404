// SPDX-License-Identifier: Apache-2.0
// Columns of the load/store chip: one row per load or store request on kBusMemOp.
#pragma once

#include <cstddef>

#include "vm/chips/cpu/constants.hpp"
#include "vm/chips/memory/constants.hpp"

namespace zkbatch::vm::chips::memory {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_lb,
    is_lh,
    is_lw,
    is_lbu,
    is_lhu,
    is_sb,
    is_sh,
    is_sw,
    clk,
    a,                              ///< base (rs1's value)
    c,                              ///< rs2's value (stores) or the immediate (loads)
    imm,                            ///< offset
    out,                            ///< value loaded into rd (0 for stores)
    carry,                          ///< a + imm wrapped past 2^32
    offset,                         ///< one-hot byte offset in the word: offset + 0..3
    word_lo = offset + kWordBytes,  ///< bits 2..9 of the address
    word_hi,                        ///< bits 10..11
    page,                           ///< bits 12..19, 20..27, 28..31 of the address (3 limbs)
    page_inv = page + 3,  ///< 1 / (address >> 12): the address is not in the register page
    prev,                 ///< the word before the access
    value,                ///< the word after it
    prev_ts,
    gap,  ///< clk + 3 - prev_ts - 1 as bytes
    read_only = gap + cpu::kGapLimbs,
    prev_bytes,                            ///< prev as bytes (byte and halfword accesses)
    prev_signs = prev_bytes + kWordBytes,  ///< bit 7 of each of them
    c_bytes = prev_signs + kWordBytes,     ///< c as bytes (SB, SH)
    kWidth = c_bytes + kWordBytes,
  };
};

}  // namespace zkbatch::vm::chips::memory
