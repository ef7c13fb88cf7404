// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// The charge-then-run step shared by every precompile, and small input helpers.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles::detail {

/// The body of a precompile once its gas is paid: writes `output`, returns success, failure or
/// out_of_memory.
using BodyFunction = Status (*)(base::ByteSpan input, base::Bytes& output);

/// Charges `cost` against `gas_limit`, then runs `body`. Out of gas and failure consume the whole
/// limit and leave `output` empty.
inline PrecompileResult charge_and_run(uint64_t cost,
                                       uint64_t gas_limit,
                                       BodyFunction body,
                                       base::ByteSpan input,
                                       base::Bytes& output) {
  output.clear();
  if (cost > gas_limit) return {Status::out_of_gas, gas_limit};
  Status status = body(input, output);
  if (status != Status::success) {
    output.clear();
    return {status, gas_limit};
  }
  return {Status::success, cost};
}

/// Copies `count` bytes of `input` starting at `offset` into `out`, with zeros where the input
/// ends: the EVM reads call data past its end as zeros.
inline void read_padded(base::ByteSpan input, uint64_t offset, uint8_t* out, size_t count) {
  memset(out, 0, count);
  if (offset >= input.size()) return;
  size_t available = input.size() - static_cast<size_t>(offset);
  memcpy(out, input.data() + offset, available < count ? available : count);
}

}  // namespace zkbatch::eth::precompiles::detail
