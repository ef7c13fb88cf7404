// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// SHA-256 digest size in bytes.
inline constexpr size_t kSha256Bytes = 32;

/// SHA-256 of `data` (FIPS 180-4 §6.2). Also the hash of EIP-4844 versioned hashes.
void sha256_digest(base::ByteSpan data, uint8_t out[kSha256Bytes]);

/// 0x02 SHA256 gas: 60 + 12 per 32-byte word of input (Yellow Paper Appendix E, Ξ_SHA256).
uint64_t sha256_gas(base::ByteSpan input);

/// 0x02 SHA256: the 32-byte SHA-256 digest of the input.
PrecompileResult sha256(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
