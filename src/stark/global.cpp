// SPDX-License-Identifier: Apache-2.0
#include "stark/global.hpp"

#include <vector>

#include "hash/sponge.hpp"

namespace zkbatch::stark {

using field::Fp3;

hash::Digest derive_global_seed(std::span<const hash::Digest> phase1_commitments) {
  std::vector<field::Fp> elements;
  for (const hash::Digest& d : phase1_commitments) {
    elements.insert(elements.end(), d.v, d.v + hash::kDigestElements);
  }
  return hash::hash_elements(elements.data(), elements.size());
}

VerifyError check_global_sums(std::span<const Fp3> partial_sums) {
  if (partial_sums.empty()) return VerifyError::wrong_proof_count;
  Fp3 total = Fp3::zero();
  for (const Fp3& s : partial_sums)
    total += s;
  return total == Fp3::zero() ? VerifyError::ok : VerifyError::global_sums_nonzero;
}

}  // namespace zkbatch::stark
