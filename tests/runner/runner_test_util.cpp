// SPDX-License-Identifier: Apache-2.0
#include "runner_test_util.hpp"

#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <thread>

#include "hash/sponge.hpp"
#include "runner/messages.hpp"
#include "stark/global.hpp"
#include "vm/vm.hpp"

namespace zkbatch::runner::test {
namespace {

using vm::Opcode;
namespace abi = vm::abi;

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

uint32_t get_u32(const std::vector<uint8_t>& b, size_t& pos) {
  if (pos + 4 > b.size()) throw std::runtime_error("truncated");
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= uint32_t{b[pos + static_cast<size_t>(i)]} << (8 * i);
  pos += 4;
  return v;
}

std::vector<uint8_t> get_bytes(const std::vector<uint8_t>& b, size_t& pos, size_t n) {
  if (pos + n > b.size()) throw std::runtime_error("truncated");
  std::vector<uint8_t> v(b.begin() + static_cast<ptrdiff_t>(pos),
                         b.begin() + static_cast<ptrdiff_t>(pos + n));
  pos += n;
  return v;
}

hash::Digest hash_of(const std::vector<uint8_t>& bytes) {
  return hash::hash_bytes(base::ByteSpan(bytes.data(), bytes.size()));
}

// The fake's phase-one state: what phase two binds to the seed.
struct FakeState final : Phase1State {
  uint32_t segment = 0;
  hash::Digest commitment{};
  bool halted = false;
  std::vector<uint8_t> public_output;
};

class FakeSegmentProver final : public SegmentProver {
 public:
  FakeSegmentProver(const vm::Program& program, hash::Digest key, FakeOptions options, int rank)
      : emulator_(program), key_(key), options_(options), rank_(rank) {}

  Phase1Result phase1(std::span<const uint8_t> part, PhaseSeconds& times) override {
    vm::Checkpoint cp;
    if (vm::deserialize_checkpoint(part, cp) != vm::CheckpointErrc::ok) {
      throw std::runtime_error("fake prover: not a checkpoint");
    }
    if (options_.phase1_calls) ++*options_.phase1_calls;
    if (options_.delay_ms)
      std::this_thread::sleep_for(std::chrono::milliseconds(options_.delay_ms));
    if ((cp.segment_index == options_.fail_segment || options_.fail_segment == kEverySegment) &&
        (options_.fail_rank < 0 || options_.fail_rank == rank_)) {
      throw std::runtime_error("fake prover: segment " + std::to_string(cp.segment_index) +
                               " fails on purpose");
    }
    const vm::SegmentTrace trace = emulator_.trace_segment(cp);
    std::vector<uint8_t> bytes;
    append_digest(bytes, key_);
    const std::vector<uint8_t> ck = vm::serialize_checkpoint(cp);
    bytes.insert(bytes.end(), ck.begin(), ck.end());
    put_u32(bytes, trace.end_pc);
    bytes.insert(bytes.end(), trace.public_output.begin(), trace.public_output.end());
    auto state = std::make_unique<FakeState>();
    state->segment = cp.segment_index;
    state->commitment = hash_of(bytes);
    state->halted = trace.end == vm::SegmentEnd::halted;
    state->public_output = trace.public_output;
    times[Phase::trace] += 0.001;
    times[Phase::commit] += 0.001;
    Phase1Result r;
    r.commitment = state->commitment;
    r.cycles = trace.end_cycle - trace.start_cycle;
    r.state = std::move(state);
    return r;
  }

  std::vector<uint8_t> phase2(Phase1State& base,
                              const hash::Digest& seed,
                              PhaseSeconds& times) override {
    if (options_.phase2_calls) ++*options_.phase2_calls;
    if (options_.delay_ms)
      std::this_thread::sleep_for(std::chrono::milliseconds(options_.delay_ms));
    auto& s = static_cast<FakeState&>(base);
    if (s.segment == options_.fail_phase2_segment &&
        (options_.fail_rank < 0 || options_.fail_rank == rank_)) {
      throw std::runtime_error("fake prover: phase two of segment " + std::to_string(s.segment) +
                               " fails on purpose");
    }
    std::vector<uint8_t> proof;
    put_u32(proof, s.segment);
    append_digest(proof, s.commitment);
    append_digest(proof, seed);
    std::vector<uint8_t> bound;
    append_digest(bound, s.commitment);
    append_digest(bound, seed);
    append_digest(proof, hash_of(bound));
    proof.push_back(s.halted ? 1 : 0);
    put_u32(proof, static_cast<uint32_t>(s.public_output.size()));
    proof.insert(proof.end(), s.public_output.begin(), s.public_output.end());
    times[Phase::quotient] += 0.001;
    times[Phase::fri] += 0.001;
    return proof;
  }

 private:
  vm::Emulator emulator_;
  hash::Digest key_;
  FakeOptions options_;
  int rank_;
};

class FakeProgramProver final : public ProgramProver {
 public:
  FakeProgramProver(std::vector<uint8_t> elf, FakeOptions options, int rank)
      : options_(options), rank_(rank) {
    vm::ElfImage image;
    const vm::ElfError error = vm::parse_elf(elf, "program", image);
    if (!error.ok()) throw std::runtime_error(error.message);
    program_ = std::make_unique<vm::Program>(std::move(image));
    std::vector<uint8_t> keyed = elf;
    put_u32(keyed, kTestSegmentLog2);
    key_ = hash_of(keyed);
  }
  hash::Digest key_digest() const override { return key_; }
  std::string params_name() const override { return "fake"; }
  uint32_t segment_log2() const override { return kTestSegmentLog2; }
  vm::RunResult execute(std::span<const uint8_t> input, const PartSink& sink) override {
    vm::RunOptions o;
    o.segment_log2 = kTestSegmentLog2;
    o.max_cycles = 1 << 20;
    return vm::Emulator(*program_).execute_segments(
        input, o, [&](vm::Checkpoint&& cp) { sink(vm::serialize_checkpoint(cp)); });
  }
  std::unique_ptr<SegmentProver> segment_prover() override {
    return std::make_unique<FakeSegmentProver>(*program_, key_, options_, rank_);
  }
  std::vector<uint8_t> assemble(const std::vector<std::vector<uint8_t>>& proofs) override {
    std::vector<uint8_t> out = {'F', 'A', 'K', 'E', 'P', 'R', 'F', '1'};
    put_u32(out, static_cast<uint32_t>(proofs.size()));
    for (const auto& p : proofs) {
      put_u32(out, static_cast<uint32_t>(p.size()));
      out.insert(out.end(), p.begin(), p.end());
    }
    return out;
  }
  VerifyOutcome verify(std::span<const uint8_t> file) override {
    VerifyOutcome v;
    try {
      const std::vector<uint8_t> b(file.begin(), file.end());
      size_t pos = 0;
      if (get_bytes(b, pos, 8) != std::vector<uint8_t>{'F', 'A', 'K', 'E', 'P', 'R', 'F', '1'}) {
        throw std::runtime_error("bad magic");
      }
      const uint32_t n = get_u32(b, pos);
      if (n == 0 || n > 1000000) throw std::runtime_error("bad segment count");
      std::vector<hash::Digest> commitments, seeds, tags;
      bool halted = false;
      for (uint32_t i = 0; i < n; ++i) {
        const uint32_t len = get_u32(b, pos);
        const std::vector<uint8_t> p = get_bytes(b, pos, len);
        size_t q = 0;
        if (get_u32(p, q) != i) throw std::runtime_error("segments out of order");
        commitments.push_back(read_digest(get_bytes(p, q, 32)));
        seeds.push_back(read_digest(get_bytes(p, q, 32)));
        tags.push_back(read_digest(get_bytes(p, q, 32)));
        halted = get_bytes(p, q, 1)[0] == 1;
        const uint32_t out_len = get_u32(p, q);
        const std::vector<uint8_t> out = get_bytes(p, q, out_len);
        v.public_output.insert(v.public_output.end(), out.begin(), out.end());
        if (q != p.size()) throw std::runtime_error("trailing bytes in a segment");
        if (halted != (i + 1 == n)) throw std::runtime_error("halt in the wrong segment");
      }
      if (pos != b.size()) throw std::runtime_error("trailing bytes");
      const hash::Digest seed = stark::derive_global_seed(commitments);
      for (uint32_t i = 0; i < n; ++i) {
        std::vector<uint8_t> bound;
        append_digest(bound, commitments[i]);
        append_digest(bound, seed);
        if (seeds[i] != seed || tags[i] != hash_of(bound)) {
          throw std::runtime_error("segment " + std::to_string(i) + " is not bound to the seed");
        }
      }
      v.segments = n;
      v.ok = true;
    } catch (const std::exception& e) {
      v.ok = false;
      v.error = e.what();
      v.public_output.clear();
    }
    return v;
  }

 private:
  FakeOptions options_;
  int rank_;
  std::unique_ptr<vm::Program> program_;
  hash::Digest key_{};
};

}  // namespace

std::vector<uint8_t> linking_program_elf() {
  constexpr uint32_t kData = vm::kDefaultDataBase;
  vm::Assembler a;
  // read(0, data, 69)
  a.li(abi::a0, 0);
  a.li(abi::a1, kData);
  a.li(abi::a2, 69);
  a.syscall(vm::kSyscallRead);
  // write(3, data, 64): the public output
  a.li(abi::a0, 3);
  a.li(abi::a1, kData);
  a.li(abi::a2, 64);
  a.syscall(vm::kSyscallWrite);
  // t0 = loop count, t2 accumulates
  a.li(abi::t1, kData);
  a.load(Opcode::lw, abi::t0, abi::t1, 64);
  vm::Assembler::Label loop = a.new_label();
  vm::Assembler::Label done = a.new_label();
  a.bind(loop);
  a.branch(Opcode::beq, abi::t0, abi::zero, done);
  a.i(Opcode::addi, abi::t0, abi::t0, -1);
  a.r(Opcode::add, abi::t2, abi::t2, abi::t0);
  a.jal(abi::zero, loop);
  a.bind(done);
  // exit(data[68])
  a.load(Opcode::lbu, abi::a0, abi::t1, 68);
  a.syscall(vm::kSyscallExit);
  return vm::write_elf(vm::image_from_code(a.finish(), vm::kDefaultCodeBase, {}, 128));
}

std::vector<uint8_t> program_input(uint8_t prev_link,
                                   uint8_t own_link,
                                   uint32_t loops,
                                   uint8_t exit_code) {
  std::vector<uint8_t> in(69, 0);
  for (size_t i = 0; i < 32; ++i) {
    in[i] = prev_link;
    in[32 + i] = own_link;
  }
  for (size_t i = 0; i < 4; ++i)
    in[64 + i] = static_cast<uint8_t>(loops >> (8 * i));
  in[68] = exit_code;
  return in;
}

std::unique_ptr<ProgramProver> make_fake_prover(const ProverSpec& spec,
                                                const FakeOptions& options,
                                                int rank) {
  return std::make_unique<FakeProgramProver>(spec.elf, options, rank);
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("zkb-runner-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
           std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::vector<uint8_t>& bytes) const {
  const std::filesystem::path p = path_ / name;
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

std::vector<int> run_local_job(int ranks, const ProveConfig& config, const FakeOptions& options) {
  auto group = make_local_group(ranks);
  std::vector<int> codes(static_cast<size_t>(ranks), -1);
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r) {
    threads.emplace_back([&, r] {
      codes[static_cast<size_t>(r)] =
          run_prove(*group[static_cast<size_t>(r)], config,
                    [&](const ProverSpec& spec) { return make_fake_prover(spec, options, r); });
    });
  }
  for (std::thread& t : threads)
    t.join();
  return codes;
}

std::vector<uint8_t> slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
}

}  // namespace zkbatch::runner::test
