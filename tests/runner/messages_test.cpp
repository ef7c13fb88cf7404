// SPDX-License-Identifier: Apache-2.0
// Runner messages: round trips, and every truncation or extension of a message is rejected.
#include <gtest/gtest.h>

#include <thread>

#include "runner/collectives.hpp"
#include "runner/messages.hpp"
#include "stark/global.hpp"

namespace zkbatch::runner {
namespace {

hash::Digest digest(uint64_t base) {
  hash::Digest d;
  for (size_t i = 0; i < 4; ++i)
    d.v[i] = field::Fp(base + i);
  return d;
}

// Every strict prefix and a one-byte extension of `bytes` must throw.
template <class Decode>
void expect_strict(const std::vector<uint8_t>& bytes, Decode decode) {
  for (size_t n = 0; n < bytes.size(); ++n) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<ptrdiff_t>(n));
    EXPECT_THROW(decode(cut), ProtocolError) << "prefix of " << n << " bytes";
  }
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_THROW(decode(longer), ProtocolError);
}

TEST(Messages, Phase2TaskRoundTrip) {
  Phase2Task m{7, 3, digest(100), digest(200), {1, 2, 3}};
  const auto bytes = encode(m);
  const Phase2Task back = decode_phase2_task(bytes);
  EXPECT_EQ(back.job, 7u);
  EXPECT_EQ(back.segment, 3u);
  EXPECT_EQ(back.seed, m.seed);
  EXPECT_EQ(back.commitment, m.commitment);
  EXPECT_EQ(back.checkpoint, m.checkpoint);
  expect_strict(bytes, [](const auto& b) { return decode_phase2_task(b); });
}

TEST(Messages, DoneMessagesRoundTrip) {
  Phase1Done a{1, 2, 300, {}, 4096};
  a.times[Phase::commit] = 1.5;
  const Phase1Done a2 = decode_phase1_done(encode(a));
  EXPECT_EQ(a2.cycles, 300u);
  EXPECT_EQ(a2.memory_bytes, 4096u);
  EXPECT_EQ(a2.times[Phase::commit], 1.5);
  expect_strict(encode(a), [](const auto& b) { return decode_phase1_done(b); });

  Phase2Done b{4, 5, {}, 8192, {9, 9, 9}};
  b.times[Phase::fri] = 0.25;
  const Phase2Done b2 = decode_phase2_done(encode(b));
  EXPECT_EQ(b2.proof, b.proof);
  EXPECT_EQ(b2.times[Phase::fri], 0.25);
  expect_strict(encode(b), [](const auto& x) { return decode_phase2_done(x); });
}

TEST(Messages, TasksAndFailureRoundTrip) {
  const Phase1Task t = decode_phase1_task(encode(Phase1Task{2, 9, {5, 6}}));
  EXPECT_EQ(t.segment, 9u);
  EXPECT_EQ(t.checkpoint, (std::vector<uint8_t>{5, 6}));
  const GatherTask g = decode_gather_task(encode(GatherTask{3, {2, 0, 1}}));
  EXPECT_EQ(g.counts, (std::vector<uint32_t>{2, 0, 1}));
  expect_strict(encode(GatherTask{3, {2, 0, 1}}),
                [](const auto& b) { return decode_gather_task(b); });
  const Failure f = decode_failure(encode(Failure{2, "rank 1: bad"}));
  EXPECT_EQ(f.exit_code, 2);
  EXPECT_EQ(f.message, "rank 1: bad");
}

TEST(Messages, DigestsMustBeCanonical) {
  std::vector<uint8_t> bytes;
  append_digest(bytes, digest(1));
  EXPECT_EQ(read_digest(bytes), digest(1));
  for (int i = 0; i < 8; ++i)
    bytes[static_cast<size_t>(i)] = 0xff;  // 2^64 - 1 >= p
  EXPECT_THROW(read_digest(bytes), ProtocolError);
}

TEST(Messages, MergeCommitmentsOrdersBySegmentAndChecksCoverage) {
  const std::vector<uint8_t> rank0 = encode_commitments({{2, digest(20)}, {0, digest(0)}});
  const std::vector<uint8_t> rank1 = encode_commitments({{1, digest(10)}});
  const auto all = merge_commitments({rank0, rank1}, 3);
  EXPECT_EQ(all, (std::vector<hash::Digest>{digest(0), digest(10), digest(20)}));
  // The seed depends on the order (stark::derive_global_seed hashes them in segment order), not
  // on which rank sent what.
  EXPECT_EQ(stark::derive_global_seed(all),
            stark::derive_global_seed(merge_commitments({rank1, rank0}, 3)));
  EXPECT_THROW(merge_commitments({rank0}, 3), ProtocolError);                // one missing
  EXPECT_THROW(merge_commitments({rank0, rank0, rank1}, 3), ProtocolError);  // repeated
  EXPECT_THROW(merge_commitments({rank0, rank1}, 2), ProtocolError);         // out of range
}

TEST(Collectives, GatherAcrossLocalRanks) {
  auto group = make_local_group(3);
  std::vector<std::unique_ptr<PendingGather>> pending;
  const std::vector<uint32_t> counts = {1, 0, 2};
  pending.push_back(allgather_phase1_commitments(*group[0], {{1, digest(1)}}, counts));
  EXPECT_FALSE(pending[0]->test());  // ranks 1 and 2 have not joined yet
  pending.push_back(allgather_phase1_commitments(*group[1], {}, counts));
  pending.push_back(
      allgather_phase1_commitments(*group[2], {{0, digest(0)}, {2, digest(2)}}, counts));
  for (auto& p : pending) {
    p->wait();
    EXPECT_EQ(merge_commitments(p->parts(), 3),
              (std::vector<hash::Digest>{digest(0), digest(1), digest(2)}));
  }
  EXPECT_THROW(allgather_phase1_commitments(*group[0], {}, counts), std::logic_error);
}

TEST(Collectives, SetupStatusReachesEveryRank) {
  auto group = make_local_group(2);
  std::vector<SetupStatus> seen0, seen1;
  std::thread t([&] { seen1 = allgather_setup_status(*group[1], {2, "input.bin: missing"}); });
  seen0 = allgather_setup_status(*group[0], {0, ""});
  t.join();
  ASSERT_EQ(seen0.size(), 2u);
  EXPECT_EQ(seen0[1].exit_code, 2);
  EXPECT_EQ(seen0[1].message, "input.bin: missing");
  EXPECT_EQ(seen1[0].exit_code, 0);
}

TEST(Communicator, LocalMessagesKeepTheirOrder) {
  auto group = make_local_group(2);
  group[1]->send(0, Tag::phase1_done, {1});
  group[1]->send(0, Tag::phase2_done, {2});
  Message m;
  ASSERT_TRUE(group[0]->poll(m));
  EXPECT_EQ(m.source, 1);
  EXPECT_EQ(m.tag, Tag::phase1_done);
  ASSERT_TRUE(group[0]->poll(m));
  EXPECT_EQ(m.bytes, (std::vector<uint8_t>{2}));
  EXPECT_FALSE(group[0]->poll(m));
  EXPECT_THROW(group[0]->send(5, Tag::stop, {}), std::out_of_range);
}

}  // namespace
}  // namespace zkbatch::runner
