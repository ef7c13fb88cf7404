// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#include "hash/compress.hpp"

#include "hash/poseidon2.hpp"

namespace zkbatch::hash {

Digest compress(const Digest& left, const Digest& right) {
  field::Fp state[Poseidon2::kWidth];  // zero-initialized: the capacity stays 0, 0, 0, 0
  for (size_t i = 0; i < kDigestElements; ++i) {
    state[i] = left.v[i];
    state[kDigestElements + i] = right.v[i];
  }
  Poseidon2::permute(state);
  Digest out;
  for (size_t i = 0; i < kDigestElements; ++i) {
    out.v[i] = state[i];
  }
  return out;
}

}  // namespace zkbatch::hash
