// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>

#include "field/goldilocks.hpp"

namespace zkbatch::hash {

/// The Poseidon2 permutation over Goldilocks fixed by DESIGN.md §3: width 12, S-box x^7, 8
/// external rounds (4 before and 4 after) and 22 internal rounds, with the constants of the
/// reference instance (see poseidon2_constants.hpp). Following the reference implementation
/// (HorizenLabs/poseidon2, plain_implementations/src/poseidon2/poseidon2.rs), the permutation is
///
///   x <- M_E x;  4 x { x <- M_E S(x + c_r) };  22 x { x_0 <- (x_0 + c_r)^7; x <- M_I x };
///   4 x { x <- M_E S(x + c_r) }
///
/// where S applies x^7 to every element, M_E is the external matrix (the 4x4 matrix
/// M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] on each group of four, followed by adding to
/// every element the sum of the elements in the same position of all three groups, i.e.
/// M_E = circ(2 M4, M4, M4)), and M_I = 1 * 1^T + diag(d) is the internal matrix.
class Poseidon2 {
 public:
  /// State width in field elements.
  static constexpr size_t kWidth = 12;

  /// Applies the permutation in place to `state[0..kWidth)`. Hosts with 128-bit integers use
  /// delayed reduction in the linear layers; the guest uses plain field arithmetic. Both give the
  /// same result (tests/hash/poseidon2_test.cpp checks them against a plain reference).
  static void permute(field::Fp* state);
};

}  // namespace zkbatch::hash
