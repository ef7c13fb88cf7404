// SPDX-License-Identifier: Apache-2.0
#include "poly/lde.hpp"

#include "kernels/staged_array.hpp"
#include "poly/detail/check.hpp"

namespace zkbatch::poly {

using field::Fp;
using kernels::StagedArray;

RowMajorMatrix coset_lde(const RowMajorMatrix& evals,
                         unsigned log_blowup,
                         Fp shift,
                         kernels::RowOrder output_order,
                         kernels::Backend& backend) {
  const unsigned log_n =
      detail::require_log2(evals.height(), "coset_lde: height must be a power of two");
  detail::require(log_blowup <= 32 && log_n + log_blowup <= 32,
                  "coset_lde: extended height exceeds 2^32");
  const size_t out_height = evals.height() << log_blowup;
  detail::require(shift != Fp::zero() && shift.pow(out_height) != Fp::one(),
                  "coset_lde: the shift lies in the extended subgroup");
  RowMajorMatrix out(evals.width(), out_height);
  if (evals.width() == 0) return out;

  StagedArray<const Fp> in(backend, evals.values().data(), evals.values().size(), true, {});
  detail::check(in.status(), "staging the LDE input");
  StagedArray<Fp> result(backend, out.values().data(), out.values().size(), false, {});
  detail::check(result.status(), "staging the LDE output");
  detail::check(backend.coset_lde({in.device(), evals.width(), evals.height()}, log_blowup, shift,
                                  output_order, {result.device(), out.width(), out.height()}, {}),
                "coset LDE");
  detail::check(result.copy_out(), "copying the LDE back from the back end");
  return out;
}

}  // namespace zkbatch::poly
