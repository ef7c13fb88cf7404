// SPDX-License-Identifier: Apache-2.0
// Columns of the CPU chip: one row per executed instruction, then padding rows (is_real = 0).
#pragma once

#include <cstddef>

#include "vm/chips/cpu/constants.hpp"
#include "vm/chips/program/constants.hpp"

namespace zkbatch::vm::chips::cpu {

/// The CPU's main columns.
struct Columns {
  enum : size_t {
    is_real,  ///< 1 on the segment's instructions, 0 on padding rows after them
    clk,      ///< 4 * cycle: the timestamp base of the row's accesses
    pc,       ///< address of the instruction
    next_pc,  ///< pc of the next instruction
    out_off,  ///< public-output bytes committed before the instruction
    // The program-table entry (fetched on kBusFetch).
    op,
    rs1,
    rs2,
    rd,
    imm,
    flag0,                            ///< program::Flag bits, one boolean column each, from here
    a = flag0 + program::kFlagCount,  ///< operand a: rs1's value, the pc, or 0
    c,                                ///< operand c: rs2's value, the immediate, or 0
    alu_out,                          ///< the ALU result (kinds ALU, jump, BLT/BGE)
    rd_val,                           ///< the value written to rd
    eq,                               ///< a == c
    eq_inv,                           ///< 1 / (a - c) when a != c
    taken,                            ///< a branch is taken
    branch_carry,                     ///< pc + imm wrapped past 2^32 (taken branch)
    low_bit,                          ///< bit 0 of a jump's sum, cleared (JALR)
    halt,                             ///< exit: the last instruction of the run
    out_inc,                          ///< public-output bytes this instruction commits
    // Register accesses: previous timestamp and the gap's bytes; rd also its previous value.
    rs1_prev_ts,
    rs1_gap,
    rs2_prev_ts = rs1_gap + kGapLimbs,
    rs2_gap,
    rd_prev_val = rs2_gap + kGapLimbs,
    rd_prev_ts,
    rd_gap,
    kWidth = rd_gap + kGapLimbs,
  };
};

}  // namespace zkbatch::vm::chips::cpu
