// SPDX-License-Identifier: Apache-2.0
// Prometheus metrics of a proving job (DESIGN.md §7), served by rank 0 on --metrics-port with
// prometheus-cpp; the other ranks' figures reach it inside their task results. Names and labels
// are an interface (docs/deploy.md, "Contract with the runner": the dashboards use them). Labels
// take values from small fixed sets (phase, failure reason) or the job's ranks, never inputs, so
// cardinality stays bounded however many inputs a job proves.
#pragma once

#include <stdint.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "runner/segment_prover.hpp"

namespace zkbatch::runner {

/// The endpoint could not be started (port taken, bad address).
class MetricsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Metric names (docs/operations.md lists them with their meaning).
namespace metric {
inline constexpr const char* kSegmentsProved = "zkbatch_segments_proved_total";
inline constexpr const char* kCyclesProved = "zkbatch_cycles_proved_total";
inline constexpr const char* kPhaseSeconds = "zkbatch_phase_seconds_total";
inline constexpr const char* kActiveRanks = "zkbatch_active_ranks";
inline constexpr const char* kQueueBacklog = "zkbatch_queue_backlog";
inline constexpr const char* kFailures = "zkbatch_failures_total";
inline constexpr const char* kDeviceMemory = "zkbatch_device_memory_bytes";
}  // namespace metric

/// The job's metrics. Called from rank 0's coordinator thread only.
class Metrics {
 public:
  /// Keeps the metrics without serving them.
  Metrics();
  /// Serves them on http://address:port/metrics; throws MetricsError when it cannot.
  Metrics(const std::string& address, int port);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  void add_segments_proved(uint64_t n);
  void add_cycles_proved(uint64_t n);
  void add_phase_seconds(const PhaseSeconds& seconds);
  void set_active_ranks(uint64_t n);
  void set_queue_backlog(uint64_t n);
  /// Why something failed: the `reason` label of zkbatch_failures_total.
  enum class Failure : uint8_t {
    input,   ///< an input cannot be proved (the guest failed, a broken --previous-proof link)
    prove,   ///< proving or writing an input's proof failed on rank 0
    verify,  ///< an assembled proof did not verify
    rank,    ///< a rank failed (the job ends)
  };
  void add_failure(Failure reason);
  /// Memory in use on `rank`'s proving device (`device` "cpu" for the CPU back end, where it is
  /// the rank's resident memory).
  void set_device_memory_bytes(int rank, const std::string& device, uint64_t n);

  /// The text exposition format, as served (for tests and `promtool check metrics`).
  std::string render() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// This process's resident memory in bytes (/proc/self/statm), 0 when unknown. With the CPU
/// back end the host is the proving device.
uint64_t resident_memory_bytes();

}  // namespace zkbatch::runner
