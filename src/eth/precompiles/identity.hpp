// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// 0x04 IDENTITY gas: 15 + 3 per 32-byte word of input (Yellow Paper Appendix E, Ξ_ID).
uint64_t identity_gas(base::ByteSpan input);

/// 0x04 IDENTITY: returns its input unchanged.
PrecompileResult identity(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
