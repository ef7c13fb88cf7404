// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the image initialization chip.
#pragma once

#include <cstdint>

namespace zkbatch::vm::chips::image_init {

/// Timestamp of every initial tuple (docs/vm.md, "Timestamps").
inline constexpr uint64_t kInitialTimestamp = 0;

}  // namespace zkbatch::vm::chips::image_init
