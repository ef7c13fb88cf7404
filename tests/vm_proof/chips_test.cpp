// SPDX-License-Identifier: Apache-2.0
// The chips' constraints against their trace generators: honest witnesses of every table satisfy
// them (with every local bus balanced, and the global buses over a whole run), and the debug
// checker names the first failing table, row and constraint of a changed one.
#include <gtest/gtest.h>

#include "programs.hpp"
#include "stark/debug.hpp"
#include "test_util.hpp"
#include "vm/chips/chips.hpp"

namespace zkbatch::vm::proof {
namespace {

using field::Fp;

/// The witnesses of every segment of a run of `program`, and of its memory proof.
struct RunWitnesses {
  std::vector<stark::Witness> segments;
  stark::Witness memory;
};

RunWitnesses witnesses(const Program& program, const std::vector<uint8_t>& input, uint32_t k) {
  const VmKey& key = *testing::test_key(program);
  const Execution exec = execute(program, input, k);
  RunWitnesses w;
  std::vector<SegmentSummary> summaries(exec.checkpoints.size());
  for (size_t i = 0; i < exec.checkpoints.size(); ++i) {
    w.segments.push_back(
        segment_witness_from(key, program, exec.checkpoints[i], exec.statement, &summaries[i]));
  }
  w.memory = memory_witness(key, summaries, exec.statement);
  return w;
}

TEST(Chips, HonestWitnessesSatisfyEveryConstraintAndBus) {
  const Program program = testing::isa_program();
  const RunWitnesses w = witnesses(program, {9, 8, 7, 6, 5, 4}, 9);
  const VmKey& key = *testing::test_key(program);
  for (const stark::Witness& s : w.segments) {
    const auto failure = stark::debug_check(key.segment, s.traces, s.public_values);
    EXPECT_FALSE(failure.has_value()) << failure->message();
  }
  const auto failure = stark::debug_check(key.memory, w.memory.traces, w.memory.public_values);
  EXPECT_FALSE(failure.has_value()) << failure->message();
}

TEST(Chips, DebugCheckerNamesTheFailingConstraint) {
  const Program program = testing::isa_program();
  const VmKey& key = *testing::test_key(program);
  RunWitnesses w = witnesses(program, {}, 9);
  stark::Witness& s = w.segments[0];
  // The first CPU row's next pc: its "next pc = pc + 4" constraint fails on row 0.
  s.traces[kTableCpu].at(0, chips::cpu::Columns::next_pc) += Fp(4);
  const auto failure = stark::debug_check(key.segment, s.traces, s.public_values);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->table_name, "cpu");
  EXPECT_EQ(failure->row, 0u);
  EXPECT_EQ(failure->label, "next pc = pc + 4");
}

TEST(Chips, ChangedAluResultUnbalancesTheAluBus) {
  const Program program = testing::loop_program(2);
  const VmKey& key = *testing::test_key(program);
  RunWitnesses w = witnesses(program, {}, 6);
  stark::Witness& s = w.segments[0];
  // A product changed consistently inside the multiply chip (its bytes too would be needed to
  // satisfy the chip; here the chip's own constraint catches it first).
  s.traces[kTableMul].at(0, chips::mul::Columns::out) += Fp::one();
  const auto failure = stark::debug_check(key.segment, s.traces, s.public_values);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->table_name, "mul");
}

}  // namespace
}  // namespace zkbatch::vm::proof
