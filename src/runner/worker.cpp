// SPDX-License-Identifier: Apache-2.0
#include "runner/worker.hpp"

#include <omp.h>

#include <chrono>
#include <exception>
#include <numeric>
#include <thread>

#include <fmt/format.h>

#include "log/log.hpp"
#include "runner/collectives.hpp"
#include "runner/metrics.hpp"

namespace zkbatch::runner {
namespace {

using namespace std::chrono_literals;

// A rank-level failure: reported to rank 0, which ends the job with it.
struct TaskFailure {
  std::string message;
};

}  // namespace

void LocalLink::send(Tag tag, std::vector<uint8_t> bytes) {
  std::lock_guard lock(mutex_);
  to_coordinator_.push_back(Message{0, tag, std::move(bytes)});
}

bool LocalLink::poll(Message& out) {
  std::unique_lock lock(mutex_);
  if (!to_worker_changed_.wait_for(lock, 1ms, [&] { return !to_worker_.empty(); })) return false;
  out = std::move(to_worker_.front());
  to_worker_.pop_front();
  return true;
}

void LocalLink::send_to_worker(Tag tag, std::vector<uint8_t> bytes) {
  {
    std::lock_guard lock(mutex_);
    to_worker_.push_back(Message{0, tag, std::move(bytes)});
  }
  to_worker_changed_.notify_one();
}

bool LocalLink::poll_from_worker(Message& out) {
  std::lock_guard lock(mutex_);
  if (to_coordinator_.empty()) return false;
  out = std::move(to_coordinator_.front());
  to_coordinator_.pop_front();
  return true;
}

bool CommLink::poll(Message& out) {
  if (comm_.poll(out)) return true;
  // Idle: a short sleep keeps an oversubscribed rank from stealing a busy one's core.
  std::this_thread::sleep_for(200us);
  return false;
}

void CommitmentBook::add(uint32_t job, const SegmentCommitment& entry) {
  std::lock_guard lock(mutex_);
  by_job_[job][entry.segment] = entry.commitment;
}

std::vector<SegmentCommitment> CommitmentBook::take(uint32_t job) {
  std::lock_guard lock(mutex_);
  std::vector<SegmentCommitment> entries;
  auto it = by_job_.find(job);
  if (it == by_job_.end()) return entries;
  for (const auto& [segment, digest] : it->second)
    entries.push_back(SegmentCommitment{segment, digest});
  by_job_.erase(it);
  return entries;
}

Worker::Worker(int rank,
               WorkerLink& link,
               SegmentProver& prover,
               size_t resident_states,
               int threads)
    : rank_(rank),
      link_(link),
      prover_(prover),
      resident_states_(resident_states),
      threads_(threads) {}

void Worker::run() {
  // The OpenMP thread count is per thread: set it on the thread that proves.
  if (threads_ > 0) omp_set_num_threads(threads_);
  bool failed = false;
  for (;;) {
    for (auto& [job, gather] : gathers_)
      gather->test();  // progress; results are read at phase two
    Message msg;
    if (!link_.poll(msg)) continue;
    if (msg.tag == Tag::stop) break;
    if (failed) continue;  // rank 0 is ending the job; ignore what was already queued
    try {
      switch (msg.tag) {
        case Tag::phase1_task:
          handle_phase1(decode_phase1_task(msg.bytes));
          break;
        case Tag::gather:
          handle_gather(decode_gather_task(msg.bytes));
          break;
        case Tag::phase2_task:
          handle_phase2(decode_phase2_task(msg.bytes));
          break;
        default:
          throw TaskFailure{fmt::format("unexpected message tag {}", static_cast<int>(msg.tag))};
      }
    } catch (const TaskFailure& e) {
      failed = true;
      link_.send(Tag::failure, encode(Failure{1, e.message}));
    } catch (const std::exception& e) {
      failed = true;
      link_.send(Tag::failure, encode(Failure{1, e.what()}));
    }
  }
  for (auto& [job, gather] : gathers_)
    gather->wait();  // every rank completes every gather it started
}

void Worker::handle_phase1(const Phase1Task& task) {
  Phase1Done done;
  done.job = task.job;
  done.segment = task.segment;
  Phase1Result result = prover_.phase1(task.checkpoint, done.times);
  done.cycles = result.cycles;
  book_.add(task.job, SegmentCommitment{task.segment, result.commitment});
  keep_state(task.job, task.segment, std::move(result.state));
  done.memory_bytes = resident_memory_bytes();
  log::debug("phase one done", {{"job", task.job}, {"segment", task.segment}});
  link_.send(Tag::phase1_done, encode(done));
}

void Worker::handle_gather(const GatherTask& task) {
  Communicator* comm = link_.gather_comm();
  if (comm == nullptr) throw TaskFailure{"gather task sent to rank 0's worker"};
  std::vector<SegmentCommitment> mine = book_.take(task.job);
  if (task.counts.size() != static_cast<size_t>(comm->size()) ||
      task.counts[static_cast<size_t>(rank_)] != mine.size()) {
    throw TaskFailure{
        fmt::format("gather of job {}: rank 0 expects {} commitments from rank {}, "
                    "it holds {}",
                    task.job, task.counts.at(static_cast<size_t>(rank_)), rank_, mine.size())};
  }
  gathers_[task.job] = allgather_phase1_commitments(*comm, mine, task.counts);
  gather_segments_[task.job] = std::accumulate(task.counts.begin(), task.counts.end(), size_t{0});
}

void Worker::handle_phase2(const Phase2Task& task) {
  // A worker that took part in the gather checks rank 0's seed against its own result.
  if (auto it = gathers_.find(task.job); it != gathers_.end()) {
    if (!gathered_.contains(task.job)) {
      it->second->wait();
      gathered_[task.job] = merge_commitments(it->second->parts(), gather_segments_.at(task.job));
    }
    const std::vector<hash::Digest>& all = gathered_[task.job];
    if (prover_.global_seed(all) != task.seed) {
      throw TaskFailure{
          fmt::format("job {}: the seed from rank 0 differs from the gathered one", task.job)};
    }
    if (all.at(task.segment) != task.commitment) {
      throw TaskFailure{
          fmt::format("job {}: commitment of segment {} differs from the gathered one", task.job,
                      task.segment)};
    }
  }
  Phase2Done done;
  done.job = task.job;
  done.segment = task.segment;
  std::unique_ptr<Phase1State> state;
  for (auto it = states_.begin(); it != states_.end(); ++it) {
    if (it->first == std::pair(task.job, task.segment)) {
      state = std::move(it->second);
      states_.erase(it);
      break;
    }
  }
  if (!state) {
    // Dropped to bound memory, or committed by another rank: rebuild it from the checkpoint.
    Phase1Result again = prover_.phase1(task.checkpoint, done.times);
    if (again.commitment != task.commitment) {
      throw TaskFailure{
          fmt::format("job {} segment {}: phase one is not reproducible (its "
                      "commitment changed)",
                      task.job, task.segment)};
    }
    state = std::move(again.state);
  }
  done.proof = prover_.phase2(*state, task.seed, done.times);
  state.reset();
  done.memory_bytes = resident_memory_bytes();
  link_.send(Tag::phase2_done, encode(done));
}

void Worker::keep_state(uint32_t job, uint32_t segment, std::unique_ptr<Phase1State> state) {
  states_.emplace_back(std::pair(job, segment), std::move(state));
  while (states_.size() > resident_states_)
    states_.pop_front();
}

}  // namespace zkbatch::runner
