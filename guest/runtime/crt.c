// SPDX-License-Identifier: Apache-2.0
// C start-up for zkbatch guests, in place of picolibc's crt0. Both loaders that run guests
// (vm::load_elf and qemu-riscv32) load .data at its final address (VMA == LMA in rv32-flat.ld)
// and fill p_memsz beyond p_filesz with zeros, so there is nothing to copy or clear: picolibc's
// crt0 would memset all of .bss, which holds the 64 MiB heap and the stack, and spend about 270
// million cycles doing it.
#include <stdlib.h>

#include "guest/runtime/host_calls.h"

extern char __tls_base[];
void _set_tls(void* tls);
void __libc_init_array(void);
int main(int argc, char** argv);
void zkb_cstart(void) __attribute__((noreturn, used));

void zkb_cstart(void) {
  // Thread pointer for picolibc's thread-local data (errno): the single thread's TLS block is
  // the .tdata/.tbss image itself, which the linker script keeps in the data segment.
  _set_tls(__tls_base);
  // C++ global constructors and C constructors (.preinit_array, .init_array).
  __libc_init_array();
  exit(main(0, NULL));
}
