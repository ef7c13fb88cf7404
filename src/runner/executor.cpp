// SPDX-License-Identifier: Apache-2.0
#include <chrono>
#include <exception>

#include "runner/detail/executor.hpp"

namespace zkbatch::runner::detail {
namespace {

// Stops execution from inside the checkpoint sink.
struct Stopped {};

ExecEvent event(ExecEvent::Kind kind, uint32_t job, uint32_t segment = 0) {
  ExecEvent e;
  e.kind = kind;
  e.job = job;
  e.segment = segment;
  return e;
}

}  // namespace

Executor::Executor(ProgramProver& prover,
                   std::vector<const std::vector<uint8_t>*> inputs,
                   size_t max_waiting)
    : prover_(prover),
      inputs_(std::move(inputs)),
      max_waiting_(max_waiting),
      cancelled_(inputs_.size()) {}

Executor::~Executor() {
  stop();
}

void Executor::start() {
  thread_ = std::thread([this] { run(); });
}

void Executor::push(ExecEvent e) {
  std::lock_guard lock(mutex_);
  events_.push_back(std::move(e));
}

bool Executor::poll(ExecEvent& out) {
  std::lock_guard lock(mutex_);
  if (events_.empty()) return false;
  out = std::move(events_.front());
  events_.pop_front();
  return true;
}

bool Executor::finished() {
  std::lock_guard lock(mutex_);
  return done_ && events_.empty();
}

void Executor::cancel(uint32_t job) {
  if (job < cancelled_.size()) cancelled_[job] = true;
}

void Executor::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void Executor::run() {
  using Clock = std::chrono::steady_clock;
  for (uint32_t job = 0; job < inputs_.size() && !stop_; ++job) {
    if (cancelled_[job]) {
      push(event(ExecEvent::Kind::skipped, job));
      continue;
    }
    uint32_t segment = 0;
    double waited = 0;  // time spent paused is not execution time
    const auto t0 = Clock::now();
    try {
      vm::RunResult result = prover_.execute(*inputs_[job], [&](std::vector<uint8_t>&& part) {
        // Keep at most max_waiting segments ahead of the ranks (checkpoints hold memory).
        const auto w0 = Clock::now();
        while (waiting_ >= max_waiting_ && !stop_)
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        waited += std::chrono::duration<double>(Clock::now() - w0).count();
        if (stop_) throw Stopped{};
        ++waiting_;  // the coordinator recounts on its next pass
        ExecEvent e = event(ExecEvent::Kind::segment, job, segment++);
        e.checkpoint = std::move(part);
        push(std::move(e));
      });
      ExecEvent e = event(ExecEvent::Kind::done, job);
      e.result = std::move(result);
      e.seconds = std::chrono::duration<double>(Clock::now() - t0).count() - waited;
      push(std::move(e));
    } catch (const Stopped&) {
      break;
    } catch (const std::exception& ex) {
      ExecEvent e = event(ExecEvent::Kind::failed, job);
      e.error = ex.what();
      push(std::move(e));
    }
  }
  done_ = true;
}

}  // namespace zkbatch::runner::detail
