// SPDX-License-Identifier: Apache-2.0
// Host calls (DESIGN.md §4, docs/vm.md "Host calls"): a7 selects exit (93), read (63) or write
// (64); any other number, a read from an fd other than 0 or a write to an fd other than 1-3 has
// no valid row (the machine traps). read and write read a1 (buf) and a2 (n) at clk + 1 and write
// the result to a0 at clk + 4, consuming the a0 the CPU read at clk + 2. A non-empty buffer must
// lie in a range of the fixed table: above the register page without wrapping, and for read
// outside every read-only segment. read copies result <= n private-input bytes (unconstrained
// values: the guest checks them) and write to fd 3 commits n bytes: the I/O chip moves them, one
// row per word. exit halts (the CPU ends the segment there).
#pragma once

#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/syscall/columns.hpp"

namespace zkbatch::vm::chips::syscall {

/// The syscall chip.
class SyscallAir final : public stark::AirBase<SyscallAir> {
 public:
  std::string name() const override { return "syscall"; }
  size_t width() const override { return Columns::kWidth; }

  template <class B>
  void eval(B& b) const {
    using C = Columns;
    using E = typename B::Expr;
    auto m = [&](size_t c) { return b.main(c); };
    const E is_exit = m(C::is_exit), is_read = m(C::is_read), is_write = m(C::is_write),
            is_public = m(C::is_public);
    const E real = is_exit + is_read + is_write, io = is_read + is_write;
    const E one = b.constant(1), zero = b.constant(0);
    const E clk = m(C::clk), fd = m(C::fd), buf = m(C::buf), n = m(C::n), result = m(C::result);
    b.assert_bool(is_exit, "is_exit is boolean");
    b.assert_bool(is_read, "is_read is boolean");
    b.assert_bool(is_write, "is_write is boolean");
    b.assert_bool(is_public, "is_public is boolean");
    b.assert_bool(real, "one call per row");
    b.assert_zero(is_public * (one - is_write), "public output is a write");

    // The call and its file descriptor.
    b.assert_eq(m(C::a7),
                is_exit * F(kSyscallExit) + is_read * F(kSyscallRead) + is_write * F(kSyscallWrite),
                "a7: exit, read or write");
    b.assert_zero(is_read * fd, "read from fd 0");
    b.assert_zero(is_public * (fd - F(kFdPublic)), "public output on fd 3");
    b.assert_zero((is_write - is_public) * (fd - F(kFdStdout)) * (fd - F(kFdStderr)),
                  "debug text on fd 1 or 2");
    b.assert_zero(is_exit * n, "exit has no buffer");
    b.assert_zero(is_write * (result - n), "write returns n");
    b.assert_eq(m(C::out_inc), is_public * n, "public bytes committed");

    // Registers: a1, a2 read at clk + 1; a0 (read by the CPU at clk + 2) written at clk + 4.
    read_register(b, b.constant(kAddressA1), buf, C::a1_prev_ts, C::a1_gap, io);
    read_register(b, b.constant(kAddressA2), n, C::a2_prev_ts, C::a2_gap, io);
    memory_receive(b, b.constant(kAddressA0), fd, clk + F(cpu::kSlotRs2), zero, io);
    memory_send(b, b.constant(kAddressA0), result, clk + F(cpu::kSlotRd), zero, io);

    // read: result <= n, both words.
    b.assert_zero(is_read * (result - limbs_value(b, C::count_bytes, kWordBytes)),
                  "read count from its bytes");
    b.assert_zero(is_read * (n - result - limbs_value(b, C::slack, kWordBytes)), "count <= n");
    range_bytes(b, C::count_bytes, kWordBytes, is_read);
    range_bytes(b, C::slack, kWordBytes, is_read);

    // A non-empty buffer lies in a fixed range (any buffer; read: a writable one).
    nonzero(b, n, C::n_nonzero, C::n_inv);
    const E checked = m(C::n_nonzero);
    b.send(kBusFixed,
           {b.constant(kTagBuffer) + is_read * F(kTagWritableBuffer - kTagBuffer), m(C::range_lo),
            m(C::range_hi), zero, zero},
           checked);
    b.assert_zero(checked * (buf - m(C::range_lo) - limbs_value(b, C::above_lo, kWordBytes)),
                  "buffer starts in the range");
    b.assert_zero(checked * (m(C::range_hi) - buf - n - limbs_value(b, C::below_hi, kWordBytes)),
                  "buffer ends in the range");
    range_bytes(b, C::above_lo, kWordBytes, checked);
    range_bytes(b, C::below_hi, kWordBytes, checked);

    // The bytes moved through memory go to the I/O chip, word by word from buf's word.
    b.assert_eq(m(C::len), is_read * result + is_public * n, "bytes moved");
    nonzero(b, m(C::len), C::len_nonzero, C::len_inv);
    const E moves = m(C::len_nonzero);
    b.assert_bool(m(C::buf_offset), "offset bit is boolean");
    b.assert_bool(m(C::buf_offset + 1), "offset bit is boolean");
    const E offset = m(C::buf_offset) + m(C::buf_offset + 1) * F(2);
    const E word = limbs_value(b, C::buf_word, kWordBytes) * F(4);
    b.assert_zero(moves * (buf - word - offset), "buf = 4 word + offset");
    range_bytes(b, C::buf_word, kWordBytes - 1, moves);
    range_small(b, m(C::buf_word + kWordBytes - 1), kWordIndexTopBits, moves);
    b.send(kBusIo, {clk, word, offset, buf + m(C::len), is_read, m(C::out_off)}, moves);

    b.receive(kBusSyscall, {clk, m(C::a7), fd, is_exit, m(C::out_off), m(C::out_inc)}, real);
  }

 private:
  /// A register read at clk + 1: receives (address, value, prev_ts), sends (address, value,
  /// clk + 1), prev_ts < clk + 1 by the gap's bytes.
  template <class B>
  static void read_register(B& b,
                            const typename B::Expr& address,
                            const typename B::Expr& value,
                            size_t prev_ts,
                            size_t gap,
                            const typename B::Expr& active) {
    const typename B::Expr ts = b.main(Columns::clk) + F(cpu::kSlotRs1);
    const typename B::Expr zero = b.constant(0);
    b.assert_zero(active * (ts - b.main(prev_ts) - F(1) - limbs_value(b, gap, cpu::kGapLimbs)),
                  "register timestamp increases");
    memory_receive(b, address, value, b.main(prev_ts), zero, active);
    memory_send(b, address, value, ts, zero, active);
    range_bytes(b, gap, cpu::kGapLimbs, active);
  }

  /// flag = (x != 0), with inv = 1 / x when it is.
  template <class B>
  static void nonzero(B& b, const typename B::Expr& x, size_t flag, size_t inv) {
    b.assert_bool(b.main(flag), "nonzero flag is boolean");
    b.assert_zero(x * (b.constant(1) - b.main(flag)), "zero flag: x == 0");
    b.assert_eq(x * b.main(inv), b.main(flag), "nonzero flag: x != 0");
  }
};

/// The chip's trace for a segment's host calls.
poly::RowMajorMatrix generate_trace(const std::vector<SyscallEvent>& events,
                                    const std::vector<Range>& writable_buffers,
                                    LookupCounts& counts);

}  // namespace zkbatch::vm::chips::syscall
