// SPDX-License-Identifier: Apache-2.0
// Columns of the bitwise chip: one row per AND, OR or XOR request on the ALU bus.
#pragma once

#include <cstddef>

#include "vm/chips/bitwise/constants.hpp"

namespace zkbatch::vm::chips::bitwise {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_and,
    is_or,
    is_xor,
    a,
    c,
    out,
    a_nibbles,                           ///< a as little-endian nibbles
    c_nibbles = a_nibbles + kNibbles,    ///< c as little-endian nibbles
    out_nibbles = c_nibbles + kNibbles,  ///< out as little-endian nibbles
    kWidth = out_nibbles + kNibbles,
  };
};

}  // namespace zkbatch::vm::chips::bitwise
