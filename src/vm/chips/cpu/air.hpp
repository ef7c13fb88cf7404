// SPDX-License-Identifier: Apache-2.0
// The CPU chip: one row per instruction. It fetches the decoded instruction from the program
// table, reads and writes registers through the memory argument (registers live at addresses
// 4 i, DESIGN.md §4), delegates the computation to the ALU, memory and syscall chips over local
// buses, and steps the pc, the clock and the public-output offset from row to row. Its first and
// last instruction are tied to the segment's public values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/cpu/columns.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/program/air.hpp"
#include "vm/chips/program/constants.hpp"
#include "vm/chips/segment_values.hpp"
#include "vm/trace.hpp"

namespace zkbatch::vm::chips::cpu {

/// The CPU chip.
class CpuAir final : public stark::AirBase<CpuAir> {
 public:
  std::string name() const override { return "cpu"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    using namespace program;
    auto m = [&](size_t c) { return b.main(c); };
    auto flag = [&](uint32_t f) { return b.main(C::flag0 + f); };
    const E one = b.constant(1), zero = b.constant(0);
    const E is_real = m(C::is_real), real_next = b.main_next(C::is_real);
    const E pc = m(C::pc), a = m(C::a), c = m(C::c), imm = m(C::imm);

    // Rows: instructions first, then padding.
    b.assert_bool(is_real, "is_real is boolean");
    b.when_first_row().assert_eq(is_real, one, "the first row is an instruction");
    b.when_transition().assert_zero(real_next * (one - is_real), "instructions come first");

    // The decoded instruction: boolean flags, exactly one kind on an instruction row, none (and no
    // register access) on padding.
    E kinds = zero, packed = zero;
    for (uint32_t f = 0; f < kFlagCount; ++f) {
      b.assert_bool(flag(f), "flag is boolean");
      packed = packed + flag(f) * F(uint64_t{1} << f);
      if (f < kKindCount) kinds = kinds + flag(f);
    }
    b.assert_eq(kinds, is_real, "one kind per instruction");
    for (uint32_t f : {kFlagReadRs1, kFlagReadRs2, kFlagWriteRd}) {
      b.assert_zero((one - is_real) * flag(f), "no register access on padding");
    }
    b.send(kBusFetch, {pc, m(C::op), m(C::rs1), m(C::rs2), m(C::rd), imm, packed}, is_real);

    // Operands: a = rs1 / pc / 0, c = rs2 / imm / 0 (x0 reads as zero without an access).
    b.assert_zero((one - flag(kFlagReadRs1)) * (a - flag(kFlagAPc) * pc), "operand a");
    b.assert_zero((one - flag(kFlagReadRs2)) * (c - flag(kFlagCImm) * imm), "operand c");

    // Work done by other chips.
    b.send(kBusAlu, {m(C::op), a, c, m(C::alu_out)},
           flag(kFlagAlu) + flag(kFlagJump) + flag(kFlagBlt) + flag(kFlagBge));
    b.send(kBusMemOp, {m(C::op), m(C::clk), a, c, imm, m(C::rd_val)}, flag(kFlagMem));
    b.send(kBusSyscall, {m(C::clk), a, c, m(C::halt), m(C::out_off), m(C::out_inc)},
           flag(kFlagEcall));

    // The value written to rd (loads: the memory chip's result, through kBusMemOp).
    b.assert_zero(flag(kFlagAlu) * (m(C::rd_val) - m(C::alu_out)), "rd = ALU result");
    b.assert_zero(flag(kFlagJump) * (m(C::rd_val) - pc - F(4)), "rd = pc + 4");

    // Branch condition.
    const E eq = m(C::eq);
    b.assert_zero(eq * (a - c), "eq: a == c");
    b.assert_zero((a - c) * m(C::eq_inv) - (one - eq), "eq: a != c");
    b.assert_eq(m(C::taken),
                flag(kFlagBeq) * eq + flag(kFlagBne) * (one - eq) + flag(kFlagBlt) * m(C::alu_out) +
                    flag(kFlagBge) * (one - m(C::alu_out)),
                "branch taken");
    b.assert_bool(m(C::branch_carry), "branch carry is boolean");
    b.assert_bool(m(C::low_bit), "low bit is boolean");

    // Next pc. A target that is not a program pc (misaligned, outside the code) fails the next
    // row's fetch, or the next segment's first fetch.
    const E sequential = flag(kFlagAlu) + flag(kFlagMem) + flag(kFlagEcall) + flag(kFlagFence);
    const E branch = flag(kFlagBeq) + flag(kFlagBne) + flag(kFlagBlt) + flag(kFlagBge);
    const E next_pc = m(C::next_pc);
    b.assert_zero(sequential * (next_pc - pc - F(4)), "next pc = pc + 4");
    b.assert_zero(flag(kFlagJump) * (next_pc - m(C::alu_out) + m(C::low_bit)), "jump target");
    b.assert_zero(branch * (next_pc - pc - F(4) - m(C::taken) * (imm - F(4)) +
                            m(C::branch_carry) * F(kTwo32)),
                  "branch target");

    // Host calls: exit ends the run; only a host call commits output.
    const E halt = m(C::halt);
    b.assert_bool(halt, "halt is boolean");
    b.assert_zero((one - flag(kFlagEcall)) * halt, "only a host call halts");
    b.when_transition().assert_zero(halt * real_next, "nothing runs after exit");
    b.assert_zero(halt * (c - b.public_value(kPvExitCode)), "exit code");
    b.assert_zero((one - flag(kFlagEcall)) * m(C::out_inc), "only a host call commits output");

    // Register accesses at clk + slot.
    access(b, flag(kFlagReadRs1), m(C::rs1), a, a, C::rs1_prev_ts, C::rs1_gap, kSlotRs1);
    access(b, flag(kFlagReadRs2), m(C::rs2), c, c, C::rs2_prev_ts, C::rs2_gap, kSlotRs2);
    access(b, flag(kFlagWriteRd), m(C::rd), m(C::rd_prev_val), m(C::rd_val), C::rd_prev_ts,
           C::rd_gap, kSlotRd);

    // From one instruction to the next.
    b.when_transition().assert_zero(real_next * (b.main_next(C::pc) - next_pc), "pc continuity");
    b.when_transition().assert_zero(real_next * (b.main_next(C::clk) - m(C::clk) - F(4)),
                                    "clock continuity");
    b.when_transition().assert_zero(
        real_next * (b.main_next(C::out_off) - m(C::out_off) - m(C::out_inc)), "output offset");

    // The segment's first and last instruction against its public values.
    b.when_first_row().assert_eq(pc, b.public_value(kPvStartPc), "start pc");
    b.when_first_row().assert_eq(m(C::clk), b.public_value(kPvStartTimestamp), "start timestamp");
    b.when_first_row().assert_eq(m(C::out_off), b.public_value(kPvOutputStart), "output start");
    const E last_instruction = is_real * (one - real_next);
    end_checks(b.when_transition().when(last_instruction), b);
    end_checks(b.when_last_row().when(is_real), b);
  }

 private:
  /// One register access: receives (4 r, prev, prev_ts, 0), sends (4 r, value, clk + slot, 0),
  /// and proves prev_ts < clk + slot with the gap's bytes.
  template <class B>
  static void access(B& b,
                     const typename B::Expr& active,
                     const typename B::Expr& reg,
                     const typename B::Expr& prev,
                     const typename B::Expr& value,
                     size_t prev_ts,
                     size_t gap,
                     uint64_t slot) {
    const typename B::Expr address = reg * F(kRegisterStride);
    const typename B::Expr ts = b.main(Columns::clk) + F(slot);
    const typename B::Expr zero = b.constant(0);
    b.assert_zero(active * (ts - b.main(prev_ts) - F(1) - limbs_value(b, gap, kGapLimbs)),
                  "register timestamp increases");
    memory_receive(b, address, prev, b.main(prev_ts), zero, active);
    memory_send(b, address, value, ts, zero, active);
    range_bytes(b, gap, kGapLimbs, active);
  }

  /// The last instruction's state is the segment's end state.
  template <class Cond, class B>
  static void end_checks(Cond when, B& b) {
    using C = Columns;
    when.assert_eq(b.main(C::next_pc), b.public_value(kPvEndPc), "end pc");
    when.assert_eq(b.main(C::clk) + F(4), b.public_value(kPvEndTimestamp), "end timestamp");
    when.assert_eq(b.main(C::halt), b.public_value(kPvHalted), "halted");
    when.assert_eq(b.main(C::out_off) + b.main(C::out_inc), b.public_value(kPvOutputEnd),
                   "output end");
  }
};

/// The CPU trace of a segment. Files every ALU, load/store and host-call operation in `events`,
/// the byte lookups of the timestamp gaps in `counts`, and the fetches in `fetch_counts` (one
/// per program-table entry). An access whose previous tuple is older than the segment reads it
/// re-stamped at the segment's start timestamp (boundary chip); `layout` gives the read-only flag
/// of memory words; `out_start` is the output committed before the segment. Throws std::logic_error
/// for rows the machine cannot prove.
poly::RowMajorMatrix generate_trace(const SegmentTrace& trace,
                                    const program::ProgramTable& table,
                                    const MemoryLayout& layout,
                                    uint64_t out_start,
                                    SegmentEvents& events,
                                    LookupCounts& counts,
                                    std::vector<uint64_t>& fetch_counts);

}  // namespace zkbatch::vm::chips::cpu
