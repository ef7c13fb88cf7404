// SPDX-License-Identifier: Apache-2.0
// Loads and stores of bytes, halfwords and words (spec §2.6). The effective address a + imm is
// reduced mod 2^32 and split into limbs that prove it is a 32-bit address outside the register
// page, give the byte offset in its word (one-hot) and the word address. Misaligned halfword and
// word accesses have no valid row, as the machine traps on them. The word is one access of the
// memory argument at clk + 3: a load leaves it unchanged and extracts (and sign- or zero-extends)
// the byte or halfword at the offset; a store replaces those bytes with the low bytes of rs2, and
// may not touch a read-only word (the tuple's read_only flag, set at initialization).
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory/columns.hpp"

namespace zkbatch::vm::chips::memory {

/// The load/store chip.
class MemoryAir final : public stark::AirBase<MemoryAir> {
 public:
  std::string name() const override { return "memory"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E lb = m(C::is_lb), lh = m(C::is_lh), lw = m(C::is_lw), lbu = m(C::is_lbu),
            lhu = m(C::is_lhu), sb = m(C::is_sb), sh = m(C::is_sh), sw = m(C::is_sw);
    const E loads = lb + lh + lw + lbu + lhu, stores = sb + sh + sw;
    const E real = loads + stores, sub_word = real - lw - sw;
    const E one = b.constant(1);
    for (size_t s = C::is_lb; s <= C::is_sw; ++s)
      b.assert_bool(m(s), "selector is boolean");
    b.assert_bool(real, "one operation per row");

    // The address: a + imm - carry 2^32 = offset + 4 word_lo + 2^10 word_hi + 2^12 page.
    E offset = b.constant(0), offsets = b.constant(0);
    for (unsigned i = 0; i < kWordBytes; ++i) {
      b.assert_bool(m(C::offset + i), "offset flag is boolean");
      offset = offset + m(C::offset + i) * F(i);
      offsets = offsets + m(C::offset + i);
    }
    b.assert_eq(offsets, real, "one offset per row");
    const E page = limbs_value(b, C::page, 3);
    const E word_address = m(C::word_lo) * F(4) + m(C::word_hi) * F(1024) + page * F(4096);
    b.assert_bool(m(C::carry), "address carry is boolean");
    b.assert_eq(m(C::a) + m(C::imm) - m(C::carry) * F(kTwo32), word_address + offset,
                "effective address");
    b.send(kBusByte, {m(C::word_lo)}, real);
    range_small(b, m(C::word_hi), kWordHighBits, real);
    range_bytes(b, C::page, 2, real);
    range_small(b, m(C::page + 2), kPageTopBits, real);
    b.assert_eq(page * m(C::page_inv), real, "not the register page");
    b.assert_zero((lw + sw) * (one - m(C::offset)), "word accesses are aligned");
    b.assert_zero((lh + lhu + sh) * (m(C::offset + 1) + m(C::offset + 3)),
                  "halfword accesses are aligned");

    // The access of the memory argument.
    const E prev = m(C::prev), value = m(C::value), ro = m(C::read_only);
    const E ts = m(C::clk) + F(cpu::kSlotMemory);
    b.assert_bool(ro, "read_only is boolean");
    b.assert_zero(stores * ro, "no store to read-only memory");
    b.assert_zero(real * (ts - m(C::prev_ts) - F(1) - limbs_value(b, C::gap, cpu::kGapLimbs)),
                  "timestamp increases");
    range_bytes(b, C::gap, cpu::kGapLimbs, real);
    memory_receive(b, word_address, prev, m(C::prev_ts), ro, real);
    memory_send(b, word_address, value, ts, ro, real);

    // Bytes of the word at the offset.
    b.assert_zero(sub_word * (prev - limbs_value(b, C::prev_bytes, kWordBytes)),
                  "word from its bytes");
    for (unsigned i = 0; i < kWordBytes; ++i) {
      b.send(kBusByteMsb, {m(C::prev_bytes + i), m(C::prev_signs + i)}, sub_word);
    }
    auto p = [&](unsigned i) { return m(C::prev_bytes + i); };
    auto e = [&](unsigned i) { return m(C::offset + i); };
    E byte = b.constant(0), byte_sign = b.constant(0);
    for (unsigned i = 0; i < kWordBytes; ++i) {
      byte = byte + e(i) * p(i);
      byte_sign = byte_sign + e(i) * m(C::prev_signs + i);
    }
    const E half = e(0) * (p(0) + p(1) * F(kTwo8)) + e(2) * (p(2) + p(3) * F(kTwo8));
    const E half_sign = e(0) * m(C::prev_signs + 1) + e(2) * m(C::prev_signs + 3);

    // Loads.
    const E out = m(C::out);
    b.assert_zero(loads * (value - prev), "a load leaves the word");
    b.assert_zero(lw * (out - prev), "LW");
    b.assert_zero(lbu * (out - byte), "LBU");
    b.assert_zero(lb * (out - byte - byte_sign * F(kTwo32 - kTwo8)), "LB");
    b.assert_zero(lhu * (out - half), "LHU");
    b.assert_zero(lh * (out - half - half_sign * F(kTwo32 - kTwo16)), "LH");

    // Stores.
    const E c = m(C::c);
    b.assert_zero(stores * out, "a store writes no register");
    b.assert_zero(sw * (value - c), "SW");
    b.assert_zero((sb + sh) * (c - limbs_value(b, C::c_bytes, kWordBytes)), "c from its bytes");
    range_bytes(b, C::c_bytes, kWordBytes, sb + sh);
    const E c0 = m(C::c_bytes), c_half = c0 + m(C::c_bytes + 1) * F(kTwo8);
    E stored_byte = b.constant(0);
    for (unsigned i = 0; i < kWordBytes; ++i)
      stored_byte = stored_byte + e(i) * (c0 - p(i)) * F(uint64_t{1} << (8 * i));
    b.assert_zero(sb * (value - prev - stored_byte), "SB");
    b.assert_zero(sh * (value - prev - e(0) * (c_half - p(0) - p(1) * F(kTwo8)) -
                        e(2) * (c_half - p(2) - p(3) * F(kTwo8)) * F(kTwo16)),
                  "SH");

    const E op = lb * F(Opcode::lb) + lh * F(Opcode::lh) + lw * F(Opcode::lw) +
                 lbu * F(Opcode::lbu) + lhu * F(Opcode::lhu) + sb * F(Opcode::sb) +
                 sh * F(Opcode::sh) + sw * F(Opcode::sw);
    b.receive(kBusMemOp, {op, m(C::clk), m(C::a), c, m(C::imm), out}, real);
  }
};

/// The chip's trace for a segment's loads and stores.
poly::RowMajorMatrix generate_trace(const std::vector<MemOpEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::memory
