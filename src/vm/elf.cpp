// SPDX-License-Identifier: Apache-2.0
// Strict ELF32 loading. Offsets and constants: System V gABI (ELF header and program header
// layouts, e_ident indices, PT_* and PF_* values); EM_RISCV = 243 and the e_flags bits
// EF_RISCV_RVC (0x1), EF_RISCV_FLOAT_ABI (0x6), EF_RISCV_RVE (0x8) from the RISC-V ELF psABI.
// Every value read from the file is bounds-checked before use; nothing here trusts the input.
#include "vm/elf.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "vm/layout.hpp"

namespace zkbatch::vm {
namespace {

constexpr size_t kEhdrSize = 52;
constexpr size_t kPhdrSize = 32;
constexpr uint8_t kElfClass32 = 1;
constexpr uint8_t kElfDataLsb = 1;
constexpr uint16_t kEtExec = 2;
constexpr uint16_t kEmRiscv = 243;
constexpr uint32_t kPtLoad = 1;
constexpr uint32_t kPtDynamic = 2;
constexpr uint32_t kPtInterp = 3;
constexpr uint32_t kEfRvc = 0x1;
constexpr uint32_t kEfFloatAbi = 0x6;
constexpr uint32_t kEfRve = 0x8;

uint16_t le16(const uint8_t* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}

std::string hex32(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

struct Fail {
  std::string_view name;
  ElfError operator()(ElfErrc code, const std::string& detail) const {
    ElfError e;
    e.code = code;
    e.message = "ELF " + std::string(name) + ": " + elf_errc_message(code);
    if (!detail.empty()) e.message += ": " + detail;
    return e;
  }
};

struct RawSegment {
  uint32_t offset, vaddr, filesz, memsz, flags, index;
};

ElfError check_header(std::span<const uint8_t> b, const Fail& fail) {
  if (b.size() > kMaxElfFileBytes) {
    return fail(ElfErrc::too_large, std::to_string(b.size()) + " bytes");
  }
  if (b.size() < 4 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
    return fail(ElfErrc::bad_magic, "");
  }
  if (b.size() < kEhdrSize) {
    return fail(ElfErrc::truncated,
                "ELF header needs 52 bytes, file has " + std::to_string(b.size()));
  }
  if (b[4] != kElfClass32) return fail(ElfErrc::bad_class, "EI_CLASS is " + std::to_string(b[4]));
  if (b[5] != kElfDataLsb) return fail(ElfErrc::bad_encoding, "EI_DATA is " + std::to_string(b[5]));
  if (b[6] != 1 || le32(&b[20]) != 1) return fail(ElfErrc::bad_version, "");
  if (le16(&b[16]) != kEtExec) {
    return fail(ElfErrc::bad_type, "e_type is " + std::to_string(le16(&b[16])));
  }
  if (le16(&b[18]) != kEmRiscv) {
    return fail(ElfErrc::bad_machine, "e_machine is " + std::to_string(le16(&b[18])));
  }
  const uint32_t flags = le32(&b[36]);
  if ((flags & (kEfRvc | kEfFloatAbi | kEfRve)) != 0) {
    return fail(ElfErrc::bad_flags, "e_flags is " + hex32(flags));
  }
  if (le16(&b[40]) != kEhdrSize || le16(&b[42]) != kPhdrSize) {
    return fail(ElfErrc::bad_header_size, "e_ehsize " + std::to_string(le16(&b[40])) +
                                              ", e_phentsize " + std::to_string(le16(&b[42])));
  }
  const uint32_t phnum = le16(&b[44]);
  if (phnum == 0 || phnum > kMaxProgramHeaders) {
    return fail(ElfErrc::bad_segment_count, std::to_string(phnum) + " program headers");
  }
  const uint64_t phoff = le32(&b[28]);
  if (phoff + uint64_t{phnum} * kPhdrSize > b.size()) {
    return fail(ElfErrc::truncated, "program headers at offset " + hex32(phoff) + " end past " +
                                        std::to_string(b.size()) + " bytes");
  }
  return {};
}

ElfError check_segment(const RawSegment& s, size_t file_size, const Fail& fail) {
  const std::string where = "segment " + std::to_string(s.index) + " at " + hex32(s.vaddr);
  if (s.filesz > s.memsz) {
    return fail(ElfErrc::bad_segment,
                where + ": p_filesz " + hex32(s.filesz) + " > p_memsz " + hex32(s.memsz));
  }
  if (s.filesz != 0 && uint64_t{s.offset} + s.filesz > file_size) {
    return fail(ElfErrc::truncated, where + ": bytes [" + hex32(s.offset) + ", " +
                                        hex32(uint64_t{s.offset} + s.filesz) +
                                        ") beyond the end of the file");
  }
  if (uint64_t{s.vaddr} + s.memsz > (uint64_t{1} << 32)) {
    return fail(ElfErrc::segment_wraps, where + " with size " + hex32(s.memsz));
  }
  if (s.vaddr < kReservedEnd) {
    return fail(ElfErrc::reserved_overlap, where);
  }
  const bool exec = (s.flags & kSegmentExec) != 0;
  if (exec && (s.flags & kSegmentWrite) != 0) {
    return fail(ElfErrc::bad_segment, where + " is writable and executable");
  }
  if (exec && s.vaddr % 4 != 0) {
    return fail(ElfErrc::bad_segment, where + ": executable segment not 4-byte aligned");
  }
  return {};
}

}  // namespace

const char* elf_errc_message(ElfErrc code) {
  switch (code) {
    case ElfErrc::ok:
      return "ok";
    case ElfErrc::unreadable:
      return "cannot read file";
    case ElfErrc::too_large:
      return "larger than the loader accepts";
    case ElfErrc::truncated:
      return "truncated";
    case ElfErrc::bad_magic:
      return "not an ELF file";
    case ElfErrc::bad_class:
      return "not a 32-bit ELF";
    case ElfErrc::bad_encoding:
      return "not little-endian";
    case ElfErrc::bad_version:
      return "unknown ELF version";
    case ElfErrc::bad_type:
      return "not an executable (ET_EXEC)";
    case ElfErrc::bad_machine:
      return "not a RISC-V ELF";
    case ElfErrc::bad_flags:
      return "needs compressed instructions, RVE or a hard-float ABI (rv32im/ilp32 only)";
    case ElfErrc::bad_header_size:
      return "wrong header sizes";
    case ElfErrc::bad_segment_count:
      return "bad number of program headers";
    case ElfErrc::dynamic:
      return "dynamically linked (PT_INTERP or PT_DYNAMIC)";
    case ElfErrc::bad_segment:
      return "bad segment";
    case ElfErrc::segment_wraps:
      return "segment extends beyond 2^32";
    case ElfErrc::reserved_overlap:
      return "segment overlaps the register page [0, 0x1000)";
    case ElfErrc::overlapping:
      return "overlapping segments";
    case ElfErrc::no_code:
      return "no executable segment";
    case ElfErrc::bad_entry:
      return "bad entry point";
  }
  return "unknown error";
}

ElfError parse_elf(std::span<const uint8_t> b, std::string_view name, ElfImage& out) {
  const Fail fail{name};
  if (ElfError e = check_header(b, fail); !e.ok()) return e;

  const uint32_t phoff = le32(&b[28]);
  const uint32_t phnum = le16(&b[44]);
  std::vector<RawSegment> loads;
  for (uint32_t i = 0; i < phnum; ++i) {
    const uint8_t* ph = &b[phoff + i * kPhdrSize];
    const uint32_t type = le32(ph);
    if (type == kPtInterp || type == kPtDynamic) {
      return fail(ElfErrc::dynamic, "program header " + std::to_string(i));
    }
    if (type != kPtLoad) continue;  // PT_NOTE, PT_TLS, PT_RISCV_ATTRIBUTES, ...: not loaded
    RawSegment s{le32(ph + 4), le32(ph + 8), le32(ph + 16), le32(ph + 20), le32(ph + 24), i};
    if (ElfError e = check_segment(s, b.size(), fail); !e.ok()) return e;
    if (s.memsz != 0) loads.push_back(s);
  }

  std::sort(loads.begin(), loads.end(),
            [](const RawSegment& x, const RawSegment& y) { return x.vaddr < y.vaddr; });
  uint64_t total = 0;
  uint64_t code_lo = UINT64_MAX, code_hi = 0;
  for (size_t i = 0; i < loads.size(); ++i) {
    total += loads[i].memsz;
    if (i > 0 && uint64_t{loads[i - 1].vaddr} + loads[i - 1].memsz > loads[i].vaddr) {
      return fail(ElfErrc::overlapping, "segments " + std::to_string(loads[i - 1].index) + " and " +
                                            std::to_string(loads[i].index) + " at " +
                                            hex32(loads[i].vaddr));
    }
    if ((loads[i].flags & kSegmentExec) != 0) {
      code_lo = std::min<uint64_t>(code_lo, loads[i].vaddr);
      code_hi = std::max<uint64_t>(code_hi, uint64_t{loads[i].vaddr} + loads[i].filesz);
    }
  }
  if (total > kMaxImageBytes) {
    return fail(ElfErrc::too_large, "segments total " + hex32(total) + " bytes");
  }
  if (code_lo == UINT64_MAX) return fail(ElfErrc::no_code, "");
  if (code_hi > code_lo && code_hi - code_lo > kMaxCodeBytes) {
    return fail(ElfErrc::too_large, "code spans " + hex32(code_hi - code_lo) + " bytes");
  }

  const uint32_t entry = le32(&b[24]);
  bool entry_ok = false;
  for (const RawSegment& s : loads) {
    entry_ok |= (s.flags & kSegmentExec) != 0 && entry >= s.vaddr &&
                uint64_t{entry} < uint64_t{s.vaddr} + s.filesz;
  }
  if (!entry_ok || entry % 4 != 0) {
    return fail(ElfErrc::bad_entry,
                hex32(entry) + " is not 4-byte aligned inside the code of an executable segment");
  }

  out.name = std::string(name);
  out.entry = entry;
  out.segments.clear();
  for (const RawSegment& s : loads) {
    ElfSegment seg;
    seg.vaddr = s.vaddr;
    seg.mem_size = s.memsz;
    seg.flags = s.flags & (kSegmentExec | kSegmentWrite | kSegmentRead);
    if (s.filesz != 0) seg.data.assign(b.begin() + s.offset, b.begin() + s.offset + s.filesz);
    out.segments.push_back(std::move(seg));
  }
  return {};
}

ElfError load_elf(const std::string& path, ElfImage& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ElfError e;
    e.code = ElfErrc::unreadable;
    e.message = "ELF " + path + ": " + elf_errc_message(ElfErrc::unreadable);
    return e;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0 || static_cast<uint64_t>(size) > kMaxElfFileBytes) {
    ElfError e;
    e.code = size < 0 ? ElfErrc::unreadable : ElfErrc::too_large;
    e.message = "ELF " + path + ": " + elf_errc_message(e.code);
    return e;
  }
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), size);
  if (!in) {
    ElfError e;
    e.code = ElfErrc::unreadable;
    e.message = "ELF " + path + ": " + elf_errc_message(ElfErrc::unreadable);
    return e;
  }
  return parse_elf(bytes, path, out);
}

}  // namespace zkbatch::vm
