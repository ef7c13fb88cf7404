// SPDX-License-Identifier: Apache-2.0
// Coset LDE = inverse NTT of size n, multiply coefficient i by shift^i / n, zero-extend to
// N = n * B, forward NTT of size N. Both output orders skip the work the zeros would cost:
//
// * Natural output. The inverse DIF leaves the coefficients in bit-reversed order; in the
//   bit-reversed order of length N, coefficient rev_n(p) sits at row p * B and the B - 1 rows after
//   it are zero. The first log B stages of a DIT on such blocks only copy the nonzero row across
//   its block, so we write each scaled row B times and start the DIT at stage log B.
// * Bit-reversed output. Row t * n + m of the length-N bit-reversed output is the value at
//   w_N^(rev_n(m) B + rev_B(t)), i.e. sum_k c_k (w_N^rev_B(t))^k w_n^(k rev_n(m)): block t is a
//   size-n DIF of the coefficients scaled by (shift * w_N^rev_B(t))^k. So each of the B blocks
//   is one scaled copy and one size-n transform, and no zero is ever touched.
#include "lde.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "field/roots.hpp"
#include "kernels/backend.hpp"
#include "ntt.hpp"
#include "twiddles.hpp"

namespace zkbatch::kernels::cpu {

using field::Fp;

namespace {

constexpr size_t kParallelElements = size_t{1} << 16;

void lde_natural(const Fp* in,
                 size_t width,
                 unsigned log_n,
                 unsigned log_blowup,
                 Fp shift,
                 Fp* out) {
  const size_t n = size_t{1} << log_n;
  const size_t blowup = size_t{1} << log_blowup;
  const bool parallel = (n << log_blowup) * width >= kParallelElements;
  std::memcpy(out, in, n * width * sizeof(Fp));
  ntt_dif(out, width, log_n, /*inverse=*/true);  // bit-reversed coefficients, times n

  std::unique_ptr<Fp[]> powers(new Fp[n]);
  fill_powers(powers.get(), n, Fp(n).inverse(), shift);  // shift^i / n

  // Spread row p to rows [p B, p B + B). Done in waves p in [hi/2, hi): their targets start at
  // p B >= 2p >= hi, past every row not yet read, so a wave runs in parallel. Row 0 maps onto
  // itself and is scaled in place.
  for (size_t hi = n; hi > 0; hi /= 2) {
    const size_t lo = hi / 2;
#pragma omp parallel for schedule(static) if (parallel && hi - lo > 64)
    for (size_t p = lo; p < hi; ++p) {
      const Fp factor = powers[reverse_bits(p, log_n)];
      const Fp* src = out + p * width;
      Fp* dst = out + p * blowup * width;
      scale_row(dst, src, width, factor);
      for (size_t r = 1; r < blowup; ++r)
        std::memcpy(dst + r * width, dst, width * sizeof(Fp));
    }
  }
  ntt_dit(out, width, log_n + log_blowup, /*inverse=*/false, /*first_stage=*/log_blowup);
}

void lde_bit_reversed(const Fp* in,
                      size_t width,
                      unsigned log_n,
                      unsigned log_blowup,
                      Fp shift,
                      Fp* out) {
  const size_t n = size_t{1} << log_n;
  const size_t blowup = size_t{1} << log_blowup;
  const bool parallel = n * width >= kParallelElements;
#pragma omp parallel for schedule(static) if (parallel)
  for (size_t i = 0; i < n; ++i) {
    std::memcpy(out + reverse_bits(i, log_n) * width, in + i * width, width * sizeof(Fp));
  }
  ntt_dit(out, width, log_n, /*inverse=*/true);  // natural coefficients, times n

  const Fp n_inv = Fp(n).inverse();
  const Fp root = field::two_adic_generator(log_n + log_blowup);
  // Block 0 is the source of every block, so it is scaled last, in place.
  for (size_t t = blowup; t-- > 0;) {
    const Fp block_shift = shift * root.pow(reverse_bits(t, log_blowup));
    scale_rows(out + t * n * width, out, width, n, n_inv, block_shift);
  }
  for (size_t t = 0; t < blowup; ++t) {
    ntt_dif(out + t * n * width, width, log_n, /*inverse=*/false);
  }
}

}  // namespace

void coset_lde(const Fp* in,
               size_t width,
               unsigned log_n,
               unsigned log_blowup,
               Fp shift,
               bool bit_reversed_output,
               Fp* out) {
  if (width == 0) return;
  if (bit_reversed_output) {
    lde_bit_reversed(in, width, log_n, log_blowup, shift, out);
  } else {
    lde_natural(in, width, log_n, log_blowup, shift, out);
  }
}

}  // namespace zkbatch::kernels::cpu
