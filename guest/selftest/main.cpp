// SPDX-License-Identifier: Apache-2.0
// Guest self-test: the guest-safe libraries' known answers computed on rv32im, where every 64-bit
// product takes the 32-bit fallback path (no __int128). Exit code 0 when every check passes;
// CI runs it under qemu-riscv32 (scripts/build-guest.sh).
#include <stdint.h>
#include <string.h>

#include "base/u256.hpp"
#include "field/field.hpp"
#include "guest/runtime/host_calls.h"
#include "hash/hash.hpp"

namespace {

using zkbatch::field::Fp;
using zkbatch::field::Fp3;

void say(const char* text) {
  zkb_write(ZKB_FD_DEBUG, text, strlen(text));
}

bool check(const char* name, bool ok) {
  say(ok ? "ok     " : "FAILED ");
  say(name);
  say("\n");
  return ok;
}

bool equal_hex(const uint8_t* bytes, size_t n, const char* hex) {
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < n; ++i) {
    if (hex[2 * i] != digits[bytes[i] >> 4] || hex[2 * i + 1] != digits[bytes[i] & 15])
      return false;
  }
  return hex[2 * n] == '\0';
}

// Poseidon2 Goldilocks t = 12 on input 0..11: the reference instance's known answer
// (HorizenLabs/poseidon2, plain_implementations/src/poseidon2/poseidon2.rs, test `kats`).
constexpr uint64_t kPoseidon2KnownAnswer[12] = {
    0x01eaef96bdf1c0c1, 0x1f0d2cc525b2540c, 0x6282c1dfe1e0358d, 0xe780d721f698e1e6,
    0x280c0b6f753d833b, 0x1b942dd5023156ab, 0x43f0df3fcccb8398, 0xe8e8190585489025,
    0x56bdbf72f77ada22, 0x7911c32bf9dcd705, 0xec467926508fbe67, 0x6a50450ddf85a6ed,
};

bool poseidon2_known_answer() {
  Fp state[12];
  for (uint64_t i = 0; i < 12; ++i)
    state[i] = Fp(i);
  zkbatch::hash::Poseidon2::permute(state);
  for (size_t i = 0; i < 12; ++i) {
    if (state[i].value() != kPoseidon2KnownAnswer[i]) return false;
  }
  return true;
}

bool u256_known_answers() {
  using zkbatch::base::U256;
  // (2^256 - 1) * (2^256 - 1) = 1 (mod 2^256); (2^256 - 1) / 3 = 0x5555...5555.
  U256 all_ones = ~U256();
  bool ok = (all_ones * all_ones) == U256(1);
  U256 third = all_ones / U256(3);
  for (int i = 0; i < 4; ++i)
    ok &= third.limb[i] == 0x5555555555555555ull;
  return ok;
}

}  // namespace

int main() {
  const uint64_t p = zkbatch::field::kModulus;
  bool ok = true;
  ok &= check("goldilocks (-1)^2 = 1", (Fp(p - 1) * Fp(p - 1)) == Fp::one());
  ok &= check("goldilocks 2^64-1 reduces", Fp(UINT64_MAX).value() == 0xFFFFFFFEull);
  ok &= check("goldilocks 7 is a non-residue", Fp(7).pow((p - 1) / 2) == Fp(p - 1));
  ok &= check("goldilocks 2^32-th root of unity",
              zkbatch::field::two_adic_generator(32).pow(uint64_t{1} << 31) == Fp(p - 1));
  const Fp3 x(Fp(1), Fp(2), Fp(3));
  ok &= check("cubic extension inverse", (x * x.inverse()) == Fp3::one());
  ok &= check("poseidon2 known answer", poseidon2_known_answer());
  uint8_t digest[32];
  zkbatch::hash::keccak256(zkbatch::base::bytes_of("abc"), digest);
  ok &= check(
      "keccak256(\"abc\")",
      equal_hex(digest, 32, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"));
  ok &= check("u256 wrapping mul and division", u256_known_answers());
  return ok ? 0 : 1;
}
