// SPDX-License-Identifier: Apache-2.0
// The byte table: one row per byte value.
#pragma once

#include <cstddef>

namespace zkbatch::vm::chips::bytes {

/// Rows of the byte table: 0..255.
inline constexpr size_t kRows = 256;

}  // namespace zkbatch::vm::chips::bytes
