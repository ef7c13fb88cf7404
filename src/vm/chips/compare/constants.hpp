// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the compare chip.
#pragma once

namespace zkbatch::vm::chips::compare {

/// Words split into bytes: the difference, and for SLT both operands (for their sign bits).
inline constexpr unsigned kWordBytes = 4;

}  // namespace zkbatch::vm::chips::compare
