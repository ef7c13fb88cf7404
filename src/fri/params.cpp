// SPDX-License-Identifier: Apache-2.0
#include "fri/params.hpp"

namespace zkbatch::fri {

FriError validate(const FriParams& p) {
  const bool ok = p.log_blowup >= 1 && p.log_blowup <= kMaxLogBlowup &&
                  p.log_final_poly_len <= kMaxLogFinalPolyLen && p.num_queries >= 1 &&
                  p.num_queries <= kMaxQueries && p.query_pow_bits <= kMaxPowBits &&
                  p.log_folding_arity >= 1 && p.log_folding_arity <= kMaxLogFoldingArity;
  return ok ? FriError::ok : FriError::bad_parameters;
}

}  // namespace zkbatch::fri
