// SPDX-License-Identifier: Apache-2.0
// Eight Goldilocks elements per AVX-512 register, for the NTT butterflies. The results are the
// canonical values the scalar field::Fp operations give (tests compare both paths bit for bit);
// only the instruction mix differs. Compiled when the target has AVX-512F (ZKB_NATIVE on a
// machine that has it); otherwise ZKB_KERNELS_PACKED is 0 and the scalar loops run.
#pragma once

#include <stdint.h>

#if defined(__AVX512F__)
#include <immintrin.h>
#define ZKB_KERNELS_PACKED 1
#else
#define ZKB_KERNELS_PACKED 0
#endif

#if ZKB_KERNELS_PACKED

namespace zkbatch::kernels::cpu::packed {

/// Lanes per register.
inline constexpr unsigned kLanes = 8;

// GCC 12 reports -Wmaybe-uninitialized inside the unmasked forms of these intrinsics (their
// pass-through operand is _mm512_undefined_epi32()); the zero-masked forms with an all-ones mask
// are the same instructions without that operand.
inline __m512i srli(__m512i a, unsigned n) {
  return _mm512_maskz_srli_epi64(0xFF, a, n);
}
inline __m512i slli(__m512i a, unsigned n) {
  return _mm512_maskz_slli_epi64(0xFF, a, n);
}
inline __m512i mul32(__m512i a, __m512i b) {
  return _mm512_maskz_mul_epu32(0xFF, a, b);
}

inline __m512i modulus() {
  return _mm512_set1_epi64(static_cast<long long>(0xFFFFFFFF00000001ull));
}
inline __m512i epsilon() {
  return _mm512_set1_epi64(0xFFFFFFFFll);
}

/// a + b mod p, as field::Fp: a - (p - b), adding p back on a borrow.
inline __m512i add(__m512i a, __m512i b) {
  const __m512i neg_b = _mm512_sub_epi64(modulus(), b);
  const __m512i diff = _mm512_sub_epi64(a, neg_b);
  const __mmask8 borrow = _mm512_cmplt_epu64_mask(a, neg_b);
  return _mm512_mask_add_epi64(diff, borrow, diff, modulus());
}

/// a - b mod p: add p back on a borrow.
inline __m512i sub(__m512i a, __m512i b) {
  const __m512i diff = _mm512_sub_epi64(a, b);
  const __mmask8 borrow = _mm512_cmplt_epu64_mask(a, b);
  return _mm512_mask_add_epi64(diff, borrow, diff, modulus());
}

/// a * b mod p: the 128-bit product from four 32x32 -> 64 products, then the same reduction as
/// field::detail::reduce128 (2^64 = 2^32 - 1 and 2^96 = -1 mod p), lane by lane.
inline __m512i mul(__m512i a, __m512i b) {
  const __m512i low32 = _mm512_set1_epi64(0xFFFFFFFFll);
  const __m512i a_hi = srli(a, 32);
  const __m512i b_hi = srli(b, 32);
  const __m512i ll = mul32(a, b);
  const __m512i lh = mul32(a, b_hi);
  const __m512i hl = mul32(a_hi, b);
  const __m512i hh = mul32(a_hi, b_hi);
  // middle <= 3 (2^32 - 1): no overflow.
  const __m512i middle = _mm512_add_epi64(
      _mm512_add_epi64(srli(ll, 32), _mm512_and_si512(lh, low32)), _mm512_and_si512(hl, low32));
  const __m512i lo = _mm512_or_si512(_mm512_and_si512(ll, low32), slli(middle, 32));
  const __m512i hi = _mm512_add_epi64(_mm512_add_epi64(hh, srli(lh, 32)),
                                      _mm512_add_epi64(srli(hl, 32), srli(middle, 32)));

  const __m512i hi_hi = srli(hi, 32);
  const __m512i hi_lo = _mm512_and_si512(hi, low32);
  __m512i t0 = _mm512_sub_epi64(lo, hi_hi);
  t0 = _mm512_mask_sub_epi64(t0, _mm512_cmplt_epu64_mask(lo, hi_hi), t0, epsilon());
  const __m512i t1 = _mm512_sub_epi64(slli(hi_lo, 32), hi_lo);  // hi_lo * eps
  __m512i sum = _mm512_add_epi64(t0, t1);
  sum = _mm512_mask_add_epi64(sum, _mm512_cmplt_epu64_mask(sum, t1), sum, epsilon());
  sum = _mm512_mask_sub_epi64(sum, _mm512_cmpge_epu64_mask(sum, modulus()), sum, modulus());
  return sum;
}

/// Loads / stores 8 consecutive elements (field::Fp is one uint64_t, canonical).
inline __m512i load(const void* p) {
  return _mm512_loadu_si512(p);
}
inline void store(void* p, __m512i v) {
  _mm512_storeu_si512(p, v);
}

}  // namespace zkbatch::kernels::cpu::packed

#endif  // ZKB_KERNELS_PACKED
