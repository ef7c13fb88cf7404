// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include "hash/digest.hpp"

namespace zkbatch::hash {

/// The Merkle node compression of DESIGN.md §3: the first 4 elements of
/// Poseidon2(left || right || 0, 0, 0, 0). It is order-sensitive (compress(l, r) and
/// compress(r, l) differ), and its all-zero capacity keeps it apart from `hash_elements` and
/// `hash_bytes` on every non-empty input, whose capacity holds the input length.
Digest compress(const Digest& left, const Digest& right);

}  // namespace zkbatch::hash
