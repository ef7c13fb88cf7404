// SPDX-License-Identifier: Apache-2.0
#include "runner/prove_job.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "log/log.hpp"
#include "runner/collectives.hpp"
#include "runner/detail/coordinator.hpp"
#include "runner/ledger.hpp"
#include "runner/metrics.hpp"
#include "runner/proof_files.hpp"
#include "runner/segment_store.hpp"
#include "runner/worker.hpp"

namespace zkbatch::runner {
namespace {

// Bad usage or bad input found during setup: exit code 2 with this one line.
struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An exclusive lock on the output directory for the job's life: two jobs writing the same
// directory would interleave records and ledger updates. The kernel drops it when the process
// dies, however it dies.
class DirectoryLock {
 public:
  explicit DirectoryLock(const std::filesystem::path& out_dir) {
    const std::filesystem::path path = out_dir / ".zkbatch" / "lock";
    std::filesystem::create_directories(path.parent_path());
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      throw BadInput(fmt::format("{}: cannot create: {}", path.string(), strerror(errno)));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
      throw BadInput(fmt::format("{}: another zkbatch prove is using this output directory",
                                 out_dir.string()));
    }
  }
  ~DirectoryLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  int fd_ = -1;
};

// Rank 0's resources for the whole job.
struct Rank0 {
  std::unique_ptr<DirectoryLock> lock;
  std::unique_ptr<Ledger> ledger;
  std::unique_ptr<Metrics> metrics;
  std::vector<detail::BatchInput> inputs;
  std::optional<std::vector<uint8_t>> previous_output;
  std::string previous_keccak;
  size_t failed_before = 0;
};

std::vector<uint8_t> read_or_throw(const std::string& path, const char* what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw BadInput(fmt::format("{}: cannot read {}: it is a directory", path, what));
  }
  auto bytes = read_whole_file(path);
  if (!bytes) {
    throw BadInput(fmt::format("{}: cannot read {}: {}", path, what,
                               errno != 0 ? strerror(errno) : "unreadable"));
  }
  return *bytes;
}

// Reads the inputs and decides, from the ledger, which of them this job proves.
void setup_rank0(const ProveConfig& config, ProgramProver& prover, Rank0& r0) {
  std::error_code ec;
  std::filesystem::create_directories(config.out_dir, ec);
  if (ec || !std::filesystem::is_directory(config.out_dir)) {
    throw BadInput(fmt::format("{}: cannot create the output directory: {}", config.out_dir,
                               ec ? ec.message() : "not a directory"));
  }
  r0.lock = std::make_unique<DirectoryLock>(config.out_dir);
  std::set<std::string> names;
  std::vector<detail::BatchInput> all;
  for (const std::string& path : config.inputs) {
    detail::BatchInput in;
    in.path = path;
    in.name = input_name(path);
    if (!names.insert(in.name).second) {
      throw BadInput(
          fmt::format("{}: two inputs are named {}; proofs are named after inputs", path, in.name));
    }
    in.bytes = read_or_throw(path, "input file");
    in.input_hash = keccak_hex(in.bytes);
    all.push_back(std::move(in));
  }
  if (!config.previous_proof.empty()) {
    const std::vector<uint8_t> bytes = read_or_throw(config.previous_proof, "previous proof");
    const VerifyOutcome outcome = prover.verify(bytes);
    if (!outcome.ok) {
      throw BadInput(fmt::format("{}: not a valid proof of this program: {}", config.previous_proof,
                                 outcome.error));
    }
    r0.previous_output = outcome.public_output;
    r0.previous_keccak = keccak_hex(bytes);
  }
  try {
    r0.ledger = std::make_unique<Ledger>(config.out_dir, true);
  } catch (const LedgerError& e) {
    throw BadInput(e.what());
  }
  if (config.metrics_port != 0) {
    try {
      r0.metrics = std::make_unique<Metrics>(config.metrics_address, config.metrics_port);
    } catch (const MetricsError& e) {
      throw BadInput(e.what());
    }
  } else {
    r0.metrics = std::make_unique<Metrics>();
  }

  const std::string key = digest_hex(prover.key_digest());
  for (detail::BatchInput& in : all) {
    std::optional<LedgerEntry> entry = r0.ledger->find(in.name);
    if (entry && entry->state == InputState::cancelled) {
      log::warn("input skipped: cancelled", {{"input", in.name}});
      continue;
    }
    const bool same = entry && entry->input_hash == in.input_hash && entry->key_digest == key;
    if (same && entry->state == InputState::failed) {
      log::warn("input skipped: it failed earlier (zkbatch queue retry to prove it again)",
                {{"input", in.name}, {"error", entry->error}});
      ++r0.failed_before;
      continue;
    }
    if (same && entry->state == InputState::proved &&
        std::filesystem::exists(proof_path(config.out_dir, in.name))) {
      log::info("input skipped: already proved", {{"input", in.name}});
      continue;
    }
    LedgerEntry e;
    e.name = in.name;
    e.path = in.path;
    e.input_hash = in.input_hash;
    e.key_digest = key;
    e.state = InputState::running;
    e.attempts = (entry ? entry->attempts : 0) + 1;
    r0.ledger->put(e);
    r0.inputs.push_back(std::move(in));
  }
}

// Threads for each rank's prover: the machine's cores shared by the ranks on it, unless the
// operator set OMP_NUM_THREADS.
int threads_per_rank() {
  if (std::getenv("OMP_NUM_THREADS") != nullptr) return 0;
  const char* local = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
  const int ranks_here = local != nullptr ? std::max(1, std::atoi(local)) : 1;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return ranks_here > 1 ? std::max(1, cores / ranks_here) : 0;
}

}  // namespace

int run_prove(Communicator& comm, const ProveConfig& config, const ProverFactory& factory) {
  const bool is_root = comm.rank() == 0;
  SetupStatus status;
  std::unique_ptr<ProgramProver> prover;
  std::optional<CircuitsData> circuits;
  Rank0 r0;
  try {
    const std::vector<uint8_t> elf = read_or_throw(config.elf, "program");
    if (!config.circuits.empty()) circuits = read_circuits(config.circuits);
    try {
      prover = factory(ProverSpec{elf, circuits ? &*circuits : nullptr});
    } catch (const std::exception& e) {
      throw BadInput(fmt::format("{}: {}", config.elf, e.what()));
    }
    if (circuits) {
      check_circuits_match(config.circuits, *circuits, elf, prover->params_name(),
                           prover->segment_log2(), prover->key_digest());
    }
    if (is_root) setup_rank0(config, *prover, r0);
  } catch (const std::exception& e) {
    status = SetupStatus{kExitBadInput, e.what()};
  }
  const std::vector<SetupStatus> all = allgather_setup_status(comm, status);
  for (size_t r = 0; r < all.size(); ++r) {
    if (all[r].exit_code == 0) continue;
    if (is_root) {
      const std::string where = comm.size() > 1 ? fmt::format("rank {}: ", r) : "";
      std::fprintf(stderr, "zkbatch prove: %s%s\n", where.c_str(), all[r].message.c_str());
    }
    return all[r].exit_code;
  }

  const int threads = threads_per_rank();
  int code = kExitOk;
  if (is_root) {
    detail::CoordinatorContext ctx{config,
                                   comm,
                                   *prover,
                                   *r0.ledger,
                                   *r0.metrics,
                                   std::move(r0.inputs),
                                   r0.previous_output,
                                   r0.previous_keccak,
                                   r0.failed_before};
    ctx.threads = threads;
    code = detail::run_coordinator(ctx);
    if (config.metrics_port != 0 && config.metrics_linger_s > 0) {
      log::info("serving final metrics", {{"seconds", config.metrics_linger_s}});
      std::this_thread::sleep_for(std::chrono::duration<double>(config.metrics_linger_s));
    }
  } else {
    CommLink link(comm);
    std::unique_ptr<SegmentProver> segment_prover = prover->segment_prover();
    Worker worker(comm.rank(), link, *segment_prover, config.resident_states, threads);
    worker.run();
  }
  // Every rank leaves with rank 0's verdict.
  return allgather_setup_status(comm, SetupStatus{code, ""})[0].exit_code;
}

}  // namespace zkbatch::runner
