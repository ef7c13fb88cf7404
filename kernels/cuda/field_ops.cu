// SPDX-License-Identifier: Apache-2.0
#include "field_ops.hpp"

#include <cuda_runtime.h>

#include "goldilocks.cuh"

namespace zkbatch::kernels::cuda {
namespace {

__global__ void batch_mul_kernel(const uint64_t* a, const uint64_t* b, uint64_t* out, size_t n) {
  size_t i = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < n) out[i] = gl_mul(a[i], b[i]);
}

Status from(cudaError_t error, const char* what) {
  if (error == cudaSuccess) return {};
  return {false, std::string(what) + ": " + cudaGetErrorString(error)};
}

}  // namespace

int device_count() {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess) return 0;
  return count;
}

Status batch_mul(const uint64_t* a, const uint64_t* b, uint64_t* out, size_t n) {
  if (n == 0) return {};
  if (a == nullptr || b == nullptr || out == nullptr) return {false, "batch_mul: null pointer"};
  const size_t bytes = n * sizeof(uint64_t);
  uint64_t* d = nullptr;
  if (Status s = from(cudaMalloc(&d, 3 * bytes), "cudaMalloc"); !s.ok) return s;
  Status status = from(cudaMemcpy(d, a, bytes, cudaMemcpyHostToDevice), "copy a");
  if (status.ok) status = from(cudaMemcpy(d + n, b, bytes, cudaMemcpyHostToDevice), "copy b");
  if (status.ok) {
    const unsigned threads = 256;
    const unsigned blocks = static_cast<unsigned>((n + threads - 1) / threads);
    batch_mul_kernel<<<blocks, threads>>>(d, d + n, d + 2 * n, n);
    status = from(cudaGetLastError(), "batch_mul_kernel launch");
  }
  if (status.ok)
    status = from(cudaMemcpy(out, d + 2 * n, bytes, cudaMemcpyDeviceToHost), "copy out");
  cudaFree(d);
  return status;
}

}  // namespace zkbatch::kernels::cuda
