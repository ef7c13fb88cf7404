// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The BLS12-381 curve as EIP-4844 uses it (the KZG point evaluation precompile): E: y^2 = x^3 + 4
// over F_p and its M-type sextic twist E': y^2 = x^3 + 4 (1 + u) over F_p2, with groups G1, G2 of
// prime order r. The BLS parameter is x = -0xd201000000010000: r = x^4 - x^2 + 1 and
// p = (x - 1)^2 r / 3 + x. Constants follow "BLS12-381 For The Rest Of Us" and the IETF
// pairing-friendly-curves draft (§4.2.1); points serialize in the ZCash format that
// consensus-specs' KZG functions use.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/detail/curve.hpp"
#include "eth/precompiles/detail/mont.hpp"
#include "eth/precompiles/detail/pairing.hpp"
#include "eth/precompiles/detail/tower.hpp"

namespace zkbatch::eth::precompiles::bls12_381 {

/// The base field modulus p (381 bits).
struct FpParams {
  static constexpr size_t kLimbs = 6;
  static constexpr detail::Limbs<6> kModulus = {{0xb9feffffffffaaab, 0x1eabfffeb153ffff,
                                                 0x6730d2a0f6b0f624, 0x64774b84f38512bf,
                                                 0x4b1ba7b6434bacd7, 0x1a0111ea397fe69a}};
};
/// The group order r (255 bits), also the BLS_MODULUS of EIP-4844.
inline constexpr detail::Limbs<4> kOrder = {
    {0xffffffff00000001, 0x53bda402fffe5bfe, 0x3339d80809a1d805, 0x73eda753299d7d48}};

using Fp = detail::MontField<FpParams>;
using Fp2 = detail::Fp2<Fp>;

/// The tower F_p12 over xi = 1 + u.
struct Tower {
  using Fp = bls12_381::Fp;
  /// (1 + u)(a0 + a1 u) = (a0 - a1) + (a0 + a1) u.
  static Fp2 mul_by_xi(const Fp2& a) { return {a.c0 - a.c1, a.c0 + a.c1}; }
};

using Fp12 = detail::Fp12<Tower>;
using G1 = detail::Affine<Fp>;
using G2 = detail::Affine<Fp2>;

/// The pairing's parameters (see detail/pairing.hpp): the optimal ate loop over |x|.
struct Curve {
  using Fp = bls12_381::Fp;
  using Tower = bls12_381::Tower;
  static constexpr bool kTwistIsM = true;
  static constexpr uint64_t kLoop[1] = {0xd201000000010000};
  static constexpr size_t kLoopLimbs = 1;
  static constexpr bool kLoopNegative = true;
  /// (p^4 - p^2 + 1) / r (1268 bits); a test checks it against p and r.
  static constexpr uint64_t kHard[20] = {
      0xe516c3f438e3ba79, 0xfa9912aae208ccf1, 0x905ce937335d5b68, 0xc71a2629b0dea236,
      0x83774940996754c8, 0x21d160aeb6a1e799, 0x2ed0b283ed237db4, 0x915c97f36c6f1821,
      0x67f17fcbde783765, 0x2378b9039096d1b7, 0x7988f8761bdc51dc, 0x2076995003fc77a1,
      0x827eca0ba621315b, 0xe5a72bce8d63cb9f, 0xf68f7764c28b6f8a, 0x2f230063cf081517,
      0x94506632528d6a9a, 0xd3cde88eeb996ca3, 0xc0bd38c3195c899e, 0x000f686b3d807d01};
  static constexpr size_t kHardLimbs = 20;
  /// xi^((p - 1) / 6) for the Frobenius map.
  static constexpr Fp2 kGamma1 = {
      Fp::from_canonical_constexpr({{0x8d0775ed92235fb8, 0xf67ea53d63e7813d, 0x7b2443d784bab9c4,
                                     0x0fd603fd3cbd5f4f, 0xc231beb4202c0d1f, 0x1904d3bf02bb0667}}),
      Fp::from_canonical_constexpr({{0x2cf78a126ddc4af3, 0x282d5ac14d6c7ec2, 0xec0c8ec971f63c5f,
                                     0x54a14787b6c7b36f, 0x88e9e902231f9fb8, 0x00fc3e2b36c4e032}})};
  static constexpr bool kIsBls12 = true;
  static constexpr uint64_t kU = 0;  // unused: BLS12 uses kLoop[0] = |x|
};

using Pairing = detail::AtePairing<Curve>;

/// b = 4 on E, and b' = 4 (1 + u) on the twist.
inline constexpr Fp kB = Fp::from_canonical_constexpr({{4, 0, 0, 0, 0, 0}});
inline constexpr Fp2 kB2 = {Fp::from_canonical_constexpr({{4, 0, 0, 0, 0, 0}}),
                            Fp::from_canonical_constexpr({{4, 0, 0, 0, 0, 0}})};

/// The G1 generator (IETF draft-irtf-cfrg-pairing-friendly-curves §4.2.1).
inline constexpr G1 kG1 = {
    Fp::from_canonical_constexpr({{0xfb3af00adb22c6bb, 0x6c55e83ff97a1aef, 0xa14e3a3f171bac58,
                                   0xc3688c4f9774b905, 0x2695638c4fa9ac0f, 0x17f1d3a73197d794}}),
    Fp::from_canonical_constexpr({{0x0caa232946c5e7e1, 0xd03cc744a2888ae4, 0x00db18cb2c04b3ed,
                                   0xfcf5e095d5d00af6, 0xa09e30ed741d8ae4, 0x08b3f481e3aaa0f1}}),
    false};

/// The G2 generator (same source), x = x0 + x1 u, y = y0 + y1 u.
inline constexpr G2 kG2 = {
    {Fp::from_canonical_constexpr({{0xd48056c8c121bdb8, 0x0bac0326a805bbef, 0xb4510b647ae3d177,
                                    0xc6e47ad4fa403b02, 0x260805272dc51051, 0x024aa2b2f08f0a91}}),
     Fp::from_canonical_constexpr({{0xe5ac7d055d042b7e, 0x334cf11213945d57, 0xb5da61bbdc7f5049,
                                    0x596bd0d09920b61a, 0x7dacd3a088274f65, 0x13e02b6052719f60}})},
    {Fp::from_canonical_constexpr({{0xe193548608b82801, 0x923ac9cc3baca289, 0x6d429a695160d12c,
                                    0xadfd9baa8cbdd3a7, 0x8cc9cdc6da2e351a, 0x0ce5d527727d6e11}}),
     Fp::from_canonical_constexpr({{0xaaa9075ff05f79be, 0x3f370d275cec1da1, 0x267492ab572e99ab,
                                    0xcb3e287e85a763af, 0x32acd2b02bc28b99, 0x0606c4a02ea734cc}})},
    false};

/// [tau]G2 of the Ethereum KZG ceremony: g2_monomial[1] of consensus-specs
/// presets/mainnet/trusted_setups/trusted_setup_4096.json (c-kzg-4844 trusted_setup.txt, the
/// first G2 point after the generator), whose compressed form is
///   b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24
///   f3499f72185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc9
///   8edada20c1def2.
/// Stored decompressed (x from those bytes, y the square root the sign flag selects); a test
/// compresses it back to the bytes above and checks it lies on E' and in G2.
inline constexpr G2 kTauG2 = {
    {Fp::from_canonical_constexpr({{0xc98edada20c1def2, 0x087041de621000ed, 0xa36851477ba4c60b,
                                    0x3926c911cceceac9, 0x734429b7b38608e2, 0x185cbfee53492714}}),
     Fp::from_canonical_constexpr({{0xafaaab24f3499f72, 0x2914e5870cb452d2, 0x1009a2ce615ac53d,
                                    0x26187075cbfbefa8, 0x843bc287230af389, 0x15bfd7dd8cdeb128}})},
    {Fp::from_canonical_constexpr({{0xee689bfbbb832a99, 0x4ce26d105941f383, 0xe82451a496a9c979,
                                    0x131569490e28de18, 0xd7d5ee8599d1fca2, 0x014353bdb96b626d}}),
     Fp::from_canonical_constexpr({{0x23048ef30d0a154f, 0x9495346f3d7ac9cd, 0xda5ed1ba9bfa0789,
                                    0xef79de09fc63671f, 0x03432fcae0181b4b, 0x1666c54b0a325295}})},
    false};

/// Bytes of a compressed G1 point.
inline constexpr size_t kG1CompressedBytes = 48;
/// Bytes of a compressed G2 point.
inline constexpr size_t kG2CompressedBytes = 96;

/// Decompresses a G1 point (ZCash format: bit 7 of byte 0 = compressed, must be set; bit 6 =
/// infinity, then every other bit must be zero; bit 5 = y is the larger of ±y; then x < p,
/// big-endian) and checks that it lies on E and in G1 (consensus-specs validate_kzg_g1).
bool decompress_g1(const uint8_t in[kG1CompressedBytes], G1* out);
/// Compresses a G1 point (the inverse of decompress_g1).
void compress_g1(const G1& p, uint8_t out[kG1CompressedBytes]);
/// Compresses a G2 point: x1 ‖ x0 with the same flag bits; "larger" compares (y1, y0) in order.
void compress_g2(const G2& q, uint8_t out[kG2CompressedBytes]);
/// True when r P is the point at infinity.
bool g1_in_subgroup(const G1& p);
/// True when r Q is the point at infinity.
bool g2_in_subgroup(const G2& q);

/// True when e(p1, q1) e(p2, q2) = 1 (one shared final exponentiation).
bool pairing_check(const G1& p1, const G2& q1, const G1& p2, const G2& q2);

}  // namespace zkbatch::eth::precompiles::bls12_381
