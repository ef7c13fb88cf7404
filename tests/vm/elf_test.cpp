// SPDX-License-Identifier: Apache-2.0
// The ELF loader: a valid file round-trips through write_elf, and each malformed variant of it
// (one field changed, per the System V gABI header layouts) is rejected with the right error and
// a one-line message that names the file.
#include <gtest/gtest.h>

#include <functional>

#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using namespace abi;

// Offsets in the ELF32 header and in program header i (gABI).
constexpr size_t kPhdr0 = 52;
size_t ph(size_t i, size_t field) {
  return kPhdr0 + 32 * i + field;
}
constexpr size_t kType = 0, kOffset = 4, kVaddr = 8, kFilesz = 16, kMemsz = 20, kFlags = 24;

void put16(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  b[at] = static_cast<uint8_t>(v);
  b[at + 1] = static_cast<uint8_t>(v >> 8);
}
void put32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

// A valid two-segment executable: code at 0x10000 (R+X), data at 0x100000 (R+W, 4 KiB).
ElfImage valid_image() {
  Assembler as;
  as.li(a0, 0);
  as.syscall(kSyscallExit);
  return image_from_code(as.finish(), kDefaultCodeBase, {1, 2, 3, 4}, 4096, kDefaultDataBase,
                         "valid.elf");
}

std::vector<uint8_t> valid_bytes() {
  return write_elf(valid_image());
}

ElfError parse(const std::vector<uint8_t>& bytes) {
  ElfImage out;
  return parse_elf(bytes, "bad.elf", out);
}

TEST(Elf, ValidFileRoundTrips) {
  ElfImage out;
  const ElfError e = parse_elf(valid_bytes(), "valid.elf", out);
  ASSERT_TRUE(e.ok()) << e.message;
  const ElfImage in = valid_image();
  EXPECT_EQ(out.entry, in.entry);
  ASSERT_EQ(out.segments.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(out.segments[i].vaddr, in.segments[i].vaddr);
    EXPECT_EQ(out.segments[i].mem_size, in.segments[i].mem_size);
    EXPECT_EQ(out.segments[i].flags, in.segments[i].flags);
    EXPECT_EQ(out.segments[i].data, in.segments[i].data);
  }
  EXPECT_TRUE(Emulator(Program(out)).execute({}).succeeded());
}

struct Mutation {
  const char* what;
  std::function<void(std::vector<uint8_t>&)> apply;
  ElfErrc expected;
};

TEST(Elf, RejectsEveryMalformedVariant) {
  const Mutation mutations[] = {
      {"not ELF", [](auto& b) { b[1] = 'X'; }, ElfErrc::bad_magic},
      {"empty", [](auto& b) { b.clear(); }, ElfErrc::bad_magic},
      {"header cut", [](auto& b) { b.resize(30); }, ElfErrc::truncated},
      {"ELFCLASS64", [](auto& b) { b[4] = 2; }, ElfErrc::bad_class},
      {"big-endian", [](auto& b) { b[5] = 2; }, ElfErrc::bad_encoding},
      {"EI_VERSION 0", [](auto& b) { b[6] = 0; }, ElfErrc::bad_version},
      {"e_version 2", [](auto& b) { put32(b, 20, 2); }, ElfErrc::bad_version},
      {"ET_REL", [](auto& b) { put16(b, 16, 1); }, ElfErrc::bad_type},
      {"ET_DYN", [](auto& b) { put16(b, 16, 3); }, ElfErrc::bad_type},
      {"EM_X86_64", [](auto& b) { put16(b, 18, 62); }, ElfErrc::bad_machine},
      {"RVC", [](auto& b) { put32(b, 36, 1); }, ElfErrc::bad_flags},
      {"double-float ABI", [](auto& b) { put32(b, 36, 4); }, ElfErrc::bad_flags},
      {"RVE", [](auto& b) { put32(b, 36, 8); }, ElfErrc::bad_flags},
      {"e_ehsize", [](auto& b) { put16(b, 40, 64); }, ElfErrc::bad_header_size},
      {"e_phentsize", [](auto& b) { put16(b, 42, 56); }, ElfErrc::bad_header_size},
      {"no program headers", [](auto& b) { put16(b, 44, 0); }, ElfErrc::bad_segment_count},
      {"65 program headers", [](auto& b) { put16(b, 44, 65); }, ElfErrc::bad_segment_count},
      {"program headers past the end", [](auto& b) { put32(b, 28, 0x7ffffff0); },
       ElfErrc::truncated},
      {"PT_INTERP", [](auto& b) { put32(b, ph(1, kType), 3); }, ElfErrc::dynamic},
      {"PT_DYNAMIC", [](auto& b) { put32(b, ph(1, kType), 2); }, ElfErrc::dynamic},
      {"p_filesz > p_memsz", [](auto& b) { put32(b, ph(1, kMemsz), 2); }, ElfErrc::bad_segment},
      {"segment bytes past the end", [](auto& b) { put32(b, ph(0, kOffset), 0x100000); },
       ElfErrc::truncated},
      {"segment wraps", [](auto& b) { put32(b, ph(1, kVaddr), 0xfffff800); },
       ElfErrc::segment_wraps},
      {"segment in the register page", [](auto& b) { put32(b, ph(1, kVaddr), 0x800); },
       ElfErrc::reserved_overlap},
      {"overlapping segments", [](auto& b) { put32(b, ph(1, kVaddr), kDefaultCodeBase + 4); },
       ElfErrc::overlapping},
      {"writable code", [](auto& b) { put32(b, ph(0, kFlags), 7); }, ElfErrc::bad_segment},
      {"code not 4-byte aligned", [](auto& b) { put32(b, ph(0, kVaddr), kDefaultCodeBase + 2); },
       ElfErrc::bad_segment},
      {"no executable segment", [](auto& b) { put32(b, ph(0, kFlags), 4); }, ElfErrc::no_code},
      {"entry in data", [](auto& b) { put32(b, 24, kDefaultDataBase); }, ElfErrc::bad_entry},
      {"entry misaligned", [](auto& b) { put32(b, 24, kDefaultCodeBase + 2); }, ElfErrc::bad_entry},
      {"entry past the code", [](auto& b) { put32(b, 24, kDefaultCodeBase + 0x1000); },
       ElfErrc::bad_entry},
      {"3.5 GiB of segments", [](auto& b) { put32(b, ph(1, kMemsz), 0xe0000000); },
       ElfErrc::too_large},
  };
  for (const Mutation& m : mutations) {
    std::vector<uint8_t> bytes = valid_bytes();
    m.apply(bytes);
    const ElfError e = parse(bytes);
    EXPECT_EQ(e.code, m.expected) << m.what << ": " << e.message;
    EXPECT_EQ(e.message.rfind("ELF bad.elf: ", 0), 0u) << e.message;
    EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
  }
}

TEST(Elf, IgnoresNonLoadHeadersAndEmptySegments) {
  std::vector<uint8_t> bytes = valid_bytes();
  put32(bytes, ph(1, kType), 4);  // PT_NOTE: not loaded, even though it overlaps nothing useful
  ElfImage out;
  ASSERT_TRUE(parse_elf(bytes, "note.elf", out).ok());
  EXPECT_EQ(out.segments.size(), 1u);
  bytes = valid_bytes();
  put32(bytes, ph(1, kFilesz), 0);
  put32(bytes, ph(1, kMemsz), 0);
  ASSERT_TRUE(parse_elf(bytes, "empty.elf", out).ok());
  EXPECT_EQ(out.segments.size(), 1u);
}

TEST(Elf, UnreadableFileNamesThePath) {
  ElfImage out;
  const ElfError e = load_elf("/nonexistent/guest.elf", out);
  EXPECT_EQ(e.code, ElfErrc::unreadable);
  EXPECT_EQ(e.message, "ELF /nonexistent/guest.elf: cannot read file");
}

TEST(Elf, LoadsAGuestBuiltByTheToolchain) {
  ZKB_LOAD_GUEST(program, "sort");
  EXPECT_EQ(program.entry(), 0x10000u);  // _start first in .text (rv32-flat.ld)
  EXPECT_TRUE(program.is_code(program.entry()));
  ASSERT_EQ(program.image().segments.size(), 2u);
  EXPECT_TRUE(program.image().segments[0].executable());
  EXPECT_TRUE(program.image().segments[1].writable());
  EXPECT_GE(program.image().segments[1].mem_size, 64u << 20);  // the heap lives in .bss
}

}  // namespace
}  // namespace zkbatch::vm
