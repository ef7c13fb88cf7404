// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the multiply chip.
#pragma once

namespace zkbatch::vm::chips::mul {

/// Operands and results are split into four bytes.
inline constexpr unsigned kWordBytes = 4;
/// The carry k of the low word is below 2^18: two bytes and a 2-bit top limb.
inline constexpr unsigned kCarryLimbs = 3;
inline constexpr unsigned kCarryTopBits = 2;

}  // namespace zkbatch::vm::chips::mul
