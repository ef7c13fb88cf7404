// SPDX-License-Identifier: Apache-2.0
// Conversions between codewords (vectors of Fp3 in bit-reversed order) and what src/commit and
// src/poly work on (internal to src/fri).
#pragma once

#include <stddef.h>

#include <vector>

#include "field/extension.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::fri::detail {

/// log2(n) for a power of two n >= 1, else -1.
int log2_of(size_t n);

/// The commitment matrix of a layer folded by 2^log_arity: row j holds positions
/// j * 2^a .. j * 2^a + 2^a - 1, each as its three coefficients (width 3 * 2^a).
poly::RowMajorMatrix leaves_matrix(const std::vector<field::Fp3>& codeword, unsigned log_arity);

/// The coefficients (lowest first, 2^log_height of them) of the polynomial whose values on the
/// subgroup of order 2^log_height are `codeword` in bit-reversed order.
std::vector<field::Fp3> interpolate(const std::vector<field::Fp3>& codeword, unsigned log_height);

/// sum_i coeffs[i] x^i by Horner's rule.
field::Fp3 evaluate(const std::vector<field::Fp3>& coeffs, field::Fp x);

}  // namespace zkbatch::fri::detail
