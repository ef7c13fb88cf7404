// SPDX-License-Identifier: Apache-2.0
// Ranks as threads of one process: mailboxes under a mutex, gathers matched by their sequence
// number (the k-th gather started on every rank is one gather, as MPI matches collectives in
// order). Used for a run without an MPI launcher (one rank) and by tests (several).
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "runner/communicator.hpp"

namespace zkbatch::runner {
namespace {

struct GatherSlot {
  std::vector<std::vector<uint8_t>> parts;
  int arrived = 0;
  int taken = 0;  // ranks that have read the result; the slot is dropped after the last
};

struct Shared {
  explicit Shared(int n) : mailboxes(static_cast<size_t>(n)) {}
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::deque<Message>> mailboxes;
  std::map<uint64_t, GatherSlot> gathers;  // by sequence number
};

class LocalGather final : public PendingGather {
 public:
  LocalGather(std::shared_ptr<Shared> shared, uint64_t seq, int size)
      : shared_(std::move(shared)), seq_(seq), size_(size) {}
  bool test() override {
    if (done_) return true;
    std::lock_guard lock(shared_->mutex);
    return take_if_complete();
  }
  void wait() override {
    if (done_) return;
    std::unique_lock lock(shared_->mutex);
    shared_->changed.wait(lock, [&] { return take_if_complete(); });
  }
  const std::vector<std::vector<uint8_t>>& parts() const override { return parts_; }

 private:
  // Called with the mutex held.
  bool take_if_complete() {
    auto it = shared_->gathers.find(seq_);
    if (it->second.arrived < size_) return false;
    parts_ = it->second.parts;
    done_ = true;
    if (++it->second.taken == size_) shared_->gathers.erase(it);
    return true;
  }

  std::shared_ptr<Shared> shared_;
  uint64_t seq_;
  int size_;
  bool done_ = false;
  std::vector<std::vector<uint8_t>> parts_;
};

class LocalCommunicator final : public Communicator {
 public:
  LocalCommunicator(std::shared_ptr<Shared> shared, int rank, int size)
      : shared_(std::move(shared)), rank_(rank), size_(size) {}

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  bool is_mpi() const override { return false; }

  void send(int dest, Tag tag, std::vector<uint8_t> bytes) override {
    if (dest < 0 || dest >= size_) throw std::out_of_range("no such rank");
    {
      std::lock_guard lock(shared_->mutex);
      shared_->mailboxes[static_cast<size_t>(dest)].push_back(
          Message{rank_, tag, std::move(bytes)});
    }
    shared_->changed.notify_all();
  }

  bool poll(Message& out) override {
    std::lock_guard lock(shared_->mutex);
    auto& box = shared_->mailboxes[static_cast<size_t>(rank_)];
    if (box.empty()) return false;
    out = std::move(box.front());
    box.pop_front();
    return true;
  }

  std::unique_ptr<PendingGather> start_gather(std::vector<uint8_t> mine,
                                              const std::vector<int>& sizes) override {
    if (sizes.size() != static_cast<size_t>(size_) ||
        sizes[static_cast<size_t>(rank_)] != static_cast<int>(mine.size())) {
      throw std::logic_error("gather sizes do not match the ranks' contributions");
    }
    return contribute(std::move(mine));
  }

  std::vector<std::vector<uint8_t>> allgather(const std::vector<uint8_t>& mine) override {
    auto gather = contribute(mine);
    gather->wait();
    return gather->parts();
  }

  void barrier() override { allgather({}); }
  void flush() override {}

  [[noreturn]] void abort(int exit_code) override {
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(exit_code);
  }

 private:
  std::unique_ptr<PendingGather> contribute(std::vector<uint8_t> mine) {
    const uint64_t seq = next_gather_++;
    {
      std::lock_guard lock(shared_->mutex);
      GatherSlot& slot = shared_->gathers[seq];
      if (slot.parts.empty()) slot.parts.resize(static_cast<size_t>(size_));
      slot.parts[static_cast<size_t>(rank_)] = std::move(mine);
      ++slot.arrived;
    }
    shared_->changed.notify_all();
    return std::make_unique<LocalGather>(shared_, seq, size_);
  }

  std::shared_ptr<Shared> shared_;
  int rank_;
  int size_;
  uint64_t next_gather_ = 0;
};

}  // namespace

std::vector<std::unique_ptr<Communicator>> make_local_group(int n) {
  if (n < 1) throw std::invalid_argument("a group needs at least one rank");
  auto shared = std::make_shared<Shared>(n);
  std::vector<std::unique_ptr<Communicator>> group;
  for (int r = 0; r < n; ++r)
    group.push_back(std::make_unique<LocalCommunicator>(shared, r, n));
  return group;
}

}  // namespace zkbatch::runner
