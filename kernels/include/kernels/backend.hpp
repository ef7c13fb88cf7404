// SPDX-License-Identifier: Apache-2.0
// The device interface behind src/poly and src/commit (DESIGN.md §2, STYLE.md §4.15).
//
// Plain C++: no CUDA types, so every host folder builds without nvcc. A back end owns the memory
// its kernels read and write (host memory for the CPU back end, device memory for a GPU back end),
// runs work on explicit streams, and reports failures as a `Status` value. Kernels own nothing:
// they take raw pointers and sizes and check every precondition before touching memory.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "field/goldilocks.hpp"
#include "hash/digest.hpp"

namespace zkbatch::kernels {

/// Outcome of a back-end call. Each value has one message (`status_message`).
enum class Status : uint8_t {
  ok = 0,
  invalid_argument,  ///< a size, order or pointer the kernel does not accept
  out_of_memory,     ///< the back end could not allocate
  device_error,      ///< the device or its driver reported a failure
  unsupported,       ///< the back end does not implement this call
};

/// The fixed message of a status.
const char* status_message(Status status);

/// Where a back end's buffers live. Host-memory back ends take caller pointers directly;
/// device-memory back ends need data copied in with `upload` and out with `download`.
enum class MemorySpace : uint8_t { host, device };

/// Order of the rows of a matrix of evaluations or coefficients over a power-of-two domain:
/// `natural` puts index i at row i, `bit_reversed` puts index i at row reverse_bits(i, log_n).
enum class RowOrder : uint8_t { natural, bit_reversed };

/// Forward NTT: coefficients -> evaluations, X_j = sum_i x_i w^(ij) with w = two_adic_generator
/// (log_n). Inverse NTT: evaluations -> coefficients, x_i = n^-1 sum_j X_j w^(-ij).
enum class NttDirection : uint8_t { forward, inverse };

/// An opaque stream handle: a `cudaStream_t` for a CUDA back end, ignored by the CPU back end
/// (which finishes every call before returning). Calls on one stream run in order; a host read of
/// a result must follow `Backend::synchronize` on the stream that produced it.
struct Stream {
  void* handle = nullptr;  ///< nullptr: the back end's default stream
};

/// A row-major matrix in a back end's memory: element (r, c) is data[r * width + c].
struct MatrixRef {
  field::Fp* data = nullptr;  ///< first element of row 0
  size_t width = 0;           ///< columns
  size_t height = 0;          ///< rows
};

/// A read-only row-major matrix in a back end's memory.
struct ConstMatrixRef {
  const field::Fp* data = nullptr;  ///< first element of row 0
  size_t width = 0;                 ///< columns
  size_t height = 0;                ///< rows

  constexpr ConstMatrixRef() = default;
  /// A view of `h` rows of `w` elements starting at `d`.
  constexpr ConstMatrixRef(const field::Fp* d, size_t w, size_t h) : data(d), width(w), height(h) {}
  /// Every writable view is also a read-only one.
  constexpr ConstMatrixRef(MatrixRef m)  // NOLINT: implicit by design
      : data(m.data), width(m.width), height(m.height) {}
};

/// The heavy batched operations of the prover. Heights are powers of two up to 2^32 (the
/// two-adicity of Goldilocks); every pointer refers to this back end's memory space, except the
/// `matrices` descriptor array of `hash_rows`, which is a host array describing device data.
class Backend {
 public:
  virtual ~Backend() = default;

  /// The CPU back end (OpenMP, always available).
  static Backend& cpu();

  /// A short name for logs and benchmark labels ("cpu", "cuda").
  virtual const char* name() const = 0;
  /// Where this back end's buffers live.
  virtual MemorySpace memory_space() const = 0;

  /// Allocates `bytes` bytes (aligned for field elements and digests) in this back end's memory.
  /// On success *out points at the buffer; free it with `deallocate`. Zero bytes gives nullptr.
  virtual Status allocate(size_t bytes, void** out) = 0;
  /// Frees a buffer from `allocate`; nullptr is ignored.
  virtual void deallocate(void* buffer) = 0;
  /// Copies `bytes` bytes from host memory into this back end's memory.
  virtual Status upload(void* dst, const void* host_src, size_t bytes, Stream stream) = 0;
  /// Copies `bytes` bytes from this back end's memory into host memory.
  virtual Status download(void* host_dst, const void* src, size_t bytes, Stream stream) = 0;
  /// Creates an independent stream (the CPU back end hands out the null handle: its calls are
  /// synchronous anyway). Release it with `destroy_stream`.
  virtual Status create_stream(Stream* out) = 0;
  /// Releases a stream from `create_stream` after waiting for its work; the null handle is ignored.
  virtual void destroy_stream(Stream stream) = 0;
  /// Waits until every call issued on `stream` has finished.
  virtual Status synchronize(Stream stream) = 0;

  /// Transforms every column of `m` in place (each column is one vector of length m.height).
  /// `input_order` and `output_order` say how rows are ordered before and after; any combination
  /// is accepted. The inverse includes the factor n^-1.
  virtual Status ntt(MatrixRef m,
                     NttDirection direction,
                     RowOrder input_order,
                     RowOrder output_order,
                     Stream stream) = 0;

  /// Multiplies row i of `m` by first * base^i (both in natural row numbering). With a coset
  /// shift s this turns coefficients c_i into c_i s^i, so that a forward NTT evaluates on s*H.
  virtual Status scale_rows(MatrixRef m, field::Fp first, field::Fp base, Stream stream) = 0;

  /// Permutes the rows of `m` in place: row i and row reverse_bits(i, log2(height)) swap.
  virtual Status bit_reverse_rows(MatrixRef m, Stream stream) = 0;

  /// Coset low-degree extension. Column j of `evals` (natural order, height n) holds the values of
  /// the polynomial p_j of degree < n on the subgroup H of order n. Writes into `out` (same width,
  /// height n << log_blowup, no overlap with `evals`) the values of p_j on the coset shift * H'
  /// where H' is the subgroup of order n << log_blowup, in `output_order`: natural row k holds
  /// p_j(shift * w'^k). `shift` must not lie in H' (a nonzero non-root such as the multiplicative
  /// generator 7), or the extension would not be a Reed-Solomon code word disjoint from H.
  virtual Status coset_lde(ConstMatrixRef evals,
                           unsigned log_blowup,
                           field::Fp shift,
                           RowOrder output_order,
                           MatrixRef out,
                           Stream stream) = 0;

  /// Merkle leaves: out[i] = hash_elements(row i of matrices[0] || row i of matrices[1] || ...)
  /// for i < height, where all `count` >= 1 matrices have the same height and the concatenated
  /// row is non-empty. `out` has height digests.
  virtual Status hash_rows(const ConstMatrixRef* matrices,
                           size_t count,
                           hash::Digest* out,
                           Stream stream) = 0;

  /// One Merkle layer: out[i] = compress(children[2i], children[2i+1]) for i < out_count, then,
  /// when `inject` is not nullptr, out[i] = compress(out[i], inject[i]) (the rows of shorter
  /// matrices entering the tree at this layer; see src/commit/README.md).
  virtual Status compress_layer(const hash::Digest* children,
                                size_t out_count,
                                const hash::Digest* inject,
                                hash::Digest* out,
                                Stream stream) = 0;

 protected:
  Backend() = default;
  Backend(const Backend&) = default;
  Backend& operator=(const Backend&) = default;
};

/// The back end src/poly and src/commit use when the caller names none: the CPU back end until
/// `set_default_backend` picks another (a runner with a GPU does that once, at start-up).
Backend& default_backend();

/// Makes `backend` the default for later calls. Not synchronized with calls running on other
/// threads: set it before the work starts. The back end must outlive its use as the default.
void set_default_backend(Backend& backend);

/// x with all 64 bits in reverse order (swap halves, then quarters, ... down to single bits).
constexpr uint64_t reverse_bits64(uint64_t x) {
  x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
  x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
  x = ((x >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((x & 0x0F0F0F0F0F0F0F0Full) << 4);
  x = ((x >> 8) & 0x00FF00FF00FF00FFull) | ((x & 0x00FF00FF00FF00FFull) << 8);
  x = ((x >> 16) & 0x0000FFFF0000FFFFull) | ((x & 0x0000FFFF0000FFFFull) << 16);
  return (x >> 32) | (x << 32);
}

/// i with its low `log_n` bits reversed (bits at and above log_n must be zero; log_n <= 64): the
/// row permutation of `RowOrder::bit_reversed`.
constexpr size_t reverse_bits(size_t i, unsigned log_n) {
  return log_n == 0 ? 0 : static_cast<size_t>(reverse_bits64(i) >> (64 - log_n));
}

/// log2(n) when n is a power of two, or -1.
constexpr int log2_exact(size_t n) {
  if (n == 0 || (n & (n - 1)) != 0) return -1;
  int log = 0;
  while ((size_t{1} << log) < n)
    ++log;
  return log;
}

}  // namespace zkbatch::kernels
