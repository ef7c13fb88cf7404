// SPDX-License-Identifier: Apache-2.0
// The scheduler is a pure function of the queue state (STYLE.md §4 item 16): these tests drive
// it without MPI, by hand and with a simulated cluster whose task durations vary.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "runner/scheduler.hpp"

namespace zkbatch::runner {
namespace {

using Kind = Action::Kind;

QueueState make_state(int ranks, std::vector<size_t> segments_per_job, bool executed = true) {
  QueueState s;
  s.ranks.resize(static_cast<size_t>(ranks));
  for (size_t n : segments_per_job) {
    JobQueue j;
    j.segments.resize(n);
    j.execution_done = executed;
    s.jobs.push_back(j);
  }
  return s;
}

TEST(Scheduler, IdleRanksTakePhaseOneInBatchOrder) {
  QueueState s = make_state(3, {2, 2});
  const std::vector<Action> a = schedule(s);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0], (Action{Kind::phase1, 0, 0, 0}));
  EXPECT_EQ(a[1], (Action{Kind::phase1, 1, 0, 1}));
  EXPECT_EQ(a[2], (Action{Kind::phase1, 2, 1, 0}));  // segments of all inputs are pooled
}

TEST(Scheduler, IsPureAndAppliesNothing) {
  const QueueState s = make_state(2, {3});
  const std::vector<Action> first = schedule(s);
  EXPECT_EQ(schedule(s), first);
  EXPECT_FALSE(s.ranks[0].busy);
  EXPECT_EQ(s.jobs[0].segments[0].stage, SegmentStage::pending);
}

TEST(Scheduler, BusyRanksGetNothing) {
  QueueState s = make_state(2, {4});
  s.ranks[0].busy = s.ranks[1].busy = true;
  EXPECT_TRUE(schedule(s).empty());
}

TEST(Scheduler, GatherStartsOnlyWhenEveryKnownSegmentIsCommittedAndRunEnded) {
  QueueState s = make_state(2, {2}, /*executed=*/false);
  for (const Action& a : schedule(s))
    apply(s, a);
  on_phase1_done(s, 0, 0, 0);
  on_phase1_done(s, 0, 1, 1);
  // The run may still produce segments: no gather yet, and nothing else to do.
  EXPECT_TRUE(schedule(s).empty());
  s.jobs[0].execution_done = true;
  const std::vector<Action> a = schedule(s);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].kind, Kind::start_gather);
  EXPECT_EQ(a[0].job, 0u);
}

TEST(Scheduler, PhaseTwoGoesToTheOwnerBeforeNewPhaseOneWork) {
  QueueState s = make_state(2, {2, 1});
  s.jobs[0].segments[0] = {SegmentStage::committed, 1};
  s.jobs[0].segments[1] = {SegmentStage::committed, 0};
  s.jobs[0].gather_started = s.jobs[0].seed_known = true;
  const std::vector<Action> a = schedule(s);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], (Action{Kind::phase2, 0, 0, 1}));
  EXPECT_EQ(a[1], (Action{Kind::phase2, 1, 0, 0}));
}

TEST(Scheduler, NoPhaseTwoBeforeTheSeed) {
  QueueState s = make_state(1, {1});
  s.jobs[0].segments[0] = {SegmentStage::committed, 0};
  s.jobs[0].gather_started = true;
  EXPECT_TRUE(schedule(s).empty());
  on_gather_complete(s, 0);
  EXPECT_EQ(schedule(s), (std::vector<Action>{{Kind::phase2, 0, 0, 0}}));
}

TEST(Scheduler, IdleRankTakesTheTailOfABusyOwner) {
  QueueState s = make_state(2, {3});
  for (auto& seg : s.jobs[0].segments)
    seg = {SegmentStage::committed, 0};
  s.jobs[0].gather_started = s.jobs[0].seed_known = true;
  s.ranks[0].busy = true;
  // Rank 1 owns nothing and no phase-one work is left: it takes the owner's last segment.
  EXPECT_EQ(schedule(s), (std::vector<Action>{{Kind::phase2, 1, 0, 2}}));
  // With one waiting segment the owner keeps it.
  s.jobs[0].segments[1].stage = s.jobs[0].segments[2].stage = SegmentStage::proved;
  EXPECT_TRUE(schedule(s).empty());
}

TEST(Scheduler, ResumedSegmentsNeedNoWorkAndJoinTheGather) {
  QueueState s = make_state(1, {3});
  s.jobs[0].segments[0].stage = SegmentStage::proved;
  s.jobs[0].segments[2].stage = SegmentStage::proved;
  EXPECT_EQ(schedule(s), (std::vector<Action>{{Kind::phase1, 0, 0, 1}}));
  // A job whose segments were all proved earlier needs no gather.
  s.jobs[0].segments[1].stage = SegmentStage::proved;
  EXPECT_TRUE(schedule(s).empty());
  EXPECT_TRUE(job_proved(s.jobs[0]));
}

TEST(Scheduler, InactiveJobsAreSkipped) {
  QueueState s = make_state(1, {2, 1});
  s.jobs[0].active = false;
  EXPECT_EQ(schedule(s), (std::vector<Action>{{Kind::phase1, 0, 1, 0}}));
  EXPECT_EQ(backlog(s), 1u);
}

TEST(Scheduler, CountsBusyRanksAndBacklog) {
  QueueState s = make_state(3, {2, 3});
  for (const Action& a : schedule(s))
    apply(s, a);
  EXPECT_EQ(busy_ranks(s), 3u);
  EXPECT_EQ(backlog(s), 5u);
}

TEST(Scheduler, RejectsEventsForUnknownSegments) {
  QueueState s = make_state(1, {1});
  EXPECT_THROW(on_phase1_done(s, 0, 5, 0), std::out_of_range);
  EXPECT_THROW(on_phase2_done(s, 3, 0, 0), std::out_of_range);
  EXPECT_THROW(on_phase1_done(s, 0, 0, 7), std::out_of_range);
}

// A simulated cluster: tasks finish in random order after random times. Every segment must be
// proved exactly once per phase, one gather per job, never phase two before its job's gather
// completed, never more than one task per rank.
TEST(Scheduler, SimulatedClusterProvesEverySegmentOnce) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    const int ranks = 1 + static_cast<int>(rng() % 4);
    std::vector<size_t> sizes;
    for (int j = 0; j < 1 + static_cast<int>(rng() % 4); ++j)
      sizes.push_back(1 + rng() % 6);
    QueueState s = make_state(ranks, sizes);
    std::map<std::pair<uint32_t, uint32_t>, int> phase1_count, phase2_count;
    std::set<uint32_t> gathers;
    struct Running {
      Action action;
      int remaining;
    };
    std::vector<Running> running;
    std::vector<int> gather_delay(sizes.size(), -1);
    for (int round = 0; round < 10000; ++round) {
      for (const Action& a : schedule(s)) {
        apply(s, a);
        if (a.kind == Kind::start_gather) {
          ASSERT_TRUE(gathers.insert(a.job).second) << "seed " << seed;
          gather_delay[a.job] = static_cast<int>(rng() % 3);
          continue;
        }
        for (const Running& r : running)
          ASSERT_NE(r.action.rank, a.rank) << "rank given two tasks, seed " << seed;
        if (a.kind == Kind::phase2) {
          ASSERT_TRUE(s.jobs[a.job].seed_known);
        }
        (a.kind == Kind::phase1 ? phase1_count : phase2_count)[{a.job, a.segment}]++;
        running.push_back({a, 1 + static_cast<int>(rng() % 5)});
      }
      for (size_t j = 0; j < gather_delay.size(); ++j) {
        if (gather_delay[j] == 0) on_gather_complete(s, static_cast<uint32_t>(j));
        if (gather_delay[j] >= 0) --gather_delay[j];
      }
      for (auto it = running.begin(); it != running.end();) {
        if (--it->remaining > 0) {
          ++it;
          continue;
        }
        const Action& a = it->action;
        if (a.kind == Kind::phase1) {
          on_phase1_done(s, a.job, a.segment, a.rank);
        } else {
          on_phase2_done(s, a.job, a.segment, a.rank);
        }
        it = running.erase(it);
      }
      bool all = true;
      for (const JobQueue& j : s.jobs)
        all = all && job_proved(j);
      if (all && running.empty()) break;
    }
    for (uint32_t j = 0; j < sizes.size(); ++j) {
      ASSERT_TRUE(job_proved(s.jobs[j])) << "seed " << seed;
      for (uint32_t k = 0; k < sizes[j]; ++k) {
        EXPECT_EQ((phase1_count[{j, k}]), 1) << "seed " << seed;
        EXPECT_EQ((phase2_count[{j, k}]), 1) << "seed " << seed;
      }
    }
    EXPECT_EQ(gathers.size(), sizes.size());
  }
}

}  // namespace
}  // namespace zkbatch::runner
