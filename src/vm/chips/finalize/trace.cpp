// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>

#include "vm/chips/finalize/air.hpp"
#include "vm/chips/trace_util.hpp"

namespace zkbatch::vm::chips::finalize {

poly::RowMajorMatrix generate_trace(const std::vector<FinalWord>& words, LookupCounts& counts) {
  using C = Columns;
  poly::RowMajorMatrix m(C::kWidth, table_height(words.size()));
  for (size_t i = 0; i < words.size(); ++i) {
    const FinalWord& w = words[i];
    Row r = m.row(i);
    put(r, C::is_real, 1);
    put(r, C::address, w.address);
    put(r, C::value, w.value);
    put(r, C::timestamp, w.timestamp);
    put(r, C::read_only, w.read_only);
    if (i + 1 < words.size()) {
      if (words[i + 1].address <= w.address) throw std::logic_error("finalize trace: not sorted");
      put(r, C::ordered, 1);
      put_bytes(r, C::step, uint64_t{words[i + 1].address} - w.address - 1, kStepBytes, &counts);
    }
  }
  return m;
}

}  // namespace zkbatch::vm::chips::finalize
