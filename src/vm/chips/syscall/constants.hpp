// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the syscall chip.
#pragma once

#include <cstdint>

#include "vm/layout.hpp"

namespace zkbatch::vm::chips::syscall {

/// Bytes of a word.
inline constexpr unsigned kWordBytes = 4;
/// The buffer's word index buf >> 2 is below 2^30: three bytes and a 6-bit top limb.
inline constexpr unsigned kWordIndexTopBits = 6;
/// Memory-argument addresses of the argument registers (vm::register_address).
inline constexpr uint64_t kAddressA0 = 4 * kRegA0;
inline constexpr uint64_t kAddressA1 = 4 * kRegA1;
inline constexpr uint64_t kAddressA2 = 4 * kRegA2;

}  // namespace zkbatch::vm::chips::syscall
