// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/ecrecover.hpp"

#include <string.h>

#include "eth/precompiles/detail/run.hpp"
#include "eth/precompiles/secp256k1.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::precompiles {

namespace {

Status ecrecover_body(base::ByteSpan input, base::Bytes& output) {
  uint8_t in[128];
  detail::read_padded(input, 0, in, sizeof(in));
  // v is a whole 32-byte word that must equal 27 or 28.
  for (int i = 32; i < 63; ++i) {
    if (in[i] != 0) return Status::success;
  }
  if (in[63] != 27 && in[63] != 28) return Status::success;
  uint8_t key[64];
  if (!secp256k1::recover(in, in + 64, in + 96, in[63] - 27u, key)) return Status::success;
  uint8_t digest[32];
  hash::keccak256(base::ByteSpan(key, 64), digest);
  if (!output.resize(32)) return Status::out_of_memory;
  memset(output.data(), 0, 12);
  memcpy(output.data() + 12, digest + 12, 20);
  return Status::success;
}

}  // namespace

uint64_t ecrecover_gas(base::ByteSpan) {
  return 3000;
}

PrecompileResult ecrecover(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(ecrecover_gas(input), gas_limit, ecrecover_body, input, output);
}

}  // namespace zkbatch::eth::precompiles
