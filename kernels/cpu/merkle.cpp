// SPDX-License-Identifier: Apache-2.0
// Where the target has AVX-512, eight rows (or eight nodes) are hashed at once with
// poseidon2_permute_x8, following the sponge and compression rules of hash/sponge.hpp and
// hash/compress.hpp exactly; the remaining rows use hash_elements and compress themselves.
#include "merkle.hpp"

#include <cstring>
#include <vector>

#include "hash/compress.hpp"
#include "hash/poseidon2.hpp"
#include "hash/sponge.hpp"
#include "packed.hpp"
#include "poseidon2_x8.hpp"

namespace zkbatch::kernels::cpu {

using field::Fp;
using hash::Digest;

namespace {

/// Rows below this count are hashed on the calling thread (a permutation costs about a
/// microsecond, so the pool pays off well before this).
constexpr size_t kParallelRows = 64;

/// Scalar leaf of row i: the rows of all matrices side by side, gathered into `scratch`.
Digest hash_row(const ConstMatrixRef* matrices, size_t count, size_t i, std::vector<Fp>& scratch) {
  if (count == 1)
    return hash::hash_elements(matrices[0].data + i * matrices[0].width, matrices[0].width);
  size_t offset = 0;
  for (size_t m = 0; m < count; ++m) {
    const size_t width = matrices[m].width;
    if (width != 0) {
      std::memcpy(scratch.data() + offset, matrices[m].data + i * width, width * sizeof(Fp));
    }
    offset += width;
  }
  return hash::hash_elements(scratch.data(), offset);
}

Digest compress_node(const Digest* children, const Digest* inject, size_t i) {
  const Digest node = hash::compress(children[2 * i], children[2 * i + 1]);
  return inject != nullptr ? hash::compress(node, inject[i]) : node;
}

#if ZKB_KERNELS_PACKED
constexpr size_t kLanes = packed::kLanes;
static_assert(hash::kSpongeRate == kLanes && hash::Poseidon2::kWidth == 12);

/// Eight lanes of 64-bit values at base + offsets[l] (offsets in elements).
inline __m512i gather(const void* base, __m512i offsets) {
  return _mm512_mask_i64gather_epi64(_mm512_setzero_si512(), 0xFF, offsets, base, 8);
}

/// Lane l of each of state[0..4) becomes digest out[l].
inline void store_digests(const __m512i* state, Digest* out) {
  alignas(64) uint64_t lanes[hash::kDigestElements][kLanes];
  for (size_t k = 0; k < hash::kDigestElements; ++k)
    _mm512_store_si512(lanes[k], state[k]);
  for (size_t l = 0; l < kLanes; ++l) {
    for (size_t k = 0; k < hash::kDigestElements; ++k) {
      out[l].v[k] = Fp::from_canonical_unchecked(lanes[k][l]);
    }
  }
}

/// Leaves of rows i .. i + 7: the sponge of hash_elements (state[8] = length, state[9] = tag,
/// chunks of 8 overwrite state[0..8) with zero padding) run in eight lanes, one row per lane.
void hash_rows_x8(const ConstMatrixRef* matrices, size_t total, size_t i, Digest* out) {
  __m512i state[hash::Poseidon2::kWidth];
  for (__m512i& s : state)
    s = _mm512_setzero_si512();
  state[hash::kSpongeRate] = _mm512_set1_epi64(static_cast<long long>(Fp(total).value()));
  state[hash::kSpongeRate + 1] =
      _mm512_set1_epi64(static_cast<long long>(Fp(hash::kSpongeTagElements).value()));
  size_t m = 0, column = 0, offset = 0;
  __m512i rows = _mm512_setzero_si512();  // lane l: l * width of matrix m
  auto select = [&](size_t matrix) {
    const auto w = static_cast<long long>(matrices[matrix].width);
    rows = _mm512_set_epi64(7 * w, 6 * w, 5 * w, 4 * w, 3 * w, 2 * w, w, 0);
  };
  select(0);
  do {
    const size_t take = total - offset < kLanes ? total - offset : kLanes;
    for (size_t e = 0; e < take; ++e) {
      while (column == matrices[m].width) {
        select(++m);
        column = 0;
      }
      const Fp* base = matrices[m].data + i * matrices[m].width;
      state[e] =
          gather(base, _mm512_add_epi64(rows, _mm512_set1_epi64(static_cast<long long>(column))));
      ++column;
    }
    for (size_t e = take; e < kLanes; ++e)
      state[e] = _mm512_setzero_si512();
    packed::poseidon2_permute_x8(state);
    offset += take;
  } while (offset < total);
  store_digests(state, out + i);
}

/// Nodes i .. i + 7 of a layer: compress(children[2i], children[2i + 1]) = the first four
/// elements of Perm(left || right || 0^4), then the same with the injected digest.
void compress_x8(const Digest* children, const Digest* inject, size_t i, Digest* out) {
  __m512i state[hash::Poseidon2::kWidth];
  const __m512i pair_stride = _mm512_set_epi64(56, 48, 40, 32, 24, 16, 8, 0);
  const Fp* pairs = &children[2 * i].v[0];
  for (size_t e = 0; e < 2 * hash::kDigestElements; ++e) {
    state[e] =
        gather(pairs, _mm512_add_epi64(pair_stride, _mm512_set1_epi64(static_cast<long long>(e))));
  }
  for (size_t e = 2 * hash::kDigestElements; e < hash::Poseidon2::kWidth; ++e) {
    state[e] = _mm512_setzero_si512();
  }
  packed::poseidon2_permute_x8(state);
  if (inject != nullptr) {
    const __m512i digest_stride = _mm512_set_epi64(28, 24, 20, 16, 12, 8, 4, 0);
    const Fp* rows = &inject[i].v[0];
    for (size_t e = 0; e < hash::kDigestElements; ++e) {
      state[hash::kDigestElements + e] = gather(
          rows, _mm512_add_epi64(digest_stride, _mm512_set1_epi64(static_cast<long long>(e))));
    }
    for (size_t e = 2 * hash::kDigestElements; e < hash::Poseidon2::kWidth; ++e) {
      state[e] = _mm512_setzero_si512();
    }
    packed::poseidon2_permute_x8(state);
  }
  store_digests(state, out + i);
}
#endif  // ZKB_KERNELS_PACKED

}  // namespace

void hash_rows(const ConstMatrixRef* matrices, size_t count, Digest* out) {
  const size_t height = matrices[0].height;
  size_t total = 0;
  for (size_t m = 0; m < count; ++m)
    total += matrices[m].width;
  size_t done = 0;
#if ZKB_KERNELS_PACKED
  const size_t groups = height / kLanes;
#pragma omp parallel for schedule(static) if (height >= kParallelRows)
  for (size_t g = 0; g < groups; ++g)
    hash_rows_x8(matrices, total, g * kLanes, out);
  done = groups * kLanes;
#endif
  std::vector<Fp> scratch(total);
  for (size_t i = done; i < height; ++i)
    out[i] = hash_row(matrices, count, i, scratch);
}

void compress_layer(const Digest* children, size_t out_count, const Digest* inject, Digest* out) {
  size_t done = 0;
#if ZKB_KERNELS_PACKED
  const size_t groups = out_count / kLanes;
#pragma omp parallel for schedule(static) if (out_count >= kParallelRows)
  for (size_t g = 0; g < groups; ++g)
    compress_x8(children, inject, g * kLanes, out);
  done = groups * kLanes;
#endif
  for (size_t i = done; i < out_count; ++i)
    out[i] = compress_node(children, inject, i);
}

}  // namespace zkbatch::kernels::cpu
