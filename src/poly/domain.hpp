// SPDX-License-Identifier: Apache-2.0
// Evaluation domains: power-of-two subgroups of F_p^* and their cosets, with the vanishing
// polynomial and the row selectors the STARK quotient uses.
#pragma once

#include <stddef.h>

#include <vector>

#include "field/extension.hpp"
#include "field/goldilocks.hpp"
#include "kernels/backend.hpp"

namespace zkbatch::poly {

/// The values that switch AIR constraints on and off at a point x, for a trace domain
/// D = {x_0, ..., x_{n-1}} = shift * <g>:
/// * is_first_row = L_0(x), the Lagrange polynomial of the first row (1 at x_0, 0 elsewhere on D);
/// * is_last_row = L_{n-1}(x), the Lagrange polynomial of the last row x_{n-1} = shift / g;
/// * is_transition = x - x_{n-1}, zero only on the last row, so transition constraints (row i
///   against row i + 1) skip the wrap-around from the last row to the first;
/// * inv_vanishing = 1 / Z_D(x), which turns the combined constraints into the quotient.
/// T is Fp3 at one out-of-domain point and std::vector<Fp> over a whole LDE domain.
template <class T>
struct LagrangeSelectors {
  T is_first_row;   ///< L_0(x)
  T is_last_row;    ///< L_{n-1}(x)
  T is_transition;  ///< x - x_{n-1}
  T inv_vanishing;  ///< 1 / Z_D(x)
};

/// The coset shift * H of the subgroup H = <g> of order n = 2^log_n, g = two_adic_generator(log_n)
/// (shift = 1 gives H itself; a trace domain). Element i is shift * g^i. Its vanishing polynomial
/// is Z(X) = X^n - shift^n, the monic polynomial whose roots are exactly the n elements.
struct TwoAdicCoset {
  unsigned log_n = 0;                  ///< log2 of the number of elements
  field::Fp shift = field::Fp::one();  ///< the coset representative (1: the subgroup)

  /// The subgroup of order 2^log_n.
  static TwoAdicCoset subgroup(unsigned log_n) { return TwoAdicCoset{log_n, field::Fp::one()}; }

  /// n = 2^log_n.
  size_t size() const { return size_t{1} << log_n; }
  /// g, the generator of the subgroup.
  field::Fp generator() const;
  /// shift * g^i (i taken modulo n).
  field::Fp element(size_t i) const;
  /// All n elements; row r holds element r (natural) or element reverse_bits(r, log_n).
  std::vector<field::Fp> elements(kernels::RowOrder order = kernels::RowOrder::natural) const;
  /// The coset new_shift * H' with |H'| = n << log_blowup, the domain of an LDE of this one.
  TwoAdicCoset extended(unsigned log_blowup, field::Fp new_shift) const {
    return TwoAdicCoset{log_n + log_blowup, new_shift};
  }

  /// Z(x) = x^n - shift^n.
  field::Fp vanishing(field::Fp x) const;
  /// Z(x) = x^n - shift^n at an extension point.
  field::Fp3 vanishing(const field::Fp3& x) const;

  /// The selectors at one point outside the domain (the verifier's zeta). A point of the domain
  /// makes Z vanish: then inv_vanishing is zero (inverse(0) = 0) and the caller must not use it.
  LagrangeSelectors<field::Fp3> selectors_at(const field::Fp3& x) const;

  /// The selectors at every point of `lde` (rows in `order`), which must have at least as many
  /// points as this domain and be disjoint from it (a coset of a larger subgroup by a shift
  /// outside it). Z has period |lde| / n on `lde`, so only that many values are inverted. Throws
  /// std::invalid_argument when `lde` is smaller or meets this domain.
  LagrangeSelectors<std::vector<field::Fp>> selectors_on(
      const TwoAdicCoset& lde,
      kernels::RowOrder order = kernels::RowOrder::natural) const;

  /// Same size and shift.
  bool operator==(const TwoAdicCoset& other) const = default;
};

}  // namespace zkbatch::poly
