// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#include "hash/poseidon2.hpp"

#include <stdint.h>

#include "hash/detail/poseidon2_impl.hpp"
#include "hash/poseidon2_constants.hpp"

namespace zkbatch::hash {

using field::Fp;

namespace {

constexpr size_t kHalfExternal = kPoseidon2ExternalRounds / 2;

// ---------------------------------------------------------------------------------------------
// Portable path: every operation is a reduced field operation.

/// x^7 = x^4 * x^2 * x, four multiplications.
inline Fp sbox(Fp x) {
  Fp x2 = x.square();
  Fp x3 = x2 * x;
  return x3 * x2.square();
}

/// M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] on x[0..4), with the reference's addition
/// chain.
inline void m4_portable(Fp* x) {
  Fp t0 = x[0] + x[1];
  Fp t1 = x[2] + x[3];
  Fp t2 = x[1] + x[1] + t1;
  Fp t3 = x[3] + x[3] + t0;
  Fp t1_4 = t1 + t1;
  Fp t4 = t1_4 + t1_4 + t3;  // x0 + x1 + 4 x2 + 6 x3
  Fp t0_4 = t0 + t0;
  Fp t5 = t0_4 + t0_4 + t2;  // 4 x0 + 6 x1 + x2 + x3
  x[0] = t3 + t5;            // 5 x0 + 7 x1 + x2 + 3 x3
  x[1] = t5;
  x[2] = t2 + t4;  // x0 + 3 x1 + 5 x2 + 7 x3
  x[3] = t4;
}

void external_layer_portable(Fp* x) {
  for (size_t block = 0; block < Poseidon2::kWidth; block += 4) {
    m4_portable(x + block);
  }
  for (size_t lane = 0; lane < 4; ++lane) {
    Fp column = x[lane] + x[lane + 4] + x[lane + 8];
    for (size_t block = 0; block < Poseidon2::kWidth; block += 4) {
      x[block + lane] += column;
    }
  }
}

void internal_layer_portable(Fp* x) {
  Fp sum = x[0];
  for (size_t i = 1; i < Poseidon2::kWidth; ++i) {
    sum += x[i];
  }
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    x[i] = x[i] * Fp(kPoseidon2InternalDiagM1[i]) + sum;
  }
}

void external_round_portable(Fp* x, const uint64_t* rc) {
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    x[i] = sbox(x[i] + Fp(rc[i]));
  }
  external_layer_portable(x);
}

// ---------------------------------------------------------------------------------------------
// Wide path: values are kept in [0, 2^64), not necessarily below p, so that no reduction needs a
// data-dependent branch; the linear layers accumulate in 128 bits and reduce once per output,
// and the result is made canonical at the end.

#if defined(__SIZEOF_INT128__)
using u128 = unsigned __int128;

/// p = 2^64 - 2^32 + 1 and 2^64 mod p, restated here so the wide path depends only on Fp's
/// public interface; the static_assert ties them to the field.
constexpr uint64_t kP = 0xFFFFFFFF00000001ull;
constexpr uint64_t kEpsilon = 0xFFFFFFFFull;
static_assert(Fp(kP) == Fp::zero() && Fp(kP - 1) + Fp::one() == Fp::zero());

/// a + b with a carry out of 2^64 folded back as epsilon (2^64 = epsilon mod p), branch-free.
/// Requires b <= 2^64 - 2^32 so that the fold cannot carry again.
inline uint64_t add_fold(uint64_t a, uint64_t b) {
  uint64_t sum = a + b;
  return sum + (kEpsilon & (0 - static_cast<uint64_t>(sum < b)));
}

/// A value below 2^96 (hi < 2^32) to [0, 2^64): hi * 2^64 = hi * epsilon (mod p), and
/// hi * epsilon <= (2^32 - 1)^2 = 2^64 - 2^33 + 1.
inline uint64_t reduce_small(u128 value) {
  uint64_t hi = static_cast<uint64_t>(value >> 64);
  return add_fold(static_cast<uint64_t>(value), hi * kEpsilon);
}

/// Any 128-bit value to [0, 2^64), with 2^64 = epsilon and 2^96 = -1 (mod p): for
/// value = lo + 2^64 (h0 + 2^32 h1), value = lo - h1 + h0 * epsilon (mod p).
inline uint64_t reduce_full(u128 value) {
  uint64_t lo = static_cast<uint64_t>(value);
  uint64_t hi = static_cast<uint64_t>(value >> 64);
  uint64_t h1 = hi >> 32;
  uint64_t t = lo - h1;
  // A borrow (lo < h1 < 2^32, probability about 2^-32 on random data) means t = lo - h1 + 2^64,
  // so subtract epsilon; t >= 2^64 - 2^32 there, so this cannot wrap.
  if (__builtin_expect(lo < h1, 0)) t -= kEpsilon;
  return add_fold(t, (hi & kEpsilon) * kEpsilon);
}

inline uint64_t mul(uint64_t a, uint64_t b) {
  return reduce_full(static_cast<u128>(a) * b);
}

inline uint64_t sbox_wide(uint64_t x) {
  uint64_t x2 = mul(x, x);
  uint64_t x3 = mul(x2, x);
  return mul(x3, mul(x2, x2));
}

/// The external matrix on inputs below 2^64. Each M4 output is below 16 * 2^64 and each final
/// output below 64 * 2^64, so everything fits in 128 bits and is reduced once.
void external_layer_wide(uint64_t* x) {
  u128 y[Poseidon2::kWidth];
  for (size_t block = 0; block < Poseidon2::kWidth; block += 4) {
    u128 a = x[block], b = x[block + 1], c = x[block + 2], d = x[block + 3];
    u128 t0 = a + b;
    u128 t1 = c + d;
    u128 t2 = (b << 1) + t1;
    u128 t3 = (d << 1) + t0;
    u128 t4 = (t1 << 2) + t3;
    u128 t5 = (t0 << 2) + t2;
    y[block] = t3 + t5;
    y[block + 1] = t5;
    y[block + 2] = t2 + t4;
    y[block + 3] = t4;
  }
  for (size_t lane = 0; lane < 4; ++lane) {
    u128 column = y[lane] + y[lane + 4] + y[lane + 8];
    for (size_t block = 0; block < Poseidon2::kWidth; block += 4) {
      x[block + lane] = reduce_small(y[block + lane] + column);
    }
  }
}

/// The internal matrix on inputs below 2^64: d_i * x_i < 2^64 (p - 1) and the sum is below
/// 12 * 2^64, whose total stays below 2^128, so each output is one 128-bit sum reduced once.
void internal_layer_wide(uint64_t* x) {
  u128 sum = 0;
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    sum += x[i];
  }
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    x[i] = reduce_full(static_cast<u128>(x[i]) * kPoseidon2InternalDiagM1[i] + sum);
  }
}

/// x + c with c < p: the sum is below 2^65, one fold.
inline uint64_t add_constant(uint64_t x, uint64_t c) {
  return reduce_small(static_cast<u128>(x) + c);
}

void external_round_wide(uint64_t* x, const uint64_t* rc) {
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    x[i] = sbox_wide(add_constant(x[i], rc[i]));
  }
  external_layer_wide(x);
}
#endif  // __SIZEOF_INT128__

}  // namespace

namespace detail {

void poseidon2_permute_portable(Fp* state) {
  external_layer_portable(state);
  for (size_t r = 0; r < kHalfExternal; ++r) {
    external_round_portable(state, kPoseidon2ExternalRc[r]);
  }
  for (size_t r = 0; r < kPoseidon2InternalRounds; ++r) {
    state[0] = sbox(state[0] + Fp(kPoseidon2InternalRc[r]));
    internal_layer_portable(state);
  }
  for (size_t r = kHalfExternal; r < kPoseidon2ExternalRounds; ++r) {
    external_round_portable(state, kPoseidon2ExternalRc[r]);
  }
}

#if defined(__SIZEOF_INT128__)
void poseidon2_permute_wide(Fp* state) {
  uint64_t x[Poseidon2::kWidth];
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    x[i] = state[i].value();
  }
  external_layer_wide(x);
  for (size_t r = 0; r < kHalfExternal; ++r) {
    external_round_wide(x, kPoseidon2ExternalRc[r]);
  }
  for (size_t r = 0; r < kPoseidon2InternalRounds; ++r) {
    x[0] = sbox_wide(add_constant(x[0], kPoseidon2InternalRc[r]));
    internal_layer_wide(x);
  }
  for (size_t r = kHalfExternal; r < kPoseidon2ExternalRounds; ++r) {
    external_round_wide(x, kPoseidon2ExternalRc[r]);
  }
  // Every value in x is canonical, so Fp's constructor stores it unchanged.
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    state[i] = Fp(x[i]);
  }
}
#endif

}  // namespace detail

void Poseidon2::permute(Fp* state) {
#if defined(__SIZEOF_INT128__)
  detail::poseidon2_permute_wide(state);
#else
  detail::poseidon2_permute_portable(state);
#endif
}

}  // namespace zkbatch::hash
