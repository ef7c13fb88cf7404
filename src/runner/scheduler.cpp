// SPDX-License-Identifier: Apache-2.0
#include "runner/scheduler.hpp"

#include <stdexcept>

namespace zkbatch::runner {
namespace {

bool ready_for_gather(const JobQueue& job) {
  if (!job.active || !job.execution_done || job.gather_started) return false;
  bool any_committed = false;
  for (const SegmentSlot& s : job.segments) {
    if (s.stage == SegmentStage::committed) {
      any_committed = true;
    } else if (s.stage != SegmentStage::proved) {
      return false;
    }
  }
  return any_committed;
}

bool waiting_phase2(const JobQueue& job, const SegmentSlot& s) {
  return job.active && job.seed_known && s.stage == SegmentStage::committed;
}

// Phase two of a segment `rank` owns, first job and segment first.
bool find_owned_phase2(const QueueState& state, int rank, Action& out) {
  for (uint32_t j = 0; j < state.jobs.size(); ++j) {
    const JobQueue& job = state.jobs[j];
    for (uint32_t s = 0; s < job.segments.size(); ++s) {
      if (waiting_phase2(job, job.segments[s]) && job.segments[s].owner == rank) {
        out = Action{Action::Kind::phase2, rank, j, s};
        return true;
      }
    }
  }
  return false;
}

bool find_phase1(const QueueState& state, int rank, Action& out) {
  for (uint32_t j = 0; j < state.jobs.size(); ++j) {
    const JobQueue& job = state.jobs[j];
    if (!job.active) continue;
    for (uint32_t s = 0; s < job.segments.size(); ++s) {
      if (job.segments[s].stage == SegmentStage::pending) {
        out = Action{Action::Kind::phase1, rank, j, s};
        return true;
      }
    }
  }
  return false;
}

// The tail rule: the last waiting segment of a busy owner that has at least two waiting.
bool find_stolen_phase2(const QueueState& state, int rank, Action& out) {
  for (size_t owner = 0; owner < state.ranks.size(); ++owner) {
    if (!state.ranks[owner].busy || static_cast<int>(owner) == rank) continue;
    size_t waiting = 0;
    Action last;
    for (uint32_t j = 0; j < state.jobs.size(); ++j) {
      const JobQueue& job = state.jobs[j];
      for (uint32_t s = 0; s < job.segments.size(); ++s) {
        if (waiting_phase2(job, job.segments[s]) &&
            job.segments[s].owner == static_cast<int>(owner)) {
          ++waiting;
          last = Action{Action::Kind::phase2, rank, j, s};
        }
      }
    }
    if (waiting >= 2) {
      out = last;
      return true;
    }
  }
  return false;
}

SegmentSlot& slot(QueueState& state, uint32_t job, uint32_t segment) {
  if (job >= state.jobs.size() || segment >= state.jobs[job].segments.size()) {
    throw std::out_of_range("no such segment");
  }
  return state.jobs[job].segments[segment];
}

RankSlot& rank_slot(QueueState& state, int rank) {
  if (rank < 0 || static_cast<size_t>(rank) >= state.ranks.size()) {
    throw std::out_of_range("no such rank");
  }
  return state.ranks[static_cast<size_t>(rank)];
}

}  // namespace

std::vector<Action> schedule(const QueueState& state) {
  QueueState next = state;
  std::vector<Action> actions;
  for (uint32_t j = 0; j < next.jobs.size(); ++j) {
    if (ready_for_gather(next.jobs[j])) {
      actions.push_back(Action{Action::Kind::start_gather, -1, j, 0});
      apply(next, actions.back());
    }
  }
  for (size_t r = 0; r < next.ranks.size(); ++r) {
    if (next.ranks[r].busy) continue;
    const int rank = static_cast<int>(r);
    Action a;
    if (find_owned_phase2(next, rank, a) || find_phase1(next, rank, a) ||
        find_stolen_phase2(next, rank, a)) {
      actions.push_back(a);
      apply(next, a);
    }
  }
  return actions;
}

void apply(QueueState& state, const Action& action) {
  switch (action.kind) {
    case Action::Kind::start_gather:
      state.jobs.at(action.job).gather_started = true;
      return;
    case Action::Kind::phase1:
      slot(state, action.job, action.segment).stage = SegmentStage::phase1_running;
      rank_slot(state, action.rank).busy = true;
      return;
    case Action::Kind::phase2:
      slot(state, action.job, action.segment).stage = SegmentStage::phase2_running;
      rank_slot(state, action.rank).busy = true;
      return;
  }
}

void on_phase1_done(QueueState& state, uint32_t job, uint32_t segment, int rank) {
  SegmentSlot& s = slot(state, job, segment);
  s.stage = SegmentStage::committed;
  s.owner = rank;
  rank_slot(state, rank).busy = false;
}

void on_gather_complete(QueueState& state, uint32_t job) {
  state.jobs.at(job).seed_known = true;
}

void on_phase2_done(QueueState& state, uint32_t job, uint32_t segment, int rank) {
  slot(state, job, segment).stage = SegmentStage::proved;
  rank_slot(state, rank).busy = false;
}

bool job_proved(const JobQueue& job) {
  if (!job.execution_done) return false;
  for (const SegmentSlot& s : job.segments) {
    if (s.stage != SegmentStage::proved) return false;
  }
  return true;
}

size_t backlog(const QueueState& state) {
  size_t n = 0;
  for (const JobQueue& job : state.jobs) {
    if (!job.active) continue;
    for (const SegmentSlot& s : job.segments)
      n += s.stage != SegmentStage::proved;
  }
  return n;
}

size_t busy_ranks(const QueueState& state) {
  size_t n = 0;
  for (const RankSlot& r : state.ranks)
    n += r.busy;
  return n;
}

}  // namespace zkbatch::runner
