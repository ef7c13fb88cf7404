// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>

#include "vm/chips/cpu/constants.hpp"
#include "vm/chips/fixed/constants.hpp"
#include "vm/chips/syscall/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::syscall {
namespace {

using C = Columns;

void put_read(Row r, const Access& a, size_t prev_ts, size_t gap, LookupCounts& counts) {
  put(r, prev_ts, a.prev_timestamp);
  put_bytes(r, gap, a.timestamp - a.prev_timestamp - 1, cpu::kGapLimbs, &counts);
}

void put_nonzero(Row r, uint64_t x, size_t flag, size_t inv) {
  if (x == 0) return;
  put(r, flag, 1);
  r[inv] = field::Fp(x).inverse();
}

}  // namespace

poly::RowMajorMatrix generate_trace(const std::vector<SyscallEvent>& events,
                                    const std::vector<Range>& writable_buffers,
                                    LookupCounts& counts) {
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const SyscallEvent& e = events[i];
    Row r = m.row(i);
    put(r, C::clk, e.clk);
    put(r, C::a7, e.number);
    put(r, C::fd, e.fd);
    put(r, C::out_off, e.out_offset);
    if (e.number == kSyscallExit) {
      put(r, C::is_exit, 1);
      continue;
    }
    const bool read = e.number == kSyscallRead;
    const bool is_public = !read && e.fd == kFdPublic;
    put(r, read ? C::is_read : C::is_write, 1);
    put(r, C::is_public, is_public ? 1 : 0);
    put(r, C::buf, e.buf);
    put(r, C::n, e.n);
    put(r, C::result, e.result);
    put(r, C::out_inc, is_public ? e.n : 0);
    put_read(r, e.a1, C::a1_prev_ts, C::a1_gap, counts);
    put_read(r, e.a2, C::a2_prev_ts, C::a2_gap, counts);
    if (read) {
      put_bytes(r, C::count_bytes, e.result, kWordBytes, &counts);
      put_bytes(r, C::slack, uint64_t{e.n} - e.result, kWordBytes, &counts);
    }
    if (e.n != 0) {
      put_nonzero(r, e.n, C::n_nonzero, C::n_inv);
      const uint64_t end = uint64_t{e.buf} + e.n;
      Range range{kReservedEnd, kTwo32};
      FixedTag tag = kTagBuffer;
      if (read) {
        tag = kTagWritableBuffer;
        range = {0, 0};
        for (const Range& w : writable_buffers) {
          if (w.first <= e.buf && end <= w.second) range = w;
        }
      }
      if (e.buf < range.first || end > range.second) {
        throw std::logic_error("syscall trace: buffer outside the allowed ranges");
      }
      counts.fixed(fixed::range_tuple(tag, range.first, range.second));
      put(r, C::range_lo, range.first);
      put(r, C::range_hi, range.second);
      put_bytes(r, C::above_lo, e.buf - range.first, kWordBytes, &counts);
      put_bytes(r, C::below_hi, range.second - end, kWordBytes, &counts);
    }
    const uint64_t len = read ? e.result : (is_public ? e.n : 0);
    put(r, C::len, len);
    if (len != 0) {
      put_nonzero(r, len, C::len_nonzero, C::len_inv);
      put(r, C::buf_offset, e.buf & 1);
      put(r, C::buf_offset + 1, (e.buf >> 1) & 1);
      const uint32_t word = e.buf >> 2;
      for (unsigned k = 0; k < kWordBytes; ++k)
        put(r, C::buf_word + k, (word >> (8 * k)) & 0xff);
      counts.bytes_of(word, kWordBytes - 1);
      counts.small(word >> 24, kWordIndexTopBits);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::syscall
