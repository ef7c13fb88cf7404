// SPDX-License-Identifier: Apache-2.0
// Row-major batched NTT. Every butterfly combines two whole rows with one twiddle, so the inner
// loop runs over contiguous columns. Stages whose butterflies stay inside a block of
// kBlockBytes are run block by block (each block stays in the core's L2 cache for all of them);
// the remaining wide stages run over the whole matrix, up to four stages per pass, parallel over
// L1-sized tiles.
#include "ntt.hpp"

#include <omp.h>

#include <algorithm>

#include "kernels/backend.hpp"
#include "packed.hpp"
#include "twiddles.hpp"

namespace zkbatch::kernels::cpu {

using field::Fp;

namespace {

/// Bytes of rows kept in cache for the block phase (the L2 of current server cores is 1-2 MiB).
constexpr size_t kBlockBytes = size_t{256} << 10;
/// Fewer field elements than this are transformed on the calling thread alone.
constexpr size_t kParallelElements = size_t{1} << 16;

/// (x, y) <- (x + t y, x - t y) (DIT) or (x + y, (x - y) t) (DIF) on every column of one pair
/// of rows; eight columns at a time where the target has AVX-512.
template <bool kDit>
inline void butterfly_rows(Fp* __restrict x, Fp* __restrict y, size_t width, Fp t) {
  size_t c = 0;
#if ZKB_KERNELS_PACKED
  if (width >= packed::kLanes) {
    const __m512i tv = _mm512_set1_epi64(static_cast<long long>(t.value()));
    for (; c + packed::kLanes <= width; c += packed::kLanes) {
      const __m512i a = packed::load(x + c);
      const __m512i b = packed::load(y + c);
      if constexpr (kDit) {
        const __m512i tb = packed::mul(b, tv);
        packed::store(x + c, packed::add(a, tb));
        packed::store(y + c, packed::sub(a, tb));
      } else {
        packed::store(x + c, packed::add(a, b));
        packed::store(y + c, packed::mul(packed::sub(a, b), tv));
      }
    }
  }
#endif
  for (; c < width; ++c) {
    const Fp a = x[c];
    if constexpr (kDit) {
      const Fp b = y[c] * t;
      x[c] = a + b;
      y[c] = a - b;
    } else {
      const Fp b = y[c];
      x[c] = a + b;
      y[c] = (a - b) * t;
    }
  }
}

/// Butterflies k0 .. k0 + count - 1 of one block: rows x + k and y + k (k relative to k0) with
/// twiddle tw[k0 + k]. A single column is vectorized across k instead of across columns.
template <bool kDit>
inline void butterflies(Fp* x, Fp* y, size_t width, const Fp* tw, size_t k0, size_t count) {
#if ZKB_KERNELS_PACKED
  if (width == 1 && count % packed::kLanes == 0) {
    for (size_t k = 0; k < count; k += packed::kLanes) {
      const __m512i a = packed::load(x + k);
      const __m512i b = packed::load(y + k);
      const __m512i t = packed::load(tw + k0 + k);
      if constexpr (kDit) {
        const __m512i tb = packed::mul(b, t);
        packed::store(x + k, packed::add(a, tb));
        packed::store(y + k, packed::sub(a, tb));
      } else {
        packed::store(x + k, packed::add(a, b));
        packed::store(y + k, packed::mul(packed::sub(a, b), t));
      }
    }
    return;
  }
#endif
  for (size_t k = 0; k < count; ++k) {
    butterfly_rows<kDit>(x + k * width, y + k * width, width, tw[k0 + k]);
  }
}

/// One stage on a contiguous group of 2^log_rows rows, on the calling thread.
template <bool kDit>
void stage_serial(Fp* data, size_t width, unsigned log_rows, unsigned s, const Fp* tw) {
  const size_t h = size_t{1} << s;
  const size_t rows = size_t{1} << log_rows;
  for (size_t start = 0; start < rows; start += 2 * h) {
    Fp* x = data + start * width;
    butterflies<kDit>(x, x + h * width, width, tw, 0, h);
  }
}

/// Wide stages processed together in one pass over the matrix.
constexpr unsigned kGroupStages = 4;
/// Elements of one tile of a stage group (2^g row groups x c rows x width): 32 KiB, L1-sized.
constexpr size_t kTileElements = size_t{1} << 12;

/// Stages s_lo .. s_lo + g - 1 over the whole matrix in one pass. With d = 2^s_lo, these stages
/// only combine rows whose indices differ by multiples of d inside one span of 2^(s_lo + g) rows,
/// so the matrix splits into independent tiles: 2^g row groups m (rows base + m d + [0, c)) for c
/// consecutive offsets below d. A tile is small enough to stay in L1 while all g stages run on
/// it, which cuts the memory traffic of the wide stages by a factor g. For stage s = s_lo + i the
/// pair is (m, m + 2^i) and row base + m d + k has twiddle index (k + (m mod 2^i) d) below h.
template <bool kDit>
void stage_group(Fp* data, size_t width, unsigned log_n, unsigned s_lo, unsigned g, bool inverse) {
  const size_t d = size_t{1} << s_lo;
  const size_t span = d << g;
  const size_t groups = size_t{1} << g;
  size_t c = 1;
  while (2 * c <= d && ((2 * c * width) << g) <= kTileElements)
    c *= 2;
  const size_t tiles_per_span = d / c;
  const size_t tiles = (size_t{1} << log_n) / span * tiles_per_span;
  const Fp* tw[kGroupStages];
  for (unsigned i = 0; i < g; ++i)
    tw[i] = twiddles(s_lo + i + 1, inverse);
  const bool parallel = tiles > 1 && (size_t{1} << log_n) * width >= kParallelElements;
#pragma omp parallel for schedule(static) if (parallel)
  for (size_t t = 0; t < tiles; ++t) {
    const size_t k0 = (t % tiles_per_span) * c;
    Fp* base = data + ((t / tiles_per_span) * span + k0) * width;
    for (unsigned step = 0; step < g; ++step) {
      const unsigned i = kDit ? step : g - 1 - step;  // DIT runs stages upwards, DIF downwards
      const size_t half = size_t{1} << i;
      for (size_t m = 0; m < groups; ++m) {
        if ((m & half) != 0) continue;
        Fp* x = base + m * d * width;
        butterflies<kDit>(x, x + half * d * width, width, tw[i], k0 + (m & (half - 1)) * d, c);
      }
    }
  }
}

/// log2 of the rows per cache block, or 0 when blocking would leave threads idle.
unsigned block_log_for(size_t width, unsigned log_n) {
  unsigned block_log = 1;
  while (block_log < log_n && (size_t{2} << block_log) * width * sizeof(Fp) <= kBlockBytes) {
    ++block_log;
  }
  const size_t blocks = size_t{1} << (log_n - block_log);
  const size_t threads = static_cast<size_t>(omp_get_max_threads());
  if (threads > 1 && blocks < 2 * threads && (size_t{1} << log_n) * width >= kParallelElements) {
    return 0;  // too few blocks to share: run every stage in parallel instead
  }
  return block_log;
}

}  // namespace

void ntt_dit(Fp* data, size_t width, unsigned log_n, bool inverse, unsigned first_stage) {
  if (log_n == 0 || width == 0 || first_stage >= log_n) return;
  const unsigned block_log = block_log_for(width, log_n);
  if (first_stage < block_log) {
    const size_t blocks = size_t{1} << (log_n - block_log);
    const bool parallel = blocks > 1 && (size_t{1} << log_n) * width >= kParallelElements;
#pragma omp parallel for schedule(static) if (parallel)
    for (size_t b = 0; b < blocks; ++b) {
      Fp* block = data + (b << block_log) * width;
      for (unsigned s = first_stage; s < block_log; ++s) {
        stage_serial<true>(block, width, block_log, s, twiddles(s + 1, inverse));
      }
    }
  }
  for (unsigned s = std::max(first_stage, block_log); s < log_n; s += kGroupStages) {
    stage_group<true>(data, width, log_n, s, std::min(kGroupStages, log_n - s), inverse);
  }
}

void ntt_dif(Fp* data, size_t width, unsigned log_n, bool inverse) {
  if (log_n == 0 || width == 0) return;
  const unsigned block_log = block_log_for(width, log_n);
  for (unsigned top = log_n; top > block_log;) {
    const unsigned g = std::min(kGroupStages, top - block_log);
    top -= g;
    stage_group<false>(data, width, log_n, top, g, inverse);
  }
  if (block_log > 0) {
    const size_t blocks = size_t{1} << (log_n - block_log);
    const bool parallel = blocks > 1 && (size_t{1} << log_n) * width >= kParallelElements;
#pragma omp parallel for schedule(static) if (parallel)
    for (size_t b = 0; b < blocks; ++b) {
      Fp* block = data + (b << block_log) * width;
      for (unsigned s = block_log; s-- > 0;) {
        stage_serial<false>(block, width, block_log, s, twiddles(s + 1, inverse));
      }
    }
  }
}

void bit_reverse_rows(Fp* data, size_t width, unsigned log_n) {
  const size_t n = size_t{1} << log_n;
  const bool parallel = n * width >= kParallelElements;
#pragma omp parallel for schedule(static) if (parallel)
  for (size_t i = 0; i < n; ++i) {
    const size_t j = reverse_bits(i, log_n);
    if (i < j) std::swap_ranges(data + i * width, data + (i + 1) * width, data + j * width);
  }
}

void scale_row(Fp* dst, const Fp* src, size_t width, Fp factor) {
  size_t c = 0;
#if ZKB_KERNELS_PACKED
  if (width >= packed::kLanes) {
    const __m512i f = _mm512_set1_epi64(static_cast<long long>(factor.value()));
    for (; c + packed::kLanes <= width; c += packed::kLanes) {
      packed::store(dst + c, packed::mul(packed::load(src + c), f));
    }
  }
#endif
  for (; c < width; ++c)
    dst[c] = src[c] * factor;
}

void scale_rows(Fp* dst, const Fp* src, size_t width, size_t height, Fp first, Fp base) {
  const bool parallel = height * width >= kParallelElements;
#pragma omp parallel if (parallel)
  {
    const size_t threads = static_cast<size_t>(omp_get_num_threads());
    const size_t id = static_cast<size_t>(omp_get_thread_num());
    const size_t chunk = (height + threads - 1) / threads;
    const size_t begin = std::min(height, id * chunk);
    const size_t end = std::min(height, begin + chunk);
    Fp factor = first * base.pow(begin);
    size_t i = begin;
#if ZKB_KERNELS_PACKED
    if (width == 1 && end - begin >= packed::kLanes) {
      // One column: eight consecutive rows per vector, the factors advancing by base^8.
      alignas(64) uint64_t start[packed::kLanes];
      for (size_t l = 0; l < packed::kLanes; ++l, factor *= base)
        start[l] = factor.value();
      __m512i factors = _mm512_load_si512(start);
      const __m512i step =
          _mm512_set1_epi64(static_cast<long long>(base.pow(packed::kLanes).value()));
      for (; i + packed::kLanes <= end; i += packed::kLanes) {
        packed::store(dst + i, packed::mul(packed::load(src + i), factors));
        factors = packed::mul(factors, step);
      }
      factor = first * base.pow(i);
    }
#endif
    for (; i < end; ++i) {
      scale_row(dst + i * width, src + i * width, width, factor);
      factor *= base;
    }
  }
}

}  // namespace zkbatch::kernels::cpu
