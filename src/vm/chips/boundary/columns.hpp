// SPDX-License-Identifier: Apache-2.0
// Columns of the segment boundary chip: one row per address the segment accesses (registers
// included), by strictly increasing address; then padding rows.
#pragma once

#include <cstddef>

#include "vm/chips/boundary/constants.hpp"

namespace zkbatch::vm::chips::boundary {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_real,
    address,
    read_only,
    value_in,   ///< value before the segment
    ts_in,      ///< timestamp of the global tuple received (the producer's end, or 0)
    value_out,  ///< value after the segment
    ts_out,     ///< timestamp of the segment's last access to the address
    age,        ///< start_ts - ts_in as bytes
    ordered = age + kAgeBytes,  ///< the next row is real (its address is checked against this one)
    step,                       ///< next address - address - 1 as bytes
    kWidth = step + kStepBytes,
  };
};

}  // namespace zkbatch::vm::chips::boundary
