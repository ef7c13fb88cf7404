// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// RIPEMD-160 digest size in bytes.
inline constexpr size_t kRipemd160Bytes = 20;

/// RIPEMD-160 of `data` (Dobbertin, Bosselaers, Preneel, "RIPEMD-160: A Strengthened Version of
/// RIPEMD", FSE 1996).
void ripemd160_digest(base::ByteSpan data, uint8_t out[kRipemd160Bytes]);

/// 0x03 RIPEMD160 gas: 600 + 120 per 32-byte word of input (Yellow Paper Appendix E, Ξ_RIP160).
uint64_t ripemd160_gas(base::ByteSpan input);

/// 0x03 RIPEMD160: the 20-byte digest, left-padded with zeros to 32 bytes.
PrecompileResult ripemd160(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
