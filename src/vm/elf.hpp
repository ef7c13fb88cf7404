// SPDX-License-Identifier: Apache-2.0
// Loading guest programs: static little-endian ELF32 RISC-V executables (System V gABI, "ELF
// Header" and "Program Header" chapters; RISC-V ELF psABI for e_machine and e_flags).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zkbatch::vm {

/// Segment permission bits (p_flags).
enum SegmentFlags : uint32_t { kSegmentExec = 1, kSegmentWrite = 2, kSegmentRead = 4 };

/// One PT_LOAD segment: `data` (p_filesz bytes from the file) at `vaddr`, followed by zeros up
/// to `mem_size`.
struct ElfSegment {
  uint32_t vaddr = 0;
  uint32_t mem_size = 0;
  uint32_t flags = 0;  ///< SegmentFlags
  std::vector<uint8_t> data;

  /// One past the last byte (fits in 64 bits: segments never wrap).
  uint64_t end() const { return uint64_t{vaddr} + mem_size; }
  bool executable() const { return (flags & kSegmentExec) != 0; }
  bool writable() const { return (flags & kSegmentWrite) != 0; }
};

/// A checked executable: the entry point and the loadable segments sorted by address.
struct ElfImage {
  std::string name;  ///< file name (or label) used in messages
  uint32_t entry = 0;
  std::vector<ElfSegment> segments;
};

/// Why an ELF file was rejected; each code has one rule (docs/vm.md lists them).
enum class ElfErrc : uint8_t {
  ok = 0,
  unreadable,         ///< the file cannot be opened or read
  too_large,          ///< file, segment or total image larger than the loader accepts
  truncated,          ///< a header or a segment's bytes lie beyond the end of the file
  bad_magic,          ///< not an ELF file
  bad_class,          ///< not ELFCLASS32
  bad_encoding,       ///< not little-endian (ELFDATA2LSB)
  bad_version,        ///< e_ident[EI_VERSION] or e_version is not 1
  bad_type,           ///< not ET_EXEC (relocatable, shared or core file)
  bad_machine,        ///< e_machine is not EM_RISCV (243)
  bad_flags,          ///< compressed (RVC), RVE or hard-float ABI in e_flags
  bad_header_size,    ///< e_ehsize or e_phentsize is not the ELF32 size
  bad_segment_count,  ///< no program headers, or more than the loader accepts
  dynamic,            ///< PT_INTERP or PT_DYNAMIC: not a static executable
  bad_segment,        ///< p_filesz > p_memsz, a misaligned executable segment, W+X, ...
  segment_wraps,      ///< p_vaddr + p_memsz beyond 2^32
  reserved_overlap,   ///< a segment overlaps the register page [0, 0x1000)
  overlapping,        ///< two PT_LOAD segments share an address
  no_code,            ///< no executable PT_LOAD segment
  bad_entry,          ///< entry point misaligned or outside the code of an executable segment
};

/// The fixed rule text of an error code.
const char* elf_errc_message(ElfErrc code);

/// A rejected ELF: the code and one line "ELF <name>: <rule>: <details>".
struct ElfError {
  ElfErrc code = ElfErrc::ok;
  std::string message;

  bool ok() const { return code == ElfErrc::ok; }
};

/// Loader limits: a guest larger than this is rejected as absurd rather than allocated.
inline constexpr uint64_t kMaxElfFileBytes = uint64_t{1} << 30;
/// At most this many program headers.
inline constexpr uint32_t kMaxProgramHeaders = 64;
/// At most this many bytes of code (the span of the executable segments), 16 Mi instructions.
inline constexpr uint64_t kMaxCodeBytes = uint64_t{64} << 20;
/// At most this many bytes in all loadable segments together (p_memsz, mostly zero-filled).
inline constexpr uint64_t kMaxImageBytes = uint64_t{3} << 30;

/// Parses and checks an ELF held in memory; `name` labels messages. On success fills `out`.
ElfError parse_elf(std::span<const uint8_t> bytes, std::string_view name, ElfImage& out);

/// Reads and checks the ELF file at `path`.
ElfError load_elf(const std::string& path, ElfImage& out);

}  // namespace zkbatch::vm
