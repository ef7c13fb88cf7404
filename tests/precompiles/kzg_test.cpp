// SPDX-License-Identifier: Apache-2.0
// 0x0a POINT_EVALUATION: EIP-4844 "Shard Blob Transactions"
// (https://eips.ethereum.org/EIPS/eip-4844), over BLS12-381 with the trusted setup's [tau]G2.
#include <gtest/gtest.h>

#include <cstring>

#include "base/u256.hpp"
#include "eth/precompiles/bls12_381.hpp"
#include "eth/precompiles/kzg.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

using namespace bls12_381;  // NOLINT
using base::U256;

// The ceremony's generators and [tau]G2 as consensus-specs' mainnet trusted setup lists them
// (g1_monomial[0], g2_monomial[0], g2_monomial[1]; c-kzg-4844 trusted_setup.txt, line 4100 for
// [tau]G2).
constexpr const char* kSetupG1 =
    "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6"
    "bb";
constexpr const char* kSetupG2 =
    "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b"
    "7e"
    "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bd"
    "b8";
constexpr const char* kSetupTauG2 =
    "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f"
    "72"
    "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1de"
    "f2";

// go-ethereum core/vm/testdata/precompiles/pointEvaluation.json ("pointEvaluation1", commit
// e72a63904b8fc651c7e571d0a04093d32e7624de), made with the ceremony's setup.
constexpr const char* kGethInput =
    "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b564c0a11a0f704f4fc3e8acfe0f824"
    "5f"
    "0ad1347b378fbf96e206da11a5d3630624d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5"
    "a1"
    "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952"
    "b7"
    "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c1"
    "6a";
constexpr const char* kSuccessOutput =
    "000000000000000000000000000000000000000000000000000000000000100073eda753299d7d483339d80809a1d8"
    "05"
    "53bda402fffe5bfeffffffff00000001";

const U256 kR = U256::from_limbs(kOrder.v[0], kOrder.v[1], kOrder.v[2], kOrder.v[3]);

std::string compressed_hex(const G1& p) {
  uint8_t out[48];
  compress_g1(p, out);
  return to_hex(out, 48);
}

std::string compressed_hex(const G2& q) {
  uint8_t out[96];
  compress_g2(q, out);
  return to_hex(out, 96);
}

G1 times(const G1& p, const U256& k) {
  return detail::to_affine(detail::scalar_mul(detail::Jacobian<Fp>::from_affine(p), k.limb, 4));
}

G1 plus(const G1& a, const G1& b) {
  return detail::to_affine(
      detail::add(detail::Jacobian<Fp>::from_affine(a), detail::Jacobian<Fp>::from_affine(b)));
}

G2 times2(const G2& q, const U256& k) {
  return detail::to_affine(detail::scalar_mul(detail::Jacobian<Fp2>::from_affine(q), k.limb, 4));
}

// A 192-byte input for the ceremony's setup: hash, z, y, commitment and proof as given.
Blob make_input(const G1& c, const U256& z, const U256& y, const G1& pi) {
  Blob in(192);
  compress_g1(c, in.data() + 96);
  compress_g1(pi, in.data() + 144);
  z.to_be_bytes(in.data() + 32);
  y.to_be_bytes(in.data() + 64);
  kzg_to_versioned_hash(in.data() + 96, in.data());
  return in;
}

U256 random_scalar(std::mt19937_64& rng) {
  U256 v = U256::from_limbs(rng(), rng(), rng(), rng());
  return base::mod(v, kR);
}

TEST(Kzg, ConstantsMatchTheTrustedSetup) {
  EXPECT_EQ(compressed_hex(kG1), kSetupG1);
  EXPECT_EQ(compressed_hex(kG2), kSetupG2);
  EXPECT_EQ(compressed_hex(kTauG2), kSetupTauG2);
  EXPECT_TRUE(detail::on_curve(kG1, kB));
  EXPECT_TRUE(detail::on_curve(kG2, kB2));
  EXPECT_TRUE(detail::on_curve(kTauG2, kB2));
  EXPECT_TRUE(g1_in_subgroup(kG1));
  EXPECT_TRUE(g2_in_subgroup(kG2));
  EXPECT_TRUE(g2_in_subgroup(kTauG2));
}

TEST(Kzg, PairingIsBilinearAndNonDegenerate) {
  std::mt19937_64 rng(4844);
  U256 a = random_scalar(rng), b = random_scalar(rng);
  U256 ab = base::mulmod(a, b, kR);
  G2 b_g2 =
      detail::to_affine(detail::scalar_mul(detail::Jacobian<Fp2>::from_affine(kG2), b.limb, 4));
  Fp12 lhs = Pairing::pairing(times(kG1, a), b_g2);
  Fp12 rhs = Pairing::pairing(times(kG1, ab), kG2);
  EXPECT_TRUE(lhs == rhs);
  EXPECT_FALSE(Pairing::pairing(kG1, kG2).is_one());
  // e(G1, G2)^r = 1: the value lies in the order-r target group.
  EXPECT_TRUE(Pairing::pairing(kG1, kG2).pow(kOrder.v, 4).is_one());
}

TEST(Kzg, GethKnownAnswer) {
  Call c = call(point_evaluation, from_hex(kGethInput));
  ASSERT_EQ(c.status, Status::success);
  EXPECT_EQ(c.gas_used, 50000u);
  EXPECT_EQ(to_hex(c.output), kSuccessOutput);
}

TEST(Kzg, RandomLinearPolynomialsVerifyUnderAKnownSecret) {
  // A setup whose secret s the test knows: [s]G2 replaces the ceremony's [tau]G2. For p(X) = a + b
  // X, C = [a + b s]G1, p(z) = a + b z, and the quotient (p(X) - p(z)) / (X - z) is the constant b,
  // so the proof is [b]G1.
  std::mt19937_64 rng(20240313);
  for (int trial = 0; trial < 3; ++trial) {
    U256 s = random_scalar(rng), a = random_scalar(rng), b = random_scalar(rng);
    U256 z = random_scalar(rng);
    G2 s_g2 = times2(kG2, s);
    G1 c = times(kG1, base::addmod(a, base::mulmod(b, s, kR), kR));
    U256 y = base::addmod(a, base::mulmod(b, z, kR), kR);
    G1 pi = times(kG1, b);
    EXPECT_TRUE(kzg_pairing_check(c, z.limb, y.limb, pi, s_g2)) << "trial " << trial;
    // A wrong value, a wrong point, another proof, or another setup fails.
    U256 y1 = base::addmod(y, U256(1), kR), z1 = base::addmod(z, U256(1), kR);
    EXPECT_FALSE(kzg_pairing_check(c, z.limb, y1.limb, pi, s_g2));
    EXPECT_FALSE(kzg_pairing_check(c, z1.limb, y.limb, pi, s_g2));
    EXPECT_FALSE(kzg_pairing_check(c, z.limb, y.limb, plus(pi, kG1), s_g2));
    EXPECT_FALSE(kzg_pairing_check(c, z.limb, y.limb, pi, kTauG2));
  }
}

TEST(Kzg, ConstantPolynomialWithProofAtInfinity) {
  // p(X) = 7: C = [7]G1, y = 7 at any z, and the quotient is zero: the proof is the point at
  // infinity, encoded 0xc0 ‖ 0...0.
  G1 c = times(kG1, U256(7));
  Blob input = make_input(c, U256(12345), U256(7), G1{});
  EXPECT_EQ(input[144], 0xc0);
  EXPECT_EQ(call(point_evaluation, input).status, Status::success);
}

TEST(Kzg, RejectsInvalidInputs) {
  Blob good = from_hex(kGethInput);
  ASSERT_EQ(call(point_evaluation, good).status, Status::success);

  // Wrong length (EIP-4844: exactly 192 bytes).
  Blob shorter(good.begin(), good.end() - 1);
  EXPECT_EQ(call(point_evaluation, shorter).status, Status::failure);
  Blob longer = good;
  longer.push_back(0);
  EXPECT_EQ(call(point_evaluation, longer).status, Status::failure);
  // Versioned hash: wrong version byte, or a hash of another commitment.
  Blob bad_version = good;
  bad_version[0] = 0x02;
  EXPECT_EQ(call(point_evaluation, bad_version).status, Status::failure);
  Blob bad_hash = good;
  bad_hash[31] ^= 1;
  EXPECT_EQ(call(point_evaluation, bad_hash).status, Status::failure);
  // z or y not below BLS_MODULUS.
  Blob big_z = good;
  kR.to_be_bytes(big_z.data() + 32);
  EXPECT_EQ(call(point_evaluation, big_z).status, Status::failure);
  Blob big_y = good;
  kR.to_be_bytes(big_y.data() + 64);
  EXPECT_EQ(call(point_evaluation, big_y).status, Status::failure);
  // Gas: 49999 is not enough; all of it is consumed.
  Call oog = call(point_evaluation, good, 49999);
  EXPECT_EQ(oog.status, Status::out_of_gas);
  EXPECT_EQ(oog.gas_used, 49999u);
  EXPECT_TRUE(oog.output.empty());
}

TEST(Kzg, DecompressionRules) {
  uint8_t enc[48];
  compress_g1(kG1, enc);
  G1 p;
  ASSERT_TRUE(decompress_g1(enc, &p));
  EXPECT_TRUE(p.x == kG1.x && p.y == kG1.y);
  // The sign flag selects -G1.
  enc[0] ^= 0x20;
  ASSERT_TRUE(decompress_g1(enc, &p));
  EXPECT_TRUE(p.x == kG1.x && p.y == -kG1.y);
  // No compression flag: rejected.
  compress_g1(kG1, enc);
  enc[0] &= 0x7f;
  EXPECT_FALSE(decompress_g1(enc, &p));
  // Infinity: only 0xc0 ‖ zeros.
  uint8_t inf[48] = {0xc0};
  ASSERT_TRUE(decompress_g1(inf, &p));
  EXPECT_TRUE(p.infinity);
  inf[0] = 0xe0;
  EXPECT_FALSE(decompress_g1(inf, &p));
  inf[0] = 0xc0;
  inf[47] = 1;
  EXPECT_FALSE(decompress_g1(inf, &p));
  // x = p (not a field element) is rejected.
  uint8_t big[48];
  for (int i = 0; i < 6; ++i)
    for (int k = 0; k < 8; ++k)
      big[47 - 8 * i - k] = static_cast<uint8_t>(FpParams::kModulus.v[i] >> (8 * k));
  big[0] |= 0x80;
  EXPECT_FALSE(decompress_g1(big, &p));
  // x with no curve point, and a curve point outside G1 (the cofactor is large, so the first
  // x values that give a point almost surely give one outside the subgroup).
  int not_on_curve = 0, outside = 0;
  for (uint64_t x = 1; x < 64 && (not_on_curve == 0 || outside == 0); ++x) {
    uint8_t e[48] = {};
    e[0] = 0x80;
    for (int k = 0; k < 8; ++k)
      e[47 - k] = static_cast<uint8_t>(x >> (8 * k));
    Fp fx = Fp::from_uint64(x), fy;
    bool has_point = (fx.square() * fx + kB).sqrt(&fy);
    EXPECT_FALSE(decompress_g1(e, &p)) << "x = " << x;
    if (!has_point) ++not_on_curve;
    if (has_point && !g1_in_subgroup(G1::at(fx, fy))) ++outside;
  }
  EXPECT_GT(not_on_curve, 0);
  EXPECT_GT(outside, 0);
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
