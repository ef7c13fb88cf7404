// SPDX-License-Identifier: Apache-2.0
#include "vm_test_util.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace zkbatch::vm::test {

std::string guest_elf_dir() {
  if (const char* env = std::getenv("ZKB_GUEST_ELF_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef ZKB_GUEST_ELF_DIR
  return ZKB_GUEST_ELF_DIR;
#else
  return "";
#endif
}

std::string guest_elf(const std::string& name, std::string& why) {
  const std::string dir = guest_elf_dir();
  if (dir.empty()) {
    why =
        "guest ELFs not built: configure with the RISC-V toolchain (riscv64-unknown-elf-gcc) "
        "or set ZKB_GUEST_ELF_DIR";
    return "";
  }
  const std::string path = dir + "/" + name + ".elf";
  if (!std::filesystem::exists(path)) {
    why = "guest ELF missing: " + path;
    return "";
  }
  return path;
}

Program program_from(const Assembler& a, const std::vector<uint8_t>& data, uint32_t data_size) {
  const ElfImage raw = image_from_code(a.finish(), a.origin(), data, data_size);
  const std::vector<uint8_t> bytes = write_elf(raw);
  ElfImage checked;
  const ElfError error = parse_elf(bytes, "assembled", checked);
  EXPECT_TRUE(error.ok()) << error.message;
  return Program(std::move(checked));
}

RunResult run_all_modes(const Program& program,
                        const std::vector<uint8_t>& input,
                        uint32_t segment_log2) {
  const Emulator emulator(program);
  RunOptions options;
  options.segment_log2 = segment_log2;
  options.max_cycles = uint64_t{1} << 26;
  const RunResult fast = emulator.execute(input, options);
  size_t checkpoints = 0;
  const RunResult segmented =
      emulator.execute_segments(input, options, [&](Checkpoint&&) { ++checkpoints; });
  EXPECT_EQ(fast.status, segmented.status);
  EXPECT_EQ(fast.exit_code, segmented.exit_code);
  EXPECT_EQ(fast.trap, segmented.trap) << describe(fast.trap) << " vs " << describe(segmented.trap);
  EXPECT_EQ(fast.cycles, segmented.cycles);
  EXPECT_EQ(fast.pc, segmented.pc);
  EXPECT_EQ(fast.registers, segmented.registers);
  EXPECT_EQ(fast.public_output, segmented.public_output);
  EXPECT_EQ(fast.debug_output, segmented.debug_output);
  EXPECT_EQ(fast.input_consumed, segmented.input_consumed);
  EXPECT_EQ(fast.segments, segmented.segments);
  EXPECT_EQ(fast.segments, checkpoints);

  const SegmentTrace trace = emulator.trace_run(input, options);
  EXPECT_EQ(trace.rows.size(), fast.cycles);
  EXPECT_EQ(trace.end_pc, fast.pc);
  EXPECT_EQ(trace.trap, fast.trap);
  EXPECT_EQ(trace.public_output, fast.public_output);
  if (fast.status == RunStatus::halted) {
    EXPECT_EQ(trace.end, SegmentEnd::halted);
    EXPECT_EQ(trace.exit_code, fast.exit_code);
  }
  return fast;
}

bool qemu_available() {
  return std::system("qemu-riscv32 -version >/dev/null 2>&1") == 0;
}

namespace {

std::vector<uint8_t> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

QemuRun run_qemu(const std::string& elf_path, const std::vector<uint8_t>& input) {
  QemuRun run;
  if (access(elf_path.c_str(), X_OK) != 0) {
    run.error = elf_path + " is not executable (qemu-user refuses it)";
    return run;
  }
  TempDir dir;
  const std::string in_path = dir.write("stdin", input);
  const std::string debug_path = dir.path() + "/debug";
  const std::string public_path = dir.path() + "/public";
  const pid_t pid = fork();
  if (pid < 0) {
    run.error = "fork failed";
    return run;
  }
  if (pid == 0) {
    const int in = open(in_path.c_str(), O_RDONLY);
    const int dbg = open(debug_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
    const int pub = open(public_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || dbg < 0 || pub < 0) _exit(126);
    dup2(in, 0);
    dup2(dbg, 1);
    dup2(dbg, 2);
    dup2(pub, 3);
    for (int fd : {in, dbg, pub}) {
      if (fd > 3) close(fd);
    }
    alarm(60);  // survives exec: a guest that loops is killed
    execlp("qemu-riscv32", "qemu-riscv32", elf_path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) {
    run.error = "waitpid failed";
    return run;
  }
  if (!WIFEXITED(status)) {
    run.error = "qemu-riscv32 killed by signal " + std::to_string(WTERMSIG(status));
    return run;
  }
  run.ok = true;
  run.exit_code = WEXITSTATUS(status);
  const std::vector<uint8_t> debug = read_all(debug_path);
  run.debug.assign(debug.begin(), debug.end());
  run.public_output = read_all(public_path);
  return run;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "zkb-vm-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name,
                           const std::vector<uint8_t>& bytes,
                           bool executable) const {
  const std::string path = path_ + "/" + name;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  if (executable) chmod(path.c_str(), 0700);
  return path;
}

namespace {

// The word at `address` in the ELF image (zero outside it); registers start at zero.
uint32_t image_word(const Program& program, uint32_t address) {
  uint32_t word = 0;
  if (address < kReservedEnd) return 0;
  for (const ElfSegment& s : program.image().segments) {
    for (uint32_t k = 0; k < 4; ++k) {
      const uint64_t a = uint64_t{address} + k;
      if (a >= s.vaddr && a < uint64_t{s.vaddr} + s.data.size()) {
        word |= uint32_t{s.data[a - s.vaddr]} << (8 * k);
      }
    }
  }
  return word;
}

void collect(const MemoryAccess& a, std::map<uint32_t, std::vector<MemoryAccess>>& by_address) {
  by_address[a.address].push_back(a);
}

// The memory argument of one segment: every access consumes the tuple its address last
// produced (starting from initial_memory) with a strictly larger timestamp inside the segment's
// range, reads keep the value, and the last tuple of each address is final_memory.
void check_segment_memory(const SegmentTrace& t) {
  std::map<uint32_t, std::vector<MemoryAccess>> by_address;
  for (const CycleRow& row : t.rows) {
    if (row.accesses & kAccessRs1) collect(row.rs1, by_address);
    if (row.accesses & kAccessRs2) collect(row.rs2, by_address);
    if (row.accesses & kAccessMemory) collect(row.memory, by_address);
    if (row.accesses & kAccessRd) collect(row.rd, by_address);
  }
  for (const SyscallRow& s : t.syscalls) {
    for (const MemoryAccess& a : s.arg_reads)
      collect(a, by_address);
    for (const MemoryAccess& a : s.memory)
      collect(a, by_address);
  }
  ASSERT_EQ(by_address.size(), t.initial_memory.size()) << "segment " << t.segment_index;
  ASSERT_EQ(t.final_memory.size(), t.initial_memory.size());
  size_t i = 0;
  for (auto& [address, accesses] : by_address) {
    std::sort(accesses.begin(), accesses.end(), [](const MemoryAccess& x, const MemoryAccess& y) {
      return x.timestamp < y.timestamp;
    });
    WordState cur = t.initial_memory[i];
    ASSERT_EQ(cur.address, address);
    EXPECT_EQ(address % 4, 0u);
    for (const MemoryAccess& a : accesses) {
      EXPECT_EQ(a.prev_value, cur.value) << "address " << address << " ts " << a.timestamp;
      EXPECT_EQ(a.prev_timestamp, cur.timestamp) << "address " << address;
      EXPECT_GT(a.timestamp, cur.timestamp);
      EXPECT_GT(a.timestamp, t.start_timestamp());
      EXPECT_LE(a.timestamp, t.end_timestamp());
      if (!a.is_write) {
        EXPECT_EQ(a.value, a.prev_value);
      }
      cur.value = a.value;
      cur.timestamp = a.timestamp;
    }
    EXPECT_EQ(t.final_memory[i], cur) << "address " << address;
    ++i;
  }
}

// Rows are equal up to the index of their host call, which counts within a trace.
void expect_same_row(const SegmentTrace& seg,
                     const CycleRow& a,
                     const SegmentTrace& whole,
                     const CycleRow& b) {
  CycleRow x = a, y = b;
  ASSERT_EQ(x.syscall == kNoSyscall, y.syscall == kNoSyscall) << "cycle " << a.cycle;
  if (x.syscall != kNoSyscall) {
    EXPECT_EQ(seg.syscalls.at(x.syscall), whole.syscalls.at(y.syscall)) << "cycle " << a.cycle;
  }
  x.syscall = y.syscall = 0;
  EXPECT_EQ(x, y) << "cycle " << a.cycle << " pc " << a.pc << " " << disassemble(a.instruction);
}

}  // namespace

size_t check_segments_rebuild(const Program& program,
                              const std::vector<uint8_t>& input,
                              uint32_t segment_log2) {
  const Emulator emulator(program);
  RunOptions options;
  options.segment_log2 = segment_log2;
  std::vector<Checkpoint> checkpoints;
  const RunResult result = emulator.execute_segments(
      input, options, [&](Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
  const SegmentTrace whole = emulator.trace_run(input, options);
  EXPECT_EQ(whole.rows.size(), result.cycles);

  std::map<uint32_t, WordState> produced;  // the last tuple each address put on the global bus
  size_t row = 0;
  uint64_t cycle = 0;
  uint32_t pc = program.entry();
  std::vector<uint8_t> output;
  for (size_t s = 0; s < checkpoints.size(); ++s) {
    const std::vector<uint8_t> bytes = serialize_checkpoint(checkpoints[s]);
    Checkpoint parsed;
    EXPECT_EQ(deserialize_checkpoint(bytes, parsed), CheckpointErrc::ok);
    EXPECT_EQ(parsed, checkpoints[s]);
    const SegmentTrace t = emulator.trace_segment(parsed);
    EXPECT_EQ(t.segment_index, s);
    EXPECT_EQ(t.start_cycle, cycle);
    EXPECT_EQ(t.start_pc, pc);
    EXPECT_LE(t.end_cycle - t.start_cycle, uint64_t{1} << segment_log2);
    if (s + 1 < checkpoints.size()) {
      EXPECT_EQ(t.end, SegmentEnd::boundary);
    }
    for (const CycleRow& r : t.rows) {
      if (row >= whole.rows.size()) {
        ADD_FAILURE() << "segments have more rows than the whole run";
        return checkpoints.size();
      }
      expect_same_row(t, r, whole, whole.rows[row]);
      ++row;
    }
    check_segment_memory(t);
    for (const WordState& w : t.initial_memory) {
      auto it = produced.find(w.address);
      const WordState expected = it != produced.end()
                                     ? it->second
                                     : WordState{w.address, image_word(program, w.address), 0};
      EXPECT_EQ(w, expected) << "segment " << s << " consumes a tuple nobody produced";
    }
    for (const WordState& w : t.final_memory)
      produced[w.address] = w;
    output.insert(output.end(), t.public_output.begin(), t.public_output.end());
    cycle = t.end_cycle;
    pc = t.end_pc;
  }
  EXPECT_EQ(row, whole.rows.size());
  EXPECT_EQ(cycle, result.cycles);
  EXPECT_EQ(output, result.public_output);
  EXPECT_EQ(checkpoints.size(), result.segments);
  return checkpoints.size();
}

}  // namespace zkbatch::vm::test
