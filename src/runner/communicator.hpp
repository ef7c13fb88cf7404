// SPDX-License-Identifier: Apache-2.0
// The runner's only view of the ranks of a job (STYLE.md §4 item 16): point-to-point messages,
// one non-blocking gather and a few blocking collectives over byte strings. MPI is behind
// `mpi_communicator.cpp`, the one file that includes <mpi.h>; `local_communicator.cpp` connects
// threads of one process the same way (single-rank runs without mpirun, and tests).
#pragma once

#include <stdint.h>

#include <memory>
#include <string>
#include <vector>

namespace zkbatch::runner {

/// What a message is about (the protocol of worker.cpp and coordinator.cpp).
enum class Tag : int {
  phase1_task = 1,  ///< rank 0 → worker: prove phase one of a segment
  gather = 2,       ///< rank 0 → every worker: join the commitment gather of a proof
  phase2_task = 3,  ///< rank 0 → worker: finish a segment with the global seed
  stop = 4,         ///< rank 0 → every worker: no more work
  phase1_done = 5,  ///< worker → rank 0
  phase2_done = 6,  ///< worker → rank 0: the segment proof
  failure = 7,      ///< worker → rank 0: the rank failed (exit code and message)
};

/// One received message.
struct Message {
  int source = 0;
  Tag tag = Tag::stop;
  std::vector<uint8_t> bytes;
};

/// A gather in flight: each rank's contribution, available on every rank once complete.
class PendingGather {
 public:
  virtual ~PendingGather() = default;
  /// True once every rank's contribution has arrived here (drives progress; never blocks).
  virtual bool test() = 0;
  /// Blocks until complete.
  virtual void wait() = 0;
  /// Rank r's bytes, in rank order; valid after test() returned true or wait() returned.
  virtual const std::vector<std::vector<uint8_t>>& parts() const = 0;
};

/// The ranks of one job. Every method but `abort` is called from one thread per rank.
class Communicator {
 public:
  virtual ~Communicator() = default;
  /// This process's rank, 0 ≤ rank < size.
  virtual int rank() const = 0;
  /// Number of ranks.
  virtual int size() const = 0;
  /// Sends `bytes` to rank `dest` without waiting for it to be received (the buffer is owned
  /// until delivery). Messages between two ranks arrive in the order they were sent.
  virtual void send(int dest, Tag tag, std::vector<uint8_t> bytes) = 0;
  /// Takes the next message addressed to this rank, if any; never blocks.
  virtual bool poll(Message& out) = 0;
  /// Starts a gather in which every rank contributes `mine`; `sizes[r]` is rank r's
  /// contribution size, known to all ranks beforehand. Every rank must start the same gathers
  /// in the same order.
  virtual std::unique_ptr<PendingGather> start_gather(std::vector<uint8_t> mine,
                                                      const std::vector<int>& sizes) = 0;
  /// Blocking gather of byte strings of any size (setup status, rarely used).
  virtual std::vector<std::vector<uint8_t>> allgather(const std::vector<uint8_t>& mine) = 0;
  /// Blocks until every rank has called it.
  virtual void barrier() = 0;
  /// Waits until every message this rank sent has been delivered (before shutting down).
  virtual void flush() = 0;
  /// Ends the whole job at once with `exit_code` on every rank (MPI_Abort). Used after the
  /// failing rank's error has been logged, so that no rank waits forever for a dead peer.
  [[noreturn]] virtual void abort(int exit_code) = 0;
  /// True when the ranks are separate MPI processes (false for in-process communicators).
  virtual bool is_mpi() const = 0;
};

/// MPI for the life of the process: initialised when the process was started by an MPI launcher
/// (mpirun, srun, an MPIJob), finalised at destruction. Without a launcher no MPI is started and
/// `world()` is a single-rank in-process communicator, so `zkbatch prove` runs alone as well.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  /// All ranks of the job.
  Communicator& world() { return *world_; }

 private:
  std::unique_ptr<Communicator> world_;
  bool initialized_ = false;
};

/// True when an MPI launcher started this process (OpenMPI, PMIx or PMI environment variables).
bool launched_by_mpi();

/// Creates `n` communicators connected to one another in this process: rank r is element r.
/// Each is used by one thread; they stand for the ranks of a job in tests and single runs.
std::vector<std::unique_ptr<Communicator>> make_local_group(int n);

/// Reads rank and size from an MPI launcher's environment without initialising MPI (for logs
/// written before MpiSession exists); rank 0 of 1 without a launcher.
void launcher_rank(int& rank, int& size);

}  // namespace zkbatch::runner
