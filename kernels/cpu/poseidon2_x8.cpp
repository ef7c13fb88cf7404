// SPDX-License-Identifier: Apache-2.0
// The permutation follows the reference structure (HorizenLabs/poseidon2,
// plain_implementations/src/poseidon2/poseidon2.rs), as restated in hash/poseidon2.hpp:
//   x <- M_E x; 4 external rounds; 22 internal rounds; 4 external rounds.
#include "poseidon2_x8.hpp"

#if ZKB_KERNELS_PACKED

#include <stddef.h>
#include <stdint.h>

#include "field/goldilocks.hpp"
#include "hash/poseidon2.hpp"
#include "hash/poseidon2_constants.hpp"

namespace zkbatch::kernels::cpu::packed {

namespace {

constexpr size_t kWidth = hash::Poseidon2::kWidth;
constexpr size_t kHalfExternal = hash::kPoseidon2ExternalRounds / 2;

/// A constant broadcast to all lanes, reduced to canonical form first.
inline __m512i constant(uint64_t c) {
  return _mm512_set1_epi64(static_cast<long long>(field::Fp(c).value()));
}

/// x^7 = x^3 * x^4.
inline __m512i sbox(__m512i x) {
  const __m512i x2 = mul(x, x);
  const __m512i x3 = mul(x2, x);
  const __m512i x4 = mul(x2, x2);
  return mul(x3, x4);
}

/// M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] with the reference's addition chain.
inline void m4(__m512i* x) {
  const __m512i t0 = add(x[0], x[1]);
  const __m512i t1 = add(x[2], x[3]);
  const __m512i t2 = add(add(x[1], x[1]), t1);
  const __m512i t3 = add(add(x[3], x[3]), t0);
  const __m512i t1_2 = add(t1, t1);
  const __m512i t4 = add(add(t1_2, t1_2), t3);  // x0 + x1 + 4 x2 + 6 x3
  const __m512i t0_2 = add(t0, t0);
  const __m512i t5 = add(add(t0_2, t0_2), t2);  // 4 x0 + 6 x1 + x2 + x3
  x[0] = add(t3, t5);
  x[1] = t5;
  x[2] = add(t2, t4);
  x[3] = t4;
}

/// M_E = circ(2 M4, M4, M4): M4 on each block of four, then add the sum of the same position of
/// all three blocks.
inline void external_layer(__m512i* x) {
  for (size_t block = 0; block < kWidth; block += 4)
    m4(x + block);
  for (size_t lane = 0; lane < 4; ++lane) {
    const __m512i column = add(add(x[lane], x[lane + 4]), x[lane + 8]);
    for (size_t block = 0; block < kWidth; block += 4) {
      x[block + lane] = add(x[block + lane], column);
    }
  }
}

/// M_I = 1 1^T + diag(d): x_i <- d_i x_i + sum_j x_j.
inline void internal_layer(__m512i* x, const __m512i* diag) {
  __m512i sum = x[0];
  for (size_t i = 1; i < kWidth; ++i)
    sum = add(sum, x[i]);
  for (size_t i = 0; i < kWidth; ++i)
    x[i] = add(mul(x[i], diag[i]), sum);
}

inline void external_round(__m512i* x, const uint64_t* rc) {
  for (size_t i = 0; i < kWidth; ++i)
    x[i] = sbox(add(x[i], constant(rc[i])));
  external_layer(x);
}

}  // namespace

void poseidon2_permute_x8(__m512i* state) {
  __m512i diag[kWidth];
  for (size_t i = 0; i < kWidth; ++i)
    diag[i] = constant(hash::kPoseidon2InternalDiagM1[i]);
  external_layer(state);
  for (size_t r = 0; r < kHalfExternal; ++r)
    external_round(state, hash::kPoseidon2ExternalRc[r]);
  for (size_t r = 0; r < hash::kPoseidon2InternalRounds; ++r) {
    state[0] = sbox(add(state[0], constant(hash::kPoseidon2InternalRc[r])));
    internal_layer(state, diag);
  }
  for (size_t r = kHalfExternal; r < hash::kPoseidon2ExternalRounds; ++r) {
    external_round(state, hash::kPoseidon2ExternalRc[r]);
  }
}

}  // namespace zkbatch::kernels::cpu::packed

#endif  // ZKB_KERNELS_PACKED
