// SPDX-License-Identifier: Apache-2.0
// Fixed numbers of the I/O chip.
#pragma once

namespace zkbatch::vm::chips::io {

/// Bytes of a word.
inline constexpr unsigned kWordBytes = 4;

}  // namespace zkbatch::vm::chips::io
