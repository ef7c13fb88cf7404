// SPDX-License-Identifier: Apache-2.0
#include "cpu_backend.hpp"

#include <cstdlib>
#include <cstring>

#include "lde.hpp"
#include "merkle.hpp"
#include "ntt.hpp"
#include "twiddles.hpp"

namespace zkbatch::kernels {

using field::Fp;

const char* status_message(Status status) {
  switch (status) {
    case Status::ok:
      return "ok";
    case Status::invalid_argument:
      return "invalid argument to a back-end call";
    case Status::out_of_memory:
      return "back-end allocation failed";
    case Status::device_error:
      return "device or driver failure";
    case Status::unsupported:
      return "call not supported by this back end";
  }
  return "unknown back-end status";
}

Backend& Backend::cpu() {
  static cpu::CpuBackend instance;
  return instance;
}

namespace {

Backend* g_default_backend = nullptr;

/// Alignment of every CPU allocation: a cache line, and more than any kernel needs.
constexpr size_t kAlignment = 64;

/// A matrix the kernels accept: a power-of-two height of at most 2^32 rows, and data unless it
/// is empty. Sets *log_n.
bool valid_matrix(const field::Fp* data, size_t width, size_t height, unsigned* log_n) {
  const int log = log2_exact(height);
  if (log < 0 || static_cast<unsigned>(log) > cpu::kMaxLogSize) return false;
  if (width != 0 && data == nullptr) return false;
  if (width != 0 && height > SIZE_MAX / width / sizeof(Fp)) return false;
  *log_n = static_cast<unsigned>(log);
  return true;
}

bool overlaps(const void* a, size_t a_bytes, const void* b, size_t b_bytes) {
  const auto pa = reinterpret_cast<uintptr_t>(a), pb = reinterpret_cast<uintptr_t>(b);
  return a_bytes != 0 && b_bytes != 0 && pa < pb + b_bytes && pb < pa + a_bytes;
}

}  // namespace

Backend& default_backend() {
  return g_default_backend != nullptr ? *g_default_backend : Backend::cpu();
}

void set_default_backend(Backend& backend) {
  g_default_backend = &backend;
}

namespace cpu {

Status CpuBackend::allocate(size_t bytes, void** out) {
  if (out == nullptr) return Status::invalid_argument;
  *out = nullptr;
  if (bytes == 0) return Status::ok;
  if (bytes > SIZE_MAX - kAlignment) return Status::out_of_memory;
  const size_t rounded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  *out = std::aligned_alloc(kAlignment, rounded);
  return *out != nullptr ? Status::ok : Status::out_of_memory;
}

void CpuBackend::deallocate(void* buffer) {
  std::free(buffer);
}

Status CpuBackend::upload(void* dst, const void* host_src, size_t bytes, Stream) {
  if (bytes == 0) return Status::ok;
  if (dst == nullptr || host_src == nullptr) return Status::invalid_argument;
  std::memmove(dst, host_src, bytes);
  return Status::ok;
}

Status CpuBackend::download(void* host_dst, const void* src, size_t bytes, Stream) {
  if (bytes == 0) return Status::ok;
  if (host_dst == nullptr || src == nullptr) return Status::invalid_argument;
  std::memmove(host_dst, src, bytes);
  return Status::ok;
}

Status CpuBackend::create_stream(Stream* out) {
  if (out == nullptr) return Status::invalid_argument;
  *out = Stream{};
  return Status::ok;
}

void CpuBackend::destroy_stream(Stream) {}

Status CpuBackend::synchronize(Stream) {
  return Status::ok;
}

Status CpuBackend::ntt(MatrixRef m,
                       NttDirection direction,
                       RowOrder input_order,
                       RowOrder output_order,
                       Stream) {
  unsigned log_n = 0;
  if (!valid_matrix(m.data, m.width, m.height, &log_n)) return Status::invalid_argument;
  if (m.width == 0 || log_n == 0) return Status::ok;  // a length-1 transform is the identity
  const bool inverse = direction == NttDirection::inverse;
  // DIF maps natural -> bit-reversed and DIT bit-reversed -> natural; a same-order transform
  // adds one row permutation in front.
  if (input_order == RowOrder::natural) {
    if (output_order == RowOrder::natural) {
      cpu::bit_reverse_rows(m.data, m.width, log_n);
      ntt_dit(m.data, m.width, log_n, inverse);
    } else {
      ntt_dif(m.data, m.width, log_n, inverse);
    }
  } else {
    if (output_order == RowOrder::natural) {
      ntt_dit(m.data, m.width, log_n, inverse);
    } else {
      cpu::bit_reverse_rows(m.data, m.width, log_n);
      ntt_dif(m.data, m.width, log_n, inverse);
    }
  }
  if (inverse) {
    cpu::scale_rows(m.data, m.data, m.width, m.height, Fp(m.height).inverse(), Fp::one());
  }
  return Status::ok;
}

Status CpuBackend::scale_rows(MatrixRef m, Fp first, Fp base, Stream) {
  if (m.width != 0 && m.height != 0 && m.data == nullptr) return Status::invalid_argument;
  cpu::scale_rows(m.data, m.data, m.width, m.height, first, base);
  return Status::ok;
}

Status CpuBackend::bit_reverse_rows(MatrixRef m, Stream) {
  unsigned log_n = 0;
  if (!valid_matrix(m.data, m.width, m.height, &log_n)) return Status::invalid_argument;
  if (m.width != 0) cpu::bit_reverse_rows(m.data, m.width, log_n);
  return Status::ok;
}

Status CpuBackend::coset_lde(ConstMatrixRef evals,
                             unsigned log_blowup,
                             Fp shift,
                             RowOrder output_order,
                             MatrixRef out,
                             Stream) {
  unsigned log_n = 0, log_out = 0;
  if (!valid_matrix(evals.data, evals.width, evals.height, &log_n)) {
    return Status::invalid_argument;
  }
  if (log_blowup > kMaxLogSize || log_n + log_blowup > kMaxLogSize) {
    return Status::invalid_argument;
  }
  if (!valid_matrix(out.data, out.width, out.height, &log_out)) return Status::invalid_argument;
  if (out.width != evals.width || log_out != log_n + log_blowup) return Status::invalid_argument;
  // The coset must be disjoint from the subgroup H' of order N: shift^N != 1 and shift != 0.
  if (shift == Fp::zero() || shift.pow(out.height) == Fp::one()) return Status::invalid_argument;
  const size_t elem = sizeof(Fp);
  if (overlaps(evals.data, evals.width * evals.height * elem, out.data,
               out.width * out.height * elem)) {
    return Status::invalid_argument;
  }
  cpu::coset_lde(evals.data, evals.width, log_n, log_blowup, shift,
                 output_order == RowOrder::bit_reversed, out.data);
  return Status::ok;
}

Status CpuBackend::hash_rows(const ConstMatrixRef* matrices,
                             size_t count,
                             hash::Digest* out,
                             Stream) {
  if (matrices == nullptr || count == 0 || out == nullptr) return Status::invalid_argument;
  size_t total = 0;
  for (size_t m = 0; m < count; ++m) {
    const ConstMatrixRef& mat = matrices[m];
    if (mat.height != matrices[0].height) return Status::invalid_argument;
    if (mat.width != 0 && mat.data == nullptr) return Status::invalid_argument;
    total += mat.width;
  }
  if (total == 0) return Status::invalid_argument;
  cpu::hash_rows(matrices, count, out);
  return Status::ok;
}

Status CpuBackend::compress_layer(const hash::Digest* children,
                                  size_t out_count,
                                  const hash::Digest* inject,
                                  hash::Digest* out,
                                  Stream) {
  if (out_count == 0) return Status::ok;
  if (children == nullptr || out == nullptr) return Status::invalid_argument;
  const size_t d = sizeof(hash::Digest);
  if (overlaps(children, 2 * out_count * d, out, out_count * d)) return Status::invalid_argument;
  cpu::compress_layer(children, out_count, inject, out);
  return Status::ok;
}

}  // namespace cpu
}  // namespace zkbatch::kernels
