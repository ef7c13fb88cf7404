// SPDX-License-Identifier: Apache-2.0
#include "runner/detail/coordinator.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "log/log.hpp"
#include "runner/collectives.hpp"
#include "runner/detail/executor.hpp"
#include "runner/messages.hpp"
#include "runner/progress.hpp"
#include "runner/proof_files.hpp"
#include "runner/scheduler.hpp"
#include "runner/segment_store.hpp"
#include "runner/worker.hpp"

namespace zkbatch::runner::detail {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Rounded seconds for log fields.
double secs(double s) {
  return static_cast<double>(static_cast<int64_t>(s * 1000 + 0.5)) / 1000;
}

// A rank failed: the job ends with this code and message.
struct RankFailure {
  int rank;
  int exit_code;
  std::string message;
};

// Rank 0's bookkeeping for one input, beside its scheduler slot.
struct Job {
  const BatchInput* input = nullptr;
  std::string key;  // resume key
  std::vector<std::vector<uint8_t>> checkpoints;
  std::vector<uint64_t> cycles;
  std::map<uint32_t, SegmentRecord> resumed;  // proof bytes dropped after loading
  std::vector<hash::Digest> commitments;
  hash::Digest seed{};
  std::unique_ptr<PendingGather> gather;
  vm::RunResult run;
  uint64_t proved = 0;
  uint64_t cycles_proved = 0;
  PhaseSeconds times;
  Clock::time_point started;
  Clock::time_point ledger_written;
  bool failed = false;
  bool cancelled = false;
  bool written = false;
};

class Coordinator {
 public:
  explicit Coordinator(CoordinatorContext& ctx)
      : ctx_(ctx), store_(ctx.config.out_dir), previous_output_(ctx.previous_output) {}

  int run();

 private:
  // One pass over everything that may have happened; true when anything did.
  bool step();
  void on_exec_event(ExecEvent& e);
  void on_message(const Message& msg);
  void poll_gathers();
  void dispatch(const Action& a);
  void start_gather(uint32_t j);
  void finalize(uint32_t j);
  void fail_input(uint32_t j,
                  const std::string& error,
                  Metrics::Failure reason = Metrics::Failure::input);
  void reset_job(uint32_t j, const char* why);
  void tick(bool force);
  void send(int rank, Tag tag, std::vector<uint8_t> bytes);
  bool all_done();
  ProgressCounters counters() const;
  void log_summary();

  CoordinatorContext& ctx_;
  SegmentStore store_;
  std::optional<std::vector<uint8_t>> previous_output_;
  QueueState state_;
  std::vector<Job> jobs_;
  LocalLink local_;
  std::unique_ptr<Executor> executor_;
  std::optional<RankFailure> failure_;
  CommitmentBook* own_book_ = nullptr;  // rank 0's worker's commitments
  std::vector<uint64_t> memory_;        // last reported per rank
  PhaseSeconds totals_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_progress_ = Clock::now();
  Clock::time_point last_ledger_check_ = Clock::now();
  uint64_t resumed_total_ = 0;
};

void Coordinator::send(int rank, Tag tag, std::vector<uint8_t> bytes) {
  if (rank == 0) {
    local_.send_to_worker(tag, std::move(bytes));
  } else {
    ctx_.comm.send(rank, tag, std::move(bytes));
  }
}

int Coordinator::run() {
  const int ranks = ctx_.comm.size();
  state_.ranks.resize(static_cast<size_t>(ranks));
  memory_.assign(static_cast<size_t>(ranks), 0);
  std::vector<const std::vector<uint8_t>*> inputs;
  for (const BatchInput& in : ctx_.inputs) {
    Job job;
    job.input = &in;
    job.key = resume_key(ctx_.prover.key_digest(), ctx_.prover.segment_log2(), in.input_hash);
    job.resumed = store_.load(job.key);
    for (auto& [segment, record] : job.resumed)
      record.proof.clear();  // read again when the proof is assembled
    jobs_.push_back(std::move(job));
    state_.jobs.emplace_back();
    inputs.push_back(&in.bytes);
  }

  std::unique_ptr<SegmentProver> own_prover = ctx_.prover.segment_prover();
  Worker own_worker(0, local_, *own_prover, ctx_.config.resident_states, ctx_.threads);
  own_book_ = &own_worker.book();
  std::thread worker_thread([&] { own_worker.run(); });
  executor_ = std::make_unique<Executor>(ctx_.prover, inputs,
                                         std::max<size_t>(8, 4 * static_cast<size_t>(ranks)));
  executor_->start();
  log::info("batch started", {{"inputs", static_cast<uint64_t>(jobs_.size())},
                              {"ranks", ranks},
                              {"out", ctx_.config.out_dir}});

  try {
    while (!failure_ && !all_done()) {
      if (!step()) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  } catch (const std::exception& e) {
    // Rank 0's own failure (a damaged message, the ledger or the disk): end like any rank's.
    failure_ = RankFailure{0, kExitFailed, e.what()};
  }

  if (failure_) {
    ctx_.metrics.add_failure(Metrics::Failure::rank);
    log::error("rank failed", {{"failed_rank", failure_->rank}, {"error", failure_->message}});
    std::fprintf(stderr, "zkbatch prove: rank %d: %s\n", failure_->rank, failure_->message.c_str());
    // Other ranks may be inside a task or a gather: end them all now rather than wait.
    if (ctx_.comm.is_mpi() && ctx_.comm.size() > 1) ctx_.comm.abort(failure_->exit_code);
  }
  executor_->stop();
  for (int r = 1; r < ranks; ++r)
    ctx_.comm.send(r, Tag::stop, {});
  local_.send_to_worker(Tag::stop, {});
  worker_thread.join();
  for (Job& job : jobs_) {
    if (job.gather) job.gather->wait();
  }
  ctx_.comm.flush();
  try {
    tick(true);
    log_summary();
  } catch (const std::exception& e) {
    log::error("cannot report the batch", {{"error", e.what()}});
  }
  if (failure_) return failure_->exit_code;
  size_t failed = ctx_.failed_before;
  for (const Job& job : jobs_)
    failed += job.failed;
  return failed == 0 ? kExitOk : kExitFailed;
}

bool Coordinator::step() {
  bool busy = false;
  ExecEvent e;
  while (executor_->poll(e)) {
    on_exec_event(e);
    busy = true;
  }
  Message msg;
  while (!failure_ && local_.poll_from_worker(msg)) {
    on_message(msg);
    busy = true;
  }
  while (!failure_ && ctx_.comm.poll(msg)) {
    on_message(msg);
    busy = true;
  }
  if (failure_) return true;
  poll_gathers();
  for (const Action& a : schedule(state_)) {
    apply(state_, a);
    dispatch(a);
    busy = true;
  }
  size_t waiting = 0;
  for (const JobQueue& q : state_.jobs) {
    for (const SegmentSlot& s : q.segments)
      waiting += q.active && s.stage == SegmentStage::pending;
  }
  executor_->set_waiting(waiting);
  for (uint32_t j = 0; j < jobs_.size(); ++j) {
    if (state_.jobs[j].active && job_proved(state_.jobs[j])) {
      finalize(j);
      busy = true;
    }
  }
  tick(false);
  return busy;
}

void Coordinator::on_exec_event(ExecEvent& e) {
  Job& job = jobs_[e.job];
  JobQueue& q = state_.jobs[e.job];
  switch (e.kind) {
    case ExecEvent::Kind::skipped:
      q.active = false;
      return;
    case ExecEvent::Kind::failed:
      fail_input(e.job, "execution failed: " + e.error);
      return;
    case ExecEvent::Kind::segment: {
      if (job.checkpoints.empty()) job.started = Clock::now();
      job.checkpoints.push_back(std::move(e.checkpoint));
      job.cycles.push_back(0);
      SegmentSlot slot;
      if (auto it = job.resumed.find(e.segment); it != job.resumed.end()) {
        slot.stage = SegmentStage::proved;
        job.cycles.back() = it->second.cycles;
        ++job.proved;
        job.cycles_proved += it->second.cycles;
        ++resumed_total_;
      }
      q.segments.push_back(slot);
      return;
    }
    case ExecEvent::Kind::done:
      break;
  }
  job.times[Phase::execute] += e.seconds;
  totals_[Phase::execute] += e.seconds;
  ctx_.metrics.add_phase_seconds([&] {
    PhaseSeconds t;
    t[Phase::execute] = e.seconds;
    return t;
  }());
  job.run = std::move(e.result);
  if (!q.active) return;  // cancelled while it ran
  if (!job.run.succeeded()) {
    const std::string why =
        job.run.status == vm::RunStatus::halted
            ? fmt::format("the guest exited with code {}", static_cast<int32_t>(job.run.exit_code))
        : job.run.status == vm::RunStatus::trapped
            ? "the guest trapped: " + vm::describe(job.run.trap)
            : std::string("the guest hit the cycle limit");
    fail_input(e.job, why + " (only a run that exits with 0 is proved)");
    return;
  }
  if (job.checkpoints.size() < job.run.segments) {
    fail_input(e.job, "execution produced fewer parts than segments", Metrics::Failure::prove);
    return;
  }
  if (!ctx_.config.previous_proof.empty()) {
    const std::string link = check_link(*previous_output_, job.run.public_output);
    previous_output_ = job.run.public_output;
    if (!link.empty()) {
      fail_input(e.job, "--previous-proof chain: " + link);
      return;
    }
  }
  q.execution_done = true;
  for (auto it = job.resumed.begin(); it != job.resumed.end();) {
    it = it->first >= q.segments.size() ? job.resumed.erase(it) : std::next(it);
  }
  log::info("input executed", {{"input", job.input->name},
                               {"segments", static_cast<uint64_t>(q.segments.size())},
                               {"segments_resumed", static_cast<uint64_t>(job.resumed.size())},
                               {"cycles", job.run.cycles},
                               {"execute_s", secs(e.seconds)}});
  ctx_.ledger.set_progress(job.input->name, job.proved, q.segments.size(), job.cycles_proved);
  if (job.resumed.size() == q.segments.size()) {
    // Every segment came from an earlier run: their seed must be the one their commitments give.
    job.commitments.clear();
    for (const auto& [segment, record] : job.resumed)
      job.commitments.push_back(record.commitment);
    job.seed = ctx_.prover.global_seed(job.commitments);
    for (const auto& [segment, record] : job.resumed) {
      if (record.seed != job.seed) return reset_job(e.job, "stored segments disagree on the seed");
    }
    on_gather_complete(state_, e.job);
  }
}

void Coordinator::on_message(const Message& msg) {
  const int rank = msg.source;
  if (rank < 0 || rank >= ctx_.comm.size()) return;
  switch (msg.tag) {
    case Tag::failure: {
      const Failure f = decode_failure(msg.bytes);
      failure_ = RankFailure{rank, f.exit_code, f.message};
      return;
    }
    case Tag::phase1_done: {
      const Phase1Done m = decode_phase1_done(msg.bytes);
      on_phase1_done(state_, m.job, m.segment, rank);
      jobs_.at(m.job).cycles.at(m.segment) = m.cycles;
      jobs_[m.job].times += m.times;
      totals_ += m.times;
      ctx_.metrics.add_phase_seconds(m.times);
      memory_[static_cast<size_t>(rank)] = m.memory_bytes;
      return;
    }
    case Tag::phase2_done: {
      Phase2Done m = decode_phase2_done(msg.bytes);
      on_phase2_done(state_, m.job, m.segment, rank);
      Job& job = jobs_.at(m.job);
      job.times += m.times;
      totals_ += m.times;
      ctx_.metrics.add_phase_seconds(m.times);
      memory_[static_cast<size_t>(rank)] = m.memory_bytes;
      if (!state_.jobs[m.job].active) return;  // failed or cancelled meanwhile
      const uint64_t cycles = job.cycles.at(m.segment);
      const auto t0 = Clock::now();
      store_.put(job.key, SegmentRecord{m.segment, job.commitments.at(m.segment), job.seed, cycles,
                                        std::move(m.proof)});
      job.times[Phase::write] += since(t0);
      totals_[Phase::write] += since(t0);
      job.checkpoints[m.segment].clear();
      job.checkpoints[m.segment].shrink_to_fit();
      ++job.proved;
      job.cycles_proved += cycles;
      ctx_.metrics.add_segments_proved(1);
      ctx_.metrics.add_cycles_proved(cycles);
      const JobQueue& q = state_.jobs[m.job];
      ProgressCounters c;
      c.segments_known = q.segments.size();
      c.segments_proved = job.proved;
      c.all_known = q.execution_done;
      const double elapsed = since(start_);
      log::info("segment proved", {{"input", job.input->name},
                                   {"segment", m.segment},
                                   {"rank", rank},
                                   {"segments_proved", proved_fraction(c)},
                                   {"cycles", job.cycles_proved},
                                   {"elapsed_s", secs(elapsed)},
                                   {"eta_s", eta_seconds(counters(), elapsed)}});
      // At most once a second per input: the ledger is for operators, not a log.
      if (Clock::now() - job.ledger_written >= std::chrono::seconds(1)) {
        job.ledger_written = Clock::now();
        ctx_.ledger.set_progress(job.input->name, job.proved, q.segments.size(), job.cycles_proved);
      }
      return;
    }
    default:
      failure_ = RankFailure{rank, kExitFailed,
                             fmt::format("unexpected message tag {}", static_cast<int>(msg.tag))};
  }
}

void Coordinator::dispatch(const Action& a) {
  Job& job = jobs_[a.job];
  switch (a.kind) {
    case Action::Kind::start_gather:
      start_gather(a.job);
      return;
    case Action::Kind::phase1:
      send(a.rank, Tag::phase1_task,
           encode(Phase1Task{a.job, a.segment, job.checkpoints[a.segment]}));
      return;
    case Action::Kind::phase2:
      send(a.rank, Tag::phase2_task,
           encode(Phase2Task{a.job, a.segment, job.seed, job.commitments.at(a.segment),
                             job.checkpoints[a.segment]}));
      return;
  }
}

// One gather per proof (DESIGN.md §3): every rank contributes the commitments it computed;
// rank 0 adds its own worker's and those of segments resumed from an earlier run.
void Coordinator::start_gather(uint32_t j) {
  const JobQueue& q = state_.jobs[j];
  std::vector<uint32_t> counts(static_cast<size_t>(ctx_.comm.size()), 0);
  for (const SegmentSlot& s : q.segments) {
    if (s.stage == SegmentStage::committed) ++counts.at(static_cast<size_t>(s.owner));
  }
  std::vector<SegmentCommitment> mine = own_book_->take(j);
  if (mine.size() != counts[0]) {
    failure_ = RankFailure{0, kExitFailed, "rank 0's worker lost commitments"};
    return;
  }
  for (const auto& [segment, record] : jobs_[j].resumed)
    mine.push_back(SegmentCommitment{segment, record.commitment});
  counts[0] = static_cast<uint32_t>(mine.size());
  for (int r = 1; r < ctx_.comm.size(); ++r)
    ctx_.comm.send(r, Tag::gather, encode(GatherTask{j, counts}));
  jobs_[j].gather = allgather_phase1_commitments(ctx_.comm, mine, counts);
}

void Coordinator::poll_gathers() {
  for (uint32_t j = 0; j < jobs_.size(); ++j) {
    Job& job = jobs_[j];
    JobQueue& q = state_.jobs[j];
    if (!job.gather || q.seed_known || !job.gather->test()) continue;
    job.commitments = merge_commitments(job.gather->parts(), q.segments.size());
    job.seed = ctx_.prover.global_seed(job.commitments);
    job.gather.reset();
    if (!q.active) continue;
    for (const auto& [segment, record] : job.resumed) {
      if (record.seed != job.seed) return reset_job(j, "a stored segment used another seed");
    }
    on_gather_complete(state_, j);
    log::debug("commitments gathered", {{"input", job.input->name}});
  }
}

void Coordinator::finalize(uint32_t j) {
  Job& job = jobs_[j];
  JobQueue& q = state_.jobs[j];
  q.active = false;
  const auto t0 = Clock::now();
  try {
    if (auto entry = ctx_.ledger.find(job.input->name);
        entry && entry->state == InputState::cancelled) {
      job.cancelled = true;
      log::warn("input cancelled", {{"input", job.input->name}});
      return;
    }
    std::map<uint32_t, SegmentRecord> records = store_.load(job.key);
    std::vector<std::vector<uint8_t>> proofs;
    for (uint32_t s = 0; s < q.segments.size(); ++s) {
      auto it = records.find(s);
      if (it == records.end() || it->second.seed != job.seed) {
        return reset_job(j, "a stored segment proof disappeared or changed");
      }
      proofs.push_back(std::move(it->second.proof));
    }
    std::vector<uint8_t> proof = ctx_.prover.assemble(proofs);
    const VerifyOutcome outcome = ctx_.prover.verify(proof);
    if (!outcome.ok) {
      store_.remove(job.key);
      return fail_input(j, "the assembled proof does not verify: " + outcome.error,
                        Metrics::Failure::verify);
    }
    ProofSummary summary;
    summary.input = job.input->path;
    summary.input_hash = job.input->input_hash;
    summary.elf = ctx_.config.elf;
    summary.key_digest = digest_hex(ctx_.prover.key_digest());
    summary.params = ctx_.prover.params_name();
    summary.segment_log2 = ctx_.prover.segment_log2();
    summary.segments = q.segments.size();
    summary.segments_resumed = job.resumed.size();
    summary.cycles = job.run.cycles;
    summary.public_output = outcome.public_output;
    summary.proof_bytes = proof.size();
    summary.proof_keccak = keccak_hex(proof);
    if (!ctx_.config.previous_proof.empty()) {
      // The first input links to --previous-proof, each later one to the input before it.
      if (j == 0) {
        summary.previous_proof = ctx_.config.previous_proof;
        summary.previous_proof_keccak = ctx_.previous_proof_keccak;
      } else {
        summary.previous_proof = proof_path(ctx_.config.out_dir, jobs_[j - 1].input->name);
      }
    }
    summary.ranks = ctx_.comm.size();
    summary.elapsed_s = secs(since(job.started));
    job.times[Phase::write] += since(t0);
    summary.phase_seconds = job.times;
    write_proof_files(ctx_.config.out_dir, job.input->name, proof, summary);
    const double write_s = since(t0);
    totals_[Phase::write] += write_s;
    PhaseSeconds w;
    w[Phase::write] = write_s;
    ctx_.metrics.add_phase_seconds(w);
    ctx_.ledger.set_progress(job.input->name, job.proved, q.segments.size(), job.cycles_proved);
    ctx_.ledger.set_state(job.input->name, InputState::proved);
    store_.remove(job.key);  // the proof file now stands for them
    job.written = true;
    log::info("proof written",
              {{"input", job.input->name},
               {"proof", proof_path(ctx_.config.out_dir, job.input->name).string()},
               {"segments", static_cast<uint64_t>(q.segments.size())},
               {"cycles", job.run.cycles},
               {"proof_bytes", static_cast<uint64_t>(proof.size())},
               {"elapsed_s", summary.elapsed_s}});
  } catch (const std::exception& e) {
    fail_input(j, std::string("cannot finish the proof: ") + e.what(), Metrics::Failure::prove);
  }
}

void Coordinator::fail_input(uint32_t j, const std::string& error, Metrics::Failure reason) {
  Job& job = jobs_[j];
  state_.jobs[j].active = false;
  if (job.failed) return;
  job.failed = true;
  ctx_.metrics.add_failure(reason);
  log::error("input failed", {{"input", job.input->name}, {"error", error}});
  ctx_.ledger.set_state(job.input->name, InputState::failed, error);
}

void Coordinator::reset_job(uint32_t j, const char* why) {
  Job& job = jobs_[j];
  JobQueue& q = state_.jobs[j];
  log::warn("restarting an input from scratch", {{"input", job.input->name}, {"reason", why}});
  store_.remove(job.key);
  job.resumed.clear();
  job.proved = 0;
  job.cycles_proved = 0;
  job.gather.reset();
  q.active = true;
  q.gather_started = false;
  q.seed_known = false;
  for (SegmentSlot& s : q.segments) {
    // Running tasks still report back; their results are ignored by stage checks below.
    if (s.stage != SegmentStage::phase1_running && s.stage != SegmentStage::phase2_running) {
      s = SegmentSlot{};
    }
  }
}

bool Coordinator::all_done() {
  if (!executor_->finished()) return false;
  for (const JobQueue& q : state_.jobs) {
    if (q.active) return false;
  }
  return busy_ranks(state_) == 0;
}

ProgressCounters Coordinator::counters() const {
  ProgressCounters c;
  c.all_known = true;
  for (size_t j = 0; j < jobs_.size(); ++j) {
    const JobQueue& q = state_.jobs[j];
    if (jobs_[j].failed || jobs_[j].cancelled) continue;
    c.segments_known += q.segments.size();
    c.segments_proved += jobs_[j].proved;
    c.cycles_proved += jobs_[j].cycles_proved;
    c.all_known = c.all_known && (q.execution_done || !q.active);
  }
  c.segments_resumed = resumed_total_;
  return c;
}

void Coordinator::tick(bool force) {
  const auto now = Clock::now();
  ctx_.metrics.set_active_ranks(busy_ranks(state_));
  ctx_.metrics.set_queue_backlog(backlog(state_));
  for (size_t r = 0; r < memory_.size(); ++r) {
    if (memory_[r] != 0)
      ctx_.metrics.set_device_memory_bytes(static_cast<int>(r), "cpu", memory_[r]);
  }

  // The ledger is re-read every second: an operator's `queue cancel` takes effect mid-batch.
  if (!force &&
      now - last_ledger_check_ >= std::chrono::duration<double>(ctx_.config.ledger_poll_s)) {
    last_ledger_check_ = now;
    for (uint32_t j = 0; j < jobs_.size(); ++j) {
      if (!state_.jobs[j].active && state_.jobs[j].execution_done) continue;
      if (jobs_[j].failed || jobs_[j].written || jobs_[j].cancelled) continue;
      auto entry = ctx_.ledger.find(jobs_[j].input->name);
      if (entry && entry->state == InputState::cancelled) {
        jobs_[j].cancelled = true;
        state_.jobs[j].active = false;
        executor_->cancel(j);
        log::warn("input cancelled", {{"input", jobs_[j].input->name}});
      }
    }
  }

  const double interval = ctx_.config.progress_interval_s;
  if (!force && (interval <= 0 || now - last_progress_ < std::chrono::duration<double>(interval))) {
    return;
  }
  last_progress_ = now;
  size_t done = 0;
  for (const Job& job : jobs_)
    done += job.written || job.failed || job.cancelled;
  const ProgressCounters c = counters();
  const double elapsed = since(start_);
  log::info("proving", {{"inputs", fmt::format("{}/{}", done, jobs_.size())},
                        {"segments_proved", proved_fraction(c)},
                        {"cycles", c.cycles_proved},
                        {"elapsed_s", secs(elapsed)},
                        {"eta_s", eta_seconds(c, elapsed)},
                        {"active_ranks", static_cast<uint64_t>(busy_ranks(state_))},
                        {"backlog", static_cast<uint64_t>(backlog(state_))}});
}

void Coordinator::log_summary() {
  size_t proved = 0, failed = ctx_.failed_before, cancelled = 0;
  for (const Job& job : jobs_) {
    proved += job.written;
    failed += job.failed;
    cancelled += job.cancelled;
  }
  const ProgressCounters c = counters();
  log::info("batch finished", {{"inputs_proved", static_cast<uint64_t>(proved)},
                               {"inputs_failed", static_cast<uint64_t>(failed)},
                               {"inputs_cancelled", static_cast<uint64_t>(cancelled)},
                               {"segments_proved", c.segments_proved},
                               {"segments_resumed", c.segments_resumed},
                               {"cycles", c.cycles_proved},
                               {"ranks", ctx_.comm.size()},
                               {"elapsed_s", secs(since(start_))},
                               {"execute_s", secs(totals_[Phase::execute])},
                               {"trace_s", secs(totals_[Phase::trace])},
                               {"commit_s", secs(totals_[Phase::commit])},
                               {"quotient_s", secs(totals_[Phase::quotient])},
                               {"fri_s", secs(totals_[Phase::fri])},
                               {"write_s", secs(totals_[Phase::write])}});
}

}  // namespace

int run_coordinator(CoordinatorContext& ctx) {
  return Coordinator(ctx).run();
}

}  // namespace zkbatch::runner::detail
