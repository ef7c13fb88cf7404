// SPDX-License-Identifier: Apache-2.0
#include "eth/precompiles/identity.hpp"

#include "eth/precompiles/detail/run.hpp"

namespace zkbatch::eth::precompiles {

namespace {

Status identity_body(base::ByteSpan input, base::Bytes& output) {
  return output.append(input) ? Status::success : Status::out_of_memory;
}

}  // namespace

uint64_t identity_gas(base::ByteSpan input) {
  return 15 + 3 * words32(input.size());
}

PrecompileResult identity(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output) {
  return detail::charge_and_run(identity_gas(input), gas_limit, identity_body, input, output);
}

}  // namespace zkbatch::eth::precompiles
