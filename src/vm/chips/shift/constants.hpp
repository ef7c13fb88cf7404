// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the shift chip.
#pragma once

namespace zkbatch::vm::chips::shift {

/// c = s + 32 q with q < 2^27: three bytes and a 3-bit top limb.
inline constexpr unsigned kQuotientLimbs = 4;
inline constexpr unsigned kQuotientTopBits = 3;
/// The product x * M is split into two words of four bytes.
inline constexpr unsigned kWordBytes = 4;

}  // namespace zkbatch::vm::chips::shift
