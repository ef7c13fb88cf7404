// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the load/store chip.
#pragma once

namespace zkbatch::vm::chips::memory {

/// Bytes of a word.
inline constexpr unsigned kWordBytes = 4;
/// addr = off + 4 (w_lo + 2^8 w_hi) + 2^12 (h0 + 2^8 h1 + 2^16 h2): bit widths of the limbs.
inline constexpr unsigned kWordHighBits = 2;  ///< w_hi
inline constexpr unsigned kPageTopBits = 4;   ///< h2
/// Byte address where guest memory starts: everything below is the register page (vm/layout.hpp),
/// i.e. addr >> 12 must not be 0.
inline constexpr unsigned kPageShift = 12;

}  // namespace zkbatch::vm::chips::memory
