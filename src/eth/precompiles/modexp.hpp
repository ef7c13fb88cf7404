// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

#include "eth/precompiles/result.hpp"

namespace zkbatch::eth::precompiles {

/// 0x05 MODEXP gas (EIP-2565, Berlin onwards): max(200, ⌊C · I / 3⌋) with C = ⌈max(Blen,
/// Mlen) / 8⌉² and I = max(1, the adjusted exponent length of EIP-198). Declared lengths may be
/// any 256-bit values: the arithmetic saturates at UINT64_MAX instead of wrapping, so absurd
/// lengths cost more than any call can pay and are rejected before anything is read or allocated.
uint64_t modexp_gas(base::ByteSpan input);

/// 0x05 MODEXP (EIP-198): input = Blen ‖ Elen ‖ Mlen (32-byte big-endian each) ‖ B ‖ E ‖ M, read
/// with zero padding past the end; output = B^E mod M as Mlen big-endian bytes (zeros when M is
/// 0; empty when Mlen is 0). Odd moduli use Montgomery multiplication, even ones division.
PrecompileResult modexp(base::ByteSpan input, uint64_t gas_limit, base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
