// SPDX-License-Identifier: Apache-2.0
// The byte table (preprocessed): every byte value with its top bit. Range checks of bytes, and
// the sign bit of a byte, are lookups into it (LogUp with a multiplicity column per bus).
#pragma once

#include <string>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/bytes/columns.hpp"
#include "vm/chips/lookups.hpp"

namespace zkbatch::vm::chips::bytes {

/// The byte table.
class BytesAir final : public stark::AirBase<BytesAir> {
 public:
  std::string name() const override { return "bytes"; }
  size_t width() const override { return Columns::kWidth; }
  size_t preprocessed_width() const override { return PreprocessedColumns::kWidth; }
  poly::RowMajorMatrix preprocessed_trace() const override;

  template <class B>
  void eval(B& b) const {
    using P = PreprocessedColumns;
    b.receive(kBusByte, {b.preprocessed(P::value)}, b.main(Columns::range_count));
    b.receive(kBusByteMsb, {b.preprocessed(P::value), b.preprocessed(P::msb)},
              b.main(Columns::msb_count));
  }
};

/// The main trace: the lookup counts of every chip of the proof.
poly::RowMajorMatrix generate_trace(const LookupCounts& counts);

}  // namespace zkbatch::vm::chips::bytes
