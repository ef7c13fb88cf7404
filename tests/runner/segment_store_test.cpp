// SPDX-License-Identifier: Apache-2.0
// Resume records: round trip, damage detection, atomic writes, and keys that separate programs,
// segment sizes and inputs.
#include <gtest/gtest.h>

#include <fstream>

#include "runner/segment_store.hpp"
#include "runner_test_util.hpp"

namespace zkbatch::runner {
namespace {

SegmentRecord sample(uint32_t segment) {
  SegmentRecord r;
  r.segment = segment;
  for (size_t i = 0; i < 4; ++i) {
    r.commitment.v[i] = field::Fp(11 + i);
    r.seed.v[i] = field::Fp(22 + i);
  }
  r.cycles = 64;
  r.proof = {1, 2, 3, 4, 5};
  return r;
}

TEST(SegmentStore, RecordRoundTrip) {
  const SegmentRecord r = sample(3);
  SegmentRecord back;
  ASSERT_TRUE(deserialize_record(serialize_record(r), back));
  EXPECT_EQ(back, r);
}

TEST(SegmentStore, EveryFlippedByteAndEveryTruncationIsRejected) {
  const std::vector<uint8_t> bytes = serialize_record(sample(1));
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::vector<uint8_t> bad = bytes;
    bad[i] ^= 0x40;
    SegmentRecord out;
    EXPECT_FALSE(deserialize_record(bad, out)) << "byte " << i;
  }
  for (size_t n = 0; n < bytes.size(); ++n) {
    SegmentRecord out;
    EXPECT_FALSE(
        deserialize_record({bytes.begin(), bytes.begin() + static_cast<ptrdiff_t>(n)}, out));
  }
}

TEST(SegmentStore, PutLoadRemove) {
  test::TempDir dir;
  SegmentStore store(dir.path());
  const std::string key = "k";
  store.put(key, sample(0));
  store.put(key, sample(2));
  auto loaded = store.load(key);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded.at(2), sample(2));
  store.remove(key);
  EXPECT_TRUE(store.load(key).empty());
}

TEST(SegmentStore, DamagedFilesAndTemporariesAreDiscarded) {
  test::TempDir dir;
  SegmentStore store(dir.path());
  store.put("k", sample(0));
  store.put("k", sample(1));
  // A half-written temporary (a writer killed before its rename) and a damaged record.
  std::ofstream(store.dir("k") / "segment-000002.bin.tmp.123") << "partial";
  const auto one = store.dir("k") / "segment-000001.bin";
  std::vector<uint8_t> bytes = test::slurp(one);
  bytes.back() ^= 1;
  std::ofstream(one, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  const auto loaded = store.load("k");
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_TRUE(loaded.contains(0));
  EXPECT_FALSE(std::filesystem::exists(one));
  EXPECT_FALSE(std::filesystem::exists(store.dir("k") / "segment-000002.bin.tmp.123"));
}

TEST(SegmentStore, RecordNamedForAnotherSegmentIsDiscarded) {
  test::TempDir dir;
  SegmentStore store(dir.path());
  store.put("k", sample(4));
  std::filesystem::rename(store.dir("k") / "segment-000004.bin",
                          store.dir("k") / "segment-000005.bin");
  EXPECT_TRUE(store.load("k").empty());
}

TEST(SegmentStore, KeysSeparateProgramsSizesAndInputs) {
  hash::Digest a{}, b{};
  b.v[0] = field::Fp(1);
  const std::string k = resume_key(a, 6, "00");
  EXPECT_EQ(k.size(), 64u);
  EXPECT_EQ(k, resume_key(a, 6, "00"));
  EXPECT_NE(k, resume_key(b, 6, "00"));
  EXPECT_NE(k, resume_key(a, 7, "00"));
  EXPECT_NE(k, resume_key(a, 6, "01"));
}

TEST(SegmentStore, AtomicWriteReplacesWhole) {
  test::TempDir dir;
  const auto p = dir.path() / "f";
  write_file_atomically(p, {1, 2, 3});
  write_file_atomically(p, {4});
  EXPECT_EQ(test::slurp(p), (std::vector<uint8_t>{4}));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
  EXPECT_THROW(write_file_atomically(dir.path() / "no" / "such" / "dir", {1}), std::runtime_error);
}

TEST(SegmentStore, KeccakHexKnownAnswer) {
  // Keccak-256 of the empty string (Ethereum's empty-code hash, Yellow Paper Appendix).
  EXPECT_EQ(keccak_hex({}), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
}

}  // namespace
}  // namespace zkbatch::runner
