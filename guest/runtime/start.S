/* SPDX-License-Identifier: Apache-2.0 */
/* Guest entry point. The zkVM starts with every register zero and pc at the ELF entry, so the
   start-up code sets the global pointer and the stack pointer from the linker script, then
   continues in C (crt.c). gp must be set with relaxation off, or the assembler would address
   __global_pointer$ relative to gp itself. */
  .section .text.init.enter, "ax", @progbits
  .globl _start
  .type _start, @function
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack
  call zkb_cstart
  /* zkb_cstart does not return; stop on an illegal instruction if it ever does. */
  unimp
  .size _start, . - _start
