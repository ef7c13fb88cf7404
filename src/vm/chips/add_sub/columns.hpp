// SPDX-License-Identifier: Apache-2.0
// Columns of the add/sub chip: one row per ADD or SUB request on the ALU bus.
#pragma once

#include <cstddef>

#include "vm/chips/add_sub/constants.hpp"

namespace zkbatch::vm::chips::add_sub {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_add,  ///< the row proves out = a + c mod 2^32
    is_sub,  ///< the row proves out = a - c mod 2^32
    a,
    c,
    out,
    carry,      ///< the 2^32 that the sum exceeds, or the borrow of the difference
    out_bytes,  ///< out as little-endian bytes
    kWidth = out_bytes + kResultBytes,
  };
};

}  // namespace zkbatch::vm::chips::add_sub
