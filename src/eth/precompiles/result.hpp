// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
// What every precompile returns: a status and the gas it used. Gas is charged before any work
// (Yellow Paper §8, the Ξ of precompiled contracts; EIP-2565 for MODEXP), so an input whose cost
// exceeds the gas given is never executed and never allocates.
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/span.hpp"

namespace zkbatch::eth::precompiles {

/// The outcome of a precompile call.
enum class Status : uint8_t {
  success = 0,  ///< ran; `output` holds the result (possibly empty, e.g. a bad ECRECOVER signature)
  out_of_gas,   ///< the cost exceeds the gas given; all of it is consumed, output is empty
  failure,      ///< invalid input (a point off the curve, a bad length or flag); all gas consumed
  out_of_memory,  ///< the output or a work buffer could not be allocated: not an EVM outcome, the
                  ///< caller must stop validating the block rather than report a result
};

/// The fixed message of a status.
const char* status_message(Status status);

/// A precompile's status and the gas it used: its cost on success, the whole gas limit otherwise
/// (an exceptional halt consumes every unit of gas passed to the call).
struct PrecompileResult {
  Status status = Status::success;
  uint64_t gas_used = 0;
};

/// The signature shared by every precompile: run on `input` with `gas_limit` gas, writing the
/// return data into `output` (cleared first; left empty unless the status is success).
using ExecuteFunction = PrecompileResult (*)(base::ByteSpan input,
                                             uint64_t gas_limit,
                                             base::Bytes& output);
/// The signature of a precompile's cost function: gas for `input`, saturated at UINT64_MAX.
using GasFunction = uint64_t (*)(base::ByteSpan input);

/// Words of 32 bytes needed for `size` bytes, ⌈size / 32⌉, as the linear gas rules count them.
constexpr uint64_t words32(uint64_t size) {
  return size / 32 + (size % 32 != 0 ? 1 : 0);
}

}  // namespace zkbatch::eth::precompiles
