// SPDX-License-Identifier: Apache-2.0
#include "field/batch_inverse.hpp"

namespace zkbatch::field {
namespace {

// Montgomery's trick on one chain. Forward pass: out[i] = product of the non-zero in[0..i). One
// inversion of the full product, then a backward pass peels one factor at a time:
// in[i]^-1 = prefix_i * (prefix_{i+1})^-1.
template <class F>
void batch_inverse_serial(const F* in, F* out, size_t n) {
  F acc = F::one();
  for (size_t i = 0; i < n; ++i) {
    out[i] = acc;
    if (!in[i].is_zero()) acc *= in[i];
  }
  F inv = acc.inverse();  // a product of non-zero values, so non-zero
  for (size_t i = n; i-- > 0;) {
    if (in[i].is_zero()) {
      out[i] = F::zero();
    } else {
      out[i] *= inv;
      inv *= in[i];
    }
  }
}

// Number of interleaved chains. A single chain is bound by the latency of one multiplication per
// element in each pass; kLanes independent chains (element i goes to lane i % kLanes) let the CPU
// overlap them, so the cost approaches the multiplier's throughput instead.
constexpr size_t kLanes = 4;

template <class F>
void batch_inverse_lanes(const F* in, F* out, size_t n) {
  if (n < 4 * kLanes) {
    batch_inverse_serial(in, out, n);
    return;
  }
  F acc[kLanes];
  for (F& a : acc)
    a = F::one();
  for (size_t i = 0; i < n; i += kLanes) {
    for (size_t j = 0; j < kLanes && i + j < n; ++j) {
      out[i + j] = acc[j];
      if (!in[i + j].is_zero()) acc[j] *= in[i + j];
    }
  }
  F inv[kLanes];
  batch_inverse_serial(acc, inv, kLanes);  // every lane product is non-zero
  // Walk the blocks backwards; the last block may be partial.
  for (size_t block = (n - 1) / kLanes + 1; block-- > 0;) {
    const size_t i = block * kLanes;
    for (size_t j = kLanes; j-- > 0;) {
      if (i + j >= n) continue;
      if (in[i + j].is_zero()) {
        out[i + j] = F::zero();
      } else {
        out[i + j] *= inv[j];
        inv[j] *= in[i + j];
      }
    }
  }
}

}  // namespace

void batch_inverse(const Fp* in, Fp* out, size_t n) {
  batch_inverse_lanes(in, out, n);
}

void batch_inverse(const Fp3* in, Fp3* out, size_t n) {
  batch_inverse_lanes(in, out, n);
}

}  // namespace zkbatch::field
