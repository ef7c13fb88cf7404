// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// Natural numbers of any length as little-endian arrays of 64-bit limbs, for MODEXP: schoolbook
// multiplication, Knuth's division (TAOCP vol. 2, §4.3.1, Algorithm D) for remainders, and
// Montgomery multiplication (Montgomery 1985; the CIOS loop of Koç, Acar, Kaliski 1996) for odd
// moduli. The caller owns every buffer; nothing here allocates.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/span.hpp"

namespace zkbatch::eth::precompiles::detail::bignum {

/// Limbs needed for `bytes` bytes.
constexpr size_t limbs_for_bytes(size_t bytes) {
  return bytes / 8 + (bytes % 8 != 0 ? 1 : 0);
}

/// Loads the `length`-byte big-endian number that starts at `offset` in `input`, where bytes past
/// the end of `input` read as zero (call-data semantics), into `count` >= limbs_for_bytes(length)
/// limbs.
void load_be_padded(base::ByteSpan input,
                    uint64_t offset,
                    size_t length,
                    uint64_t* limbs,
                    size_t count);

/// Writes the low `length` bytes of the number in `count` limbs, big-endian (zeros above).
void store_be(const uint64_t* limbs, size_t count, uint8_t* out, size_t length);

/// The number of limbs without leading (most significant) zero limbs; 0 for zero.
size_t significant_limbs(const uint64_t* a, size_t count);

/// out[0, an + bn) = a * b. `out` must not overlap the inputs.
void multiply(const uint64_t* a, size_t an, const uint64_t* b, size_t bn, uint64_t* out);

/// Scratch limbs `remainder` needs for a dividend of `an` limbs and a divisor of `mn` limbs.
constexpr size_t remainder_scratch(size_t an, size_t mn) {
  return an + 1 + mn;
}

/// rem[0, mn) = a mod m, for a divisor whose top limb m[mn - 1] is nonzero. `scratch` holds
/// remainder_scratch(an, mn) limbs; `rem` may alias `a` only when an == mn.
void remainder(const uint64_t* a,
               size_t an,
               const uint64_t* m,
               size_t mn,
               uint64_t* rem,
               uint64_t* scratch);

/// -m^-1 mod 2^64 for an odd m0 (Newton's iteration doubles the correct low bits each step).
constexpr uint64_t montgomery_inverse(uint64_t m0) {
  uint64_t x = m0;  // correct to 3 bits: m0 * m0 = 1 mod 8 for odd m0
  for (int i = 0; i < 5; ++i)
    x *= 2 - m0 * x;
  return 0 - x;
}

/// out[0, n) = a * b * 2^(-64 n) mod m for an odd m of n limbs and a, b < m. `t` holds n + 2
/// limbs of scratch; `out` may alias `a` or `b`.
void montgomery_multiply(const uint64_t* a,
                         const uint64_t* b,
                         const uint64_t* m,
                         size_t n,
                         uint64_t m_inv,
                         uint64_t* out,
                         uint64_t* t);

}  // namespace zkbatch::eth::precompiles::detail::bignum
