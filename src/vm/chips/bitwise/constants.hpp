// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the bitwise chip.
#pragma once

namespace zkbatch::vm::chips::bitwise {

/// Words are split into eight 4-bit nibbles, each triple looked up in the fixed table.
inline constexpr unsigned kNibbles = 8;
inline constexpr unsigned kNibbleBits = 4;

}  // namespace zkbatch::vm::chips::bitwise
