// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the divide/remainder chip.
#pragma once

#include <cstdint>

namespace zkbatch::vm::chips::divrem {

/// Operands and the remainder are split into four bytes (for their signs and ranges).
inline constexpr unsigned kWordBytes = 4;
/// Division by zero gives all ones; the one signed overflow -2^31 / -1 gives -2^31 remainder 0
/// (spec §7.2, table 7.1).
inline constexpr uint32_t kAllOnes = 0xffffffffu;
inline constexpr uint32_t kMinSigned = 0x80000000u;

}  // namespace zkbatch::vm::chips::divrem
