// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the CPU chip.
#pragma once

#include <cstdint>

namespace zkbatch::vm::chips::cpu {

/// Limbs (bytes) of a timestamp gap: t - t_prev - 1 < 2^24 inside a segment (segment_values.hpp).
inline constexpr unsigned kGapLimbs = 3;

/// The access slots of a cycle as offsets from clk = 4 * cycle (vm/layout.hpp).
inline constexpr uint64_t kSlotRs1 = 1;
inline constexpr uint64_t kSlotRs2 = 2;
inline constexpr uint64_t kSlotMemory = 3;
inline constexpr uint64_t kSlotRd = 4;

/// Byte address of register x_i in the memory argument (vm::register_address).
inline constexpr uint64_t kRegisterStride = 4;

}  // namespace zkbatch::vm::chips::cpu
