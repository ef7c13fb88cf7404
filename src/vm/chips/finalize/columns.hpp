// SPDX-License-Identifier: Apache-2.0
// Columns of the finalization chip: one row per address the run accessed, strictly increasing;
// then padding rows.
#pragma once

#include <cstddef>

#include "vm/chips/finalize/constants.hpp"

namespace zkbatch::vm::chips::finalize {

/// The chip's main columns.
struct Columns {
  enum : size_t {
    is_real,
    address,
    value,      ///< final value
    timestamp,  ///< end timestamp of the last segment that accessed the address
    read_only,
    ordered,  ///< the next row is real
    step,     ///< next address - address - 1 as bytes
    kWidth = step + kStepBytes,
  };
};

}  // namespace zkbatch::vm::chips::finalize
