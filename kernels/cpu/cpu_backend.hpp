// SPDX-License-Identifier: Apache-2.0
// The CPU back end: host memory, OpenMP kernels, synchronous calls.
#pragma once

#include "kernels/backend.hpp"

namespace zkbatch::kernels::cpu {

/// Backend over host memory. Every call validates its arguments, then runs to completion on the
/// calling thread and the OpenMP pool (streams are accepted and ignored). Reached through
/// `Backend::cpu()`; stateless apart from the process-wide twiddle cache.
class CpuBackend final : public Backend {
 public:
  // Every override implements the contract documented in kernels/backend.hpp.
  const char* name() const override { return "cpu"; }
  MemorySpace memory_space() const override { return MemorySpace::host; }

  Status allocate(size_t bytes, void** out) override;
  void deallocate(void* buffer) override;
  Status upload(void* dst, const void* host_src, size_t bytes, Stream stream) override;
  Status download(void* host_dst, const void* src, size_t bytes, Stream stream) override;
  Status create_stream(Stream* out) override;
  void destroy_stream(Stream stream) override;
  Status synchronize(Stream stream) override;

  Status ntt(MatrixRef m,
             NttDirection direction,
             RowOrder input_order,
             RowOrder output_order,
             Stream stream) override;
  Status scale_rows(MatrixRef m, field::Fp first, field::Fp base, Stream stream) override;
  Status bit_reverse_rows(MatrixRef m, Stream stream) override;
  Status coset_lde(ConstMatrixRef evals,
                   unsigned log_blowup,
                   field::Fp shift,
                   RowOrder output_order,
                   MatrixRef out,
                   Stream stream) override;
  Status hash_rows(const ConstMatrixRef* matrices,
                   size_t count,
                   hash::Digest* out,
                   Stream stream) override;
  Status compress_layer(const hash::Digest* children,
                        size_t out_count,
                        const hash::Digest* inject,
                        hash::Digest* out,
                        Stream stream) override;
};

}  // namespace zkbatch::kernels::cpu
