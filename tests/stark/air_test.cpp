// SPDX-License-Identifier: Apache-2.0
// The symbolic pass (degrees, counts, LogUp layout, errors for bad AIRs) and the debug checker
// (first failing table, row and constraint; unbalanced buses).
#include <gtest/gtest.h>

#include "stark/debug.hpp"
#include "stark/keys.hpp"
#include "stark_test_support.hpp"
#include "test_airs.hpp"

namespace zkbatch::stark {
namespace {

using field::Fp;
using testing::FibonacciAir;
using testing::kProductBus;
using testing::kRangeBus;

::testing::Environment* const kEnv =
    ::testing::AddGlobalTestEnvironment(new testing::TestParamsEnvironment);

TEST(SymbolicTest, FibonacciDegreesAndCounts) {
  const std::vector<TableReport> r = symbolic_report(testing::fibonacci_machine());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].name, "fibonacci");
  // Five constraints: two first-row (degree 1 + 1), two transition (0 + 1), one last-row (1 + 1).
  EXPECT_EQ(r[0].num_constraints, 5u);
  EXPECT_EQ(r[0].max_degree, 2);
  EXPECT_EQ(r[0].num_interactions, 0u);
  EXPECT_EQ(r[0].num_logup_columns, 0u);
  const TableInfo info = analyze_table(FibonacciAir(), {}, 3);
  ASSERT_EQ(info.symbolic.constraints.size(), 5u);
  EXPECT_EQ(info.symbolic.constraints[0].degree, 2);
  EXPECT_EQ(info.symbolic.constraints[2].degree, 1);
  EXPECT_EQ(info.symbolic.constraints[3].label, "b' = a + b");
  EXPECT_EQ(info.log_quotient_chunks, 0u);
}

TEST(SymbolicTest, LookupMachineLayout) {
  const std::vector<TableReport> r = symbolic_report(testing::lookup_machine());
  ASSERT_EQ(r.size(), 3u);
  // mul: boolean (2), active * (z - x y) (3); interactions {x, y} share a helper (degree 3),
  // the product tuple gets its own (degree 2), plus a local running sum: 3 columns, 2 + 3
  // LogUp constraints.
  EXPECT_EQ(r[0].num_constraints, 2u);
  EXPECT_EQ(r[0].num_interactions, 3u);
  EXPECT_EQ(r[0].num_logup_columns, 3u);
  EXPECT_EQ(r[0].num_logup_constraints, 5u);
  EXPECT_EQ(r[0].max_degree, 3);
  // products and bytes: one interaction each, helper + running sum, degree 2.
  for (size_t t : {1, 2}) {
    EXPECT_EQ(r[t].num_constraints, 0u);
    EXPECT_EQ(r[t].num_logup_columns, 2u);
    EXPECT_EQ(r[t].num_logup_constraints, 4u);
    EXPECT_EQ(r[t].max_degree, 2);
  }
  const TableInfo mul = analyze_table(testing::MulAir(), testing::lookup_machine().buses, 0);
  EXPECT_EQ(mul.log_quotient_chunks, 1u);
  ASSERT_EQ(mul.logup.groups.size(), 2u);
  EXPECT_EQ(mul.logup.groups[0], (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(mul.logup.groups[1], (std::vector<uint32_t>{2}));
  EXPECT_EQ(mul.logup.capture_len, 2u + 2u + 4u);
}

class CubicAir final : public AirBase<CubicAir> {
 public:
  std::string name() const override { return "cubic"; }
  size_t width() const override { return 1; }
  template <class B>
  void eval(B& b) const {
    const auto x = b.main(0);
    b.assert_zero(x * x * x - b.constant(8), "x^3 = 8");
    b.when_transition().assert_zero(x * x * x * x - b.main_next(0), "too high");
  }
};

class OutOfRangeAir final : public AirBase<OutOfRangeAir> {
 public:
  std::string name() const override { return "wide"; }
  size_t width() const override { return 2; }
  template <class B>
  void eval(B& b) const {
    b.assert_zero(b.main(2));
  }
};

class HighDegreeLookupAir final : public AirBase<HighDegreeLookupAir> {
 public:
  std::string name() const override { return "lookup3"; }
  size_t width() const override { return 1; }
  template <class B>
  void eval(B& b) const {
    const auto x = b.main(0);
    b.send(testing::kRangeBus, {x * x * x}, b.constant(1));
  }
};

TEST(SymbolicTest, RejectsBadAirsWithClearErrors) {
  try {
    analyze_table(CubicAir(), {}, 0);
    FAIL() << "degree 4 accepted";
  } catch (const AirError& e) {
    EXPECT_EQ(std::string(e.what()),
              "table 'cubic': constraint 1 ('too high') has degree 4; the maximum is 3");
  }
  EXPECT_THROW(analyze_table(OutOfRangeAir(), {}, 0), AirError);
  EXPECT_THROW(analyze_table(FibonacciAir(), {}, 2), AirError);     // public value 2 missing
  EXPECT_THROW(analyze_table(testing::MulAir(), {}, 0), AirError);  // undeclared buses
  const std::vector<BusSpec> range{{testing::kRangeBus, BusKind::local, "range"}};
  EXPECT_THROW(analyze_table(HighDegreeLookupAir(), range, 0), AirError);
  Machine twice = testing::lookup_machine();
  twice.buses.push_back(twice.buses[0]);
  EXPECT_THROW(keygen(twice, presets::test()), AirError);
}

TEST(DebugCheckTest, AcceptsValidTraces) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  EXPECT_FALSE(debug_check(pk, testing::lookup_traces(5, 4, 12), {}).has_value());
  std::vector<Fp> pv;
  const ProvingKey fib = keygen(testing::fibonacci_machine(), presets::test());
  auto trace = testing::fibonacci_trace(4, 1, 1, &pv);
  EXPECT_FALSE(debug_check(fib, {trace}, pv).has_value());
}

TEST(DebugCheckTest, NamesFirstFailingRowAndConstraint) {
  std::vector<Fp> pv;
  const ProvingKey fib = keygen(testing::fibonacci_machine(), presets::test());
  poly::RowMajorMatrix trace = testing::fibonacci_trace(4, 1, 1, &pv);
  trace.at(6, 1) += Fp::one();  // b on row 6: row 5's b' = a + b fails first
  std::optional<DebugFailure> f = debug_check(fib, {trace}, pv);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->kind, DebugFailure::Kind::constraint);
  EXPECT_EQ(f->table_name, "fibonacci");
  EXPECT_EQ(f->row, 5u);
  EXPECT_EQ(f->constraint, 3u);
  EXPECT_EQ(f->label, "b' = a + b");
  EXPECT_EQ(f->message(), "table 'fibonacci' row 5: constraint 3 ('b' = a + b') is not satisfied");

  // A wrong public value fails on row 0, constraint 0.
  trace = testing::fibonacci_trace(4, 1, 1, &pv);
  pv[0] += Fp::one();
  f = debug_check(fib, {trace}, pv);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->row, 0u);
  EXPECT_EQ(f->constraint, 0u);

  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  auto traces = testing::lookup_traces(5, 4, 12);
  traces[0].at(9, 2) += Fp::one();  // z != x * y on mul row 9
  f = debug_check(pk, traces, {});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->table, 0u);
  EXPECT_EQ(f->row, 9u);
  EXPECT_EQ(f->constraint, 1u);
  EXPECT_EQ(f->label, "z = x * y");
}

TEST(DebugCheckTest, FindsUnbalancedBus) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  auto traces = testing::lookup_traces(5, 4, 12);
  traces[2].at(200, 0) += Fp::one();  // byte 200 claimed looked up once more
  std::optional<DebugFailure> f = debug_check(pk, traces, {});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->kind, DebugFailure::Kind::bus);
  EXPECT_EQ(f->bus, testing::kRangeBus);
  EXPECT_EQ(f->tuple, std::vector<Fp>{Fp(200)});
  EXPECT_EQ(f->net_multiplicity, -Fp::one());
}

TEST(DebugCheckTest, CatchesOneChangedCellInEveryExampleTable) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  // products: a received x changed; bytes: a multiplicity changed. Both unbalance a bus.
  for (auto [table, row, col, bus] : {std::tuple{size_t{1}, size_t{4}, size_t{0}, kProductBus},
                                      std::tuple{size_t{2}, size_t{11}, size_t{0}, kRangeBus}}) {
    auto traces = testing::lookup_traces(5, 4, 12);
    traces[table].at(row, col) += Fp::one();
    const std::optional<DebugFailure> f = debug_check(pk, traces, {});
    ASSERT_TRUE(f.has_value()) << table;
    EXPECT_EQ(f->kind, DebugFailure::Kind::bus);
    EXPECT_EQ(f->bus, bus);
  }
  // mul: the active flag set to 2 fails "active is boolean" first.
  auto traces = testing::lookup_traces(5, 4, 12);
  traces[0].at(3, 3) = Fp(2);
  std::optional<DebugFailure> f = debug_check(pk, traces, {});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->row, 3u);
  EXPECT_EQ(f->label, "active is boolean");

  // transfer: the global bus balances over the batch of two witnesses, not inside one.
  const ProvingKey transfer = keygen(testing::transfer_machine(), presets::test());
  std::vector<Witness> batch{{{testing::transfer_trace(3, true)}, {}},
                             {{testing::transfer_trace(3, false)}, {}}};
  EXPECT_FALSE(debug_check(transfer, batch[0].traces, {}).has_value());
  EXPECT_FALSE(debug_check_batch(transfer, batch).has_value());
  batch[1].traces[0].at(6, 0) += Fp::one();  // receives 3*6+2, never sent; 3*6+1 never received
  f = debug_check_batch(transfer, batch);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->kind, DebugFailure::Kind::bus);
  EXPECT_EQ(f->bus, testing::kGlobalBus);
  EXPECT_EQ(f->tuple, std::vector<Fp>{Fp(19)});
  EXPECT_EQ(f->net_multiplicity, Fp::one());
}

}  // namespace
}  // namespace zkbatch::stark
