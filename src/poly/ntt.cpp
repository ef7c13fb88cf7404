// SPDX-License-Identifier: Apache-2.0
#include "poly/ntt.hpp"

#include "kernels/staged_array.hpp"
#include "poly/detail/check.hpp"

namespace zkbatch::poly {

using field::Fp;
using kernels::Backend;
using kernels::NttDirection;
using kernels::StagedArray;

namespace {

constexpr const char* kBadHeight = "NTT height must be a power of two up to 2^32";

/// The matrix's values in the back end's memory.
struct Staged {
  Staged(Backend& backend, RowMajorMatrix& m)
      : array(backend, m.values().data(), m.values().size(), true, {}),
        ref{array.device(), m.width(), m.height()} {
    detail::check(array.status(), "staging a matrix for the back end");
  }
  void finish() { detail::check(array.copy_out(), "copying a matrix back from the back end"); }

  StagedArray<Fp> array;
  kernels::MatrixRef ref;
};

void transform(RowMajorMatrix& m,
               NttDirection direction,
               RowOrder in,
               RowOrder out,
               Backend& backend) {
  detail::require(detail::require_log2(m.height(), kBadHeight) <= 32, kBadHeight);
  Staged staged(backend, m);
  detail::check(backend.ntt(staged.ref, direction, in, out, {}), "NTT");
  staged.finish();
}

}  // namespace

void ntt(RowMajorMatrix& m, RowOrder input_order, RowOrder output_order, Backend& backend) {
  transform(m, NttDirection::forward, input_order, output_order, backend);
}

void intt(RowMajorMatrix& m, RowOrder input_order, RowOrder output_order, Backend& backend) {
  transform(m, NttDirection::inverse, input_order, output_order, backend);
}

void coset_ntt(RowMajorMatrix& coeffs, Fp shift, RowOrder output_order, Backend& backend) {
  detail::require(detail::require_log2(coeffs.height(), kBadHeight) <= 32, kBadHeight);
  Staged staged(backend, coeffs);
  // p(shift * x) has coefficients c_i shift^i.
  detail::check(backend.scale_rows(staged.ref, Fp::one(), shift, {}), "coset NTT scaling");
  detail::check(backend.ntt(staged.ref, NttDirection::forward, RowOrder::natural, output_order, {}),
                "coset NTT");
  staged.finish();
}

void coset_intt(RowMajorMatrix& evals, Fp shift, RowOrder input_order, Backend& backend) {
  detail::require(detail::require_log2(evals.height(), kBadHeight) <= 32, kBadHeight);
  detail::require(shift != Fp::zero(), "coset_intt: the shift must be nonzero");
  Staged staged(backend, evals);
  detail::check(backend.ntt(staged.ref, NttDirection::inverse, input_order, RowOrder::natural, {}),
                "coset inverse NTT");
  detail::check(backend.scale_rows(staged.ref, Fp::one(), shift.inverse(), {}),
                "coset inverse NTT scaling");
  staged.finish();
}

void bit_reverse_rows(RowMajorMatrix& m, Backend& backend) {
  detail::require_log2(m.height(), "bit_reverse_rows: height must be a power of two");
  Staged staged(backend, m);
  detail::check(backend.bit_reverse_rows(staged.ref, {}), "bit-reverse permutation");
  staged.finish();
}

}  // namespace zkbatch::poly
