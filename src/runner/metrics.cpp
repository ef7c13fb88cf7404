// SPDX-License-Identifier: Apache-2.0
#include "runner/metrics.hpp"

#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace zkbatch::runner {

struct Metrics::Impl {
  Impl()
      : registry(std::make_shared<prometheus::Registry>()),
        segments(prometheus::BuildCounter()
                     .Name(metric::kSegmentsProved)
                     .Help("Segment proofs finished (including ones found from an earlier run)")
                     .Register(*registry)
                     .Add({})),
        cycles(prometheus::BuildCounter()
                   .Name(metric::kCyclesProved)
                   .Help("Guest cycles in the finished segment proofs")
                   .Register(*registry)
                   .Add({})),
        phase_family(prometheus::BuildCounter()
                         .Name(metric::kPhaseSeconds)
                         .Help("Seconds spent per proving phase, summed over all ranks")
                         .Register(*registry)),
        active(prometheus::BuildGauge()
                   .Name(metric::kActiveRanks)
                   .Help("Ranks working on a task")
                   .Register(*registry)
                   .Add({})),
        backlog(prometheus::BuildGauge()
                    .Name(metric::kQueueBacklog)
                    .Help("Segments known but not yet proved")
                    .Register(*registry)
                    .Add({})),
        failure_family(prometheus::BuildCounter()
                           .Name(metric::kFailures)
                           .Help("Failures by reason: input, prove, verify, rank")
                           .Register(*registry)),
        memory_family(prometheus::BuildGauge()
                          .Name(metric::kDeviceMemory)
                          .Help("Memory in use on each rank's proving device (CPU back end: "
                                "the rank's resident memory)")
                          .Register(*registry)) {
    for (size_t p = 0; p < kPhaseCount; ++p) {
      phases[p] = &phase_family.Add({{"phase", phase_name(static_cast<Phase>(p))}});
    }
    for (const char* reason : {"input", "prove", "verify", "rank"})
      failures.push_back(&failure_family.Add({{"reason", reason}}));
  }

  std::shared_ptr<prometheus::Registry> registry;
  prometheus::Counter& segments;
  prometheus::Counter& cycles;
  prometheus::Family<prometheus::Counter>& phase_family;
  std::array<prometheus::Counter*, kPhaseCount> phases{};
  prometheus::Gauge& active;
  prometheus::Gauge& backlog;
  prometheus::Family<prometheus::Counter>& failure_family;
  std::vector<prometheus::Counter*> failures;  // by Metrics::Failure
  prometheus::Family<prometheus::Gauge>& memory_family;
  std::unique_ptr<prometheus::Exposer> exposer;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}

Metrics::Metrics(const std::string& address, int port) : impl_(std::make_unique<Impl>()) {
  const std::string endpoint = fmt::format("{}:{}", address, port);
  try {
    impl_->exposer = std::make_unique<prometheus::Exposer>(endpoint);
  } catch (const std::exception& e) {
    throw MetricsError(fmt::format("cannot serve metrics on {}: {}", endpoint, e.what()));
  }
  impl_->exposer->RegisterCollectable(impl_->registry);
}

Metrics::~Metrics() = default;

void Metrics::add_segments_proved(uint64_t n) {
  impl_->segments.Increment(static_cast<double>(n));
}
void Metrics::add_cycles_proved(uint64_t n) {
  impl_->cycles.Increment(static_cast<double>(n));
}
void Metrics::add_phase_seconds(const PhaseSeconds& seconds) {
  for (size_t p = 0; p < kPhaseCount; ++p) {
    if (seconds.seconds[p] > 0) impl_->phases[p]->Increment(seconds.seconds[p]);
  }
}
void Metrics::set_active_ranks(uint64_t n) {
  impl_->active.Set(static_cast<double>(n));
}
void Metrics::set_queue_backlog(uint64_t n) {
  impl_->backlog.Set(static_cast<double>(n));
}
void Metrics::add_failure(Failure reason) {
  impl_->failures.at(static_cast<size_t>(reason))->Increment();
}
void Metrics::set_device_memory_bytes(int rank, const std::string& device, uint64_t n) {
  impl_->memory_family.Add({{"rank", std::to_string(rank)}, {"device", device}})
      .Set(static_cast<double>(n));
}

std::string Metrics::render() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, impl_->registry->Collect());
  return out.str();
}

uint64_t resident_memory_bytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace zkbatch::runner
