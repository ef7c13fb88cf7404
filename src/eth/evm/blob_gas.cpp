// SPDX-License-Identifier: Apache-2.0
#include "eth/evm/blob_gas.hpp"

namespace zkbatch::eth::evm {

using base::U256;

U256 fake_exponential(uint64_t factor, uint64_t numerator, uint64_t denominator) {
  if (denominator == 0) return U256::max();
  const U256 num(numerator);
  const U256 den(denominator);
  U256 output;
  U256 accumulator = base::mul(U256(factor), den);  // < 2^128: no overflow
  for (uint64_t i = 1; !accumulator.is_zero(); ++i) {
    U256 sum = output + accumulator;
    if (sum < output) return U256::max();
    output = sum;
    // accumulator * numerator must not wrap: check by dividing back.
    U256 product = base::mul(accumulator, num);
    if (!num.is_zero() && base::div(product, num) != accumulator) return U256::max();
    accumulator = base::div(product, base::mul(den, U256(i)));
  }
  return base::div(output, den);
}

U256 blob_base_fee(uint64_t excess_blob_gas) {
  return fake_exponential(kMinBaseFeePerBlobGas, excess_blob_gas, kBlobBaseFeeUpdateFraction);
}

uint64_t next_excess_blob_gas(uint64_t parent_excess_blob_gas, uint64_t parent_blob_gas_used) {
  uint64_t total = parent_excess_blob_gas + parent_blob_gas_used;
  if (total < parent_excess_blob_gas) return UINT64_MAX;  // unreachable for valid headers
  return total < kTargetBlobGasPerBlock ? 0 : total - kTargetBlobGasPerBlock;
}

}  // namespace zkbatch::eth::evm
