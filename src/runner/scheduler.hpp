// SPDX-License-Identifier: Apache-2.0
// Rank 0's scheduler (DESIGN.md §6): a pure function from the queue state to the tasks to hand
// out now, so that it is tested without MPI (STYLE.md §4 item 16). Segments of every proof of the
// batch share one pool; ranks ask for work by being idle (dynamic scheduling, since segments
// differ in cost); a proof's commitment gather starts as soon as all its segments are committed.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <vector>

namespace zkbatch::runner {

/// Where one segment is in its life.
enum class SegmentStage : uint8_t {
  pending,         ///< known (its checkpoint exists), not started
  phase1_running,  ///< a rank is committing its traces
  committed,       ///< phase one done on `owner`; waits for the seed, then phase two
  phase2_running,  ///< a rank is finishing its proof
  proved,          ///< its proof is stored (now, or by an earlier run: resume)
};

/// One segment as the scheduler sees it.
struct SegmentSlot {
  SegmentStage stage = SegmentStage::pending;
  /// The rank that ran phase one and keeps its state (phase two goes there); -1 before.
  int owner = -1;
};

/// One proof of the batch (one input).
struct JobQueue {
  std::vector<SegmentSlot> segments;
  bool execution_done = false;  ///< every segment is known (the run halted)
  bool gather_started = false;  ///< the commitment gather was started
  bool seed_known = false;      ///< the gather completed: phase two may run
  bool active = true;           ///< false once finished, failed or cancelled
};

/// One rank as the scheduler sees it.
struct RankSlot {
  bool busy = false;  ///< working on a task
};

/// Everything the scheduler decides from.
struct QueueState {
  std::vector<JobQueue> jobs;  ///< in batch order
  std::vector<RankSlot> ranks;
};

/// A decision.
struct Action {
  enum class Kind : uint8_t {
    phase1,        ///< rank commits segment's traces
    start_gather,  ///< every rank contributes the job's commitments to its gather
    phase2,        ///< rank finishes segment's proof
  };
  Kind kind = Kind::phase1;
  int rank = -1;  ///< -1 for start_gather (all ranks)
  uint32_t job = 0;
  uint32_t segment = 0;

  friend bool operator==(const Action&, const Action&) = default;
};

/// The actions to take now, in order. Rules, for reproducible behaviour:
/// 1. Start the gather of every active job whose run is complete and whose segments are all
///    committed or proved (and not all proved), in job order.
/// 2. Give each idle rank, in rank order, one task: phase two of a segment it owns whose seed is
///    known (first job, first segment), else phase one of the first pending segment (first job
///    first: proofs finish in batch order and their memory is freed early), else phase two of
///    the last waiting segment of a busy owner with at least two waiting (the rank re-runs phase
///    one from the checkpoint: this only shortens the tail of a batch).
std::vector<Action> schedule(const QueueState& state);

/// Records that `action` was handed out (marks the rank busy and the segment running).
void apply(QueueState& state, const Action& action);

/// Phase one of (job, segment) finished on `rank`: it owns the segment; the rank is idle.
void on_phase1_done(QueueState& state, uint32_t job, uint32_t segment, int rank);
/// The job's commitment gather completed: its seed is known.
void on_gather_complete(QueueState& state, uint32_t job);
/// Phase two of (job, segment) finished on `rank`: the segment is proved; the rank is idle.
void on_phase2_done(QueueState& state, uint32_t job, uint32_t segment, int rank);

/// True when every segment of the job is proved and its run is complete.
bool job_proved(const JobQueue& job);
/// Segments of active jobs not yet proved (the zkbatch_queue_backlog gauge).
size_t backlog(const QueueState& state);
/// Ranks working on a task (the zkbatch_active_ranks gauge).
size_t busy_ranks(const QueueState& state);

}  // namespace zkbatch::runner
