// SPDX-License-Identifier: Apache-2.0
// Parallel building blocks shared by the src/poly sources (internal).
#pragma once

#include <omp.h>
#include <stddef.h>

#include <algorithm>

#include "field/batch_inverse.hpp"
#include "field/extension.hpp"
#include "field/goldilocks.hpp"

namespace zkbatch::poly::detail {

/// Loops shorter than this run on the calling thread.
inline constexpr size_t kParallelThreshold = size_t{1} << 12;

/// out[i] = in[i]^-1 (zero to zero) for i < n: Montgomery's trick on one chunk per thread, so
/// it costs one inversion per thread. `in` and `out` must not overlap. T is Fp or Fp3.
template <class T>
void parallel_batch_inverse(const T* in, T* out, size_t n) {
#pragma omp parallel if (n >= kParallelThreshold)
  {
    const size_t threads = static_cast<size_t>(omp_get_num_threads());
    const size_t id = static_cast<size_t>(omp_get_thread_num());
    const size_t chunk = (n + threads - 1) / threads;
    const size_t begin = std::min(n, id * chunk);
    const size_t end = std::min(n, begin + chunk);
    if (begin < end) field::batch_inverse(in + begin, out + begin, end - begin);
  }
}

/// out[i] = first * base^i for i < n, each thread starting from its own power.
inline void parallel_powers(field::Fp* out, size_t n, field::Fp first, field::Fp base) {
#pragma omp parallel if (n >= kParallelThreshold)
  {
    const size_t threads = static_cast<size_t>(omp_get_num_threads());
    const size_t id = static_cast<size_t>(omp_get_thread_num());
    const size_t chunk = (n + threads - 1) / threads;
    const size_t begin = std::min(n, id * chunk);
    const size_t end = std::min(n, begin + chunk);
    field::Fp power = first * base.pow(begin);
    for (size_t i = begin; i < end; ++i) {
      out[i] = power;
      power *= base;
    }
  }
}

}  // namespace zkbatch::poly::detail
