/* SPDX-License-Identifier: Apache-2.0 */
/* Host calls of a zkbatch guest (Linux RISC-V ecall ABI, DESIGN.md §4). */
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

#ifdef __cplusplus
}
#endif

#endif
