// SPDX-License-Identifier: Apache-2.0
// Whole jobs on 1, 2 and 3 in-process ranks (threads joined by make_local_group) with the fake
// prover of runner_test_util: the protocol, determinism, resume, the ledger, linking and errors.
// The same properties with real processes, mpirun and the zkVM prover are in mpi_cli_test.sh.
#include <gtest/gtest.h>
#include <sys/file.h>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "log/log.hpp"
#include "runner/ledger.hpp"
#include "runner/proof_files.hpp"
#include "runner/segment_store.hpp"
#include "runner_test_util.hpp"

namespace zkbatch::runner {
namespace {

using test::FakeOptions;
using test::TempDir;

class ProveJob : public ::testing::Test {
 protected:
  void SetUp() override {
    log::init(log::Format::text, log::Level::warn, 0);  // keep test output short
    elf_ = dir_.write("guest.elf", test::linking_program_elf());
  }

  ProveConfig config(const std::vector<std::string>& inputs, const std::string& out = "out") {
    ProveConfig c;
    c.elf = elf_;
    c.inputs = inputs;
    c.out_dir = (dir_.path() / out).string();
    c.progress_interval_s = 0;
    return c;
  }

  std::string input(const std::string& name,
                    uint8_t prev,
                    uint8_t own,
                    uint32_t loops,
                    uint8_t exit_code = 0) {
    return dir_.write(name, test::program_input(prev, own, loops, exit_code));
  }

  std::vector<uint8_t> proof(const std::string& out, const std::string& name) {
    return test::slurp(dir_.path() / out / (name + ".proof"));
  }

  TempDir dir_;
  std::string elf_;
};

std::vector<int> all(int n, int code) {
  return std::vector<int>(static_cast<size_t>(n), code);
}

TEST_F(ProveJob, OneRankWritesAVerifiedProofAndSummary) {
  const ProveConfig c = config({input("a.bin", 1, 2, 100)});
  EXPECT_EQ(test::run_local_job(1, c), all(1, 0));
  const std::vector<uint8_t> bytes = proof("out", "a");
  auto prover = test::make_fake_prover(ProverSpec{test::slurp(elf_), nullptr}, {}, 0);
  const VerifyOutcome v = prover->verify(bytes);
  ASSERT_TRUE(v.ok) << v.error;
  EXPECT_GT(v.segments, 4u);
  const std::vector<uint8_t> in = test::program_input(1, 2, 0);
  EXPECT_EQ(v.public_output, std::vector<uint8_t>(in.begin(), in.begin() + 64));
  const auto summary = nlohmann::json::parse(test::slurp(dir_.path() / "out" / "a.proof.json"));
  EXPECT_EQ(summary["segments"], v.segments);
  EXPECT_EQ(summary["segments_resumed"], 0);
  EXPECT_EQ(summary["proof_bytes"], bytes.size());
  EXPECT_EQ(summary["proof_keccak"], keccak_hex(bytes));
  EXPECT_EQ(summary["public_output"], to_hex(v.public_output));
  EXPECT_TRUE(summary["previous_proof"].is_null());
  Ledger ledger(c.out_dir, false);
  EXPECT_EQ(ledger.find("a")->state, InputState::proved);
  EXPECT_EQ(ledger.find("a")->segments_proved, v.segments);
  // Resume records are gone once the proof file stands for them.
  EXPECT_FALSE(std::filesystem::exists(
      dir_.path() / "out" / ".zkbatch" / "segments" /
      resume_key(prover->key_digest(), 6, keccak_hex(test::slurp(c.inputs[0])))));
}

TEST_F(ProveJob, ProofsAreByteIdenticalFor1And2And3Ranks) {
  const std::vector<std::string> inputs = {input("a.bin", 1, 2, 150), input("b.bin", 3, 4, 40),
                                           input("c.bin", 5, 6, 90)};
  FakeOptions slow;
  slow.delay_ms = 1;  // lets ranks interleave differently
  EXPECT_EQ(test::run_local_job(1, config(inputs, "np1")), all(1, 0));
  EXPECT_EQ(test::run_local_job(2, config(inputs, "np2"), slow), all(2, 0));
  EXPECT_EQ(test::run_local_job(3, config(inputs, "np3")), all(3, 0));
  for (const char* name : {"a", "b", "c"}) {
    const std::vector<uint8_t> p1 = proof("np1", name);
    ASSERT_FALSE(p1.empty());
    EXPECT_EQ(p1, proof("np2", name)) << name;
    EXPECT_EQ(p1, proof("np3", name)) << name;
  }
  // Different inputs give different proofs.
  EXPECT_NE(proof("np1", "a"), proof("np1", "b"));
}

TEST_F(ProveJob, ResumeProvesOnlyMissingSegmentsAndGivesTheSameProof) {
  const std::vector<std::string> inputs = {input("a.bin", 1, 2, 150)};
  EXPECT_EQ(test::run_local_job(1, config(inputs, "fresh")), all(1, 0));

  // First attempt dies in phase two of segment 4: segments 0..3 are stored by then.
  FakeOptions crash;
  crash.fail_phase2_segment = 4;
  EXPECT_EQ(test::run_local_job(1, config(inputs, "resumed"), crash), all(1, 1));
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "resumed" / "a.proof"));

  std::atomic<int> phase1{0}, phase2{0};
  FakeOptions count;
  count.phase1_calls = &phase1;
  count.phase2_calls = &phase2;
  EXPECT_EQ(test::run_local_job(2, config(inputs, "resumed"), count), all(2, 0));
  const auto summary = nlohmann::json::parse(test::slurp(dir_.path() / "resumed" / "a.proof.json"));
  const int segments = summary["segments"];
  EXPECT_EQ(summary["segments_resumed"], 4);
  // Phase one may run again for a segment whose phase two goes to another (idle) rank at the
  // tail of the batch; phase two runs once per missing segment.
  EXPECT_GE(phase1.load(), segments - 4);
  EXPECT_EQ(phase2.load(), segments - 4);
  EXPECT_EQ(proof("fresh", "a"), proof("resumed", "a"));
}

TEST_F(ProveJob, AFailingRankStopsTheJobWithoutHanging) {
  const std::vector<std::string> inputs = {input("a.bin", 1, 2, 200)};
  // Every segment fails on rank 1, which gets a task in the first round: the job ends with 1 on
  // every rank instead of waiting for rank 1's results.
  FakeOptions fail;
  fail.fail_segment = test::kEverySegment;
  fail.fail_rank = 1;
  EXPECT_EQ(test::run_local_job(3, config(inputs), fail), all(3, 1));
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "out" / "a.proof"));
  // A failure on rank 0's own worker ends it the same way.
  fail.fail_rank = 0;
  EXPECT_EQ(test::run_local_job(2, config(inputs, "out2"), fail), all(2, 1));
}

TEST_F(ProveJob, BadInputOnAnyRankIsExitTwoEverywhere) {
  const std::string good = input("a.bin", 1, 2, 10);
  EXPECT_EQ(test::run_local_job(2, config({good, (dir_.path() / "missing.bin").string()})),
            all(2, 2));
  EXPECT_EQ(test::run_local_job(2, config({good, dir_.path().string()})), all(2, 2));
  ProveConfig bad_elf = config({good});
  bad_elf.elf = dir_.write("bad.elf", {0x7f, 'E', 'L', 'F', 1});
  EXPECT_EQ(test::run_local_job(3, bad_elf), all(3, 2));
  ProveConfig no_circuits = config({good});
  no_circuits.circuits = (dir_.path() / "none.h5").string();
  EXPECT_EQ(test::run_local_job(2, no_circuits), all(2, 2));
  // Two inputs with one name (file name less its extension) would write one proof file.
  const std::string twin = input("a.txt", 1, 2, 10);
  EXPECT_EQ(test::run_local_job(1, config({good, twin})), all(1, 2));
}

TEST_F(ProveJob, ABusyOutputDirectoryIsRefused) {
  const ProveConfig c = config({input("a.bin", 1, 2, 10)});
  std::filesystem::create_directories(std::filesystem::path(c.out_dir) / ".zkbatch");
  const int fd = ::open((std::filesystem::path(c.out_dir) / ".zkbatch" / "lock").c_str(),
                        O_RDWR | O_CREAT, 0644);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  EXPECT_EQ(test::run_local_job(1, c), all(1, 2));
  ::close(fd);
  EXPECT_EQ(test::run_local_job(1, c), all(1, 0));
}

TEST_F(ProveJob, LedgerDecidesWhatIsProved) {
  const std::string a = input("a.bin", 1, 2, 30);
  const std::string b = input("b.bin", 3, 4, 30, /*exit_code=*/7);  // the guest fails
  const ProveConfig c = config({a, b});
  EXPECT_EQ(test::run_local_job(2, c), all(2, 1));
  {
    Ledger l(c.out_dir, false);
    EXPECT_EQ(l.find("a")->state, InputState::proved);
    EXPECT_EQ(l.find("b")->state, InputState::failed);
    EXPECT_NE(l.find("b")->error.find("exited with code 7"), std::string::npos);
  }
  // Again: a is already proved, b failed before and is not retried; nothing is proved.
  std::atomic<int> phase1{0};
  FakeOptions count;
  count.phase1_calls = &phase1;
  EXPECT_EQ(test::run_local_job(1, c, count), all(1, 1));
  EXPECT_EQ(phase1.load(), 0);
  // Cancel b: the batch succeeds without it.
  Ledger(c.out_dir, false).set_state("b", InputState::cancelled);
  EXPECT_EQ(test::run_local_job(1, c, count), all(1, 0));
  EXPECT_EQ(phase1.load(), 0);
  // Retry (back to queued): it is run again, and fails again.
  Ledger(c.out_dir, false).set_state("b", InputState::queued);
  EXPECT_EQ(test::run_local_job(1, c, count), all(1, 1));
  EXPECT_EQ(Ledger(c.out_dir, false).find("b")->attempts, 2u);
  EXPECT_EQ(Ledger(c.out_dir, false).find("b")->state, InputState::failed);
  // A changed input is proved even though the old one was proved.
  std::filesystem::remove(a);
  input("a.bin", 1, 2, 31);
  Ledger(c.out_dir, false).set_state("b", InputState::cancelled);
  const std::vector<uint8_t> old = proof("out", "a");
  EXPECT_EQ(test::run_local_job(1, c), all(1, 0));
  EXPECT_NE(proof("out", "a"), old);
  EXPECT_EQ(Ledger(c.out_dir, false).find("a")->attempts, 2u);
}

TEST_F(ProveJob, CancelDuringTheBatchStopsThatInput) {
  ProveConfig c = config({input("a.bin", 1, 2, 100), input("b.bin", 1, 2, 400)});
  c.ledger_poll_s = 0.02;
  FakeOptions slow;
  slow.delay_ms = 15;
  std::thread canceller([&] {
    // Wait for the ledger to list b as running, then cancel it.
    for (int i = 0; i < 500; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (!std::filesystem::exists(std::filesystem::path(c.out_dir) / "queue.sqlite")) continue;
      Ledger l(c.out_dir, false);
      auto e = l.find("b");
      if (e && e->state == InputState::running) {
        l.set_state("b", InputState::cancelled);
        return;
      }
    }
  });
  EXPECT_EQ(test::run_local_job(2, c, slow), all(2, 0));
  canceller.join();
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(c.out_dir) / "a.proof"));
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(c.out_dir) / "b.proof"));
  EXPECT_EQ(Ledger(c.out_dir, false).find("b")->state, InputState::cancelled);
}

TEST_F(ProveJob, PreviousProofLinksAChain) {
  // P: prev 0xAA, own 0xBB. Then B (prev BB, own CC) and C (prev CC, own DD) chain onto it.
  EXPECT_EQ(test::run_local_job(1, config({input("p.bin", 0xAA, 0xBB, 20)}, "p")), all(1, 0));
  const std::string p = (dir_.path() / "p" / "p.proof").string();
  ProveConfig chain = config({input("b.bin", 0xBB, 0xCC, 20), input("c.bin", 0xCC, 0xDD, 20)});
  chain.previous_proof = p;
  EXPECT_EQ(test::run_local_job(2, chain), all(2, 0));
  const auto summary = nlohmann::json::parse(test::slurp(dir_.path() / "out" / "c.proof.json"));
  EXPECT_NE(summary["previous_proof"]["path"].get<std::string>().find("b.proof"),
            std::string::npos);
  // A broken link fails that input (exit 1) and names both values.
  ProveConfig broken = config({input("x.bin", 0x11, 0x22, 20)}, "broken");
  broken.previous_proof = p;
  EXPECT_EQ(test::run_local_job(1, broken), all(1, 1));
  EXPECT_NE(Ledger(broken.out_dir, false).find("x")->error.find("does not link"),
            std::string::npos);
  // A previous proof that does not verify is bad input.
  ProveConfig bogus = config({input("y.bin", 0xBB, 0xCC, 20)}, "bogus");
  bogus.previous_proof = dir_.write("bogus.proof", {1, 2, 3});
  EXPECT_EQ(test::run_local_job(1, bogus), all(1, 2));
}

TEST(Link, RuleOnBytes) {
  std::vector<uint8_t> prev(64, 0xAA), next(64, 0xBB);
  std::fill(prev.begin() + 32, prev.end(), 0xBB);
  std::fill(next.begin() + 32, next.end(), 0xCC);
  EXPECT_EQ(check_link(prev, next), "");
  EXPECT_NE(check_link(next, prev), "");
  EXPECT_NE(check_link(std::vector<uint8_t>(63), next).find("at least 64"), std::string::npos);
  EXPECT_NE(check_link(prev, std::vector<uint8_t>(31)).find("at least 32"), std::string::npos);
}

}  // namespace
}  // namespace zkbatch::runner
