// SPDX-License-Identifier: Apache-2.0
// RV32IM tests in C: the code the compiler and libgcc generate (64-bit multiply, divide and
// shifts on a 32-bit machine, sign and zero extension of narrow types) and the runtime (picolibc
// malloc over the .bss heap, errno in thread-local storage, stdio, string functions). Every
// expected value is worked out by hand; the comment gives the arithmetic. Operands go through
// volatile variables so the compiler cannot fold the operations away. Division cases whose C
// behaviour is undefined (x / 0, INT32_MIN / -1) use the instructions directly. Exit code: 0, or
// the number of the first failing check.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest/runtime/host_calls.h"

#define CHECK(n, condition)     \
  do {                          \
    if (!(condition)) return n; \
  } while (0)

static uint32_t div_insn(uint32_t a, uint32_t b) {
  uint32_t r;
  __asm__ volatile("div %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

static uint32_t rem_insn(uint32_t a, uint32_t b) {
  uint32_t r;
  __asm__ volatile("rem %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

static int arithmetic(void) {
  volatile uint64_t u = 0xffffffffu;
  volatile int64_t s = -5;
  volatile uint64_t big = 0xffffffffffffffffull;
  volatile int64_t neg7 = -7;
  volatile uint32_t w = 0x80000000u;
  volatile int32_t sw = (int32_t)0x80000000u;
  volatile unsigned shift = 31;
  // (2^32 - 1)^2 = 2^64 - 2^33 + 1.
  CHECK(1, u * u == 0xfffffffe00000001ull);
  CHECK(2, s * 3 == -15);
  // (2^64 - 1) / 3 = 0x5555555555555555 exactly (2^64 - 1 = 3 * 5 * 17 * 257 * ...).
  CHECK(3, big / 3 == 0x5555555555555555ull);
  CHECK(4, big % 3 == 0);
  CHECK(5, big % 10 == 5);                     // 2^64 - 1 = 18446744073709551615
  CHECK(6, neg7 / 2 == -3 && neg7 % 2 == -1);  // C rounds toward zero
  CHECK(7, (big >> 63) == 1 && ((int64_t)big >> 40) == -1);
  CHECK(8, (u << 32) == 0xffffffff00000000ull);
  CHECK(9, (w >> shift) == 1 && (sw >> shift) == -1);
  CHECK(10, div_insn(7, 0) == 0xffffffffu && rem_insn(7, 0) == 7);
  CHECK(11, div_insn(0x80000000u, 0xffffffffu) == 0x80000000u);
  CHECK(12, rem_insn(0x80000000u, 0xffffffffu) == 0);
  return 0;
}

static int narrow_types(void) {
  static volatile uint8_t bytes[4] = {0x80, 0x7f, 0xff, 0x01};
  static volatile uint16_t halves[2] = {0x8000, 0x7fff};
  CHECK(20, (int8_t)bytes[0] == -128 && (int8_t)bytes[2] == -1 && (int8_t)bytes[1] == 127);
  CHECK(21, bytes[0] == 128 && bytes[2] == 255);
  CHECK(22, (int16_t)halves[0] == -32768 && halves[0] == 32768 && (int16_t)halves[1] == 32767);
  volatile uint32_t word;
  memcpy((void*)&word, (const void*)bytes, 4);
  CHECK(23, word == 0x01ff7f80u);  // little-endian: bytes 80 7f ff 01
  return 0;
}

static int heap(void) {
  uint8_t* a = malloc(1000);
  uint8_t* b = malloc(1 << 20);
  CHECK(30, a != NULL && b != NULL);
  CHECK(31, ((uintptr_t)a % 8) == 0 && ((uintptr_t)b % 8) == 0);
  CHECK(32, b >= a + 1000 || a >= b + (1 << 20));  // disjoint
  memset(a, 0x5a, 1000);
  memset(b + (1 << 20) - 4096, 0xa5, 4096);  // the far end of the large block
  CHECK(33, a[999] == 0x5a && b[(1 << 20) - 1] == 0xa5 && a[0] == 0x5a);
  free(a);
  free(b);
  // The heap is 64 MiB (rv32-flat.ld): 128 MiB cannot be had, and errno (thread-local) says so.
  errno = 0;
  void* huge = malloc((size_t)128 << 20);
  CHECK(34, huge == NULL && errno == ENOMEM);
  void* again = malloc(4096);
  CHECK(35, again != NULL);
  free(again);
  return 0;
}

static int strings(void) {
  char buf[64];
  int n = snprintf(buf, sizeof buf, "%d %u %x %s", -42, 4000000000u, 0xbeefu, "ok");
  CHECK(40, n == 22 && strcmp(buf, "-42 4000000000 beef ok") == 0);
  char overlap[] = "abcdef";
  memmove(overlap + 1, overlap, 4);
  CHECK(41, strcmp(overlap, "aabcdf") == 0);
  CHECK(42, strlen("rv32im") == 6 && memcmp("abc", "abd", 3) < 0);
  // memset and memcpy (guest/runtime/string.c) at every alignment and length around a word.
  static uint8_t src[64], dst[64];
  for (int i = 0; i < 64; ++i)
    src[i] = (uint8_t)(i + 1);
  for (int offset = 0; offset < 4; ++offset) {
    for (int len = 0; len < 40; ++len) {
      memset(dst, 0xee, sizeof dst);
      memcpy(dst + offset, src + 3, (size_t)len);
      for (int i = 0; i < 64; ++i) {
        const uint8_t want = (i >= offset && i < offset + len) ? (uint8_t)(i - offset + 4) : 0xee;
        CHECK(43, dst[i] == want);
      }
      memset(dst + offset, 0x5a, (size_t)len);
      for (int i = 0; i < 64; ++i) {
        const uint8_t want = (i >= offset && i < offset + len) ? 0x5a : 0xee;
        CHECK(44, dst[i] == want);
      }
    }
  }
  return 0;
}

int main(void) {
  int failed = arithmetic();
  if (failed == 0) failed = narrow_types();
  if (failed == 0) failed = heap();
  if (failed == 0) failed = strings();
  if (failed != 0) return failed;
  printf("c isa: all checks passed\n");
  static const uint8_t marker[4] = {'C', 'I', 'S', 'A'};
  zkb_commit(marker, sizeof marker);
  return 0;
}
