// SPDX-License-Identifier: Apache-2.0
// The pairing machinery shared by BN254 and BLS12-381 (detail/pairing.hpp): the Frobenius map and
// the decomposed hard part of the final exponentiation against plain exponentiation.
#include <gtest/gtest.h>

#include "eth/precompiles/bls12_381.hpp"
#include "eth/precompiles/bn254.hpp"
#include "precompiles_test_util.hpp"

namespace zkbatch::eth::precompiles::test {
namespace {

// A Miller-loop value for k P and Q: a "random" element of F_p12 with no special structure.
template <class Curve, class G1, class G2>
typename detail::AtePairing<Curve>::F12 sample(const G1& p, const G2& q, uint64_t k) {
  using Fp = typename Curve::Fp;
  uint64_t scalar[1] = {k};
  G1 kp = detail::to_affine(detail::scalar_mul(detail::Jacobian<Fp>::from_affine(p), scalar, 1));
  return detail::AtePairing<Curve>::miller_loop(kp, q);
}

template <class Curve>
void check_frobenius(const typename detail::AtePairing<Curve>::F12& f) {
  using P = detail::AtePairing<Curve>;
  EXPECT_TRUE(P::frobenius(f) == f.pow(Curve::Fp::kModulus.v, Curve::Fp::kLimbs));
  // p^12 is the identity on F_p12.
  EXPECT_TRUE(P::frobenius(f, 12) == f);
  EXPECT_FALSE(P::frobenius(f, 6) == f);
}

TEST(Pairing, Bn254FrobeniusIsThePthPower) {
  // G1 = (1, 2) and the EIP-197 G2 generator.
  bn254::G1 g1 = bn254::G1::at(bn254::Fp::from_uint64(1), bn254::Fp::from_uint64(2));
  Blob g2b = from_hex(
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c"
      "4479"
      "674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122"
      "975b"
      "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
  bn254::G2 g2;
  ASSERT_TRUE(bn254::decode_g2(g2b.data(), &g2));
  check_frobenius<bn254::Curve>(sample<bn254::Curve>(g1, g2, 12345));
  // The decomposed hard part equals (p^4 - p^2 + 1) / r exactly.
  for (uint64_t k : {3u, 77u}) {
    auto f = sample<bn254::Curve>(g1, g2, k);
    EXPECT_TRUE(bn254::Pairing::final_exponentiation(f) ==
                bn254::Pairing::final_exponentiation_reference(f));
  }
}

TEST(Pairing, Bls12381FrobeniusAndHardPart) {
  using namespace bls12_381;  // NOLINT
  check_frobenius<Curve>(sample<Curve>(kG1, kG2, 54321));
  // The decomposed hard part gives the cube of the plain exponentiation.
  auto f = sample<Curve>(kG1, kG2, 5);
  Fp12 reference = Pairing::final_exponentiation_reference(f);
  EXPECT_TRUE(Pairing::final_exponentiation(f) == reference.square() * reference);
}

}  // namespace
}  // namespace zkbatch::eth::precompiles::test
