// SPDX-License-Identifier: Apache-2.0
#include "fri/detail/codeword.hpp"

#include "kernels/backend.hpp"
#include "poly/ntt.hpp"

namespace zkbatch::fri::detail {

using field::Fp;
using field::Fp3;

int log2_of(size_t n) {
  return kernels::log2_exact(n);
}

poly::RowMajorMatrix leaves_matrix(const std::vector<Fp3>& codeword, unsigned log_arity) {
  std::vector<Fp> flat(codeword.size() * 3);
  for (size_t i = 0; i < codeword.size(); ++i) {
    flat[3 * i] = codeword[i].c[0];
    flat[3 * i + 1] = codeword[i].c[1];
    flat[3 * i + 2] = codeword[i].c[2];
  }
  return poly::RowMajorMatrix(3 * (size_t{1} << log_arity), std::move(flat));
}

std::vector<Fp3> interpolate(const std::vector<Fp3>& codeword, unsigned log_height) {
  // The inverse NTT is F_p-linear, so the three coefficient columns transform independently.
  poly::RowMajorMatrix m(3, size_t{1} << log_height);
  for (size_t i = 0; i < codeword.size(); ++i) {
    for (size_t c = 0; c < 3; ++c)
      m.at(i, c) = codeword[i].c[c];
  }
  poly::intt(m, poly::RowOrder::bit_reversed, poly::RowOrder::natural);
  std::vector<Fp3> coeffs(codeword.size());
  for (size_t i = 0; i < coeffs.size(); ++i)
    coeffs[i] = Fp3(m.at(i, 0), m.at(i, 1), m.at(i, 2));
  return coeffs;
}

Fp3 evaluate(const std::vector<Fp3>& coeffs, Fp x) {
  Fp3 acc = Fp3::zero();
  for (size_t i = coeffs.size(); i-- > 0;)
    acc = acc * x + coeffs[i];
  return acc;
}

}  // namespace zkbatch::fri::detail
