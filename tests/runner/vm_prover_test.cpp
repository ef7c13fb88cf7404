// SPDX-License-Identifier: Apache-2.0
// The zkVM prover behind the runner's seam (src/runner/vm_prover.cpp): a job on 1 and 3
// in-process ranks writes exactly the bytes of vm::proof::prove_program, the seed puts the
// memory proof first, malformed parts and part proofs are rejected, and verify rejects tampered
// files and proofs of another program.
#include <gtest/gtest.h>

#include <thread>

#include "runner/communicator.hpp"
#include "runner/proof_files.hpp"
#include "runner/prove_job.hpp"
#include "runner/vm_prover.hpp"
#include "runner_test_util.hpp"
#include "stark/params.hpp"
#include "vm/proof/proof.hpp"
#include "vm/vm.hpp"

namespace zkbatch::runner {
namespace {

constexpr uint32_t kLog2 = 6;

// The insecure test preset keeps the proofs fast (also under the sanitizers); the adapter is
// the same for every preset.
VmProverOptions options() {
  stark::allow_test_params(true);
  VmProverOptions o;
  o.segment_log2 = kLog2;
  o.params = "test";
  return o;
}

// The reference: the single-process prover on the same program and input.
std::vector<uint8_t> reference_proof(const std::vector<uint8_t>& elf,
                                     const std::vector<uint8_t>& input) {
  vm::ElfImage image;
  EXPECT_TRUE(vm::parse_elf(elf, "program", image).ok());
  const vm::Program program(std::move(image));
  const auto key = vm::proof::make_key(program, *vm::proof::params_by_name(options().params));
  return vm::proof::serialize_program_proof(vm::proof::prove_program(*key, program, input, kLog2));
}

std::vector<int> run_vm_job(int ranks, const ProveConfig& config) {
  auto group = make_local_group(ranks);
  std::vector<int> codes(static_cast<size_t>(ranks), -1);
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r) {
    threads.emplace_back([&, r] {
      codes[static_cast<size_t>(r)] =
          run_prove(*group[static_cast<size_t>(r)], config,
                    [](const ProverSpec& spec) { return make_vm_prover(spec.elf, options()); });
    });
  }
  for (std::thread& t : threads)
    t.join();
  return codes;
}

TEST(VmProver, JobWritesTheSingleProcessProof) {
  test::TempDir dir;
  const std::vector<uint8_t> elf = test::linking_program_elf();
  const std::vector<uint8_t> in0 = test::program_input(1, 2, 60);
  const std::vector<uint8_t> in1 = test::program_input(2, 3, 10);
  ProveConfig config;
  config.elf = dir.write("guest.elf", elf);
  config.inputs = {dir.write("in0.bin", in0), dir.write("in1.bin", in1)};
  config.progress_interval_s = 0;
  const std::vector<uint8_t> ref0 = reference_proof(elf, in0);
  const std::vector<uint8_t> ref1 = reference_proof(elf, in1);
  for (int ranks : {1, 3}) {
    config.out_dir = (dir.path() / ("out" + std::to_string(ranks))).string();
    EXPECT_EQ(run_vm_job(ranks, config), std::vector<int>(static_cast<size_t>(ranks), 0));
    EXPECT_EQ(test::slurp(proof_path(config.out_dir, "in0")), ref0) << ranks << " ranks";
    EXPECT_EQ(test::slurp(proof_path(config.out_dir, "in1")), ref1) << ranks << " ranks";
  }
}

TEST(VmProver, PartsProveAndAssembleInAnyPlace) {
  const std::vector<uint8_t> elf = test::linking_program_elf();
  const std::vector<uint8_t> input = test::program_input(4, 5, 20);
  auto prover = make_vm_prover(elf, options());
  std::vector<std::vector<uint8_t>> parts;
  const vm::RunResult run =
      prover->execute(input, [&](std::vector<uint8_t>&& p) { parts.push_back(std::move(p)); });
  ASSERT_EQ(run.status, vm::RunStatus::halted);
  ASSERT_GE(parts.size(), 3u);  // at least two segments and the memory part

  // Phase one on one prover, phase two on fresh ones, as ranks would.
  std::vector<std::unique_ptr<Phase1State>> states;
  std::vector<hash::Digest> commitments;
  PhaseSeconds times;
  {
    auto sp = prover->segment_prover();
    for (const auto& p : parts) {
      Phase1Result r = sp->phase1(p, times);
      commitments.push_back(r.commitment);
      states.push_back(std::move(r.state));
    }
  }
  const hash::Digest seed = prover->global_seed(commitments);
  EXPECT_EQ(seed, vm::proof::run_global_seed(commitments.back(),
                                             std::span(commitments).first(commitments.size() - 1)));
  EXPECT_EQ(seed, prover->segment_prover()->global_seed(commitments));
  std::vector<std::vector<uint8_t>> proofs;
  for (auto& s : states)
    proofs.push_back(prover->segment_prover()->phase2(*s, seed, times));
  EXPECT_GT(times[Phase::commit], 0);
  EXPECT_GT(times[Phase::fri], 0);

  const std::vector<uint8_t> file = prover->assemble(proofs);
  EXPECT_EQ(file, reference_proof(elf, input));
  const VerifyOutcome ok = prover->verify(file);
  ASSERT_TRUE(ok.ok) << ok.error;
  EXPECT_EQ(ok.public_output, std::vector<uint8_t>(input.begin(), input.begin() + 64));
  EXPECT_EQ(ok.segments, parts.size() - 1);

  // Parts out of order, a missing memory proof, a flipped byte: rejected.
  std::vector<std::vector<uint8_t>> swapped = proofs;
  std::swap(swapped.front(), swapped.back());
  EXPECT_THROW(prover->assemble(swapped), std::exception);
  EXPECT_THROW(prover->assemble({proofs.front()}), std::exception);
  std::vector<uint8_t> tampered = file;
  tampered[tampered.size() - 100] ^= 1;
  EXPECT_FALSE(prover->verify(tampered).ok);
  EXPECT_FALSE(prover->verify({}).ok);
}

TEST(VmProver, RejectsMalformedPartsAndOtherPrograms) {
  const std::vector<uint8_t> elf = test::linking_program_elf();
  auto prover = make_vm_prover(elf, options());
  auto sp = prover->segment_prover();
  PhaseSeconds times;
  const std::vector<uint8_t> junk = {'Z', 'K', 'B', 'V', 'P', 'R', 'T', '1', 0, 1, 2};
  EXPECT_THROW(sp->phase1(junk, times), std::invalid_argument);
  EXPECT_THROW(sp->phase1({}, times), std::invalid_argument);
  std::vector<std::vector<uint8_t>> parts;
  prover->execute(test::program_input(1, 2, 20),
                  [&](std::vector<uint8_t>&& p) { parts.push_back(std::move(p)); });
  ASSERT_FALSE(parts.empty());
  for (size_t cut : {size_t{9}, parts.back().size() / 2, parts.back().size() - 1}) {
    const std::vector<uint8_t> part(parts.back().begin(),
                                    parts.back().begin() + static_cast<ptrdiff_t>(cut));
    EXPECT_THROW(sp->phase1(part, times), std::invalid_argument) << cut;
  }
  // A part made for another segment size.
  auto other = make_vm_prover(elf, VmProverOptions{kLog2 + 1, "test"});
  EXPECT_THROW(other->segment_prover()->phase1(parts.front(), times), std::invalid_argument);

  // A run that exits with a nonzero code hands out no parts.
  parts.clear();
  const vm::RunResult bad = prover->execute(test::program_input(1, 2, 5, 7),
                                            [&](std::vector<uint8_t>&& p) { parts.push_back(p); });
  EXPECT_EQ(bad.exit_code, 7u);
  EXPECT_TRUE(parts.empty());

  EXPECT_THROW(make_vm_prover(elf, VmProverOptions{kLog2, "nonsense"}), std::invalid_argument);
  EXPECT_THROW(make_vm_prover(elf, VmProverOptions{40, "default_100"}), std::invalid_argument);
  const std::vector<uint8_t> not_elf = {1, 2, 3};
  EXPECT_THROW(make_vm_prover(not_elf, options()), std::invalid_argument);
}

TEST(VmProver, CircuitsDescribeTheKey) {
  const std::vector<uint8_t> elf = test::linking_program_elf();
  const CircuitsData c = make_vm_circuits(elf, options());
  auto prover = make_vm_prover(elf, options());
  EXPECT_EQ(c.key_digest, prover->key_digest());
  EXPECT_EQ(c.params, "test");
  EXPECT_EQ(make_vm_circuits(elf, VmProverOptions{kLog2, "default_100"}).params, "default_100");
  EXPECT_EQ(c.segment_log2, kLog2);
  EXPECT_EQ(c.elf, elf);
  bool program = false, lde = false, root = false;
  for (const CircuitsTable& t : c.tables) {
    EXPECT_EQ(t.values.size(), t.rows * t.cols) << t.name;
    program |= t.name == "segment/preprocessed/program";
    lde |= t.name.starts_with("segment/lde/");
    root |= t.name == "segment/preprocessed_root";
  }
  EXPECT_TRUE(program && lde && root);
  test::TempDir dir;
  const std::string path = (dir.path() / "c.h5").string();
  write_circuits(path, c);
  const CircuitsData back = read_circuits(path);
  EXPECT_EQ(back, c);
  EXPECT_NO_THROW(check_circuits_match(path, back, elf, prover->params_name(),
                                       prover->segment_log2(), prover->key_digest()));
  EXPECT_THROW(
      check_circuits_match(path, back, elf, prover->params_name(), kLog2 + 1, prover->key_digest()),
      CircuitsError);
}

}  // namespace
}  // namespace zkbatch::runner
