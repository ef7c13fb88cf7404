// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// Internal to src/hash (and its tests): the two implementations behind Poseidon2::permute.
#pragma once

#include "field/goldilocks.hpp"

namespace zkbatch::hash::detail {

/// Poseidon2 with plain field arithmetic only: the guest's implementation, compiled everywhere
/// so the host tests exercise it too.
void poseidon2_permute_portable(field::Fp* state);

#if defined(__SIZEOF_INT128__)
/// Poseidon2 with 128-bit accumulation and one reduction per output in the linear layers: the
/// host's implementation.
void poseidon2_permute_wide(field::Fp* state);
#endif

}  // namespace zkbatch::hash::detail
