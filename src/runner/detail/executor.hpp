// SPDX-License-Identifier: Apache-2.0
// Rank 0's executor thread: runs the guest on each input of the batch in order and hands every
// segment's checkpoint to the coordinator as soon as it exists, so proving starts while the
// rest of the batch is still executing. It pauses while enough segments wait for a rank.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runner/segment_prover.hpp"

namespace zkbatch::runner::detail {

/// What the executor reports, in order.
struct ExecEvent {
  enum class Kind : uint8_t { segment, done, failed, skipped };
  Kind kind = Kind::segment;
  uint32_t job = 0;
  uint32_t segment = 0;
  std::vector<uint8_t> checkpoint;  ///< segment: the part's bytes (a checkpoint, ...)
  vm::RunResult result;             ///< done
  std::string error;                ///< failed
  double seconds = 0;               ///< done: execution time
};

/// Executes `inputs` one after the other on its own thread.
class Executor {
 public:
  /// `max_waiting`: the executor pauses while this many segments wait for a rank.
  Executor(ProgramProver& prover,
           std::vector<const std::vector<uint8_t>*> inputs,
           size_t max_waiting);
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  void start();
  /// Takes the next event, if any.
  bool poll(ExecEvent& out);
  /// True once every input was handled and every event taken.
  bool finished();
  /// Segments handed out but not yet given to a rank (the coordinator keeps it current).
  void set_waiting(size_t n) { waiting_ = n; }
  /// Skips input `job` if its execution has not started.
  void cancel(uint32_t job);
  /// Stops at the next segment and joins the thread.
  void stop();

 private:
  void run();
  void push(ExecEvent e);

  ProgramProver& prover_;
  std::vector<const std::vector<uint8_t>*> inputs_;
  size_t max_waiting_;
  std::atomic<size_t> waiting_{0};
  std::atomic<bool> stop_{false};
  std::atomic<bool> done_{false};
  std::vector<std::atomic<bool>> cancelled_;
  std::mutex mutex_;
  std::deque<ExecEvent> events_;
  std::thread thread_;
};

}  // namespace zkbatch::runner::detail
