// SPDX-License-Identifier: Apache-2.0
// The shape of a committed matrix, as the verifier knows it.
#pragma once

#include <stddef.h>

#include <span>

#include "commit/error.hpp"

namespace zkbatch::commit {

/// Heights above 2^kMaxLogHeight are rejected: no LDE over Goldilocks is taller (two-adicity 32).
inline constexpr unsigned kMaxLogHeight = 32;

/// Width and height of one committed matrix. The verifier gets these from the proof's shape
/// (which the transcript has absorbed), never from the opening itself.
struct Dimensions {
  size_t width = 0;   ///< columns (>= 1 for a valid batch)
  size_t height = 0;  ///< rows (a power of two for a valid batch)

  bool operator==(const Dimensions& other) const = default;
};

/// CommitError::ok when `dims` describes a valid batch: at least one matrix, every width >= 1,
/// every height a power of two in [1, 2^32]; else the first problem found.
CommitError check_dimensions(std::span<const Dimensions> dims);

}  // namespace zkbatch::commit
