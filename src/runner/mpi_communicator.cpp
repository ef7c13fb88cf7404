// SPDX-License-Identifier: Apache-2.0
// The one file of zkbatch that includes <mpi.h> (STYLE.md §4 item 16). Point-to-point messages
// are MPI_Isend / MPI_Iprobe + MPI_Recv on MPI_COMM_WORLD, the commitment gather is one
// MPI_Iallgatherv, and a failing job ends with MPI_Abort. Only the main thread of a process calls
// MPI (MPI_THREAD_FUNNELED): rank 0's executor and local worker threads never do.
#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <list>
#include <stdexcept>
#include <string>

#include "runner/communicator.hpp"

namespace zkbatch::runner {
namespace {

int checked_count(size_t n) {
  if (n > static_cast<size_t>(std::numeric_limits<int>::max())) {
    throw std::length_error("MPI message larger than 2^31 - 1 bytes");
  }
  return static_cast<int>(n);
}

class MpiGather final : public PendingGather {
 public:
  MpiGather(std::vector<uint8_t> mine, const std::vector<int>& sizes)
      : mine_(std::move(mine)), sizes_(sizes), displs_(sizes.size()) {
    int total = 0;
    for (size_t r = 0; r < sizes_.size(); ++r) {
      displs_[r] = total;
      total += sizes_[r];
    }
    all_.resize(static_cast<size_t>(total));
    MPI_Iallgatherv(mine_.data(), checked_count(mine_.size()), MPI_BYTE, all_.data(), sizes_.data(),
                    displs_.data(), MPI_BYTE, MPI_COMM_WORLD, &request_);
  }
  ~MpiGather() override {
    // A gather is never abandoned while the job runs; complete it rather than leak the request.
    if (!done_) MPI_Wait(&request_, MPI_STATUS_IGNORE);
  }
  bool test() override {
    if (done_) return true;
    int flag = 0;
    MPI_Test(&request_, &flag, MPI_STATUS_IGNORE);
    if (flag) finish();
    return done_;
  }
  void wait() override {
    if (done_) return;
    MPI_Wait(&request_, MPI_STATUS_IGNORE);
    finish();
  }
  const std::vector<std::vector<uint8_t>>& parts() const override { return parts_; }

 private:
  void finish() {
    done_ = true;
    parts_.resize(sizes_.size());
    for (size_t r = 0; r < sizes_.size(); ++r) {
      parts_[r].assign(all_.begin() + displs_[r], all_.begin() + displs_[r] + sizes_[r]);
    }
  }

  std::vector<uint8_t> mine_;
  std::vector<int> sizes_;
  std::vector<int> displs_;
  std::vector<uint8_t> all_;
  std::vector<std::vector<uint8_t>> parts_;
  MPI_Request request_ = MPI_REQUEST_NULL;
  bool done_ = false;
};

class MpiCommunicator final : public Communicator {
 public:
  MpiCommunicator() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiCommunicator() override { flush(); }

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  bool is_mpi() const override { return true; }

  void send(int dest, Tag tag, std::vector<uint8_t> bytes) override {
    progress_sends();
    Outgoing& out = outgoing_.emplace_back();
    out.bytes = std::move(bytes);
    MPI_Isend(out.bytes.data(), checked_count(out.bytes.size()), MPI_BYTE, dest,
              static_cast<int>(tag), MPI_COMM_WORLD, &out.request);
  }

  bool poll(Message& out) override {
    progress_sends();
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
    if (!flag) return false;
    int count = 0;
    MPI_Get_count(&status, MPI_BYTE, &count);
    out.source = status.MPI_SOURCE;
    out.tag = static_cast<Tag>(status.MPI_TAG);
    out.bytes.resize(static_cast<size_t>(count));
    MPI_Recv(out.bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    return true;
  }

  std::unique_ptr<PendingGather> start_gather(std::vector<uint8_t> mine,
                                              const std::vector<int>& sizes) override {
    if (sizes.size() != static_cast<size_t>(size_) ||
        sizes[static_cast<size_t>(rank_)] != checked_count(mine.size())) {
      throw std::logic_error("gather sizes do not match the ranks' contributions");
    }
    return std::make_unique<MpiGather>(std::move(mine), sizes);
  }

  std::vector<std::vector<uint8_t>> allgather(const std::vector<uint8_t>& mine) override {
    int my_size = checked_count(mine.size());
    std::vector<int> sizes(static_cast<size_t>(size_));
    MPI_Allgather(&my_size, 1, MPI_INT, sizes.data(), 1, MPI_INT, MPI_COMM_WORLD);
    MpiGather gather(mine, sizes);
    gather.wait();
    return gather.parts();
  }

  void barrier() override { MPI_Barrier(MPI_COMM_WORLD); }

  void flush() override {
    for (Outgoing& out : outgoing_)
      MPI_Wait(&out.request, MPI_STATUS_IGNORE);
    outgoing_.clear();
  }

  [[noreturn]] void abort(int exit_code) override {
    std::fflush(stdout);
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, exit_code);
    std::_Exit(exit_code);  // MPI_Abort does not return; this satisfies [[noreturn]]
  }

 private:
  struct Outgoing {
    std::vector<uint8_t> bytes;
    MPI_Request request = MPI_REQUEST_NULL;
  };

  // Frees the buffers of delivered sends. std::list keeps buffers and requests in place.
  void progress_sends() {
    for (auto it = outgoing_.begin(); it != outgoing_.end();) {
      int flag = 0;
      MPI_Test(&it->request, &flag, MPI_STATUS_IGNORE);
      it = flag ? outgoing_.erase(it) : std::next(it);
    }
  }

  int rank_ = 0;
  int size_ = 1;
  std::list<Outgoing> outgoing_;
};

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : nullptr;
}

}  // namespace

bool launched_by_mpi() {
  return env("OMPI_COMM_WORLD_SIZE") || env("PMIX_RANK") || env("PMI_RANK") || env("PMI_SIZE");
}

void launcher_rank(int& rank, int& size) {
  rank = 0;
  size = 1;
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
    if (const char* v = env(name)) {
      rank = std::atoi(v);
      break;
    }
  }
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    if (const char* v = env(name)) {
      size = std::atoi(v);
      break;
    }
  }
}

MpiSession::MpiSession() {
  if (!launched_by_mpi()) {
    world_ = std::move(make_local_group(1)[0]);
    return;
  }
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  initialized_ = true;
  if (provided < MPI_THREAD_FUNNELED) {
    std::fputs("zkbatch: the MPI library does not support MPI_THREAD_FUNNELED\n", stderr);
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  world_ = std::make_unique<MpiCommunicator>();
}

MpiSession::~MpiSession() {
  world_.reset();
  if (initialized_) MPI_Finalize();
}

}  // namespace zkbatch::runner
