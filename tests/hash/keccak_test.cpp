// SPDX-License-Identifier: Apache-2.0
// Keccak-256 as Ethereum uses it: known answers, a differential test against Crypto++'s
// independent Keccak_256, incremental hashing, and the same sponge with SHA-3 padding against
// OpenSSL.
#include "hash/keccak.hpp"

#include <cryptopp/keccak.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hash/detail/keccak_sponge.hpp"

namespace zkbatch::hash {
namespace {

std::string to_hex(const uint8_t* bytes, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

std::string ours(const std::vector<uint8_t>& data) {
  uint8_t out[32];
  keccak256(base::ByteSpan(data.data(), data.size()), out);
  return to_hex(out, 32);
}

std::string cryptopp_keccak256(const std::vector<uint8_t>& data) {
  CryptoPP::Keccak_256 hasher;
  uint8_t out[32];
  hasher.CalculateDigest(out, data.data(), data.size());
  return to_hex(out, 32);
}

std::string openssl_digest(const EVP_MD* md, const std::vector<uint8_t>& data) {
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), out, &len, md, nullptr), 1);
  return to_hex(out, len);
}

std::vector<uint8_t> random_bytes(std::mt19937_64& rng, size_t n) {
  std::vector<uint8_t> out(n);
  for (uint8_t& b : out) {
    b = static_cast<uint8_t>(rng());
  }
  return out;
}

std::vector<uint8_t> text(const char* s) {
  return std::vector<uint8_t>(s, s + std::char_traits<char>::length(s));
}

TEST(KeccakTest, KnownAnswers) {
  // Keccak-256 of "" and "abc": the values Ethereum clients use (the empty hash is the
  // KECCAK_EMPTY code hash of the Yellow Paper, Appendix E / §4.1).
  EXPECT_EQ(ours({}), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(ours(text("abc")), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

TEST(KeccakTest, PermutationOfTheZeroState) {
  // XKCP, tests/TestVectors/KeccakF-1600-IntermediateValues.txt: Keccak-f[1600] of the all-zero
  // state, lanes in (x + 5 y) order.
  constexpr uint64_t kExpected[25] = {
      0xF1258F7940E1DDE7, 0x84D5CCF933C0478A, 0xD598261EA65AA9EE, 0xBD1547306F80494D,
      0x8B284E056253D057, 0xFF97A42D7F8E6FD4, 0x90FEE5A0A44647C4, 0x8C5BDA0CD6192E76,
      0xAD30A6F71B19059C, 0x30935AB7D08FFC64, 0xEB5AA93F2317D635, 0xA9A6E6260D712103,
      0x81A57C16DBCF555F, 0x43B831CD0347C826, 0x01F22F1A11A5569F, 0x05E5635A21D9AE61,
      0x64BEFEF28CC970F2, 0x613670957BC46611, 0xB87C5A554FD00ECB, 0x8C3EE88A1CCF32C8,
      0x940C7922AE3A2614, 0x1841F924A2C509E4, 0x16F53526E70465C2, 0x75F644E97F30A13B,
      0xEAF1FF7B5CECA249,
  };
  uint64_t state[25] = {};
  keccak_f1600(state);
  for (size_t i = 0; i < 25; ++i) {
    EXPECT_EQ(state[i], kExpected[i]) << "lane " << i;
  }
}

TEST(KeccakTest, MatchesCryptoppOnEveryLengthUpTo600) {
  const uint64_t seed = 0x5eed0401;
  SCOPED_TRACE(testing::Message() << "seed " << seed);
  std::mt19937_64 rng(seed);
  for (size_t len = 0; len <= 600; ++len) {
    std::vector<uint8_t> data = random_bytes(rng, len);
    ASSERT_EQ(ours(data), cryptopp_keccak256(data)) << "length " << len;
  }
}

TEST(KeccakTest, MatchesCryptoppAroundTheRate) {
  // Rate 136: one byte short of a block (padding bytes 0x01 and 0x80 share a byte), exactly one
  // block (padding fills a second block), one byte over, and exactly two blocks.
  std::mt19937_64 rng(0x5eed0402);
  for (size_t len : {135u, 136u, 137u, 272u}) {
    std::vector<uint8_t> data = random_bytes(rng, len);
    EXPECT_EQ(ours(data), cryptopp_keccak256(data)) << "length " << len;
    std::vector<uint8_t> same(len, 0xFF);
    EXPECT_EQ(ours(same), cryptopp_keccak256(same)) << "length " << len;
  }
}

TEST(KeccakTest, MatchesCryptoppOnLongInputs) {
  std::mt19937_64 rng(0x5eed0403);
  for (size_t len : {4096u, 65537u, 1u << 20}) {
    std::vector<uint8_t> data = random_bytes(rng, len);
    EXPECT_EQ(ours(data), cryptopp_keccak256(data)) << "length " << len;
  }
}

TEST(KeccakTest, IncrementalUpdatesMatchOneShot) {
  std::mt19937_64 rng(0x5eed0404);
  Keccak256 hasher;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<uint8_t> data = random_bytes(rng, rng() % 700);
    size_t offset = 0;
    while (offset < data.size()) {
      size_t piece = std::min<size_t>(rng() % 150, data.size() - offset);
      hasher.update(base::ByteSpan(data.data() + offset, piece));
      offset += piece;
    }
    uint8_t out[32];
    hasher.finalize(out);  // also resets the hasher for the next trial
    ASSERT_EQ(to_hex(out, 32), cryptopp_keccak256(data)) << "trial " << trial;
  }
}

TEST(KeccakTest, Bytes32OverloadMatches) {
  std::vector<uint8_t> data = text("zkbatch");
  base::Bytes32 digest = keccak256(base::ByteSpan(data.data(), data.size()));
  EXPECT_EQ(to_hex(digest.bytes, 32), cryptopp_keccak256(data));
}

TEST(KeccakTest, SpongeWithSha3PaddingMatchesOpenssl) {
  // The same sponge with FIPS 202 padding (domain bits 01, pad byte 0x06) is SHA3-256 (rate 136)
  // and SHA3-512 (rate 72): checks absorption and padding at two rates against OpenSSL.
  std::mt19937_64 rng(0x5eed0405);
  detail::KeccakSponge sha3_256(136, 0x06), sha3_512(72, 0x06);
  for (size_t len = 0; len <= 300; ++len) {
    std::vector<uint8_t> data = random_bytes(rng, len);
    base::ByteSpan span(data.data(), data.size());
    uint8_t out256[32], out512[64];
    sha3_256.absorb(span);
    sha3_256.finish(out256, 32);
    sha3_512.absorb(span);
    sha3_512.finish(out512, 64);
    ASSERT_EQ(to_hex(out256, 32), openssl_digest(EVP_sha3_256(), data)) << "length " << len;
    ASSERT_EQ(to_hex(out512, 64), openssl_digest(EVP_sha3_512(), data)) << "length " << len;
  }
}

}  // namespace
}  // namespace zkbatch::hash
