// SPDX-License-Identifier: Apache-2.0
// A stand-in for a device-memory back end, shared by the poly and commit tests.
#pragma once

#include <cstring>

#include "kernels/backend.hpp"

namespace zkbatch::poly::testing {

/// Claims device memory: every buffer it computes on is its own allocation, poisoned on
/// allocation, so a caller that forgot an upload or a download sees garbage. The arithmetic is
/// forwarded to the CPU back end.
class FakeDeviceBackend final : public kernels::Backend {
 public:
  using Status = kernels::Status;
  using Stream = kernels::Stream;
  using RowOrder = kernels::RowOrder;

  const char* name() const override { return "fake-device"; }
  kernels::MemorySpace memory_space() const override { return kernels::MemorySpace::device; }
  Status allocate(size_t bytes, void** out) override {
    const Status s = cpu().allocate(bytes, out);
    if (s == Status::ok && *out != nullptr) std::memset(*out, 0xA5, bytes);
    ++allocations;
    return s;
  }
  void deallocate(void* buffer) override { cpu().deallocate(buffer); }
  Status upload(void* dst, const void* src, size_t bytes, Stream s) override {
    ++uploads;
    return cpu().upload(dst, src, bytes, s);
  }
  Status download(void* dst, const void* src, size_t bytes, Stream s) override {
    ++downloads;
    return cpu().download(dst, src, bytes, s);
  }
  Status create_stream(Stream* out) override { return cpu().create_stream(out); }
  void destroy_stream(Stream s) override { cpu().destroy_stream(s); }
  Status synchronize(Stream s) override { return cpu().synchronize(s); }
  Status ntt(kernels::MatrixRef m,
             kernels::NttDirection d,
             RowOrder in,
             RowOrder out,
             Stream s) override {
    return cpu().ntt(m, d, in, out, s);
  }
  Status scale_rows(kernels::MatrixRef m, field::Fp first, field::Fp base, Stream s) override {
    return cpu().scale_rows(m, first, base, s);
  }
  Status bit_reverse_rows(kernels::MatrixRef m, Stream s) override {
    return cpu().bit_reverse_rows(m, s);
  }
  Status coset_lde(kernels::ConstMatrixRef e,
                   unsigned b,
                   field::Fp shift,
                   RowOrder o,
                   kernels::MatrixRef out,
                   Stream s) override {
    return cpu().coset_lde(e, b, shift, o, out, s);
  }
  Status hash_rows(const kernels::ConstMatrixRef* m,
                   size_t count,
                   hash::Digest* out,
                   Stream s) override {
    return cpu().hash_rows(m, count, out, s);
  }
  Status compress_layer(const hash::Digest* c,
                        size_t n,
                        const hash::Digest* inject,
                        hash::Digest* out,
                        Stream s) override {
    return cpu().compress_layer(c, n, inject, out, s);
  }

  int allocations = 0;
  int uploads = 0;
  int downloads = 0;
};

}  // namespace zkbatch::poly::testing
