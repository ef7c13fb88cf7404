// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// The exact input size of BLAKE2F: rounds (4), h (64), m (128), t (16), f (1) (EIP-152).
inline constexpr size_t kBlake2fInputBytes = 213;

/// The BLAKE2b compression function F with a chosen number of rounds (RFC 7693 §3.2; EIP-152):
/// updates the state `h` with the message block `m`, offset counters `t` and final flag.
/// Standard BLAKE2b runs 12 rounds.
void blake2b_compress(uint32_t rounds,
                      uint64_t h[8],
                      const uint64_t m[16],
                      const uint64_t t[2],
                      bool final_block);

/// 0x09 BLAKE2F gas: one per round (EIP-152, GFROUND = 1); 0 for an input of the wrong size,
/// which then fails.
uint64_t blake2f_gas(base::ByteSpan input);

/// 0x09 BLAKE2F: the 64-byte state after F. Fails unless the input is exactly 213 bytes and the
/// final-block flag byte is 0 or 1 (EIP-152).
PrecompileResult blake2f(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
