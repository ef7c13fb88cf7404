// SPDX-License-Identifier: Apache-2.0
// Many inverses for the price of one (Montgomery's trick).
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"

namespace zkbatch::field {

/// out[i] = in[i]^-1 for i in [0, n), with zeros mapped to zero, using one field inversion and
/// about 3(n-1) multiplications (P. L. Montgomery, "Speeding the Pollard and elliptic curve
/// methods of factorization", Math. Comp. 48(177), 1987, §10.3.1). Elements are spread over
/// four interleaved chains so that their multiplications overlap. `in` and `out` must not
/// overlap: the backward pass reads `in` again after `out` has been written.
void batch_inverse(const Fp* in, Fp* out, size_t n);

/// The same over the cubic extension (LogUp denominators live there).
void batch_inverse(const Fp3* in, Fp3* out, size_t n);

}  // namespace zkbatch::field
