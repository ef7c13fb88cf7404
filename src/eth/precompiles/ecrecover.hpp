// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// 0x01 ECRECOVER gas: 3000 (Yellow Paper Appendix E, Ξ_ECREC).
uint64_t ecrecover_gas(base::ByteSpan input);

/// 0x01 ECRECOVER: input hash ‖ v ‖ r ‖ s (32 bytes each, zero-padded); output the signer's
/// address left-padded to 32 bytes. An invalid signature (v not 27 or 28, r or s outside
/// [1, n), no curve point) is not a failure: the output is empty and the 3000 gas is still
/// charged (Yellow Paper Appendix E).
PrecompileResult ecrecover(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
