// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>

#include "vm/chips/memory/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::memory {

poly::RowMajorMatrix generate_trace(const std::vector<MemOpEvent>& events, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const MemOpEvent& e = events[i];
    Row r = m.row(i);
    size_t selector = C::is_lb;
    switch (e.op) {
      case Opcode::lb:
        selector = C::is_lb;
        break;
      case Opcode::lh:
        selector = C::is_lh;
        break;
      case Opcode::lw:
        selector = C::is_lw;
        break;
      case Opcode::lbu:
        selector = C::is_lbu;
        break;
      case Opcode::lhu:
        selector = C::is_lhu;
        break;
      case Opcode::sb:
        selector = C::is_sb;
        break;
      case Opcode::sh:
        selector = C::is_sh;
        break;
      case Opcode::sw:
        selector = C::is_sw;
        break;
      default:
        throw std::logic_error("memory trace: not a load or store");
    }
    put(r, selector, 1);
    put(r, C::clk, e.clk);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::imm, e.imm);
    put(r, C::out, e.out);
    put(r, C::carry, (uint64_t{e.a} + e.imm) >> 32);
    const uint32_t address = e.address;
    if ((address >> kPageShift) == 0) throw std::logic_error("memory trace: register page");
    put(r, C::offset + (address & 3), 1);
    put(r, C::word_lo, (address >> 2) & 0xff);
    put(r, C::word_hi, (address >> 10) & 3);
    const uint32_t page = address >> kPageShift;
    put(r, C::page, page & 0xff);
    put(r, C::page + 1, (page >> 8) & 0xff);
    put(r, C::page + 2, page >> 16);
    r[C::page_inv] = field::Fp(page).inverse();
    counts.byte((address >> 2) & 0xff);
    counts.small((address >> 10) & 3, kWordHighBits);
    counts.byte(page & 0xff);
    counts.byte((page >> 8) & 0xff);
    counts.small(page >> 16, kPageTopBits);
    const Access& w = e.word;
    put(r, C::prev, w.prev_value);
    put(r, C::value, w.value);
    put(r, C::prev_ts, w.prev_timestamp);
    put_bytes(r, C::gap, w.timestamp - w.prev_timestamp - 1, cpu::kGapLimbs, &counts);
    put(r, C::read_only, w.read_only);
    const bool word_op = e.op == Opcode::lw || e.op == Opcode::sw;
    if (!word_op) {
      for (unsigned k = 0; k < kWordBytes; ++k) {
        const uint32_t byte = (w.prev_value >> (8 * k)) & 0xff;
        put(r, C::prev_bytes + k, byte);
        put(r, C::prev_signs + k, byte >> 7);
        counts.byte_msb(byte);
      }
    }
    if (e.op == Opcode::sb || e.op == Opcode::sh)
      put_bytes(r, C::c_bytes, e.c, kWordBytes, &counts);
  }
  return m;
}

}  // namespace zkbatch::vm::chips::memory
