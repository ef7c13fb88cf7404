// SPDX-License-Identifier: Apache-2.0
// Internal: the 32-bit address space as lazily allocated pages of per-word values.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace zkbatch::vm::detail {

/// One T per aligned 32-bit word of the address space, in 64 KiB pages (2^14 words) allocated
/// zero-initialized on first write. A page table of 2^16 pointers keeps a lookup to two loads,
/// which is what lets the interpreter run tens of millions of loads per second; untouched
/// memory (the guest's 64 MiB heap, most of the stack) costs nothing.
template <class T>
class WordPages {
 public:
  static constexpr unsigned kPageShift = 16;
  static constexpr uint32_t kWordsPerPage = uint32_t{1} << (kPageShift - 2);

  WordPages() : pages_(size_t{1} << (32 - kPageShift)) {}

  /// The word containing `address`, or nullptr when its page was never allocated (reads as a
  /// zero-initialized T).
  const T* find(uint32_t address) const {
    const T* page = pages_[address >> kPageShift].get();
    return page == nullptr ? nullptr : page + word_index(address);
  }
  /// The word containing `address`, allocating its page.
  T& at(uint32_t address) {
    std::unique_ptr<T[]>& page = pages_[address >> kPageShift];
    if (!page) page = std::make_unique<T[]>(kWordsPerPage);  // value-initialized: zeros
    return page[word_index(address)];
  }
  /// Pages allocated so far.
  size_t page_count() const {
    size_t n = 0;
    for (const auto& p : pages_)
      n += p != nullptr;
    return n;
  }

 private:
  static uint32_t word_index(uint32_t address) { return (address >> 2) & (kWordsPerPage - 1); }

  std::vector<std::unique_ptr<T[]>> pages_;
};

}  // namespace zkbatch::vm::detail
