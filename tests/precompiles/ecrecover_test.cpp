// SPDX-License-Identifier: Apache-2.0
// 0x01 ECRECOVER (Yellow Paper Appendix E, Ξ_ECREC) and secp256k1 public-key recovery, checked
// against libsecp256k1: random keys sign random hashes there, and we recover the signer here.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstring>

#include "eth/precompiles/ecrecover.hpp"
#include "eth/precompiles/secp256k1.hpp"
#include "hash/keccak.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

// go-ethereum core/vm/testdata/precompiles/ecRecover.json (commit
// 19476a97835bd2f797dc05064e9037f9d8cc8aad): "ValidKey", and the same with v's high bytes set.
constexpr const char* kValidKey =
    "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c000000000000000000000000000000"
    "0000"
    "00000000000000000000000000001c73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
    "ee"
    "b940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
constexpr const char* kValidKeyAddress =
    "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

class Secp256k1Oracle : public ::testing::Test {
 protected:
  void SetUp() override {
    ctx_ = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
  }
  void TearDown() override { secp256k1_context_destroy(ctx_); }

  // The Ethereum address of a secret key: keccak256(x ‖ y)[12:], as a 32-byte word.
  Blob address_of(const uint8_t secret[32]) {
    secp256k1_pubkey pub;
    EXPECT_TRUE(secp256k1_ec_pubkey_create(ctx_, &pub, secret));
    uint8_t serialized[65];
    size_t len = sizeof(serialized);
    secp256k1_ec_pubkey_serialize(ctx_, serialized, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    uint8_t digest[32];
    hash::keccak256(base::ByteSpan(serialized + 1, 64), digest);
    Blob out(32, 0);
    std::memcpy(out.data() + 12, digest + 12, 20);
    return out;
  }

  // libsecp256k1's recovery of (hash, r ‖ s, recid) as 64 bytes x ‖ y, or empty when it fails.
  Blob oracle_recover(const uint8_t hash[32], const uint8_t rs[64], int recid) {
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx_, &sig, rs, recid)) return {};
    secp256k1_pubkey pub;
    if (!secp256k1_ecdsa_recover(ctx_, &pub, &sig, hash)) return {};
    uint8_t serialized[65];
    size_t len = sizeof(serialized);
    secp256k1_ec_pubkey_serialize(ctx_, serialized, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    return Blob(serialized + 1, serialized + 65);
  }

  secp256k1_context* ctx_ = nullptr;
};

Blob ecrecover_input(const uint8_t hash[32], uint8_t v, const uint8_t rs[64]) {
  Blob in(128, 0);
  std::memcpy(in.data(), hash, 32);
  in[63] = v;
  std::memcpy(in.data() + 64, rs, 64);
  return in;
}

TEST(Ecrecover, GethKnownAnswer) {
  Call c = call(ecrecover, from_hex(kValidKey));
  ASSERT_EQ(c.status, Status::success);
  EXPECT_EQ(to_hex(c.output), kValidKeyAddress);
  EXPECT_EQ(c.gas_used, 3000u);
}

TEST(Ecrecover, InvalidSignaturesReturnNothingButCostGas) {
  Blob good = from_hex(kValidKey);
  auto expect_empty = [](const Blob& in, const char* what) {
    Call c = call(ecrecover, in);
    EXPECT_EQ(c.status, Status::success) << what;
    EXPECT_TRUE(c.output.empty()) << what;
    EXPECT_EQ(c.gas_used, 3000u) << what;
  };
  // v must be exactly 27 or 28 as a 32-byte word (geth's InvalidHighV-bits cases).
  Blob v = good;
  v[63] = 29;
  expect_empty(v, "v = 29");
  v[63] = 0;
  expect_empty(v, "v = 0");
  v = good;
  v[32] = 0x10;
  expect_empty(v, "v with a high byte");
  v = good;
  v[50] = 0x01;
  expect_empty(v, "v with a middle byte");
  // r and s must lie in [1, n).
  const char* n = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
  Blob r0 = good;
  std::fill(r0.begin() + 64, r0.begin() + 96, 0);
  expect_empty(r0, "r = 0");
  Blob s0 = good;
  std::fill(s0.begin() + 96, s0.end(), 0);
  expect_empty(s0, "s = 0");
  Blob rn = good;
  Blob nb = from_hex(n);
  std::copy(nb.begin(), nb.end(), rn.begin() + 64);
  expect_empty(rn, "r = n");
  Blob sn = good;
  std::copy(nb.begin(), nb.end(), sn.begin() + 96);
  expect_empty(sn, "s = n");
  // An x coordinate with no curve point (x = 5: 5^3 + 7 = 132 is not a square mod p).
  Blob no_point = good;
  std::fill(no_point.begin() + 64, no_point.begin() + 96, 0);
  no_point[95] = 5;
  expect_empty(no_point, "r not on the curve");
  // Not enough gas: all of it is consumed and nothing returned.
  Call oog = call(ecrecover, good, 2999);
  EXPECT_EQ(oog.status, Status::out_of_gas);
  EXPECT_EQ(oog.gas_used, 2999u);
  // Short input is zero-padded: with s missing the signature is invalid.
  Blob shorter(good.begin(), good.begin() + 96);
  expect_empty(shorter, "s missing");
  expect_empty(Blob{}, "empty input");
}

TEST_F(Secp256k1Oracle, RecoversSignersOfRandomSignatures) {
  std::mt19937_64 rng(0xec5ec);
  for (int trial = 0; trial < 64; ++trial) {
    Blob secret = random_bytes(rng, 32);
    if (!secp256k1_ec_seckey_verify(ctx_, secret.data())) continue;
    Blob hash = random_bytes(rng, 32);
    if (trial % 8 == 0) std::fill(hash.begin(), hash.end(), 0xff);  // e >= n: reduced mod n
    secp256k1_ecdsa_recoverable_signature sig;
    ASSERT_TRUE(
        secp256k1_ecdsa_sign_recoverable(ctx_, &sig, hash.data(), secret.data(), nullptr, nullptr));
    uint8_t rs[64];
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx_, rs, &recid, &sig);
    ASSERT_LE(recid, 1);  // 2 and 3 need r >= n: probability about 2^-127
    Call c = call(ecrecover, ecrecover_input(hash.data(), static_cast<uint8_t>(27 + recid), rs));
    ASSERT_EQ(c.status, Status::success);
    EXPECT_EQ(to_hex(c.output), to_hex(address_of(secret.data()))) << "trial " << trial;
    // The other parity recovers a different key.
    Call other =
        call(ecrecover, ecrecover_input(hash.data(), static_cast<uint8_t>(28 - recid), rs));
    ASSERT_EQ(other.status, Status::success);
    EXPECT_NE(to_hex(other.output), to_hex(address_of(secret.data())));
  }
}

TEST_F(Secp256k1Oracle, AgreesOnRandomSignatureValues) {
  // Random (hash, r, s, parity), most of which no key signed: both sides must agree on whether a
  // key exists and which one it is.
  std::mt19937_64 rng(0x5ec9);
  int recovered = 0;
  for (int trial = 0; trial < 200; ++trial) {
    Blob hash = random_bytes(rng, 32), rs = random_bytes(rng, 64);
    if (trial % 10 == 0) std::fill(rs.begin(), rs.begin() + 16, 0xff);  // r above n
    int recid = static_cast<int>(rng() & 1);
    uint8_t key[64];
    bool ours = secp256k1::recover(hash.data(), rs.data(), rs.data() + 32, recid, key);
    Blob theirs = oracle_recover(hash.data(), rs.data(), recid);
    ASSERT_EQ(ours, !theirs.empty()) << "trial " << trial;
    if (ours) {
      EXPECT_EQ(to_hex(key, 64), to_hex(theirs)) << "trial " << trial;
      ++recovered;
    }
  }
  EXPECT_GT(recovered, 50);  // about half of random x values lie on the curve
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
