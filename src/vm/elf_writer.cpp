// SPDX-License-Identifier: Apache-2.0
// Layouts as in elf.cpp (System V gABI ELF32 header and program header).
#include "vm/elf_writer.hpp"

namespace zkbatch::vm {
namespace {

void put16(std::vector<uint8_t>& out, size_t at, uint32_t v) {
  out[at] = static_cast<uint8_t>(v);
  out[at + 1] = static_cast<uint8_t>(v >> 8);
}
void put32(std::vector<uint8_t>& out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

}  // namespace

std::vector<uint8_t> write_elf(const ElfImage& image) {
  constexpr size_t kEhdr = 52, kPhdr = 32;
  const size_t phnum = image.segments.size();
  std::vector<uint8_t> out(kEhdr + kPhdr * phnum, 0);
  const uint8_t ident[16] = {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (size_t i = 0; i < 16; ++i)
    out[i] = ident[i];
  put16(out, 16, 2);    // e_type = ET_EXEC
  put16(out, 18, 243);  // e_machine = EM_RISCV
  put32(out, 20, 1);    // e_version
  put32(out, 24, image.entry);
  put32(out, 28, static_cast<uint32_t>(kEhdr));  // e_phoff
  put32(out, 36, 0);                             // e_flags: soft-float, no RVC
  put16(out, 40, kEhdr);
  put16(out, 42, kPhdr);
  put16(out, 44, static_cast<uint32_t>(phnum));
  put16(out, 46, 40);  // e_shentsize (no section headers follow)

  for (size_t i = 0; i < phnum; ++i) {
    const ElfSegment& s = image.segments[i];
    size_t offset = out.size();
    const size_t want = s.vaddr % kElfWriterPageSize;
    offset += (want + kElfWriterPageSize - offset % kElfWriterPageSize) % kElfWriterPageSize;
    if (s.data.empty()) offset = want;  // nothing is read; keep offset = vaddr mod page
    if (!s.data.empty()) out.resize(offset + s.data.size(), 0);
    std::copy(s.data.begin(), s.data.end(), out.begin() + static_cast<ptrdiff_t>(offset));
    const size_t ph = kEhdr + kPhdr * i;
    put32(out, ph, 1);  // PT_LOAD
    put32(out, ph + 4, static_cast<uint32_t>(offset));
    put32(out, ph + 8, s.vaddr);
    put32(out, ph + 12, s.vaddr);
    put32(out, ph + 16, static_cast<uint32_t>(s.data.size()));
    put32(out, ph + 20, s.mem_size);
    put32(out, ph + 24, s.flags);
    put32(out, ph + 28, kElfWriterPageSize);
  }
  return out;
}

}  // namespace zkbatch::vm
