// SPDX-License-Identifier: Apache-2.0
// The CUDA field kernels against the CPU field on random inputs (fixed seed, printed on failure).
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "field/goldilocks.hpp"
#include "field_ops.hpp"

namespace {

using zkbatch::field::Fp;
using zkbatch::field::kModulus;
namespace cuda = zkbatch::kernels::cuda;

TEST(CudaField, BatchMulMatchesCpu) {
  if (cuda::device_count() == 0) GTEST_SKIP() << "no CUDA device visible: kernel not run";
  const uint64_t seed = 20261124;
  std::mt19937_64 rng(seed);
  const size_t n = (1 << 16) + 3;  // not a multiple of the block size
  std::vector<uint64_t> a(n), b(n), out(n);
  for (size_t i = 0; i < n; ++i) {
    a[i] = rng() % kModulus;
    b[i] = rng() % kModulus;
  }
  // Edge values first: 0, 1, p-1, 2^32, 2^63.
  const uint64_t edges[] = {0, 1, kModulus - 1, 1ull << 32, 1ull << 63};
  for (size_t i = 0; i < 5; ++i)
    a[i] = b[4 - i] = edges[i];
  cuda::Status s = cuda::batch_mul(a.data(), b.data(), out.data(), n);
  ASSERT_TRUE(s.ok) << s.message;
  for (size_t i = 0; i < n; ++i) {
    ASSERT_EQ(out[i], (Fp(a[i]) * Fp(b[i])).value()) << "index " << i << " seed " << seed;
  }
}

TEST(CudaField, RejectsNullPointers) {
  cuda::Status s = cuda::batch_mul(nullptr, nullptr, nullptr, 4);
  EXPECT_FALSE(s.ok);
}

}  // namespace
