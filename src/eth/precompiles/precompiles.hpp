// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// zkbatch::eth::precompiles — the precompiled contracts of Cancun at addresses 0x01-0x0a, with
// their gas rules (Yellow Paper Appendix E; EIP-152, -196, -197, -198, -1108, -2565, -4844).
// Each has `<name>_gas(input)` and `<name>(input, gas_limit, output)`; this header adds the
// address table the EVM dispatches through.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "eth/precompiles/blake2f.hpp"    // 0x09 blake2f, blake2b_compress
#include "eth/precompiles/bn254.hpp"      // 0x06-0x08 bn254_add, bn254_mul, bn254_pairing
#include "eth/precompiles/ecrecover.hpp"  // 0x01 ecrecover
#include "eth/precompiles/identity.hpp"   // 0x04 identity
#include "eth/precompiles/kzg.hpp"        // 0x0a point_evaluation, verify_kzg_proof
#include "eth/precompiles/modexp.hpp"     // 0x05 modexp
#include "eth/precompiles/result.hpp"     // Status, PrecompileResult
#include "eth/precompiles/ripemd160.hpp"  // 0x03 ripemd160, ripemd160_digest
#include "eth/precompiles/secp256k1.hpp"  // secp256k1::recover
#include "eth/precompiles/sha256.hpp"     // 0x02 sha256, sha256_digest

namespace zkbatch::eth::precompiles {

/// One precompiled contract.
struct Precompile {
  uint8_t address;          ///< the last byte of its address 0x00..00XX
  const char* name;         ///< the name the EIPs and the Yellow Paper use
  GasFunction gas;          ///< its cost for an input
  ExecuteFunction execute;  ///< charge the cost, then run
};

/// The number of precompiles in Cancun: addresses 0x01 to 0x0a.
inline constexpr size_t kCancunPrecompileCount = 10;

/// The Cancun precompiles in address order (entry i is address i + 1).
base::Span<const Precompile> cancun_precompiles();

/// The precompile at the 20-byte `address`, or null when there is none (Cancun).
const Precompile* find(const uint8_t address[20]);

/// True when `address` is a Cancun precompile (EIP-2929 puts these in every access list).
bool is_precompile(const uint8_t address[20]);

/// The gas a call to the precompile at `address` costs for `input` (saturated at UINT64_MAX);
/// UINT64_MAX when `address` is not a precompile.
uint64_t gas_cost(const uint8_t address[20], base::ByteSpan input);

/// Runs the precompile at `address`; failure (all gas used) when `address` is not one.
PrecompileResult execute(const uint8_t address[20],
                         base::ByteSpan input,
                         uint64_t gas_limit,
                         base::Bytes& output);

}  // namespace zkbatch::eth::precompiles
