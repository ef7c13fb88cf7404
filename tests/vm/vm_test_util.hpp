// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the VM tests: locating the guest ELFs, running a program in every mode,
// running qemu-riscv32, and checking a run's segments against a whole-run trace.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/vm.hpp"

namespace zkbatch::vm::test {

/// Directory of the guest ELFs: $ZKB_GUEST_ELF_DIR, else the build's guest-build directory
/// (compile definition), else empty.
std::string guest_elf_dir();

/// Path of guest program `name` ("sort" -> ".../sort.elf"), or empty with `why` set when it is
/// not available (no guest build configured, or the file is missing).
std::string guest_elf(const std::string& name, std::string& why);

/// Loads a guest ELF for a test, or skips the test (GTEST_SKIP) with the reason when the guest
/// build is not configured, or fails it when the build is configured but the file is missing.
#define ZKB_LOAD_GUEST(program, name)                                                     \
  std::string program##_why;                                                              \
  const std::string program##_path = ::zkbatch::vm::test::guest_elf(name, program##_why); \
  if (program##_path.empty()) {                                                           \
    if (::zkbatch::vm::test::guest_elf_dir().empty()) GTEST_SKIP() << program##_why;      \
    FAIL() << program##_why;                                                              \
  }                                                                                       \
  ::zkbatch::vm::ElfError program##_error;                                                \
  const ::zkbatch::vm::Program program =                                                  \
      ::zkbatch::vm::Program::load(program##_path, program##_error);                      \
  ASSERT_TRUE(program##_error.ok()) << program##_error.message

/// An assembled program as a Program (the image goes through write_elf and the loader's checks).
Program program_from(const Assembler& a,
                     const std::vector<uint8_t>& data = {},
                     uint32_t data_size = 0);

/// Runs `program` in fast mode, in checkpoint mode (with the given segment size) and in trace
/// mode over the whole run; expects the three to agree (status, exit code, trap, cycles, pc,
/// registers, outputs) and returns the fast-mode result.
RunResult run_all_modes(const Program& program,
                        const std::vector<uint8_t>& input = {},
                        uint32_t segment_log2 = 4);

/// True when qemu-riscv32 can be run.
bool qemu_available();

/// What a qemu-riscv32 run produced: exit status (low 8 bits of the guest's code), fd 1 and fd 2
/// (one file, interleaved as written), fd 3.
struct QemuRun {
  bool ok = false;  ///< qemu ran and exited normally
  std::string error;
  int exit_code = -1;
  std::string debug;
  std::vector<uint8_t> public_output;
};

/// Runs an ELF file under qemu-riscv32 with `input` on stdin (a regular file, so reads are not
/// short), stdout and stderr into one file, fd 3 into another; killed after 60 seconds.
QemuRun run_qemu(const std::string& elf_path, const std::vector<uint8_t>& input);

/// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// Writes `bytes` to path()/name and returns the full path. qemu-user runs only files with
  /// execute permission (it exits 1 without a message otherwise): pass `executable` for ELFs.
  std::string write(const std::string& name,
                    const std::vector<uint8_t>& bytes,
                    bool executable = false) const;

 private:
  std::string path_;
};

/// Cuts a run into checkpoints of 2^segment_log2 cycles, rebuilds every segment's trace from
/// its (serialized and parsed) checkpoint alone and checks it against one whole-run trace:
/// identical rows and host calls in order, contiguous segments, the memory argument of each
/// segment consistent in itself and with the previous segments (see the .cpp). Returns the
/// number of segments; records gtest failures on any difference.
size_t check_segments_rebuild(const Program& program,
                              const std::vector<uint8_t>& input,
                              uint32_t segment_log2);

}  // namespace zkbatch::vm::test
