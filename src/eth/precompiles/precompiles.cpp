// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/precompiles.hpp"

namespace zkbatch::eth::precompiles {

namespace {

constexpr Precompile kCancun[kCancunPrecompileCount] = {
    {0x01, "ECREC", ecrecover_gas, ecrecover},
    {0x02, "SHA256", sha256_gas, sha256},
    {0x03, "RIPEMD160", ripemd160_gas, ripemd160},
    {0x04, "ID", identity_gas, identity},
    {0x05, "MODEXP", modexp_gas, modexp},
    {0x06, "ECADD", bn254_add_gas, bn254_add},
    {0x07, "ECMUL", bn254_mul_gas, bn254_mul},
    {0x08, "ECPAIRING", bn254_pairing_gas, bn254_pairing},
    {0x09, "BLAKE2F", blake2f_gas, blake2f},
    {0x0a, "POINT_EVALUATION", point_evaluation_gas, point_evaluation},
};

}  // namespace

const char* status_message(Status status) {
  switch (status) {
    case Status::success:
      return "success";
    case Status::out_of_gas:
      return "out of gas";
    case Status::failure:
      return "invalid input";
    case Status::out_of_memory:
      return "out of memory";
  }
  return "unknown status";
}

base::Span<const Precompile> cancun_precompiles() {
  return base::Span<const Precompile>(kCancun, kCancunPrecompileCount);
}

const Precompile* find(const uint8_t address[20]) {
  for (int i = 0; i < 19; ++i) {
    if (address[i] != 0) return nullptr;
  }
  uint8_t id = address[19];
  if (id == 0 || id > kCancunPrecompileCount) return nullptr;
  return &kCancun[id - 1];
}

bool is_precompile(const uint8_t address[20]) {
  return find(address) != nullptr;
}

uint64_t gas_cost(const uint8_t address[20], base::ByteSpan input) {
  const Precompile* p = find(address);
  return p != nullptr ? p->gas(input) : UINT64_MAX;
}

PrecompileResult execute(const uint8_t address[20],
                         base::ByteSpan input,
                         uint64_t gas_limit,
                         base::Bytes& output) {
  output.clear();
  const Precompile* p = find(address);
  if (p == nullptr) return {Status::failure, gas_limit};
  return p->execute(input, gas_limit, output);
}

}  // namespace zkbatch::eth::precompiles
