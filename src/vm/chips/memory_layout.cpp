// SPDX-License-Identifier: Apache-2.0
#include "vm/chips/memory_layout.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "vm/layout.hpp"

namespace zkbatch::vm::chips {
namespace {

struct WordInfo {
  uint32_t value = 0;
  bool read_only = false;
  bool writable = false;
};

}  // namespace

MemoryLayout::MemoryLayout(const Program& program) {
  std::map<uint32_t, WordInfo> words;
  for (const ElfSegment& s : program.image().segments) {
    // Words that carry file bytes, and for read-only segments every word up to p_memsz (a store
    // to the zero fill of a read-only segment traps as well).
    const uint64_t covered = s.writable() ? uint64_t{s.vaddr} + s.data.size() : s.end();
    for (uint64_t w = s.vaddr & ~uint64_t{3}; w < covered; w += 4) {
      if (words.size() >= kMaxImageWords && words.find(static_cast<uint32_t>(w)) == words.end()) {
        throw std::invalid_argument("memory layout: the ELF image has more than " +
                                    std::to_string(kMaxImageWords) + " words");
      }
      WordInfo& info = words[static_cast<uint32_t>(w)];
      (s.writable() ? info.writable : info.read_only) = true;
    }
    for (size_t i = 0; i < s.data.size(); ++i) {
      const uint32_t a = s.vaddr + static_cast<uint32_t>(i);
      words[a & ~3u].value |= uint32_t{s.data[i]} << (8 * (a & 3));
    }
  }
  // A writable segment's first and last words are the only ones it can share with another
  // segment; mark them when they are image words (of a read-only neighbour), so that a mixed word
  // is refused below rather than treated as read-only.
  for (const ElfSegment& s : program.image().segments) {
    if (!s.writable() || s.mem_size == 0) continue;
    for (uint64_t w : {uint64_t{s.vaddr} & ~uint64_t{3}, (s.end() - 1) & ~uint64_t{3}}) {
      auto it = words.find(static_cast<uint32_t>(w));
      if (it != words.end()) it->second.writable = true;
    }
  }
  image_.reserve(words.size());
  for (const auto& [address, info] : words) {
    if (info.read_only && info.writable) {
      throw std::invalid_argument("memory layout: word " + std::to_string(address) +
                                  " holds bytes of a read-only and of a writable segment");
    }
    image_.push_back({address, info.value, info.read_only ? 1u : 0u});
  }
  // Gaps: the complement of the image words.
  uint64_t next = 0;
  for (size_t i = 0; i < image_.size(); ++i) {
    if (image_[i].address > next) gaps_.emplace_back(next, image_[i].address);
    next = uint64_t{image_[i].address} + 4;
  }
  if (next < (uint64_t{1} << 32)) gaps_.emplace_back(next, uint64_t{1} << 32);
  // Buffers of read(): [0x1000, 2^32) minus the read-only segments (byte ranges).
  std::vector<AddressRange> ro = program.read_only();
  std::sort(ro.begin(), ro.end(),
            [](const AddressRange& a, const AddressRange& b) { return a.begin < b.begin; });
  uint64_t lo = kReservedEnd;
  for (const AddressRange& r : ro) {
    if (r.begin > lo) writable_.emplace_back(lo, r.begin);
    lo = std::max<uint64_t>(lo, r.end);
  }
  if (lo < (uint64_t{1} << 32)) writable_.emplace_back(lo, uint64_t{1} << 32);
}

const ImageWord* MemoryLayout::find(uint32_t word_address) const {
  auto it =
      std::lower_bound(image_.begin(), image_.end(), word_address,
                       [](const ImageWord& w, uint32_t address) { return w.address < address; });
  return it != image_.end() && it->address == word_address ? &*it : nullptr;
}

uint32_t MemoryLayout::read_only(uint32_t word_address) const {
  const ImageWord* w = find(word_address);
  return w != nullptr ? w->read_only : 0;
}

uint32_t MemoryLayout::initial_value(uint32_t word_address) const {
  const ImageWord* w = find(word_address);
  return w != nullptr ? w->value : 0;
}

bool MemoryLayout::in_image(uint32_t word_address) const {
  return find(word_address) != nullptr;
}

}  // namespace zkbatch::vm::chips
