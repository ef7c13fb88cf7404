// SPDX-License-Identifier: Apache-2.0
#include "vm/program.hpp"

#include <algorithm>
#include <utility>

namespace zkbatch::vm {

Program::Program(ElfImage image) : image_(std::move(image)) {
  uint64_t lo = UINT64_MAX, hi = 0;
  for (const ElfSegment& s : image_.segments) {
    if (!s.writable()) read_only_.push_back({s.vaddr, s.end()});
    if (!s.executable()) continue;
    lo = std::min<uint64_t>(lo, s.vaddr);
    hi = std::max<uint64_t>(hi, uint64_t{s.vaddr} + s.data.size());
  }
  if (lo >= hi) return;
  code_begin_ = static_cast<uint32_t>(lo);
  const size_t count = static_cast<size_t>((hi - lo) / 4);
  instructions_.assign(count, Instruction{});
  words_.assign(count, 0);
  is_code_.assign(count, 0);
  for (const ElfSegment& s : image_.segments) {
    if (!s.executable()) continue;
    const size_t first = (s.vaddr - code_begin_) / 4;
    for (size_t i = 0; i + 4 <= s.data.size(); i += 4) {
      const uint32_t w = uint32_t{s.data[i]} | (uint32_t{s.data[i + 1]} << 8) |
                         (uint32_t{s.data[i + 2]} << 16) | (uint32_t{s.data[i + 3]} << 24);
      words_[first + i / 4] = w;
      instructions_[first + i / 4] = decode(w);
      is_code_[first + i / 4] = 1;
    }
  }
}

Program Program::load(const std::string& path, ElfError& error) {
  ElfImage image;
  error = load_elf(path, image);
  if (!error.ok()) return Program();
  return Program(std::move(image));
}

bool Program::is_code(uint32_t pc) const {
  const uint32_t index = (pc - code_begin_) / 4;
  return pc % 4 == 0 && pc >= code_begin_ && index < is_code_.size() && is_code_[index] != 0;
}

const Instruction* Program::instruction_at(uint32_t pc) const {
  return is_code(pc) ? &instructions_[(pc - code_begin_) / 4] : nullptr;
}

bool Program::is_read_only(uint32_t address) const {
  for (const AddressRange& r : read_only_) {
    if (r.contains(address)) return true;
  }
  return false;
}

}  // namespace zkbatch::vm
