// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the finalization chip.
#pragma once

namespace zkbatch::vm::chips::finalize {

/// Address steps as four bytes.
inline constexpr unsigned kStepBytes = 4;

}  // namespace zkbatch::vm::chips::finalize
