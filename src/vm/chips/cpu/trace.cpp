// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>
#include <string>

#include "vm/chips/cpu/air.hpp"
#include "vm/chips/trace_util.hpp"
#include "vm/layout.hpp"
#include "vm/semantics.hpp"

namespace zkbatch::vm::chips::cpu {
namespace {

using C = Columns;
using program::ProgramEntry;

[[noreturn]] void fail(const CycleRow& row, const std::string& what) {
  throw std::logic_error("cpu trace: cycle " + std::to_string(row.cycle) + " pc " +
                         std::to_string(row.pc) + ": " + what);
}

/// Fills one register access (previous timestamp and gap bytes) and records its lookups.
void put_access(Row r,
                const MemoryAccess& access,
                uint64_t start_ts,
                size_t prev_ts_col,
                size_t gap_col,
                LookupCounts& counts) {
  const Access a = segment_access(access, start_ts, 0);
  put(r, prev_ts_col, a.prev_timestamp);
  put_bytes(r, gap_col, a.timestamp - a.prev_timestamp - 1, kGapLimbs, &counts);
}

}  // namespace

poly::RowMajorMatrix generate_trace(const SegmentTrace& trace,
                                    const program::ProgramTable& table,
                                    const MemoryLayout& layout,
                                    uint64_t out_start,
                                    SegmentEvents& events,
                                    LookupCounts& counts,
                                    std::vector<uint64_t>& fetch_counts) {
  const size_t n = trace.rows.size();
  if (n == 0) throw std::logic_error("cpu trace: a segment without instructions");
  poly::RowMajorMatrix m(C::kWidth, table_height(n));
  fetch_counts.assign(table.entries.size(), 0);
  const uint64_t start_ts = trace.start_timestamp();
  uint64_t out_off = out_start;
  for (size_t i = 0; i < n; ++i) {
    const CycleRow& row = trace.rows[i];
    const ProgramEntry* e = table.at(row.pc);
    if (e == nullptr || e->flags == 0) fail(row, "not an executable program entry");
    ++fetch_counts[(row.pc - table.code_begin) / 4];
    Row r = m.row(i);
    const uint64_t clk = kTimestampsPerCycle * row.cycle;
    put(r, C::is_real, 1);
    put(r, C::clk, clk);
    put(r, C::pc, row.pc);
    put(r, C::next_pc, row.next_pc);
    put(r, C::out_off, out_off);
    put(r, C::op, e->op);
    put(r, C::rs1, e->rs1);
    put(r, C::rs2, e->rs2);
    put(r, C::rd, e->rd);
    put(r, C::imm, e->imm);
    for (uint32_t f = 0; f < program::kFlagCount; ++f)
      put(r, C::flag0 + f, e->has(f) ? 1 : 0);

    const uint32_t a = e->has(program::kFlagReadRs1) ? row.rs1.value
                       : e->has(program::kFlagAPc)   ? row.pc
                                                     : 0;
    const uint32_t c = e->has(program::kFlagReadRs2) ? row.rs2.value
                       : e->has(program::kFlagCImm)  ? e->imm
                                                     : 0;
    put(r, C::a, a);
    put(r, C::c, c);
    put(r, C::eq, a == c ? 1 : 0);
    if (a != c) r[C::eq_inv] = (field::Fp(a) - field::Fp(c)).inverse();

    const Opcode op = static_cast<Opcode>(e->op);
    uint32_t alu_out = 0, rd_val = 0;
    const bool alu_send = e->has(program::kFlagAlu) || e->has(program::kFlagJump) ||
                          e->has(program::kFlagBlt) || e->has(program::kFlagBge);
    if (alu_send) {
      alu_out = alu(op, a, c);
      events.alu(op, a, c, alu_out);
    }
    if (e->has(program::kFlagAlu)) rd_val = alu_out;
    if (e->has(program::kFlagJump)) {
      rd_val = row.pc + 4;
      put(r, C::low_bit, alu_out & 1);
    }
    const bool branch = e->has(program::kFlagBeq) || e->has(program::kFlagBne) ||
                        e->has(program::kFlagBlt) || e->has(program::kFlagBge);
    if (branch) {
      const bool taken = e->has(program::kFlagBeq)   ? a == c
                         : e->has(program::kFlagBne) ? a != c
                         : e->has(program::kFlagBlt) ? alu_out == 1
                                                     : alu_out == 0;
      put(r, C::taken, taken ? 1 : 0);
      put(r, C::branch_carry, taken && uint64_t{row.pc} + e->imm >= kTwo32 ? 1 : 0);
    }
    if (e->has(program::kFlagMem)) {
      const uint32_t word_address = row.mem_address & ~3u;
      if (!(row.accesses & kAccessMemory) || row.memory.address != word_address) {
        fail(row, "load/store without its memory access");
      }
      MemOpEvent ev;
      ev.op = op;
      ev.clk = clk;
      ev.a = a;
      ev.c = c;
      ev.imm = e->imm;
      ev.address = row.mem_address;
      if (is_load(op)) rd_val = load_value(op, row.memory.value, row.mem_address & 3);
      ev.out = rd_val;
      ev.word = segment_access(row.memory, start_ts, layout.read_only(word_address));
      events.memops.push_back(ev);
    }
    uint64_t out_inc = 0;
    if (e->has(program::kFlagEcall)) {
      if (row.syscall >= trace.syscalls.size()) fail(row, "host call without its record");
      const SyscallRow& sys = trace.syscalls[row.syscall];
      SyscallEvent ev;
      ev.clk = clk;
      ev.number = sys.number;
      ev.fd = sys.args[0];
      ev.out_offset = out_off;
      if (sys.number == kSyscallExit) {
        put(r, C::halt, 1);
      } else {
        if (sys.arg_reads.size() != 2 || !(row.accesses & kAccessRd)) {
          fail(row, "read/write without its register accesses");
        }
        ev.buf = sys.args[1];
        ev.n = sys.args[2];
        ev.result = sys.result;
        ev.a1 = segment_access(sys.arg_reads[0], start_ts, 0);
        ev.a2 = segment_access(sys.arg_reads[1], start_ts, 0);
        ev.a0 = segment_access(row.rd, start_ts, 0);
        for (const MemoryAccess& w : sys.memory)
          ev.words.push_back(segment_access(w, start_ts, layout.read_only(w.address)));
        if (sys.number == kSyscallWrite && sys.args[0] == kFdPublic) out_inc = sys.args[2];
      }
      events.syscalls.push_back(std::move(ev));
    }
    if (e->has(program::kFlagWriteRd)) {
      if (row.rd.value != rd_val) fail(row, "rd value differs from the instruction's result");
      put(r, C::rd_prev_val, row.rd.prev_value);
      put_access(r, row.rd, start_ts, C::rd_prev_ts, C::rd_gap, counts);
    }
    put(r, C::alu_out, alu_out);
    put(r, C::rd_val, rd_val);
    put(r, C::out_inc, out_inc);
    if (e->has(program::kFlagReadRs1)) {
      put_access(r, row.rs1, start_ts, C::rs1_prev_ts, C::rs1_gap, counts);
    }
    if (e->has(program::kFlagReadRs2)) {
      put_access(r, row.rs2, start_ts, C::rs2_prev_ts, C::rs2_gap, counts);
    }
    out_off += out_inc;
  }
  // Padding rows: all zero but eq (a = c = 0).
  for (size_t i = n; i < m.height(); ++i)
    put(m.row(i), C::eq, 1);
  return m;
}

}  // namespace zkbatch::vm::chips::cpu
