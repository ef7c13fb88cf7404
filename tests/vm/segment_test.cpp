// SPDX-License-Identifier: Apache-2.0
// Segments and checkpoints (DESIGN.md §4 "Segments", §6): a run cut every 2^k cycles, each
// segment's trace rebuilt from its serialized checkpoint alone, must equal the trace of the whole
// run, row for row, with a memory argument that chains across segments. The checkpoint format
// rejects malformed bytes.
#include <gtest/gtest.h>

#include "guest_inputs.hpp"
#include "random_program.hpp"
#include "vm_test_util.hpp"

namespace zkbatch::vm {
namespace {

using namespace abi;
using test::check_segments_rebuild;
using test::program_from;

// A loop that reads its input in chunks of 3 bytes to an unaligned buffer, keeps a running sum
// in memory, commits each chunk, and prints a line of debug text: host calls, partial-word
// writes and loads/stores on every segment boundary for small k.
Program io_loop() {
  constexpr uint32_t kData = kDefaultDataBase;
  Assembler as;
  auto loop = as.new_label();
  auto done = as.new_label();
  as.li(s0, kData);
  as.bind(loop);
  as.li(a0, kFdInput);
  as.i(Opcode::addi, a1, s0, 5);
  as.li(a2, 3);
  as.syscall(kSyscallRead);
  as.branch(Opcode::beq, a0, zero, done);
  as.r(Opcode::add, s1, a0, zero);
  as.load(Opcode::lbu, t0, s0, 5);
  as.load(Opcode::lw, t1, s0, 64);
  as.r(Opcode::add, t1, t1, t0);
  as.store(Opcode::sw, t1, s0, 64);
  as.li(a0, kFdPublic);
  as.i(Opcode::addi, a1, s0, 5);
  as.r(Opcode::add, a2, s1, zero);
  as.syscall(kSyscallWrite);
  as.li(a0, kFdStdout);
  as.i(Opcode::addi, a1, s0, 128);
  as.li(a2, 2);
  as.syscall(kSyscallWrite);
  as.jal(zero, loop);
  as.bind(done);
  as.li(a0, kFdPublic);
  as.i(Opcode::addi, a1, s0, 64);
  as.li(a2, 4);
  as.syscall(kSyscallWrite);
  as.exit(0);
  std::vector<uint8_t> data(256, 0);
  data[128] = 'o';
  data[129] = 'k';
  return program_from(as, data, 4096);
}

std::vector<uint8_t> counting_input(size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = static_cast<uint8_t>(i * 7 + 1);
  return v;
}

TEST(Segments, RebuildFromCheckpointsEqualsTheWholeRun) {
  const Program program = io_loop();
  const std::vector<uint8_t> input = counting_input(100);
  for (uint32_t k : {0u, 1u, 3u, 5u, 8u, 20u}) {
    SCOPED_TRACE("k = " + std::to_string(k));
    const size_t segments = check_segments_rebuild(program, input, k);
    const RunResult r = Emulator(program).execute(input);
    EXPECT_EQ(segments, segment_count(r.cycles, k));
  }
}

TEST(Segments, OutputDoesNotDependOnK) {
  const Program program = io_loop();
  const std::vector<uint8_t> input = counting_input(50);
  RunOptions options;
  options.segment_log2 = 20;
  const RunResult reference = Emulator(program).execute(input, options);
  ASSERT_TRUE(reference.succeeded());
  for (uint32_t k : {2u, 6u}) {
    options.segment_log2 = k;
    std::vector<uint8_t> output;
    Emulator(program).execute_segments(input, options, [&](Checkpoint&& c) {
      const SegmentTrace t = Emulator(program).trace_segment(c);
      output.insert(output.end(), t.public_output.begin(), t.public_output.end());
    });
    EXPECT_EQ(output, reference.public_output) << "k = " << k;
  }
}

TEST(Segments, RandomProgramsRebuild) {
  for (uint64_t seed = 100; seed < 110; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const test::RandomProgram p = test::random_program(seed, 300);
    const Program program(p.image);
    check_segments_rebuild(program, p.input, 4 + seed % 3);
    if (HasFailure()) break;
  }
}

TEST(Segments, GuestProgramsRebuild) {
  for (const test::GuestCase& c : test::guest_cases()) {
    if (c.elf == "selftest" || c.elf == "isa_c") continue;  // large; covered by the others
    SCOPED_TRACE(c.label);
    ZKB_LOAD_GUEST(program, c.elf);
    check_segments_rebuild(program, c.input, 12);
  }
}

TEST(Segments, TrappingSegmentIsReproduced) {
  Assembler as;
  for (int i = 0; i < 20; ++i)
    as.i(Opcode::addi, a1, a1, 1);
  as.ebreak();
  const Program program = program_from(as);
  RunOptions options;
  options.segment_log2 = 3;
  std::vector<Checkpoint> checkpoints;
  const RunResult r = Emulator(program).execute_segments(
      {}, options, [&](Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
  ASSERT_EQ(r.status, RunStatus::trapped);
  ASSERT_EQ(checkpoints.size(), 3u);  // 8 + 8 + (4 and the trap)
  const SegmentTrace last = Emulator(program).trace_segment(checkpoints.back());
  EXPECT_EQ(last.end, SegmentEnd::trapped);
  EXPECT_EQ(last.trap, r.trap);
  EXPECT_EQ(last.rows.size(), 4u);
}

TEST(Segments, CheckpointHoldsExactlyTheTouchedWords) {
  const Program program = io_loop();
  RunOptions options;
  options.segment_log2 = 5;
  std::vector<Checkpoint> checkpoints;
  Emulator(program).execute_segments(counting_input(30), options,
                                     [&](Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
  ASSERT_GT(checkpoints.size(), 3u);
  for (const Checkpoint& c : checkpoints) {
    const SegmentTrace t = Emulator(program).trace_segment(c);
    std::vector<WordState> memory;
    for (const WordState& w : t.initial_memory) {
      if (w.address >= kReservedEnd) memory.push_back(w);
    }
    EXPECT_EQ(memory, c.memory) << "segment " << c.segment_index;
    EXPECT_LE(t.rows.size(), c.max_cycles());
  }
}

TEST(Segments, MissingWordIsDetected) {
  const Program program = io_loop();
  RunOptions options;
  options.segment_log2 = 6;
  std::vector<Checkpoint> checkpoints;
  Emulator(program).execute_segments(counting_input(30), options,
                                     [&](Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
  Checkpoint c = checkpoints.at(1);
  ASSERT_FALSE(c.memory.empty());
  c.memory.erase(c.memory.begin());
  const SegmentTrace t = Emulator(program).trace_segment(c);
  EXPECT_EQ(t.end, SegmentEnd::trapped);
  EXPECT_EQ(t.trap.kind, TrapKind::missing_word);
  EXPECT_EQ(t.trap.value, checkpoints.at(1).memory.front().address);
}

TEST(CheckpointFormat, RejectsMalformedBytes) {
  const Program program = io_loop();
  RunOptions options;
  options.segment_log2 = 5;
  std::vector<Checkpoint> checkpoints;
  Emulator(program).execute_segments(counting_input(30), options,
                                     [&](Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
  const Checkpoint& c = checkpoints.at(2);
  const std::vector<uint8_t> bytes = serialize_checkpoint(c);
  Checkpoint parsed;
  ASSERT_EQ(deserialize_checkpoint(bytes, parsed), CheckpointErrc::ok);
  EXPECT_EQ(parsed, c);

  // Every proper prefix is rejected.
  for (size_t n = 0; n < bytes.size(); ++n) {
    Checkpoint out;
    EXPECT_NE(deserialize_checkpoint(std::span(bytes.data(), n), out), CheckpointErrc::ok) << n;
  }
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_EQ(deserialize_checkpoint(longer, parsed), CheckpointErrc::trailing_bytes);
  std::vector<uint8_t> bad = bytes;
  bad[7] = '2';  // format version
  EXPECT_EQ(deserialize_checkpoint(bad, parsed), CheckpointErrc::bad_magic);

  // Values out of range: x0 nonzero, an unsorted or misaligned memory word, a timestamp after
  // the segment's start.
  Checkpoint x0 = c;
  x0.registers[0] = 1;
  EXPECT_EQ(deserialize_checkpoint(serialize_checkpoint(x0), parsed), CheckpointErrc::bad_value);
  ASSERT_GE(c.memory.size(), 2u);
  Checkpoint unsorted = c;
  std::swap(unsorted.memory[0], unsorted.memory[1]);
  EXPECT_EQ(deserialize_checkpoint(serialize_checkpoint(unsorted), parsed),
            CheckpointErrc::bad_value);
  Checkpoint misaligned = c;
  misaligned.memory[0].address += 2;
  EXPECT_EQ(deserialize_checkpoint(serialize_checkpoint(misaligned), parsed),
            CheckpointErrc::bad_value);
  Checkpoint future = c;
  future.memory[0].timestamp = c.timestamp() + 1;
  EXPECT_EQ(deserialize_checkpoint(serialize_checkpoint(future), parsed),
            CheckpointErrc::bad_value);
  Checkpoint huge = c;
  std::vector<uint8_t> count_bytes = serialize_checkpoint(huge);
  // The memory count sits after magic (8), index, log2 (8), cycle (8), pc (4), 32 registers (128)
  // and 32 timestamps (256): make it claim more entries than bytes remain.
  const size_t count_at = 8 + 8 + 8 + 4 + 128 + 256;
  count_bytes[count_at + 7] = 0x01;
  EXPECT_EQ(deserialize_checkpoint(count_bytes, parsed), CheckpointErrc::too_large);
}

}  // namespace
}  // namespace zkbatch::vm
