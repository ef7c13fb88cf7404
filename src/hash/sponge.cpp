// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#include "hash/sponge.hpp"

#include <stdint.h>

#include "hash/poseidon2.hpp"

namespace zkbatch::hash {

using field::Fp;

namespace {

static_assert(kSpongeRate + kSpongeCapacity == Poseidon2::kWidth);

/// The initial state of rule 1.
void init_state(Fp* state, uint64_t length, uint64_t tag) {
  for (size_t i = 0; i < Poseidon2::kWidth; ++i) {
    state[i] = Fp::zero();
  }
  state[kSpongeRate] = Fp(length);
  state[kSpongeRate + 1] = Fp(tag);
}

Digest squeeze(const Fp* state) {
  Digest out;
  for (size_t i = 0; i < kDigestElements; ++i) {
    out.v[i] = state[i];
  }
  return out;
}

/// Element k of the byte packing: up to 7 bytes, little-endian.
Fp pack_element(const uint8_t* bytes, size_t count) {
  uint64_t value = 0;
  for (size_t j = 0; j < count; ++j) {
    value |= static_cast<uint64_t>(bytes[j]) << (8 * j);
  }
  return Fp(value);
}

}  // namespace

Digest hash_elements(const Fp* data, size_t n) {
  Fp state[Poseidon2::kWidth];
  init_state(state, n, kSpongeTagElements);
  size_t offset = 0;
  do {
    size_t take = n - offset < kSpongeRate ? n - offset : kSpongeRate;
    for (size_t i = 0; i < take; ++i) {
      state[i] = data[offset + i];
    }
    for (size_t i = take; i < kSpongeRate; ++i) {
      state[i] = Fp::zero();
    }
    Poseidon2::permute(state);
    offset += take;
  } while (offset < n);
  return squeeze(state);
}

Digest hash_bytes(base::ByteSpan bytes) {
  constexpr size_t kChunkBytes = kSpongeRate * kBytesPerElement;
  const size_t n = bytes.size();
  Fp state[Poseidon2::kWidth];
  init_state(state, n, kSpongeTagBytes);
  size_t offset = 0;
  do {
    size_t chunk = n - offset < kChunkBytes ? n - offset : kChunkBytes;
    for (size_t i = 0; i < kSpongeRate; ++i) {
      size_t start = i * kBytesPerElement;
      if (start >= chunk) {
        state[i] = Fp::zero();  // zero padding of a short last chunk
        continue;
      }
      size_t count = chunk - start < kBytesPerElement ? chunk - start : kBytesPerElement;
      state[i] = pack_element(bytes.data() + offset + start, count);
    }
    Poseidon2::permute(state);
    offset += chunk;
  } while (offset < n);
  return squeeze(state);
}

}  // namespace zkbatch::hash
