// SPDX-License-Identifier: Apache-2.0
// The guest's operating-system layer: Linux RISC-V ecall numbers (DESIGN.md §4), so the same ELF
// runs under qemu-riscv32 and in the zkVM. exit = 93, read = 63, write = 64.
#include "guest/runtime/host_calls.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static long zkb_ecall3(long number, long a0, long a1, long a2) {
  register long r_a0 __asm__("a0") = a0;
  register long r_a1 __asm__("a1") = a1;
  register long r_a2 __asm__("a2") = a2;
  register long r_a7 __asm__("a7") = number;
  __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a7) : "memory");
  return r_a0;
}

void zkb_exit(int code) {
  zkb_ecall3(93, code, 0, 0);
  for (;;) {
  }
}

long zkb_write(int fd, const void* data, size_t size) {
  return zkb_ecall3(64, fd, (long)(uintptr_t)data, (long)size);
}

long zkb_read(int fd, void* data, size_t size) {
  return zkb_ecall3(63, fd, (long)(uintptr_t)data, (long)size);
}

size_t zkb_read_input(void* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    long n = zkb_read(ZKB_FD_INPUT, (char*)data + done, size - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
  return done;
}

void zkb_commit(const void* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    long n = zkb_write(ZKB_FD_PUBLIC, (const char*)data + done, size - done);
    if (n <= 0) zkb_exit(125);  // the host refused the output: stop rather than commit less
    done += (size_t)n;
  }
}

void zkb_print(const char* text) {
  zkb_write(ZKB_FD_DEBUG, text, strlen(text));
}

void zkb_print_hex32(unsigned long value) {
  static const char digits[] = "0123456789abcdef";
  char buf[8];
  for (int i = 0; i < 8; ++i)
    buf[i] = digits[(value >> (28 - 4 * i)) & 15];
  zkb_write(ZKB_FD_DEBUG, buf, sizeof buf);
}

// picolibc's exit() ends in _exit.
void _exit(int code) {
  zkb_exit(code);
}

// abort() raises SIGABRT; without this picolibc pulls in signal.o and its getpid/kill.
int raise(int sig) {
  zkb_exit(128 + sig);
  return 0;
}
