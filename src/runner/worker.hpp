// SPDX-License-Identifier: Apache-2.0
// A worker: the proving loop every rank runs (rank 0 in a thread of its own, beside the
// coordinator). It takes one task at a time from rank 0, keeps the phase-one state of the
// segments it committed until their seed is known, takes part in each proof's commitment
// gather, and reports results, its times and its memory.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "runner/communicator.hpp"
#include "runner/messages.hpp"
#include "runner/segment_prover.hpp"

namespace zkbatch::runner {

/// The worker's side of its connection to rank 0.
class WorkerLink {
 public:
  virtual ~WorkerLink() = default;
  /// Sends a message to rank 0.
  virtual void send(Tag tag, std::vector<uint8_t> bytes) = 0;
  /// Takes the next message from rank 0, waiting at most about a millisecond.
  virtual bool poll(Message& out) = 0;
  /// The communicator for gathers; nullptr on rank 0, whose coordinator contributes for it.
  virtual Communicator* gather_comm() = 0;
};

/// A pair of in-process queues between rank 0's coordinator and its own worker thread.
class LocalLink final : public WorkerLink {
 public:
  void send(Tag tag, std::vector<uint8_t> bytes) override;
  bool poll(Message& out) override;
  Communicator* gather_comm() override { return nullptr; }
  /// The coordinator's side: a message to the worker.
  void send_to_worker(Tag tag, std::vector<uint8_t> bytes);
  /// The coordinator's side: the next message from the worker, if any.
  bool poll_from_worker(Message& out);

 private:
  std::mutex mutex_;
  std::condition_variable to_worker_changed_;
  std::deque<Message> to_worker_;
  std::deque<Message> to_coordinator_;
};

/// A worker on a rank > 0: messages and gathers over the communicator.
class CommLink final : public WorkerLink {
 public:
  explicit CommLink(Communicator& comm) : comm_(comm) {}
  void send(Tag tag, std::vector<uint8_t> bytes) override { comm_.send(0, tag, std::move(bytes)); }
  bool poll(Message& out) override;
  Communicator* gather_comm() override { return &comm_; }

 private:
  Communicator& comm_;
};

/// The commitments a worker computed, by job, until they are gathered. Thread-safe: rank 0's
/// coordinator reads its own worker's.
class CommitmentBook {
 public:
  void add(uint32_t job, const SegmentCommitment& entry);
  /// Removes and returns the job's commitments, by segment.
  std::vector<SegmentCommitment> take(uint32_t job);

 private:
  std::mutex mutex_;
  std::map<uint32_t, std::map<uint32_t, hash::Digest>> by_job_;
};

/// Runs tasks until rank 0 says stop. Never throws: a failed task is reported to rank 0 with a
/// Failure message (which ends the job) and the worker waits for stop.
class Worker {
 public:
  /// `rank` is this worker's rank; `resident_states` bounds the phase-one states kept (the
  /// oldest are dropped and rebuilt from the checkpoint when their phase two comes); `threads`,
  /// when positive, sets the OpenMP threads the prover uses on this worker's thread.
  Worker(int rank,
         WorkerLink& link,
         SegmentProver& prover,
         size_t resident_states,
         int threads = 0);
  void run();
  /// This worker's commitments (rank 0's coordinator contributes them to gathers).
  CommitmentBook& book() { return book_; }

 private:
  void handle_phase1(const Phase1Task& task);
  void handle_gather(const GatherTask& task);
  void handle_phase2(const Phase2Task& task);
  void keep_state(uint32_t job, uint32_t segment, std::unique_ptr<Phase1State> state);

  int rank_;
  WorkerLink& link_;
  SegmentProver& prover_;
  size_t resident_states_;
  int threads_;
  CommitmentBook book_;
  std::map<uint32_t, std::unique_ptr<PendingGather>> gathers_;  // by job
  std::map<uint32_t, size_t> gather_segments_;                  // by job: its segment count
  std::map<uint32_t, std::vector<hash::Digest>> gathered_;      // by job, once complete
  // Phase-one states, oldest first.
  std::deque<std::pair<std::pair<uint32_t, uint32_t>, std::unique_ptr<Phase1State>>> states_;
};

}  // namespace zkbatch::runner
