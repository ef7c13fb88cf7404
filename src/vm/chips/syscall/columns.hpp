// SPDX-License-Identifier: Apache-2.0
// Columns of the syscall chip: one row per ECALL request on kBusSyscall.
#pragma once

#include <cstddef>

#include "vm/chips/cpu/constants.hpp"
#include "vm/chips/syscall/constants.hpp"

namespace zkbatch::vm::chips::syscall {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_exit,
    is_read,
    is_write,
    is_public,  ///< write to fd 3
    clk,
    a7,
    fd,       ///< a0 as read (the exit code for exit)
    buf,      ///< a1
    n,        ///< a2
    result,   ///< the a0 written back: bytes read, or n
    out_off,  ///< public-output bytes committed before the call
    out_inc,  ///< bytes it commits
    a1_prev_ts,
    a1_gap,
    a2_prev_ts = a1_gap + cpu::kGapLimbs,
    a2_gap,
    n_nonzero = a2_gap + cpu::kGapLimbs,  ///< n != 0: the buffer is checked
    n_inv,
    len,          ///< bytes moved through memory
    len_nonzero,  ///< len != 0: the I/O chip moves them
    len_inv,
    range_lo,  ///< the fixed-table range holding the buffer
    range_hi,
    above_lo,                             ///< buf - range_lo as bytes
    below_hi = above_lo + kWordBytes,     ///< range_hi - buf - n as bytes
    count_bytes = below_hi + kWordBytes,  ///< result as bytes (read)
    slack = count_bytes + kWordBytes,     ///< n - result as bytes (read)
    buf_offset = slack + kWordBytes,      ///< buf mod 4 as two bits
    buf_word = buf_offset + 2,            ///< buf div 4 as limbs
    kWidth = buf_word + kWordBytes,
  };
};

}  // namespace zkbatch::vm::chips::syscall
