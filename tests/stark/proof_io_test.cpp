// SPDX-License-Identifier: Apache-2.0
// The proof file format: round trip; every byte of a small proof flipped, every truncation and
// random byte strings give an error, never a crash; the golden fixture still verifies and is
// reproduced byte for byte. After a deliberate format change (with a version bump and a new file
// name), ZKB_REGENERATE_FIXTURES=1 rewrites the fixture.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

#include "stark/proof_io.hpp"
#include "stark/prover.hpp"
#include "stark/verifier.hpp"
#include "stark_test_support.hpp"
#include "test_airs.hpp"

namespace zkbatch::stark {
namespace {

using field::Fp;

::testing::Environment* const kEnv =
    ::testing::AddGlobalTestEnvironment(new testing::TestParamsEnvironment);

/// The statement of the golden fixture: Fibonacci from (1, 1) over 8 rows, tiny parameters.
struct Golden {
  ProvingKey pk = keygen(testing::fibonacci_machine(), testing::tiny_params());
  std::vector<Fp> pv;
  Proof proof;
  Golden() {
    const poly::RowMajorMatrix trace_pv = testing::fibonacci_trace(3, 1, 1, &pv);
    proof = prove(pk, {trace_pv}, pv);
  }
};

std::string fixture_path() {
  return std::string(ZKB_STARK_FIXTURE_DIR) + "/fib_v" + std::to_string(kProofFormatVersion) +
         ".proof";
}

TEST(ProofIoTest, RoundTrip) {
  const ProvingKey pk = keygen(testing::lookup_machine(), presets::test());
  const Proof proof = prove(pk, testing::lookup_traces(4, 3, 8), {});
  const std::vector<uint8_t> bytes = serialize_proof(proof);
  EXPECT_EQ(std::vector<uint8_t>(bytes.begin(), bytes.begin() + 8),
            std::vector<uint8_t>({'Z', 'K', 'B', 'P', 'R', 'O', 'O', 'F'}));
  EXPECT_EQ(bytes[8], 1);  // version 1, little-endian
  Proof decoded;
  ASSERT_EQ(deserialize_proof(bytes, &decoded), DecodeError::ok);
  EXPECT_EQ(decoded, proof);
  EXPECT_EQ(verify(pk.vk, decoded), VerifyError::ok);
}

TEST(ProofIoTest, EveryFlippedByteIsRejected) {
  const Golden g;
  const std::vector<uint8_t> bytes = serialize_proof(g.proof);
  ASSERT_LT(bytes.size(), 20000u);
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::vector<uint8_t> bad = bytes;
    bad[i] ^= static_cast<uint8_t>(1u << (i % 8));
    Proof decoded;
    const DecodeError d = deserialize_proof(bad, &decoded);
    if (d != DecodeError::ok) continue;
    ASSERT_NE(verify(g.pk.vk, decoded), VerifyError::ok) << "byte " << i << " of " << bytes.size();
  }
}

TEST(ProofIoTest, TruncationsAndTrailingBytesAreRejected) {
  const Golden g;
  const std::vector<uint8_t> bytes = serialize_proof(g.proof);
  Proof decoded;
  for (size_t n = 0; n < bytes.size(); ++n) {
    const DecodeError e = deserialize_proof({bytes.data(), n}, &decoded);
    ASSERT_NE(e, DecodeError::ok) << n;
  }
  EXPECT_EQ(deserialize_proof({bytes.data(), 3}, &decoded), DecodeError::bad_magic);
  EXPECT_EQ(deserialize_proof({bytes.data(), 10}, &decoded), DecodeError::truncated);
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_EQ(deserialize_proof(longer, &decoded), DecodeError::trailing_bytes);
  std::vector<uint8_t> v2 = bytes;
  v2[8] = 2;
  EXPECT_EQ(deserialize_proof(v2, &decoded), DecodeError::bad_version);
}

TEST(ProofIoTest, HostileCountsAndValues) {
  const Golden g;
  const std::vector<uint8_t> bytes = serialize_proof(g.proof);
  Proof decoded;
  // Table count (first field after magic and version) claims 2^32 - 1 entries.
  std::vector<uint8_t> huge = bytes;
  for (size_t i = 12; i < 16; ++i)
    huge[i] = 0xFF;
  EXPECT_EQ(deserialize_proof(huge, &decoded), DecodeError::count_too_large);
  // First public value set to p (after count 1, height byte, count 3).
  std::vector<uint8_t> big = bytes;
  const size_t pv = 12 + 4 + 1 + 4;
  const uint64_t p = field::kModulus;
  for (size_t i = 0; i < 8; ++i)
    big[pv + i] = static_cast<uint8_t>(p >> (8 * i));
  EXPECT_EQ(deserialize_proof(big, &decoded), DecodeError::non_canonical);
  // The LogUp flag (after the three public values and the main root) must be 0 or 1.
  std::vector<uint8_t> flag = bytes;
  flag[pv + 3 * 8 + 32] = 2;
  EXPECT_EQ(deserialize_proof(flag, &decoded), DecodeError::bad_value);
}

TEST(ProofIoTest, RandomBytesAreRejected) {
  std::mt19937_64 rng(0xB17E5);
  Proof decoded;
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<uint8_t> bytes(rng() % 600);
    for (uint8_t& b : bytes)
      b = static_cast<uint8_t>(rng());
    if (trial % 2 == 0 && bytes.size() >= 12) {
      std::copy(std::begin(kProofMagic), std::end(kProofMagic), bytes.begin());
      bytes[8] = 1;
      bytes[9] = bytes[10] = bytes[11] = 0;
    }
    EXPECT_NE(deserialize_proof(bytes, &decoded), DecodeError::ok);
  }
}

TEST(ProofIoTest, GoldenFixtureVerifiesAndIsReproduced) {
  const Golden g;
  const std::vector<uint8_t> fresh = serialize_proof(g.proof);
  if (std::getenv("ZKB_REGENERATE_FIXTURES") != nullptr) {
    std::ofstream(fixture_path(), std::ios::binary)
        .write(reinterpret_cast<const char*>(fresh.data()),
               static_cast<std::streamsize>(fresh.size()));
  }
  std::ifstream in(fixture_path(), std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing " << fixture_path();
  const std::vector<uint8_t> golden((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
  Proof decoded;
  ASSERT_EQ(deserialize_proof(golden, &decoded), DecodeError::ok);
  EXPECT_EQ(verify(g.pk.vk, decoded), VerifyError::ok);
  EXPECT_EQ(decoded.public_values, g.pv);
  EXPECT_EQ(golden, fresh) << "the proof format or transcript changed: bump the version";
}

}  // namespace
}  // namespace zkbatch::stark
