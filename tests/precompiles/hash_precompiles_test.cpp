// SPDX-License-Identifier: Apache-2.0
// 0x02 SHA256, 0x03 RIPEMD160, 0x04 IDENTITY (Yellow Paper Appendix E) and 0x09 BLAKE2F
// (EIP-152, https://eips.ethereum.org/EIPS/eip-152), checked against OpenSSL on random inputs.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#include <cstring>
#include <string>

#include "eth/precompiles/blake2f.hpp"
#include "eth/precompiles/identity.hpp"
#include "eth/precompiles/ripemd160.hpp"
#include "eth/precompiles/sha256.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

// OpenSSL's digest of `data` by algorithm name. RIPEMD160 lives in the legacy provider in some
// OpenSSL 3 releases, so that provider is loaded when the default one lacks it.
Blob openssl_digest(const char* name, const Blob& data) {
  EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md == nullptr) {
    OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER_load(nullptr, "default");
    md = EVP_MD_fetch(nullptr, name, nullptr);
  }
  if (md == nullptr) throw std::runtime_error(std::string("OpenSSL lacks ") + name);
  Blob out(EVP_MD_get_size(md));
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr);
  EVP_MD_free(md);
  out.resize(size);
  return out;
}

TEST(Identity, CopiesInputAndChargesPerWord) {
  for (size_t n : {0u, 1u, 31u, 32u, 33u, 1000u}) {
    Blob in(n);
    for (size_t i = 0; i < n; ++i)
      in[i] = static_cast<uint8_t>(i * 7);
    Call c = call(identity, in);
    ASSERT_EQ(c.status, Status::success);
    EXPECT_EQ(c.output, in);
    EXPECT_EQ(c.gas_used, 15 + 3 * ((n + 31) / 32)) << n;
  }
}

TEST(Identity, OutOfGasConsumesEverything) {
  Blob in(33);  // 15 + 3 * 2 = 21 gas
  EXPECT_EQ(call(identity, in, 21).status, Status::success);
  Call c = call(identity, in, 20);
  EXPECT_EQ(c.status, Status::out_of_gas);
  EXPECT_EQ(c.gas_used, 20u);
  EXPECT_TRUE(c.output.empty());
}

TEST(Sha256, KnownAnswers) {
  // FIPS 180-2 Appendix B.1 and B.2 ("abc" and the 448-bit message), and the empty string.
  EXPECT_EQ(to_hex(call(sha256, Blob{'a', 'b', 'c'}).output),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  EXPECT_EQ(to_hex(call(sha256, Blob(two_blocks.begin(), two_blocks.end())).output),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(to_hex(call(sha256, Blob{}).output),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, MatchesOpenSslOnRandomInputs) {
  std::mt19937_64 rng(256);
  for (size_t n = 0; n < 300; ++n) {
    Blob in = random_bytes(rng, n);
    Call c = call(sha256, in);
    ASSERT_EQ(c.status, Status::success);
    EXPECT_EQ(c.output, openssl_digest("SHA256", in)) << "length " << n;
    EXPECT_EQ(c.gas_used, 60 + 12 * ((n + 31) / 32));
  }
}

TEST(Ripemd160, KnownAnswers) {
  // The RIPEMD-160 authors' test vectors (homes.esat.kuleuven.be/~bosselae/ripemd160.html).
  EXPECT_EQ(to_hex(call(ripemd160, Blob{}).output),
            "0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31");
  EXPECT_EQ(to_hex(call(ripemd160, Blob{'a', 'b', 'c'}).output),
            "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
}

TEST(Ripemd160, MatchesOpenSslOnRandomInputs) {
  std::mt19937_64 rng(160);
  for (size_t n = 0; n < 300; ++n) {
    Blob in = random_bytes(rng, n);
    Call c = call(ripemd160, in);
    ASSERT_EQ(c.status, Status::success);
    ASSERT_EQ(c.output.size(), 32u);
    Blob expected(12, 0);
    Blob digest = openssl_digest("RIPEMD160", in);
    expected.insert(expected.end(), digest.begin(), digest.end());
    EXPECT_EQ(c.output, expected) << "length " << n;
    EXPECT_EQ(c.gas_used, 600 + 120 * ((n + 31) / 32));
  }
}

// EIP-152 "Test Cases": every vector shares h, m and t; only the rounds and the flag vary.
constexpr const char* kEipH =
    "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c6805"
    "9b"
    "6bbd41fbabd9831f79217e1319cde05b";
constexpr const char* kEipM =
    "6162630000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000"
    "00000000000000000000000000000000000000000000000000000000000000";
constexpr const char* kEipT = "03000000000000000000000000000000";

Blob eip152_input(const char* rounds, const char* flag) {
  return from_hex(std::string(rounds) + kEipH + kEipM + kEipT + flag);
}

TEST(Blake2f, Eip152Vectors) {
  ASSERT_EQ(eip152_input("0000000c", "01").size(), kBlake2fInputBytes);
  // Vectors 0-3: wrong length (empty, 212 and 214 bytes) and a final flag of 2 fail.
  EXPECT_EQ(call(blake2f, Blob{}).status, Status::failure);
  EXPECT_EQ(call(blake2f, eip152_input("00000c", "01")).status, Status::failure);
  EXPECT_EQ(call(blake2f, eip152_input("000000000c", "01")).status, Status::failure);
  Call bad_flag = call(blake2f, eip152_input("0000000c", "02"), 1000);
  EXPECT_EQ(bad_flag.status, Status::failure);
  EXPECT_EQ(bad_flag.gas_used, 1000u);
  // Vectors 4-7 (vector 8 runs 2^32 - 1 rounds: minutes, so only its gas is checked).
  struct {
    const char* rounds;
    const char* flag;
    const char* expected;
  } cases[] = {
      {"00000000", "01",
       "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c6"
       "805"
       "9b9442be0454267ce079217e1319cde05b"},
      {"0000000c", "01",
       "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de453"
       "3cc"
       "9518d38aa8dbf1925ab92386edd4009923"},
      {"0000000c", "00",
       "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039"
       "cd3"
       "1b4e426ac4f2d3d666a610c2116fde4735"},
      {"00000001", "01",
       "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d"
       "539"
       "23de3d64fcc68c034e717b9293fed7a421"},
  };
  for (const auto& v : cases) {
    Blob in = eip152_input(v.rounds, v.flag);
    Call c = call(blake2f, in);
    ASSERT_EQ(c.status, Status::success) << v.rounds;
    EXPECT_EQ(to_hex(c.output), v.expected) << v.rounds;
    EXPECT_EQ(c.gas_used, blake2f_gas(span_of(in)));
  }
  EXPECT_EQ(blake2f_gas(span_of(eip152_input("ffffffff", "01"))), 0xffffffffu);
  EXPECT_EQ(blake2f_gas(span_of(eip152_input("0000000c", "01"))), 12u);
  // Not enough gas for the rounds: nothing runs.
  EXPECT_EQ(call(blake2f, eip152_input("ffffffff", "01"), 1'000'000).status, Status::out_of_gas);
}

// BLAKE2b-512 (RFC 7693 §3.3, no key) built on the compression function alone.
Blob blake2b512(const Blob& data) {
  static const uint64_t iv[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                                 0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                                 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
  uint64_t h[8];
  std::memcpy(h, iv, sizeof(h));
  h[0] ^= 0x01010000 ^ 64;  // parameter block: depth 1, fanout 1, digest length 64
  size_t offset = 0;
  uint64_t t[2] = {0, 0};
  do {
    size_t chunk = std::min<size_t>(128, data.size() - offset);
    bool last = offset + chunk == data.size();
    uint8_t block[128] = {};
    if (chunk > 0) std::memcpy(block, data.data() + offset, chunk);
    uint64_t m[16];
    for (int i = 0; i < 16; ++i) {
      m[i] = 0;
      for (int k = 7; k >= 0; --k)
        m[i] = (m[i] << 8) | block[8 * i + k];
    }
    t[0] += chunk;
    blake2b_compress(12, h, m, t, last);
    offset += chunk;
    if (last) break;
  } while (true);
  Blob out(64);
  for (int i = 0; i < 64; ++i)
    out[i] = static_cast<uint8_t>(h[i / 8] >> (8 * (i % 8)));
  return out;
}

TEST(Blake2f, CompressionMatchesOpenSslBlake2b) {
  std::mt19937_64 rng(152);
  for (size_t n : {0u, 1u, 3u, 127u, 128u, 129u, 255u, 256u, 257u, 1000u}) {
    Blob in = random_bytes(rng, n);
    EXPECT_EQ(blake2b512(in), openssl_digest("BLAKE2B-512", in)) << "length " << n;
  }
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
