// SPDX-License-Identifier: Apache-2.0
// Example workload: sorting 32-bit integers with a bottom-up merge sort whose buffers come from
// picolibc's malloc (the heap inside .bss, rv32-flat.ld).
//   input  (fd 0): count n as u32 little-endian, then n u32 little-endian values
//   output (fd 3): the n values in ascending order, u32 little-endian each
//   exit code: 0; 2 when the input is short; 3 when malloc fails; 4 if the result is unsorted
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guest/runtime/host_calls.h"

namespace {

uint32_t read_u32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}

// Merges the sorted runs [lo, mid) and [mid, hi) of `from` into `to`.
void merge(const uint32_t* from, uint32_t* to, size_t lo, size_t mid, size_t hi) {
  size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi)
    to[k++] = from[j] < from[i] ? from[j++] : from[i++];
  while (i < mid)
    to[k++] = from[i++];
  while (j < hi)
    to[k++] = from[j++];
}

// Bottom-up merge sort; returns the buffer that holds the result (`a` or `scratch`).
uint32_t* merge_sort(uint32_t* a, uint32_t* scratch, size_t n) {
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      const size_t mid = lo + width < n ? lo + width : n;
      const size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      merge(a, scratch, lo, mid, hi);
    }
    uint32_t* t = a;
    a = scratch;
    scratch = t;
  }
  return a;
}

}  // namespace

int main() {
  uint8_t header[4];
  if (zkb_read_input(header, sizeof header) != sizeof header) return 2;
  const uint32_t n = read_u32(header);
  if (n > (1u << 24)) return 2;
  uint32_t* values = static_cast<uint32_t*>(malloc(size_t{n} * 4 + 4));
  uint32_t* scratch = static_cast<uint32_t*>(malloc(size_t{n} * 4 + 4));
  if (values == nullptr || scratch == nullptr) return 3;
  if (zkb_read_input(values, size_t{n} * 4) != size_t{n} * 4) return 2;
  // The input bytes are little-endian, as is rv32: the words need no conversion.
  const uint32_t* sorted = merge_sort(values, scratch, n);
  for (uint32_t i = 1; i < n; ++i) {
    if (sorted[i - 1] > sorted[i]) return 4;
  }
  zkb_print("sorted ");
  zkb_print_hex32(n);
  zkb_print(" values\n");
  zkb_commit(sorted, size_t{n} * 4);
  free(values);
  free(scratch);
  return 0;
}
