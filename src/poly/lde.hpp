// SPDX-License-Identifier: Apache-2.0
// Reed-Solomon low-degree extension of trace columns onto a coset (DESIGN.md §3).
#pragma once

#include "field/goldilocks.hpp"
#include "field/roots.hpp"
#include "kernels/backend.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::poly {

/// Coset LDE of every column. Column j of `evals` (height n, a power of two, natural order) holds
/// the values of the polynomial p_j of degree < n on the subgroup H of order n. Returns the
/// (n << log_blowup) x width matrix of the values of p_j on the coset shift * H', H' the subgroup
/// of order n << log_blowup; natural row k holds p_j(shift * w'^k), and `output_order` may ask
/// for bit-reversed rows instead. The default shift, the multiplicative generator 7, lies in no
/// proper subgroup, so the coset is disjoint from H and H'. Throws std::invalid_argument for a
/// height that is not a power of two, n << log_blowup > 2^32, or a shift inside H', and
/// std::runtime_error when the back end fails.
RowMajorMatrix coset_lde(const RowMajorMatrix& evals,
                         unsigned log_blowup,
                         field::Fp shift = field::multiplicative_generator(),
                         kernels::RowOrder output_order = kernels::RowOrder::natural,
                         kernels::Backend& backend = kernels::default_backend());

}  // namespace zkbatch::poly
