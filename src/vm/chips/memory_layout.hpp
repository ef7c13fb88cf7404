// SPDX-License-Identifier: Apache-2.0
// What the proofs need to know about a program's memory (docs/zkvm.md, "Memory"): the words the
// ELF image initializes (the image table, part of the verifying key), which of them are read-only,
// the word ranges that hold no image byte (where zero initialization is allowed), and the byte
// ranges a host-call buffer may use.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "vm/program.hpp"

namespace zkbatch::vm::chips {

/// One word of the ELF image: its initial value and whether stores to it trap.
struct ImageWord {
  uint32_t address = 0;  ///< multiple of 4
  uint32_t value = 0;
  uint32_t read_only = 0;  ///< 1 for a word of a segment without PF_W

  friend bool operator==(const ImageWord&, const ImageWord&) = default;
};

/// A half-open range [lo, hi) of the 32-bit space (hi may be 2^32).
using Range = std::pair<uint64_t, uint64_t>;

/// Most words an image table may hold (16 MiB of image).
inline constexpr size_t kMaxImageWords = size_t{1} << 22;

/// The memory facts of one program, derived from its ELF image.
class MemoryLayout {
 public:
  /// Derives the layout. The image words are every word that overlaps the file bytes of a
  /// segment, and every word of a read-only segment (its zero fill included). Throws
  /// std::invalid_argument when a word holds bytes of a read-only and of a writable segment, or
  /// when the image has more than kMaxImageWords words.
  explicit MemoryLayout(const Program& program);

  /// The image words, by increasing address.
  const std::vector<ImageWord>& image() const { return image_; }
  /// 1 when `word_address` is a read-only image word, else 0.
  uint32_t read_only(uint32_t word_address) const;
  /// The word's value before the first instruction: the image value, or 0.
  uint32_t initial_value(uint32_t word_address) const;
  /// True when `word_address` is an image word.
  bool in_image(uint32_t word_address) const;
  /// Word-address ranges without image words, by increasing address (their union with the image
  /// words is the whole space).
  const std::vector<Range>& gaps() const { return gaps_; }
  /// Byte ranges a read() buffer may lie in: above the register page and outside every read-only
  /// segment (docs/vm.md, "Host calls").
  const std::vector<Range>& writable_buffers() const { return writable_; }

 private:
  const ImageWord* find(uint32_t word_address) const;

  std::vector<ImageWord> image_;
  std::vector<Range> gaps_;
  std::vector<Range> writable_;
};

}  // namespace zkbatch::vm::chips
