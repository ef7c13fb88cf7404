// SPDX-License-Identifier: Apache-2.0
// Eight Poseidon2 permutations at once, one per AVX-512 lane, for Merkle hashing.
#pragma once

#include "packed.hpp"

#if ZKB_KERNELS_PACKED

namespace zkbatch::kernels::cpu::packed {

/// Applies the Poseidon2 permutation of hash::Poseidon2 (DESIGN.md §3: width 12, x^7, 4 + 4
/// external and 22 internal rounds, the constants of hash/poseidon2_constants.hpp) to eight
/// states: state[i] holds element i of the eight instances, lane l being instance l. Every
/// operation is a reduced field operation, so each lane equals Poseidon2::permute on that
/// instance exactly (tests compare the Merkle results with hash_elements and compress).
void poseidon2_permute_x8(__m512i* state);

}  // namespace zkbatch::kernels::cpu::packed

#endif  // ZKB_KERNELS_PACKED
