// SPDX-License-Identifier: Apache-2.0
// A loaded guest program: the checked ELF image and its code decoded once, the table that the
// interpreter executes and the CPU chip later proves against (DESIGN.md §4, "Program").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/elf.hpp"
#include "vm/instruction.hpp"

namespace zkbatch::vm {

/// An address range [begin, end) of the 32-bit space.
struct AddressRange {
  uint32_t begin = 0;
  uint64_t end = 0;  ///< may be 2^32

  bool contains(uint32_t address) const { return address >= begin && address < end; }
};

/// The program: entry point, decoded code and the memory image. Immutable once built, so one
/// Program can serve any number of emulator runs and threads.
class Program {
 public:
  /// Decodes the executable segments of a checked image. Every 4-byte word of code gets a table
  /// entry; words that are not RV32IM instructions (data in the code segment, padding) decode to
  /// `illegal` and stop the run only if executed.
  explicit Program(ElfImage image);

  /// Reads, checks and decodes an ELF file; `error` is set (and the Program empty) on failure.
  static Program load(const std::string& path, ElfError& error);

  /// The ELF entry point: the pc of cycle 0.
  uint32_t entry() const { return image_.entry; }
  /// The checked ELF image (segments with their initial bytes).
  const ElfImage& image() const { return image_; }
  /// First byte of the code table: the lowest executable segment.
  uint32_t code_begin() const { return code_begin_; }
  /// The decoded code, one entry per word from `code_begin()`: entry i is the pc
  /// code_begin() + 4 i. Addresses in the span that lie outside executable segments hold
  /// `illegal` and are flagged by `is_code`.
  const std::vector<Instruction>& instructions() const { return instructions_; }
  /// The raw instruction words, parallel to `instructions()` (0 outside executable segments).
  const std::vector<uint32_t>& words() const { return words_; }
  /// True when `pc` is 4-byte aligned and inside the file bytes of an executable segment.
  bool is_code(uint32_t pc) const;
  /// The decoded instruction at `pc`, or nullptr when `pc` is not code.
  const Instruction* instruction_at(uint32_t pc) const;
  /// Ranges of non-writable segments; stores into them stop the run.
  const std::vector<AddressRange>& read_only() const { return read_only_; }
  /// True when a store to `address` would hit a non-writable segment.
  bool is_read_only(uint32_t address) const;

 private:
  Program() = default;

  ElfImage image_;
  uint32_t code_begin_ = 0;
  std::vector<Instruction> instructions_;
  std::vector<uint32_t> words_;
  std::vector<uint8_t> is_code_;
  std::vector<AddressRange> read_only_;
};

}  // namespace zkbatch::vm
