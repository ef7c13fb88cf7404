/* SPDX-License-Identifier: Apache-2.0 */
/* Host calls of a zkbatch guest (Linux RISC-V ecall ABI, DESIGN.md §4, docs/vm.md). */
#ifndef ZKBATCH_GUEST_RUNTIME_HOST_CALLS_H
#define ZKBATCH_GUEST_RUNTIME_HOST_CALLS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** File descriptors: 0 private input, 1/2 debug text, 3 public (committed) output. */
enum { ZKB_FD_INPUT = 0, ZKB_FD_DEBUG = 1, ZKB_FD_ERROR = 2, ZKB_FD_PUBLIC = 3 };

/** Halts the machine with an exit code (ecall 93). */
void zkb_exit(int code) __attribute__((noreturn));
/** Appends bytes to a file descriptor (ecall 64); returns the count written or a negative error. */
long zkb_write(int fd, const void* data, size_t size);
/** Reads up to `size` bytes of input (ecall 63); returns the count read, 0 at the end. */
long zkb_read(int fd, void* data, size_t size);

/** Reads private input until `size` bytes or the end; returns the count read. The values are
    whatever the prover supplied: the guest must check them. */
size_t zkb_read_input(void* data, size_t size);
/** Appends bytes to the public output (fd 3), the values the proof commits to. */
void zkb_commit(const void* data, size_t size);
/** Writes a NUL-terminated string as debug text (fd 1); not part of the statement. */
void zkb_print(const char* text);
/** Writes `value` as 8 hex digits of debug text. */
void zkb_print_hex32(unsigned long value);

#ifdef __cplusplus
}
#endif

#endif
