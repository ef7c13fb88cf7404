// SPDX-License-Identifier: Apache-2.0
// DESIGN.md §4 soundness checklist: each dishonest witness or proof is rejected by the verifier.
// Witnesses are changed after they are built and proven with the constraint check off (the
// tamper hooks of ProveOptions), so the verifier alone must catch them.
#include <gtest/gtest.h>

#include <functional>

#include "programs.hpp"
#include "test_util.hpp"
#include "vm/chips/chips.hpp"

namespace zkbatch::vm::proof {
namespace {

using field::Fp;
using testing::prove;
using testing::verify;

/// Proves `program` with `tamper` applied to segment `segment`'s witness; expects rejection.
void expect_rejected_segment(const Program& program,
                             size_t segment,
                             const std::function<void(stark::Witness&)>& tamper,
                             uint32_t k = 4) {
  ProveOptions o;
  o.check_constraints = false;
  o.tamper_segment = [&](size_t i, stark::Witness& w) {
    if (i == segment) tamper(w);
  };
  const ProgramProof proof = prove(program, {}, k, o);
  const ProgramVerdict v = verify(program, proof);
  EXPECT_FALSE(v.ok());
}

/// The first CPU row (of the segment's trace) where `flag` is set.
size_t cpu_row_with(const stark::Witness& w, uint32_t flag) {
  const poly::RowMajorMatrix& cpu = w.traces[kTableCpu];
  for (size_t r = 0; r < cpu.height(); ++r) {
    if (cpu.at(r, chips::cpu::Columns::flag0 + flag) == Fp::one()) return r;
  }
  ADD_FAILURE() << "no row with flag " << flag;
  return 0;
}

TEST(Soundness, HonestProofVerifies) {
  const Program program = testing::loop_program(3);
  const ProgramVerdict v = verify(program, prove(program, {}, 4));
  EXPECT_TRUE(v.ok()) << v.message();
}

TEST(Soundness, ChangedRegisterWriteIsRejected) {
  expect_rejected_segment(testing::loop_program(3), 0, [](stark::Witness& w) {
    const size_t r = cpu_row_with(w, chips::program::kFlagWriteRd);
    w.traces[kTableCpu].at(r, chips::cpu::Columns::rd_val) += Fp::one();
  });
}

TEST(Soundness, ChangedMemoryValueIsRejected) {
  expect_rejected_segment(testing::loop_program(3), 0, [](stark::Witness& w) {
    // The stored word, in the memory chip and consistently in its next reader (the I/O chip).
    w.traces[kTableMemory].at(0, chips::memory::Columns::value) += Fp::one();
  });
}

TEST(Soundness, ChangedTimestampIsRejected) {
  expect_rejected_segment(testing::loop_program(3), 1, [](stark::Witness& w) {
    w.traces[kTableCpu].at(2, chips::cpu::Columns::clk) += Fp(4);
  });
}

TEST(Soundness, ChangedDecodedInstructionIsRejected) {
  expect_rejected_segment(testing::loop_program(3), 0, [](stark::Witness& w) {
    w.traces[kTableCpu].at(1, chips::cpu::Columns::imm) += Fp::one();
  });
}

TEST(Soundness, ChangedProgramTableEntryIsRejected) {
  // The proof of one program checked against the key of a program that differs in one
  // instruction (its program table entry).
  const Program a = testing::loop_program(3), b = testing::loop_program(4);
  const ProgramProof proof = prove(a, {}, 4);
  EXPECT_TRUE(verify(a, proof).ok());
  EXPECT_FALSE(verify(b, proof).ok());
}

TEST(Soundness, ChangedCommittedOutputByteIsRejected) {
  const Program program = testing::loop_program(3);
  ProgramProof proof = prove(program, {}, 4);
  proof.public_output[1] ^= 1;
  EXPECT_EQ(verify(program, proof).error, ProgramError::wrong_output);
  // An output byte changed inside the I/O chip (memory and digest left alone).
  expect_rejected_segment(program, 0, [](stark::Witness& w) {
    w.traces[kTableIo].at(0, chips::io::Columns::prev_bytes) += Fp::one();
  });
}

TEST(Soundness, NonzeroExitCodeIsRejected) {
  const Program program = testing::exit_program(1);
  EXPECT_EQ(verify(program, prove(program, {}, 4)).error, ProgramError::nonzero_exit);
  // Claiming exit code 0 in the public values of the program that exits with 1.
  const Program zero = testing::exit_program(1);
  ProveOptions o;
  o.check_constraints = false;
  o.tamper_segment = [](size_t, stark::Witness& w) {
    w.public_values[chips::kPvExitCode] = Fp::zero();
  };
  EXPECT_FALSE(verify(zero, prove(zero, {}, 4, o)).ok());
}

TEST(Soundness, DroppedDuplicatedOrReorderedSegmentsAreRejected) {
  const Program program = testing::loop_program(3);
  const ProgramProof proof = prove(program, {}, 4);
  ASSERT_GE(proof.segments.size(), 3u);
  ProgramProof dropped = proof;
  dropped.segments.erase(dropped.segments.begin() + 1);
  EXPECT_FALSE(verify(program, dropped).ok());
  ProgramProof last_dropped = proof;
  last_dropped.segments.pop_back();
  EXPECT_FALSE(verify(program, last_dropped).ok());
  ProgramProof duplicated = proof;
  duplicated.segments.insert(duplicated.segments.begin() + 1, proof.segments[1]);
  EXPECT_FALSE(verify(program, duplicated).ok());
  ProgramProof reordered = proof;
  std::swap(reordered.segments[0], reordered.segments[1]);
  EXPECT_FALSE(verify(program, reordered).ok());
}

TEST(Soundness, SegmentFromAnotherProgramIsRejected) {
  const Program a = testing::loop_program(3), b = testing::loop_program(4);
  ProgramProof pa = prove(a, {}, 4);
  const ProgramProof pb = prove(b, {}, 4);
  pa.segments[1] = pb.segments[1];
  EXPECT_FALSE(verify(a, pa).ok());
}

TEST(Soundness, MemoryInitializedTwiceIsRejected) {
  const Program program = testing::loop_program(3);
  ProveOptions o;
  o.check_constraints = false;
  o.tamper_memory = [](stark::Witness& w) {
    // A second zero-initialization of the first zero-initialized address (a register), on the
    // first padding row: that address then has two chains, one of them consumed nowhere.
    poly::RowMajorMatrix& z = w.traces[kTableZeroInit];
    size_t n = 0;
    while (n < z.height() && z.at(n, chips::zero_init::Columns::is_real) == Fp::one())
      ++n;
    ASSERT_LT(n, z.height());
    for (size_t c = 0; c < z.width(); ++c)
      z.at(n, c) = z.at(0, c);
    z.at(n - 1, chips::zero_init::Columns::ordered) = Fp::one();
  };
  EXPECT_FALSE(verify(program, prove(program, {}, 4, o)).ok());
}

TEST(Soundness, WrongGlobalChallengeIsRejected) {
  const Program program = testing::loop_program(3);
  ProveOptions o;
  o.tamper_seed = [](const hash::Digest& seed) {
    hash::Digest d = seed;
    d.v[0] += Fp::one();
    return d;
  };
  const ProgramVerdict v = verify(program, prove(program, {}, 4, o));
  EXPECT_FALSE(v.ok());
}

}  // namespace
}  // namespace zkbatch::vm::proof
