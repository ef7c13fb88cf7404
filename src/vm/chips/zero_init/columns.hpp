// SPDX-License-Identifier: Apache-2.0
// Columns of the zero initialization chip: one row per zero-initialized address, strictly
// increasing; then padding rows.
#pragma once

#include <cstddef>

#include "vm/chips/zero_init/constants.hpp"

namespace zkbatch::vm::chips::zero_init {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_real,
    address,
    gap_lo,  ///< the image gap [gap_lo, gap_hi) holding the address
    gap_hi,
    above,                         ///< address - gap_lo as bytes
    below = above + kWordBytes,    ///< gap_hi - address - 1 as bytes
    ordered = below + kWordBytes,  ///< the next row is real
    step,                          ///< next address - address - 1 as bytes
    kWidth = step + kWordBytes,
  };
};

}  // namespace zkbatch::vm::chips::zero_init
