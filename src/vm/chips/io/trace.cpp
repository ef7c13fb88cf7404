// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>

#include "vm/chips/io/air.hpp"
#include "vm/chips/trace_util.hpp"
#include "vm/layout.hpp"

namespace zkbatch::vm::chips::io {

poly::RowMajorMatrix generate_trace(const std::vector<SyscallEvent>& events, LookupCounts& counts) {
  using C = Columns;
  size_t rows = 0;
  for (const SyscallEvent& e : events)
    rows += e.words.size();
  poly::RowMajorMatrix m(C::kWidth, table_height(rows));
  size_t i = 0;
  for (const SyscallEvent& e : events) {
    if (e.words.empty()) continue;
    const bool read = e.number == kSyscallRead;
    const uint64_t start = e.buf, end = uint64_t{e.buf} + (read ? e.result : e.n);
    const uint64_t first_word = start & ~uint64_t{3};
    if (end <= start || e.words.size() != (end - first_word + 3) / 4) {
      throw std::logic_error("io trace: buffer words do not cover the buffer");
    }
    for (size_t w = 0; w < e.words.size(); ++w, ++i) {
      const Access& a = e.words[w];
      const uint64_t word = first_word + 4 * w;
      if (a.address != word) throw std::logic_error("io trace: buffer words out of order");
      Row r = m.row(i);
      put(r, C::is_real, 1);
      put(r, C::first, w == 0 ? 1 : 0);
      put(r, C::last, w + 1 == e.words.size() ? 1 : 0);
      put(r, C::clk, e.clk);
      put(r, C::is_read, read ? 1 : 0);
      put(r, C::word, word);
      put(r, C::end, end);
      r[C::index] = field::Fp(e.out_offset) + field::Fp(word) - field::Fp(start);
      for (unsigned k = 0; k < kWordBytes; ++k) {
        const bool after = word + k >= start, before = word + k < end;
        put(r, C::after_start + k, after ? 1 : 0);
        put(r, C::before_end + k, before ? 1 : 0);
        put(r, C::in_buffer + k, after && before ? 1 : 0);
      }
      put_bytes(r, C::prev_bytes, a.prev_value, kWordBytes, &counts);
      put_bytes(r, C::new_bytes, a.value, kWordBytes, read ? &counts : nullptr);
      put(r, C::prev_ts, a.prev_timestamp);
      put_bytes(r, C::gap, a.timestamp - a.prev_timestamp - 1, cpu::kGapLimbs, &counts);
      put(r, C::read_only, a.read_only);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::io
