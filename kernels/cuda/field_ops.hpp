// SPDX-License-Identifier: Apache-2.0
// Host interface of the CUDA field kernels: plain C++, no CUDA types, so callers build without
// nvcc. Compiled only when the CUDA back end is enabled (ZKB_CUDA_ENABLED).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace zkbatch::kernels::cuda {

/// Outcome of a device call; `message` is empty on success.
struct Status {
  bool ok = true;
  std::string message;
};

/// Number of CUDA devices visible to this process (0 when there is no driver or no GPU).
int device_count();

/// out[i] = a[i] * b[i] mod p for i < n, computed on device 0. Inputs must be canonical
/// (< p). Host pointers; the call copies in and out and synchronises.
Status batch_mul(const uint64_t* a, const uint64_t* b, uint64_t* out, size_t n);

}  // namespace zkbatch::kernels::cuda
