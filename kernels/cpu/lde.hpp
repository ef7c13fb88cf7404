// SPDX-License-Identifier: Apache-2.0
// Coset low-degree extension on the CPU.
#pragma once

#include <stddef.h>

#include "field/goldilocks.hpp"

namespace zkbatch::kernels::cpu {

/// See Backend::coset_lde. `in` has 2^log_n rows, `out` 2^(log_n + log_blowup) rows, both of
/// `width` columns, no overlap; arguments are already checked.
void coset_lde(const field::Fp* in,
               size_t width,
               unsigned log_n,
               unsigned log_blowup,
               field::Fp shift,
               bool bit_reversed_output,
               field::Fp* out);

}  // namespace zkbatch::kernels::cpu
