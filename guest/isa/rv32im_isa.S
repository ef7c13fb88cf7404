/* SPDX-License-Identifier: Apache-2.0 */
/* RV32IM instruction tests in assembly. Every check compares a result with a value worked out by
   hand from the RISC-V unprivileged spec 20191213 (§2.4-2.6 for RV32I, §7.1-7.2 and table 7.1 for
   M); the comment beside each non-obvious value gives the arithmetic. Check n keeps n in s11;
   the first failing check exits with code n, success exits with 0 after committing the number of
   checks (u32) to fd 3. EBREAK and traps cannot be checked from inside a run: the host tests do
   those. */

/* Register-register: rd = op(v1, v2). */
#define RR(n, op, expected, v1, v2) \
  li s11, n; li a1, v1; li a2, v2; op a3, a1, a2; li a4, expected; bne a3, a4, fail
/* Register-immediate: rd = op(v1, imm). */
#define RI(n, op, expected, v1, imm) \
  li s11, n; li a1, v1; op a3, a1, imm; li a4, expected; bne a3, a4, fail
/* A register equals a value. */
#define EQ(n, reg, expected) li s11, n; li a4, expected; bne reg, a4, fail
/* A branch that must be taken / must fall through. */
#define TAKEN(n, op, v1, v2) li s11, n; li a1, v1; li a2, v2; op a1, a2, 1f; j fail; 1:
#define NOT_TAKEN(n, op, v1, v2) li s11, n; li a1, v1; li a2, v2; op a1, a2, fail
/* Load from data+offset. */
#define LD(n, op, expected, offset) \
  li s11, n; la a1, data; op a3, offset(a1); li a4, expected; bne a3, a4, fail

  .text
  .globl main
  .type main, @function
main:
  /* ADD, SUB (§2.4.2): wrap-around modulo 2^32. */
  RR(1, add, 3, 1, 2)
  RR(2, add, 0, 0xffffffff, 1)              /* 2^32 - 1 + 1 = 2^32 = 0 */
  RR(3, add, 0x80000000, 0x7fffffff, 1)     /* no overflow trap */
  RR(4, sub, 0xffffffff, 0, 1)
  RR(5, sub, 0x7fffffff, 0x80000000, 1)
  RR(6, sub, 0, 5, 5)
  /* Shifts use rs2[4:0] only. */
  RR(7, sll, 0x80000000, 1, 31)
  RR(8, sll, 1, 1, 32)                      /* 32 & 31 = 0 */
  RR(9, sll, 0xfffffff0, 0xffffffff, 4)
  RR(10, sll, 2, 1, 0xffffffe1)             /* 0xffffffe1 & 31 = 1 */
  RR(11, srl, 1, 0x80000000, 31)
  RR(12, srl, 0x40000000, 0x80000000, 33)   /* 33 & 31 = 1 */
  RR(13, srl, 0x0fffffff, 0xffffffff, 4)
  RR(14, sra, 0xffffffff, 0x80000000, 31)
  RR(15, sra, 0xc0000000, 0x80000000, 1)
  RR(16, sra, 1, 0x7fffffff, 30)
  RR(17, sra, 0x80000000, 0x80000000, 32)   /* shift by 0 */
  /* Comparisons. */
  RR(18, slt, 1, 0xffffffff, 1)             /* -1 < 1 */
  RR(19, slt, 0, 1, 0xffffffff)
  RR(20, slt, 0, 7, 7)
  RR(21, slt, 1, 0x80000000, 0x7fffffff)    /* -2^31 < 2^31 - 1 */
  RR(22, sltu, 1, 1, 0xffffffff)
  RR(23, sltu, 0, 0xffffffff, 1)
  RR(24, sltu, 0, 0, 0)
  /* Bitwise. */
  RR(25, xor, 0xf0f0f0f0, 0xff00ff00, 0x0ff00ff0)
  RR(26, or, 0xfff0fff0, 0xff00ff00, 0x0ff00ff0)
  RR(27, and, 0x0f000f00, 0xff00ff00, 0x0ff00ff0)

  /* Immediates are 12-bit sign-extended (§2.3). */
  RI(30, addi, 0xffffffff, 0, -1)
  RI(31, addi, 0x80000000, 0x7fffffff, 1)
  RI(32, addi, 0xfffff805, 5, -2048)        /* 5 - 2048 = -2043 */
  RI(33, addi, 0x7ff, 0, 2047)
  RI(34, slti, 1, 0xffffffff, 0)
  RI(35, slti, 0, 0, -1)
  RI(36, slti, 0, 0x7fffffff, -2048)
  RI(37, sltiu, 1, 1, -1)                   /* 1 < 0xffffffff unsigned */
  RI(38, sltiu, 1, 0, 1)                    /* the seqz idiom */
  RI(39, sltiu, 0, 5, 1)
  RI(40, xori, 0xff00ff00, 0x00ff00ff, -1)  /* the not idiom */
  RI(41, ori, 0x7f1, 1, 0x7f0)
  RI(42, ori, 0xfffff800, 0, -2048)
  RI(43, andi, 0x7ff, 0xffffffff, 2047)
  RI(44, andi, 0x12345670, 0x12345678, -16)
  RI(45, slli, 0x80000000, 1, 31)
  RI(46, slli, 0x12345678, 0x12345678, 0)
  RI(47, slli, 0x30, 3, 4)
  RI(48, srli, 1, 0x80000000, 31)
  RI(49, srli, 0x0f000000, 0xf0000000, 4)
  RI(50, srai, 0xff000000, 0xf0000000, 4)
  RI(51, srai, 0x07000000, 0x70000000, 4)
  RI(52, srai, 0xffffffff, 0x80000000, 31)

  /* LUI, AUIPC (§2.4.1). */
  li s11, 55; lui a3, 0x12345; EQ(55, a3, 0x12345000)
  li s11, 56; lui a3, 0xfffff; EQ(56, a3, 0xfffff000)
  li s11, 57; lui a3, 0x80000; EQ(57, a3, 0x80000000)
  /* jal writes the address of the next instruction, which is where auipc sits. */
  li s11, 58; jal a4, 1f; 1: auipc a3, 0; bne a3, a4, fail
  li s11, 59; jal a4, 1f; 1: auipc a3, 1; sub a3, a3, a4; EQ(59, a3, 0x1000)
  li s11, 60; jal a4, 1f; 1: auipc a3, 0xfffff; sub a3, a4, a3; EQ(60, a3, 0x1000)

  /* x0 is hard-wired to zero (§2.1). */
  li s11, 62; addi x0, x0, 5; mv a3, x0; EQ(62, a3, 0)
  li s11, 63; li a1, 7; add x0, a1, a1; add a3, x0, x0; EQ(63, a3, 0)
  li s11, 64; la a1, data; lw x0, 0(a1); EQ(64, x0, 0)
  li s11, 65; lui x0, 0x12345; EQ(65, x0, 0)
  /* Destination equal to a source. */
  li s11, 66; li a1, 3; add a1, a1, a1; EQ(66, a1, 6)
  li s11, 67; li a1, 3; sub a1, a1, a1; EQ(67, a1, 0)

  /* Branches (§2.5.2), taken and not taken. */
  TAKEN(70, beq, 1, 1)
  NOT_TAKEN(71, beq, 1, 2)
  TAKEN(72, bne, 1, 2)
  NOT_TAKEN(73, bne, 3, 3)
  TAKEN(74, blt, 0xffffffff, 1)
  NOT_TAKEN(75, blt, 1, 0xffffffff)
  TAKEN(76, blt, 0x80000000, 0)
  NOT_TAKEN(77, blt, 5, 5)
  TAKEN(78, bge, 1, 0xffffffff)
  NOT_TAKEN(79, bge, 0xffffffff, 1)
  TAKEN(80, bge, 5, 5)
  TAKEN(81, bltu, 1, 0xffffffff)
  NOT_TAKEN(82, bltu, 0xffffffff, 1)
  NOT_TAKEN(83, bltu, 5, 5)
  TAKEN(84, bgeu, 0xffffffff, 1)
  NOT_TAKEN(85, bgeu, 1, 0xffffffff)
  TAKEN(86, bgeu, 5, 5)
  /* A backward branch: count down from 5. */
  li s11, 87; li a1, 5; li a3, 0
1: addi a3, a3, 1; addi a1, a1, -1; bnez a1, 1b
  EQ(87, a3, 5)

  /* JAL and JALR (§2.5.1): link = pc + 4; JALR clears bit 0 of rs1 + imm. */
  li s11, 90; la a4, 2f; jal a3, 1f; 2: j fail; 1: bne a3, a4, fail
  li s11, 91; la a1, 1f; addi a1, a1, 1; jalr a3, 0(a1); j fail; 1:
  li s11, 92; la a1, 1f; addi a1, a1, -8; jalr a3, 8(a1); j fail; 1:
  li s11, 93; la a4, 2f; la a1, 1f; jalr a1, 0(a1); 2: j fail; 1: bne a1, a4, fail

  /* Loads (§2.6): data = bytes 7f fe 81 80 (the word 0x8081fe7f, little-endian). */
  LD(100, lb, 0x7f, 0)
  LD(101, lb, 0xfffffffe, 1)
  LD(102, lb, 0xffffff81, 2)
  LD(103, lb, 0xffffff80, 3)
  LD(104, lbu, 0xfe, 1)
  LD(105, lbu, 0x80, 3)
  LD(106, lh, 0xfffffe7f, 0)
  LD(107, lh, 0xffff8081, 2)
  LD(108, lhu, 0xfe7f, 0)
  LD(109, lhu, 0x8081, 2)
  LD(110, lw, 0x8081fe7f, 0)
  LD(111, lw, 0x00000001, 4)
  li s11, 112; la a1, data + 4; lw a3, -4(a1); EQ(112, a3, 0x8081fe7f)

  /* Stores write the low 1, 2 or 4 bytes of rs2. */
  li s11, 120; la a1, scratch; li a2, 0x11223344; sw a2, 0(a1); lw a3, 0(a1)
  EQ(120, a3, 0x11223344)
  li s11, 121; li a2, 0xaa; sb a2, 1(a1); lw a3, 0(a1); EQ(121, a3, 0x1122aa44)
  li s11, 122; li a2, 0xbbcc; sh a2, 2(a1); lw a3, 0(a1); EQ(122, a3, 0xbbccaa44)
  li s11, 123; li a2, 0x1234; sb a2, 3(a1); lw a3, 0(a1); EQ(123, a3, 0x34ccaa44)
  li s11, 124; li a2, 0xffff8001; sh a2, 0(a1); lw a3, 0(a1); EQ(124, a3, 0x34cc8001)
  li s11, 125; addi a2, a1, 8; sw a1, -4(a2); lw a3, 4(a1); bne a3, a1, fail

  /* MUL family (§7.1): low and high words of the 64-bit product. */
  RR(130, mul, 21, 3, 7)
  RR(131, mul, 1, 0xffffffff, 0xffffffff)        /* (-1)(-1) */
  RR(132, mul, 0, 0x80000000, 2)
  RR(133, mul, 0xfffe0001, 0xffff, 0xffff)       /* (2^16-1)^2 = 2^32 - 2^17 + 1 */
  RR(134, mulh, 0, 0xffffffff, 0xffffffff)       /* (-1)(-1) = 1 */
  RR(135, mulh, 0x40000000, 0x80000000, 0x80000000) /* (-2^31)^2 = 2^62 */
  RR(136, mulh, 0xffffffff, 0x80000000, 1)       /* -2^31: high word all ones */
  RR(137, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff) /* (2^31-1)^2 = 2^62 - 2^32 + 1 */
  RR(138, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff) /* -1 * (2^32-1) = -2^32 + 1 */
  RR(139, mulhsu, 0x80000000, 0x80000000, 0xffffffff) /* -2^31 (2^32-1) = -2^63 + 2^31 */
  RR(140, mulhsu, 1, 2, 0x80000000)              /* 2 * 2^31 = 2^32 */
  RR(141, mulhsu, 0, 0x7fffffff, 1)
  RR(142, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff) /* (2^32-1)^2 = 2^64 - 2^33 + 1 */
  RR(143, mulhu, 1, 0x80000000, 2)
  RR(144, mulhu, 0, 0xffff, 0xffff)
  /* Division rounds toward zero; table 7.1 for zero divisors and overflow. */
  RR(150, div, 3, 20, 6)
  RR(151, div, 0xfffffffd, 0xffffffec, 6)        /* -20 / 6 = -3 */
  RR(152, div, 0xfffffffd, 20, 0xfffffffa)       /* 20 / -6 = -3 */
  RR(153, div, 3, 0xffffffec, 0xfffffffa)        /* -20 / -6 = 3 */
  RR(154, div, 0xffffffff, 20, 0)                /* x / 0 = -1 */
  RR(155, div, 0x80000000, 0x80000000, 0xffffffff) /* overflow: -2^31 */
  RR(156, divu, 3, 20, 6)
  RR(157, divu, 0x7fffffff, 0xffffffff, 2)
  RR(158, divu, 0xffffffff, 20, 0)               /* x / 0 = 2^32 - 1 */
  RR(159, divu, 0, 0x80000000, 0xffffffff)
  RR(160, rem, 2, 20, 6)
  RR(161, rem, 0xfffffffe, 0xffffffec, 6)        /* -20 % 6 = -2: sign of the dividend */
  RR(162, rem, 2, 20, 0xfffffffa)
  RR(163, rem, 0xfffffffe, 0xffffffec, 0xfffffffa)
  RR(164, rem, 20, 20, 0)                        /* x % 0 = x */
  RR(165, rem, 0, 0x80000000, 0xffffffff)        /* overflow: 0 */
  RR(166, remu, 2, 20, 6)
  RR(167, remu, 0xf, 0xffffffff, 0x10)
  RR(168, remu, 20, 20, 0)
  RR(169, remu, 0x80000000, 0x80000000, 0xffffffff)

  /* FENCE has no effect on a single hart. */
  li s11, 170; li a3, 9; fence; fence rw, rw; EQ(170, a3, 9)

  /* Success: commit the number of the last check, then exit(0). */
  la a1, scratch; li a2, 170; sw a2, 0(a1)
  li a0, 3; li a2, 4; li a7, 64; ecall
  la a1, message; la a2, message_end; sub a2, a2, a1; li a0, 1; li a7, 64; ecall
  li a0, 0; li a7, 93; ecall
fail:
  mv a0, s11; li a7, 93; ecall
  .size main, . - main

  .section .rodata
  .balign 4
data:
  .word 0x8081fe7f
  .word 0x00000001
message:
  .ascii "rv32im isa: all checks passed\n"
message_end:

  .bss
  .balign 4
scratch:
  .space 16
