// SPDX-License-Identifier: Apache-2.0
// Honest runs prove and verify: every RV32IM instruction, guest programs, many segments, the
// same run cut with different k, the default preset, determinism and the proof file.
#include <gtest/gtest.h>

#include <omp.h>

#include "programs.hpp"
#include "test_util.hpp"

namespace zkbatch::vm::proof {
namespace {

using testing::prove;
using testing::verify;

TEST(ProveProgram, EveryInstructionProvesAndVerifies) {
  const Program program = testing::isa_program();
  const std::vector<uint8_t> input = {0xde, 0xad, 0xbe, 0xef, 0x10, 0x20};
  const RunResult r = Emulator(program).execute(input);
  ASSERT_TRUE(r.succeeded());
  const ProgramProof proof = prove(program, input, 10);
  EXPECT_GT(proof.segments.size(), 1u);
  // The committed output is the emulator's (checksum word, then the input echoed back).
  EXPECT_EQ(proof.public_output, r.public_output);
  const ProgramVerdict v = verify(program, proof);
  EXPECT_TRUE(v.ok()) << v.message();
}

TEST(ProveProgram, EmptyTransfersAtUnalignedBuffersProve) {
  // isa_program reads 6 bytes to an unaligned buffer, then reads again at the end of the input
  // and writes nothing publicly, both at unaligned addresses; with no input every read is empty.
  const Program program = testing::isa_program();
  for (const std::vector<uint8_t>& input : {std::vector<uint8_t>{}, std::vector<uint8_t>{1, 2}}) {
    const RunResult r = Emulator(program).execute(input);
    ASSERT_TRUE(r.succeeded());
    const ProgramProof proof = prove(program, input, 9);
    const ProgramVerdict v = verify(program, proof);
    EXPECT_TRUE(v.ok()) << v.message();
    EXPECT_EQ(proof.public_output, r.public_output);
  }
}

TEST(ProveProgram, ManySegmentsAndAnyKCommitTheSameOutput) {
  const Program program = testing::loop_program(12);
  const RunResult r = Emulator(program).execute({});
  const ProgramProof small = prove(program, {}, 3);
  const ProgramProof large = prove(program, {}, 6);
  EXPECT_EQ(small.segments.size(), segment_count(r.cycles, 3));
  EXPECT_EQ(large.segments.size(), segment_count(r.cycles, 6));
  EXPECT_GT(small.segments.size(), 10u);
  EXPECT_EQ(small.public_output, r.public_output);
  EXPECT_EQ(large.public_output, r.public_output);
  for (const ProgramProof* p : {&small, &large}) {
    const ProgramVerdict v = verify(program, *p);
    EXPECT_TRUE(v.ok()) << v.message();
  }
}

TEST(ProveProgram, GuestProgramsProve) {
  // The project's assembly ISA test program (guest/isa, checked in the emulator and against
  // qemu-riscv32 by tests/vm); isa_c runs 600k cycles, too long for a unit test.
  for (const char* name : {"isa_asm"}) {
    SCOPED_TRACE(name);
    const std::string path = testing::guest_elf(name);
    if (path.empty()) GTEST_SKIP() << "guest ELFs not built";
    ElfError error;
    const Program program = Program::load(path, error);
    ASSERT_TRUE(error.ok()) << error.message;
    const RunResult r = Emulator(program).execute({});
    ASSERT_TRUE(r.succeeded());
    const ProgramProof proof = prove(program, {}, 8);
    EXPECT_EQ(proof.segments.size(), segment_count(r.cycles, 8));
    EXPECT_EQ(proof.public_output, r.public_output);
    const ProgramVerdict v = verify(program, proof);
    EXPECT_TRUE(v.ok()) << v.message();
  }
}

TEST(ProveProgram, DefaultPresetOnATinyProgram) {
  const Program program = testing::exit_program(0);
  const auto key = make_key(program, stark::presets::default_100());
  const ProgramProof proof = prove_program(*key, program, {}, 4);
  EXPECT_EQ(proof.params, "default_100");
  const ProgramVerdict v = verify_program(*key, proof);
  EXPECT_TRUE(v.ok()) << v.message();
  EXPECT_EQ(v.program, key->digest);
}

TEST(ProveProgram, ProofsAreDeterministicAcrossThreadCounts) {
  const Program program = testing::loop_program(1);
  const std::vector<uint8_t> one = serialize_program_proof(prove(program, {}, 4));
  omp_set_num_threads(2);
  const std::vector<uint8_t> two = serialize_program_proof(prove(program, {}, 4));
  omp_set_num_threads(1);
  EXPECT_EQ(one, two);
}

TEST(ProofFile, RoundTripsAndVerifiesSelfContained) {
  const Program program = testing::loop_program(2);
  const ProgramProof proof = prove(program, {}, 4);
  const std::vector<uint8_t> bytes = serialize_program_proof(proof);
  ProgramProof back;
  ASSERT_EQ(deserialize_program_proof(bytes, &back), ProofFileError::ok);
  EXPECT_EQ(back, proof);
  std::shared_ptr<const VmKey> key;
  const ProgramVerdict v = verify_program_file(back, &key);
  EXPECT_TRUE(v.ok()) << v.message();
  EXPECT_EQ(v.program, testing::test_key(program)->digest);
}

TEST(ProofFile, CorruptedBytesAreRejected) {
  const Program program = testing::exit_program(0);
  const std::vector<uint8_t> bytes = serialize_program_proof(prove(program, {}, 4));
  // Every byte of the header and a spread of positions through the proofs.
  std::vector<size_t> positions;
  for (size_t i = 0; i < 64 && i < bytes.size(); ++i)
    positions.push_back(i);
  for (size_t i = 64; i < bytes.size(); i += bytes.size() / 31 + 1)
    positions.push_back(i);
  const hash::Digest program_digest = testing::test_key(program)->digest;
  for (size_t i : positions) {
    std::vector<uint8_t> bad = bytes;
    bad[i] ^= 0x01;
    ProgramProof p;
    if (deserialize_program_proof(bad, &p) != ProofFileError::ok) continue;
    const ProgramVerdict v = verify_program_file(p);
    // A flip may only survive inside the embedded ELF where the loader ignores the bytes (section
    // header fields, padding): then it is still a proof of the same program.
    if (v.ok()) {
      EXPECT_EQ(v.program, program_digest) << "byte " << i;
      EXPECT_NE(p.elf, testing::program_elf(program)) << "byte " << i;
    }
  }
  ProgramProof p;
  EXPECT_NE(deserialize_program_proof({bytes.data(), bytes.size() - 1}, &p), ProofFileError::ok);
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_EQ(deserialize_program_proof(longer, &p), ProofFileError::trailing_bytes);
}

}  // namespace
}  // namespace zkbatch::vm::proof
