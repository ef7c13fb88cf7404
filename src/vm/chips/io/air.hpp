// SPDX-License-Identifier: Apache-2.0
// The buffer of a host call, word by word. The syscall chip sends (clk, first word, first byte
// offset, end, is_read, output offset) once per call; the I/O chip receives it on the call's
// first row and steps the word by 4 on each following row until the row marked last, where end
// lies within the word. Per row, monotone flags mark the bytes at or after the start and before
// the end; their product marks the buffer's bytes. Each word is one access of the memory argument
// at clk + 3: read() replaces the buffer bytes with private input (any bytes; the others keep
// their values; the word must be writable), write(3) leaves the word and sends each buffer byte
// with its public-output index on the global output bus, which the verifier balances against the
// public output of the proof file.
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/io/columns.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::io {

/// The I/O chip.
class IoAir final : public stark::AirBase<IoAir> {
 public:
  std::string name() const override { return "io"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    auto nx = [&](size_t c) { return b.main_next(c); };
    const E one = b.constant(1);
    const E real = m(C::is_real), first = m(C::first), last = m(C::last), is_read = m(C::is_read);
    const E real_next = nx(C::is_real), first_next = nx(C::first);

    // Rows: calls first, each a run from a first row to a last row.
    b.assert_bool(real, "is_real is boolean");
    b.assert_bool(first, "first is boolean");
    b.assert_bool(last, "last is boolean");
    b.assert_bool(is_read, "is_read is boolean");
    b.assert_zero(first * (one - real), "first is a real row");
    b.assert_zero(last * (one - real), "last is a real row");
    b.assert_zero(is_read * (one - real), "is_read on a real row");
    b.when_transition().assert_zero(real_next * (one - real), "calls come first");
    b.when_first_row().assert_zero(real * (one - first), "the table starts a call");
    b.when_transition().assert_zero(real * (last - one + real_next * (one - first_next)),
                                    "last: the next row starts a call or is padding");
    b.when_last_row().assert_zero(real * (one - last), "the table ends a call");
    const E continues = real_next * (one - first_next);
    for (size_t c : {C::clk, C::is_read, C::end}) {
      b.when_transition().assert_zero(continues * (nx(c) - m(c)), "same call");
    }
    b.when_transition().assert_zero(continues * (nx(C::word) - m(C::word) - F(4)), "next word");
    b.when_transition().assert_zero(continues * (nx(C::index) - m(C::index) - F(4)),
                                    "next output index");

    // Which bytes of the word are in the buffer.
    E after = b.constant(0), before = b.constant(0);
    for (unsigned k = 0; k < kWordBytes; ++k) {
      const E s = m(C::after_start + k), t = m(C::before_end + k);
      b.assert_bool(s, "after-start flag is boolean");
      b.assert_bool(t, "before-end flag is boolean");
      b.assert_eq(m(C::in_buffer + k), s * t, "in-buffer flag");
      if (k + 1 < kWordBytes) {
        b.assert_zero(s * (one - m(C::after_start + k + 1)), "after-start flags are monotone");
        b.assert_zero(m(C::before_end + k + 1) * (one - t), "before-end flags are monotone");
      }
      after = after + s;
      before = before + t;
    }
    b.assert_eq(m(C::after_start + kWordBytes - 1), real, "the last byte is after the start");
    b.assert_eq(m(C::before_end), real, "the first byte is before the end");
    b.assert_zero((real - first) * (one - m(C::after_start)), "inner words start in the buffer");
    b.assert_zero((real - last) * (one - m(C::before_end + kWordBytes - 1)),
                  "inner words end in the buffer");
    const E start_offset = F(kWordBytes) - after;
    b.assert_zero(last * (m(C::end) - m(C::word) - before), "the buffer ends in the last word");
    b.receive(kBusIo,
              {m(C::clk), m(C::word), start_offset, m(C::end), is_read, m(C::index) + start_offset},
              first);

    // The word's access.
    const E prev = limbs_value(b, C::prev_bytes, kWordBytes);
    const E value = limbs_value(b, C::new_bytes, kWordBytes);
    const E ro = m(C::read_only), ts = m(C::clk) + F(cpu::kSlotMemory);
    b.assert_bool(ro, "read_only is boolean");
    b.assert_zero(is_read * ro, "input goes to writable memory");
    b.assert_zero(real * (ts - m(C::prev_ts) - F(1) - limbs_value(b, C::gap, cpu::kGapLimbs)),
                  "timestamp increases");
    range_bytes(b, C::gap, cpu::kGapLimbs, real);
    memory_receive(b, m(C::word), prev, m(C::prev_ts), ro, real);
    memory_send(b, m(C::word), value, ts, ro, real);
    range_bytes(b, C::prev_bytes, kWordBytes, real);
    range_bytes(b, C::new_bytes, kWordBytes, is_read);
    for (unsigned k = 0; k < kWordBytes; ++k) {
      const E p = m(C::prev_bytes + k), q = m(C::new_bytes + k), in = m(C::in_buffer + k);
      b.assert_zero((one - is_read) * (q - p), "output leaves memory");
      b.assert_zero((one - in) * (q - p), "bytes outside the buffer are kept");
      b.send(kBusOutput, {m(C::index) + F(k), p}, in * (real - is_read));
    }
  }
};

/// The chip's trace: the buffer words of every read and public write, in call order.
poly::RowMajorMatrix generate_trace(const std::vector<SyscallEvent>& events, LookupCounts& counts);

}  // namespace zkbatch::vm::chips::io
