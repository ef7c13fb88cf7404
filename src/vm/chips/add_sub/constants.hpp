// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the add/sub chip.
#pragma once

namespace zkbatch::vm::chips::add_sub {

/// The result is range-checked as four bytes.
inline constexpr unsigned kResultBytes = 4;

}  // namespace zkbatch::vm::chips::add_sub
