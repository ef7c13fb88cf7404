// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the zero initialization chip.
#pragma once

namespace zkbatch::vm::chips::zero_init {

/// Distances to the gap's ends and address steps, as four bytes each.
inline constexpr unsigned kWordBytes = 4;

}  // namespace zkbatch::vm::chips::zero_init
