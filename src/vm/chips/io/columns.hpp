// SPDX-License-Identifier: Apache-2.0
// Columns of the I/O chip: one row per memory word a host call's buffer overlaps, the words of
// one call on consecutive rows; then padding rows.
#pragma once

#include <cstddef>

#include "vm/chips/cpu/constants.hpp"
#include "vm/chips/io/constants.hpp"

namespace zkbatch::vm::chips::io {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_real,
    first,  ///< the call's first word
    last,   ///< the call's last word
    clk,
    is_read,      ///< private input written into memory (else: public output read from it)
    word,         ///< word address
    end,          ///< one past the buffer's last byte
    index,        ///< public-output index of the word's byte 0
    after_start,  ///< byte k is at or after the buffer start (4 flags)
    before_end = after_start + kWordBytes,  ///< byte k is before the buffer end (4 flags)
    in_buffer = before_end + kWordBytes,    ///< both (4 flags)
    prev_bytes = in_buffer + kWordBytes,    ///< the word before the access
    new_bytes = prev_bytes + kWordBytes,    ///< the word after it
    prev_ts = new_bytes + kWordBytes,
    gap,
    read_only = gap + cpu::kGapLimbs,
    kWidth,
  };
};

}  // namespace zkbatch::vm::chips::io
