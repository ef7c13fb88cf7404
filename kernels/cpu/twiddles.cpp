// SPDX-License-Identifier: Apache-2.0
#include "twiddles.hpp"

#include <omp.h>

#include <atomic>
#include <memory>
#include <mutex>

#include "field/roots.hpp"

namespace zkbatch::kernels::cpu {

using field::Fp;

namespace {

/// Below this many elements a loop is not worth waking the thread pool for.
constexpr size_t kParallelThreshold = size_t{1} << 12;

struct TwiddleCache {
  std::mutex mutex;
  // Published pointers (acquire/release) so readers skip the mutex once a level exists.
  std::atomic<const Fp*> tables[2][kMaxLogSize + 1] = {};
  std::unique_ptr<Fp[]> storage[2][kMaxLogSize + 1];
};

TwiddleCache& cache() {
  static TwiddleCache instance;
  return instance;
}

}  // namespace

void fill_powers(Fp* out, size_t n, Fp first, Fp base) {
  if (n == 0) return;
#pragma omp parallel if (n >= kParallelThreshold)
  {
    const size_t threads = static_cast<size_t>(omp_get_num_threads());
    const size_t id = static_cast<size_t>(omp_get_thread_num());
    const size_t chunk = (n + threads - 1) / threads;
    const size_t begin = id * chunk;
    const size_t end = begin + chunk < n ? begin + chunk : n;
    if (begin < end) {
      Fp power = first * base.pow(begin);
      for (size_t i = begin; i < end; ++i) {
        out[i] = power;
        power *= base;
      }
    }
  }
}

const Fp* twiddles(unsigned level, bool inverse) {
  TwiddleCache& c = cache();
  const int dir = inverse ? 1 : 0;
  const Fp* table = c.tables[dir][level].load(std::memory_order_acquire);
  if (table != nullptr) return table;

  std::lock_guard<std::mutex> lock(c.mutex);
  table = c.tables[dir][level].load(std::memory_order_relaxed);
  if (table != nullptr) return table;
  const size_t half = size_t{1} << (level - 1);
  auto storage = std::make_unique<Fp[]>(half);
  Fp root = field::two_adic_generator(level);
  if (inverse) root = root.inverse();
  fill_powers(storage.get(), half, Fp::one(), root);
  table = storage.get();
  c.storage[dir][level] = std::move(storage);
  c.tables[dir][level].store(table, std::memory_order_release);
  return table;
}

}  // namespace zkbatch::kernels::cpu
