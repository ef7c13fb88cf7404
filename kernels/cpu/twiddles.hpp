// SPDX-License-Identifier: Apache-2.0
// Precomputed NTT twiddle factors, cached for the life of the process.
#pragma once

#include "field/goldilocks.hpp"

namespace zkbatch::kernels::cpu {

/// Largest supported transform: log2 of the order of the largest power-of-two subgroup of F_p^*.
inline constexpr unsigned kMaxLogSize = 32;

/// The table for butterflies of span 2^level: t[k] = w^k for k < 2^(level-1), where w is
/// two_adic_generator(level) (or its inverse when `inverse`). Both the decimation-in-time and the
/// decimation-in-frequency stage that combines halves of length h = 2^(level-1) read exactly these
/// h values, in order, so each stage streams one contiguous table. The table for a level is built
/// on first use (in parallel) and kept: a transform of size 2^k needs levels 1..k, about 2^k
/// elements in all. Safe to call from several threads. `level` must be in [1, kMaxLogSize].
const field::Fp* twiddles(unsigned level, bool inverse);

/// Fills out[i] = first * base^i for i < n, in parallel (each thread starts from its own power).
void fill_powers(field::Fp* out, size_t n, field::Fp first, field::Fp base);

}  // namespace zkbatch::kernels::cpu
