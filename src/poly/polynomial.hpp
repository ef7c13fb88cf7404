// SPDX-License-Identifier: Apache-2.0
// Evaluating polynomials given by coefficients or by values on a domain, at base-field and
// extension points (the verifier's out-of-domain checks and the DEEP quotient need these).
#pragma once

#include <span>
#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "kernels/backend.hpp"
#include "poly/domain.hpp"
#include "poly/matrix.hpp"

namespace zkbatch::poly {

/// sum_i coeffs[i] x^i by Horner's rule (zero for no coefficients).
field::Fp evaluate_coefficients(std::span<const field::Fp> coeffs, field::Fp x);
/// sum_i coeffs[i] x^i at an extension point.
field::Fp3 evaluate_coefficients(std::span<const field::Fp> coeffs, const field::Fp3& x);
/// sum_i coeffs[i] x^i with extension coefficients (FRI's final polynomial).
field::Fp3 evaluate_coefficients(std::span<const field::Fp3> coeffs, const field::Fp3& x);

/// Values at z of every column of `evals`, where column j holds the values of a polynomial p_j of
/// degree < n on `domain` (rows in `order`; evals.height() == domain.size()). Uses the barycentric
/// form of Lagrange interpolation on a coset D = shift * H of order n:
///     p(z) = Z_D(z) / (n shift^n) * sum_i p(x_i) x_i / (z - x_i),
/// (L_i(z) = Z_D(z) / (Z_D'(x_i) (z - x_i)) and Z_D'(x_i) = n shift^n / x_i), with the weights
/// x_i / (z - x_i) computed once for all columns. O(n * width) operations, no NTT. When z lies in
/// D the matching row is returned. Throws std::invalid_argument on a height mismatch.
std::vector<field::Fp3> evaluate_columns_at(const RowMajorMatrix& evals,
                                            const TwoAdicCoset& domain,
                                            const field::Fp3& z,
                                            kernels::RowOrder order = kernels::RowOrder::natural);

/// The same for a single column of values.
field::Fp3 evaluate_column_at(std::span<const field::Fp> values,
                              const TwoAdicCoset& domain,
                              const field::Fp3& z,
                              kernels::RowOrder order = kernels::RowOrder::natural);

}  // namespace zkbatch::poly
