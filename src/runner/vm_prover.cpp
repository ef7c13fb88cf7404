// SPDX-License-Identifier: Apache-2.0
#include "runner/vm_prover.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "stark/proof_io.hpp"
#include "stark/prover.hpp"
#include "vm/checkpoint.hpp"
#include "vm/chips/segment_values.hpp"
#include "vm/elf.hpp"
#include "vm/elf_writer.hpp"
#include "vm/emulator.hpp"
#include "vm/proof/proof.hpp"

namespace zkbatch::runner {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Part and part-proof encodings (little-endian). Every part starts with the magic and a kind
// byte; segment-part proofs are the kind byte and a STARK proof, the memory part's proof also
// carries the statement, because the assembled file needs the public output.
constexpr uint8_t kPartMagic[8] = {'Z', 'K', 'B', 'V', 'P', 'R', 'T', '1'};
constexpr uint8_t kSegmentKind = 0;
constexpr uint8_t kMemoryKind = 1;

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void put_u64(std::vector<uint8_t>& out, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void put_bytes(std::vector<uint8_t>& out, std::span<const uint8_t> bytes) {
  put_u64(out, bytes.size());
  out.insert(out.end(), bytes.begin(), bytes.end());
}

// Reads what the writers above wrote; throws std::invalid_argument on anything else.
class Reader {
 public:
  explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes) {}
  uint8_t u8() { return take(1)[0]; }
  uint32_t u32() {
    const std::span<const uint8_t> b = take(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= uint32_t{b[static_cast<size_t>(i)]} << (8 * i);
    return v;
  }
  uint64_t u64() {
    const std::span<const uint8_t> b = take(8);
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= uint64_t{b[static_cast<size_t>(i)]} << (8 * i);
    return v;
  }
  std::span<const uint8_t> bytes() { return take(count(1)); }
  // A count of items of at least `item_bytes` each that the remaining bytes can hold.
  uint64_t count(uint64_t item_bytes) {
    const uint64_t n = u64();
    if (n > remaining() / item_bytes) bad("a count larger than the bytes that follow");
    return n;
  }
  std::span<const uint8_t> rest() { return take(remaining()); }
  size_t remaining() const { return bytes_.size() - pos_; }
  void end() const {
    if (pos_ != bytes_.size()) bad("trailing bytes");
  }
  [[noreturn]] static void bad(const std::string& what) {
    throw std::invalid_argument("malformed proof part: " + what);
  }

 private:
  std::span<const uint8_t> take(size_t n) {
    if (n > remaining()) bad("truncated");
    const std::span<const uint8_t> s = bytes_.subspan(pos_, n);
    pos_ += n;
    return s;
  }
  std::span<const uint8_t> bytes_;
  size_t pos_ = 0;
};

void put_statement(std::vector<uint8_t>& out, const vm::proof::RunStatement& s) {
  put_u32(out, s.segment_log2);
  put_u64(out, s.cycles);
  put_bytes(out, s.public_output);
}

vm::proof::RunStatement read_statement(Reader& r) {
  const uint32_t log2 = r.u32();
  const uint64_t cycles = r.u64();
  const std::span<const uint8_t> out = r.bytes();
  return vm::proof::RunStatement::make(log2, cycles, {out.begin(), out.end()});
}

std::vector<uint8_t> part_header(uint8_t kind) {
  std::vector<uint8_t> out(std::begin(kPartMagic), std::end(kPartMagic));
  out.push_back(kind);
  return out;
}

uint8_t read_header(Reader& r) {
  for (uint8_t m : kPartMagic) {
    if (r.u8() != m) Reader::bad("not a zkVM proof part");
  }
  const uint8_t kind = r.u8();
  if (kind != kSegmentKind && kind != kMemoryKind) Reader::bad("unknown part kind");
  return kind;
}

std::vector<vm::proof::SegmentSummary> read_summaries(Reader& r) {
  const uint64_t n = r.count(20);
  std::vector<vm::proof::SegmentSummary> summaries(n);
  for (vm::proof::SegmentSummary& s : summaries) {
    s.index = r.u32();
    s.end_timestamp = r.u64();
    s.final_memory.resize(r.count(16));
    for (vm::WordState& w : s.final_memory) {
      w.address = r.u32();
      w.value = r.u32();
      w.timestamp = r.u64();
    }
  }
  return summaries;
}

stark::Proof read_stark_proof(std::span<const uint8_t> bytes) {
  stark::Proof proof;
  if (stark::deserialize_proof(bytes, &proof) != stark::DecodeError::ok) {
    Reader::bad("not a STARK proof");
  }
  return proof;
}

// What phase two needs of phase one: the STARK prover's state and the timings it fills.
struct VmPhase1State final : Phase1State {
  uint8_t kind = kSegmentKind;
  vm::proof::RunStatement statement;  // memory part only
  std::unique_ptr<stark::ProverTimings> timings;
  stark::ProverPhase1 phase1;
};

hash::Digest seed_of(std::span<const hash::Digest> parts) {
  // The memory proof is the last part; run_global_seed wants its commitment first.
  if (parts.empty()) return vm::proof::run_global_seed(hash::Digest{}, {});
  return vm::proof::run_global_seed(parts.back(), parts.first(parts.size() - 1));
}

class VmSegmentProver final : public SegmentProver {
 public:
  VmSegmentProver(std::shared_ptr<const vm::proof::VmKey> key,
                  std::shared_ptr<const vm::Program> program,
                  uint32_t segment_log2)
      : key_(std::move(key)), program_(std::move(program)), segment_log2_(segment_log2) {}

  Phase1Result phase1(std::span<const uint8_t> part, PhaseSeconds& times) override {
    Reader r(part);
    auto state = std::make_unique<VmPhase1State>();
    state->kind = read_header(r);
    vm::proof::RunStatement statement = read_statement(r);
    if (statement.segment_log2 != segment_log2_) Reader::bad("another segment size");
    Phase1Result result;
    stark::Witness witness;
    const stark::ProvingKey* pk = nullptr;
    auto t0 = Clock::now();
    if (state->kind == kSegmentKind) {
      vm::Checkpoint checkpoint;
      if (vm::deserialize_checkpoint(r.rest(), checkpoint) != vm::CheckpointErrc::ok ||
          checkpoint.segment_log2 != segment_log2_ || checkpoint.cycle >= statement.cycles) {
        Reader::bad("not a checkpoint of this run");
      }
      vm::proof::SegmentSummary summary;
      witness = vm::proof::segment_witness_from(*key_, *program_, checkpoint, statement, &summary);
      result.cycles = std::min(checkpoint.max_cycles(), statement.cycles - checkpoint.cycle);
      pk = &key_->segment;
    } else {
      const std::vector<vm::proof::SegmentSummary> summaries = read_summaries(r);
      r.end();
      witness = vm::proof::memory_witness(*key_, summaries, statement);
      state->statement = std::move(statement);
      pk = &key_->memory;
    }
    times[Phase::trace] += seconds_since(t0);
    t0 = Clock::now();
    state->timings = std::make_unique<stark::ProverTimings>();
    stark::ProveOptions options;
    options.timings = state->timings.get();
    try {
      state->phase1 = stark::prove_phase1(*pk, std::move(witness.traces),
                                          std::move(witness.public_values), options);
    } catch (const stark::ProveError& e) {
      throw std::runtime_error(e.what());
    }
    times[Phase::commit] += seconds_since(t0);
    result.commitment = state->phase1.commitment();
    result.state = std::move(state);
    return result;
  }

  std::vector<uint8_t> phase2(Phase1State& base,
                              const hash::Digest& global_seed,
                              PhaseSeconds& times) override {
    auto& state = static_cast<VmPhase1State&>(base);
    const auto t0 = Clock::now();
    const stark::Proof proof = stark::prove_phase2(std::move(state.phase1), global_seed);
    const double total = seconds_since(t0);
    const stark::ProverTimings& t = *state.timings;
    const double fri = std::min(total, t.fri + t.query_openings);
    times[Phase::fri] += fri;
    times[Phase::quotient] += total - fri;
    std::vector<uint8_t> out{state.kind};
    if (state.kind == kMemoryKind) put_statement(out, state.statement);
    const std::vector<uint8_t> stark_bytes = stark::serialize_proof(proof);
    out.insert(out.end(), stark_bytes.begin(), stark_bytes.end());
    return out;
  }

  hash::Digest global_seed(std::span<const hash::Digest> parts) const override {
    return seed_of(parts);
  }

 private:
  std::shared_ptr<const vm::proof::VmKey> key_;
  std::shared_ptr<const vm::Program> program_;
  uint32_t segment_log2_;
};

class VmProgramProver final : public ProgramProver {
 public:
  VmProgramProver(std::span<const uint8_t> elf, const VmProverOptions& options)
      : segment_log2_(options.segment_log2) {
    const auto params = vm::proof::params_by_name(options.params);
    if (!params) {
      throw std::invalid_argument(
          fmt::format("unknown parameter preset '{}' (default_100 or secure_128)", options.params));
    }
    if (options.segment_log2 < 1 || options.segment_log2 > vm::chips::kMaxSegmentLog2) {
      throw std::invalid_argument(
          fmt::format("segments of 2^{} cycles: the machine proves 2^1 to "
                      "2^{}",
                      options.segment_log2, vm::chips::kMaxSegmentLog2));
    }
    vm::ElfImage image;
    const vm::ElfError error = vm::parse_elf(elf, "program", image);
    if (!error.ok()) throw std::invalid_argument(error.message);
    program_ = std::make_shared<const vm::Program>(std::move(image));
    elf_ = vm::write_elf(program_->image());
    try {
      key_ = vm::proof::make_key(*program_, *params);
    } catch (const std::exception& e) {
      throw std::invalid_argument(std::string("the program cannot be proven: ") + e.what());
    }
  }

  hash::Digest key_digest() const override { return key_->digest; }
  std::string params_name() const override { return key_->params().name; }
  uint32_t segment_log2() const override { return segment_log2_; }

  vm::RunResult execute(std::span<const uint8_t> input, const PartSink& sink) override {
    vm::RunOptions options;
    options.segment_log2 = segment_log2_;
    std::vector<vm::Checkpoint> checkpoints;
    const vm::Emulator emulator(*program_);
    vm::RunResult result = emulator.execute_segments(
        input, options, [&](vm::Checkpoint&& c) { checkpoints.push_back(std::move(c)); });
    // Only a run that exits with 0 is proved: the runner reports the others from the result.
    if (result.status != vm::RunStatus::halted || result.exit_code != 0) return result;
    const vm::proof::RunStatement statement =
        vm::proof::RunStatement::make(segment_log2_, result.cycles, result.public_output);
    // Each segment is handed out first, then traced here for the memory proof's summary, so
    // the ranks start proving while rank 0 collects the summaries.
    std::vector<vm::proof::SegmentSummary> summaries;
    summaries.reserve(checkpoints.size());
    for (vm::Checkpoint& c : checkpoints) {
      sink(encode_segment_part(statement, c));
      summaries.push_back(vm::proof::summarize(emulator.trace_segment(c)));
      c = vm::Checkpoint{};
    }
    sink(encode_memory_part(statement, summaries));
    return result;
  }

  std::unique_ptr<SegmentProver> segment_prover() override {
    return std::make_unique<VmSegmentProver>(key_, program_, segment_log2_);
  }

  std::vector<uint8_t> assemble(const std::vector<std::vector<uint8_t>>& parts) override {
    if (parts.size() < 2) Reader::bad("a run has at least one segment and the memory proof");
    std::vector<stark::Proof> segments;
    segments.reserve(parts.size() - 1);
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      if (parts[i].empty() || parts[i][0] != kSegmentKind) Reader::bad("segment proof expected");
      segments.push_back(read_stark_proof(std::span(parts[i]).subspan(1)));
    }
    Reader r(parts.back());
    if (r.u8() != kMemoryKind) Reader::bad("memory proof expected last");
    const vm::proof::RunStatement statement = read_statement(r);
    stark::Proof memory = read_stark_proof(r.rest());
    const vm::proof::ProgramProof proof =
        vm::proof::assemble(*key_, *program_, statement, std::move(memory), std::move(segments));
    return vm::proof::serialize_program_proof(proof);
  }

  VerifyOutcome verify(std::span<const uint8_t> file) override {
    VerifyOutcome outcome;
    vm::proof::ProgramProof proof;
    const vm::proof::ProofFileError e = vm::proof::deserialize_program_proof(file, &proof);
    if (e != vm::proof::ProofFileError::ok) {
      outcome.error = vm::proof::error_message(e);
      return outcome;
    }
    if (proof.params != key_->params().name) {
      outcome.error =
          fmt::format("proved with parameters {}, not {}", proof.params, key_->params().name);
      return outcome;
    }
    if (proof.elf != elf_) {
      outcome.error = "a proof about another program";
      return outcome;
    }
    const vm::proof::ProgramVerdict verdict = vm::proof::verify_program(*key_, proof);
    if (!verdict.ok()) {
      outcome.error = verdict.message();
      return outcome;
    }
    outcome.ok = true;
    outcome.public_output = std::move(proof.public_output);
    outcome.segments = proof.segments.size();
    return outcome;
  }

  hash::Digest global_seed(std::span<const hash::Digest> parts) const override {
    return seed_of(parts);
  }

  const vm::proof::VmKey& key() const { return *key_; }
  const std::vector<uint8_t>& elf() const { return elf_; }

 private:
  uint32_t segment_log2_;
  std::shared_ptr<const vm::Program> program_;
  std::vector<uint8_t> elf_;
  std::shared_ptr<const vm::proof::VmKey> key_;
};

CircuitsTable table_of(std::string name, const poly::RowMajorMatrix& m) {
  CircuitsTable t;
  t.name = std::move(name);
  t.rows = m.height();
  t.cols = m.width();
  t.values.reserve(m.values().size());
  for (const field::Fp& v : m.values())
    t.values.push_back(v.value());
  return t;
}

void add_machine(const std::string& machine, const stark::ProvingKey& pk, CircuitsData& data) {
  for (size_t t = 0; t < pk.preprocessed_traces.size(); ++t) {
    if (pk.preprocessed_traces[t].width() == 0) continue;
    data.tables.push_back(
        table_of(machine + "/preprocessed/" + pk.vk.tables[t].name, pk.preprocessed_traces[t]));
  }
  if (pk.preprocessed) {
    for (size_t i = 0; i < pk.preprocessed->matrix_count(); ++i) {
      const size_t t = pk.vk.preprocessed_tables.at(i);
      data.tables.push_back(
          table_of(machine + "/lde/" + pk.vk.tables[t].name, pk.preprocessed->matrix(i)));
    }
  }
  CircuitsTable root;
  root.name = machine + "/preprocessed_root";
  root.rows = 1;
  root.cols = hash::kDigestElements;
  for (const field::Fp& e : pk.vk.preprocessed_root.v)
    root.values.push_back(e.value());
  data.tables.push_back(std::move(root));
}

}  // namespace

std::vector<uint8_t> encode_segment_part(const vm::proof::RunStatement& statement,
                                         const vm::Checkpoint& checkpoint) {
  std::vector<uint8_t> out = part_header(kSegmentKind);
  put_statement(out, statement);
  const std::vector<uint8_t> cp = vm::serialize_checkpoint(checkpoint);
  out.insert(out.end(), cp.begin(), cp.end());
  return out;
}

std::vector<uint8_t> encode_memory_part(const vm::proof::RunStatement& statement,
                                        std::span<const vm::proof::SegmentSummary> summaries) {
  std::vector<uint8_t> out = part_header(kMemoryKind);
  put_statement(out, statement);
  put_u64(out, summaries.size());
  for (const vm::proof::SegmentSummary& s : summaries) {
    put_u32(out, s.index);
    put_u64(out, s.end_timestamp);
    put_u64(out, s.final_memory.size());
    for (const vm::WordState& w : s.final_memory) {
      put_u32(out, w.address);
      put_u32(out, w.value);
      put_u64(out, w.timestamp);
    }
  }
  return out;
}

std::unique_ptr<ProgramProver> make_vm_prover(std::span<const uint8_t> elf,
                                              const VmProverOptions& options) {
  return std::make_unique<VmProgramProver>(elf, options);
}

CircuitsData make_vm_circuits(std::span<const uint8_t> elf, const VmProverOptions& options) {
  const VmProgramProver prover(elf, options);
  CircuitsData data;
  data.elf.assign(elf.begin(), elf.end());
  data.params = prover.params_name();
  data.segment_log2 = prover.segment_log2();
  data.key_digest = prover.key_digest();
  add_machine("segment", prover.key().segment, data);
  add_machine("memory", prover.key().memory, data);
  return data;
}

}  // namespace zkbatch::runner
