// SPDX-License-Identifier: Apache-2.0
// Initialization from the ELF image (DESIGN.md §4 "Memory"): a preprocessed table of the image
// words, committed in the verifying key, each sent at most once (boolean `used`) as
// (address, value, 0, read_only) on the global memory bus. Words of read-only segments carry
// read_only = 1 in every tuple of their chain, which stores and input reads refuse.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "poly/matrix.hpp"
#include "stark/air.hpp"
#include "vm/chips/air_util.hpp"
#include "vm/chips/image_init/columns.hpp"
#include "vm/chips/image_init/constants.hpp"
#include "vm/chips/memory_layout.hpp"

namespace zkbatch::vm::chips::image_init {

/// The image initialization chip.
class ImageInitAir final : public stark::AirBase<ImageInitAir> {
 public:
  explicit ImageInitAir(std::shared_ptr<const MemoryLayout> layout) : layout_(std::move(layout)) {}

  std::string name() const override { return "image_init"; }
  size_t width() const override { return Columns::kWidth; }
  size_t preprocessed_width() const override { return PreprocessedColumns::kWidth; }
  poly::RowMajorMatrix preprocessed_trace() const override;

  template <class B>
  void eval(B& b) const {
    using P = PreprocessedColumns;
    const typename B::Expr used = b.main(Columns::used);
    b.assert_bool(used, "used is boolean");
    b.send(kBusGlobalMemory,
           {b.preprocessed(P::address), b.preprocessed(P::value), b.constant(kInitialTimestamp),
            b.preprocessed(P::read_only)},
           used);
  }

 private:
  std::shared_ptr<const MemoryLayout> layout_;
};

/// The main trace: used[i] = 1 for the image words the run accesses (`accessed`, sorted).
poly::RowMajorMatrix generate_trace(const MemoryLayout& layout,
                                    const std::vector<uint32_t>& accessed);

}  // namespace zkbatch::vm::chips::image_init
