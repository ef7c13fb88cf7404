// SPDX-License-Identifier: Apache-2.0
// Radix-2 NTT kernels over the columns of a row-major matrix, in place, with OpenMP.
#pragma once

#include <stddef.h>

#include "field/goldilocks.hpp"

namespace zkbatch::kernels::cpu {

/// Decimation in time (Cooley-Tukey): bit-reversed rows in, natural rows out. Runs stages
/// first_stage .. log_n - 1, where stage s combines halves of length 2^s; the stages below
/// first_stage must already have been applied (the LDE gets them for free, see lde.cpp).
/// No n^-1 factor is applied for `inverse`.
void ntt_dit(field::Fp* data, size_t width, unsigned log_n, bool inverse, unsigned first_stage = 0);

/// Decimation in frequency (Gentleman-Sande): natural rows in, bit-reversed rows out. Runs stages
/// log_n - 1 down to 0. No n^-1 factor is applied for `inverse`.
void ntt_dif(field::Fp* data, size_t width, unsigned log_n, bool inverse);

/// Swaps row i with row reverse_bits(i, log_n) for every i.
void bit_reverse_rows(field::Fp* data, size_t width, unsigned log_n);

/// dst[c] = src[c] * factor for c < width (dst == src allowed).
void scale_row(field::Fp* dst, const field::Fp* src, size_t width, field::Fp factor);

/// dst row i = src row i * first * base^i for i < height; dst == src is allowed (in place), any
/// other overlap is not.
void scale_rows(field::Fp* dst,
                const field::Fp* src,
                size_t width,
                size_t height,
                field::Fp first,
                field::Fp base);

}  // namespace zkbatch::kernels::cpu
