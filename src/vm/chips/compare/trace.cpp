// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/compare/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::compare {

poly::RowMajorMatrix generate_trace(const std::vector<AluEvent>& events, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    const AluEvent& e = events[i];
    Row r = m.row(i);
    const bool slt = e.op == Opcode::slt;
    put(r, slt ? C::is_slt : C::is_sltu, 1);
    put(r, C::a, e.a);
    put(r, C::c, e.c);
    put(r, C::out, e.out);
    const uint64_t flip = slt ? uint64_t{1} << 31 : 0;
    const uint64_t a_flipped = e.a ^ flip, c_flipped = e.c ^ flip;
    put_bytes(r, C::diff_bytes, a_flipped - c_flipped + (uint64_t{e.out} << 32), kWordBytes,
              &counts);
    if (slt) {
      put_bytes(r, C::a_bytes, e.a, kWordBytes, nullptr);
      put_bytes(r, C::c_bytes, e.c, kWordBytes, nullptr);
      put(r, C::a_sign, e.a >> 31);
      put(r, C::c_sign, e.c >> 31);
      counts.bytes_of(e.a, kWordBytes - 1);
      counts.bytes_of(e.c, kWordBytes - 1);
      counts.byte_msb(e.a >> 24);
      counts.byte_msb(e.c >> 24);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::compare
