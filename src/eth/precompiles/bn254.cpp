// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/bn254.hpp"

#include <string.h>

#include "eth/precompiles/detail/run.hpp"

namespace zkbatch::eth::precompiles {

namespace bn254 {

namespace {

using Jacobian1 = detail::Jacobian<Fp>;
using Jacobian2 = detail::Jacobian<Fp2>;

bool all_zero(const uint8_t* bytes, size_t n) {
  uint8_t acc = 0;
  for (size_t i = 0; i < n; ++i)
    acc |= bytes[i];
  return acc == 0;
}

}  // namespace

bool decode_g1(const uint8_t in[64], G1* out) {
  Fp x, y;
  if (!Fp::from_be_bytes(in, &x) || !Fp::from_be_bytes(in + 32, &y)) return false;
  if (x.is_zero() && y.is_zero()) {
    *out = G1{};
    return true;
  }
  *out = G1::at(x, y);
  return detail::on_curve(*out, kB);
}

void encode_g1(const G1& p, uint8_t out[64]) {
  if (p.infinity) {
    memset(out, 0, 64);
    return;
  }
  p.x.to_be_bytes(out);
  p.y.to_be_bytes(out + 32);
}

bool g2_on_curve(const G2& q) {
  if (q.infinity) return true;
  Fp2 lhs = Tower::mul_by_xi(q.y.square() - q.x.square() * q.x);
  return lhs == Fp2{kB, Fp::zero()};
}

bool g2_in_subgroup(const G2& q) {
  return detail::scalar_mul(Jacobian2::from_affine(q), kOrder.v, 4).is_infinity();
}

bool decode_g2(const uint8_t in[128], G2* out) {
  Fp x_im, x_re, y_im, y_re;
  if (!Fp::from_be_bytes(in, &x_im) || !Fp::from_be_bytes(in + 32, &x_re) ||
      !Fp::from_be_bytes(in + 64, &y_im) || !Fp::from_be_bytes(in + 96, &y_re)) {
    return false;
  }
  if (all_zero(in, 128)) {
    *out = G2{};
    return true;
  }
  *out = G2::at(Fp2{x_re, x_im}, Fp2{y_re, y_im});
  return g2_on_curve(*out) && g2_in_subgroup(*out);
}

}  // namespace bn254

namespace {

using namespace bn254;  // NOLINT: the precompile bodies speak only of this curve

Status add_body(base::ByteSpan input, base::Bytes& output) {
  uint8_t in[128];
  detail::read_padded(input, 0, in, sizeof(in));
  G1 a, b;
  if (!decode_g1(in, &a) || !decode_g1(in + 64, &b)) return Status::failure;
  G1 sum = detail::to_affine(
      detail::add(detail::Jacobian<Fp>::from_affine(a), detail::Jacobian<Fp>::from_affine(b)));
  if (!output.resize(64)) return Status::out_of_memory;
  encode_g1(sum, output.data());
  return Status::success;
}

Status mul_body(base::ByteSpan input, base::Bytes& output) {
  uint8_t in[96];
  detail::read_padded(input, 0, in, sizeof(in));
  G1 p;
  if (!decode_g1(in, &p)) return Status::failure;
  uint64_t scalar[4] = {};
  for (size_t i = 0; i < 32; ++i) {
    size_t weight = 31 - i;
    scalar[weight / 8] |= uint64_t{in[64 + i]} << (8 * (weight % 8));
  }
  G1 product =
      detail::to_affine(detail::scalar_mul(detail::Jacobian<Fp>::from_affine(p), scalar, 4));
  if (!output.resize(64)) return Status::out_of_memory;
  encode_g1(product, output.data());
  return Status::success;
}

Status pairing_body(base::ByteSpan input, base::Bytes& output) {
  if (input.size() % 192 != 0) return Status::failure;
  size_t pairs = input.size() / 192;
  // Every point is validated, even one whose pairing is trivially 1 (its partner at infinity).
  Fp12 f = Fp12::one();
  for (size_t i = 0; i < pairs; ++i) {
    G1 p;
    G2 q;
    if (!decode_g1(input.data() + 192 * i, &p) || !decode_g2(input.data() + 192 * i + 64, &q)) {
      return Status::failure;
    }
    if (!p.infinity && !q.infinity) f = f * Pairing::miller_loop(p, q);
  }
  bool one = Pairing::final_exponentiation(f).is_one();
  if (!output.resize(32)) return Status::out_of_memory;
  memset(output.data(), 0, 32);
  output[31] = one ? 1 : 0;
  return Status::success;
}

}  // namespace

uint64_t bn254_add_gas(base::ByteSpan) {
  return 150;
}

PrecompileResult bn254_add(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(bn254_add_gas(input), gas_limit, add_body, input, output);
}

uint64_t bn254_mul_gas(base::ByteSpan) {
  return 6000;
}

PrecompileResult bn254_mul(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(bn254_mul_gas(input), gas_limit, mul_body, input, output);
}

uint64_t bn254_pairing_gas(base::ByteSpan input) {
  return 45000 + 34000 * static_cast<uint64_t>(input.size() / 192);
}

PrecompileResult bn254_pairing(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(bn254_pairing_gas(input), gas_limit, pairing_body, input, output);
}

}  // namespace zkbatch::eth::precompiles
