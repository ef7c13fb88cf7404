// SPDX-License-Identifier: Apache-2.0
// Goldilocks arithmetic on the device: the same canonical representation and reduction as
// src/field/goldilocks.hpp (p = 2^64 - 2^32 + 1, 2^64 = 2^32 - 1 mod p, 2^96 = -1 mod p).
#pragma once

#include <stdint.h>

namespace zkbatch::kernels::cuda {

constexpr uint64_t kModulus = 0xFFFFFFFF00000001ull;
constexpr uint64_t kEpsilon = 0xFFFFFFFFull;

__device__ __forceinline__ uint64_t gl_add(uint64_t a, uint64_t b) {
  uint64_t sum = a + b;
  if (sum < a) return sum + kEpsilon;  // carry: add 2^64 = epsilon (mod p)
  return sum >= kModulus ? sum - kModulus : sum;
}

__device__ __forceinline__ uint64_t gl_sub(uint64_t a, uint64_t b) {
  uint64_t diff = a - b;
  return a < b ? diff + kModulus : diff;
}

__device__ __forceinline__ uint64_t gl_reduce128(uint64_t lo, uint64_t hi) {
  uint64_t hi_hi = hi >> 32;
  uint64_t hi_lo = hi & kEpsilon;
  uint64_t t0 = lo - hi_hi;
  if (lo < hi_hi) t0 -= kEpsilon;
  uint64_t t1 = hi_lo * kEpsilon;
  uint64_t sum = t0 + t1;
  if (sum < t1) sum += kEpsilon;
  return sum >= kModulus ? sum - kModulus : sum;
}

__device__ __forceinline__ uint64_t gl_mul(uint64_t a, uint64_t b) {
  return gl_reduce128(a * b, __umul64hi(a, b));
}

}  // namespace zkbatch::kernels::cuda
