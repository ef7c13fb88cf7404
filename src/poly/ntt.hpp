// SPDX-License-Identifier: Apache-2.0
// Batched radix-2 NTTs over the columns of a matrix, on subgroups and their cosets.
#pragma once

#include "field/goldilocks.hpp"
#include "kernels/backend.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::poly {

/// Forward NTT of every column of `m` in place: column values are the coefficients of a
/// polynomial p (c_0 first), and afterwards row j holds p(w^j) for w = two_adic_generator(log2
/// height) (in `output_order`). The height must be a power of two up to 2^32; throws
/// std::invalid_argument otherwise and std::runtime_error when the back end fails.
void ntt(RowMajorMatrix& m,
         RowOrder input_order = RowOrder::natural,
         RowOrder output_order = RowOrder::natural,
         kernels::Backend& backend = kernels::default_backend());

/// Inverse of `ntt`: evaluations on the subgroup in, coefficients out (with the 1/n factor).
void intt(RowMajorMatrix& m,
          RowOrder input_order = RowOrder::natural,
          RowOrder output_order = RowOrder::natural,
          kernels::Backend& backend = kernels::default_backend());

/// Evaluates coefficient columns (natural order) on the coset shift * H: row j of the result
/// holds p(shift * w^j) (in `output_order`).
void coset_ntt(RowMajorMatrix& coeffs,
               field::Fp shift,
               RowOrder output_order = RowOrder::natural,
               kernels::Backend& backend = kernels::default_backend());

/// Inverse of `coset_ntt`: values on shift * H (in `input_order`) in, natural-order coefficients
/// out. shift must be nonzero.
void coset_intt(RowMajorMatrix& evals,
                field::Fp shift,
                RowOrder input_order = RowOrder::natural,
                kernels::Backend& backend = kernels::default_backend());

/// Swaps rows i and reverse_bits(i, log2 height) (power-of-two height): converts between the two
/// row orders.
void bit_reverse_rows(RowMajorMatrix& m, kernels::Backend& backend = kernels::default_backend());

}  // namespace zkbatch::poly
