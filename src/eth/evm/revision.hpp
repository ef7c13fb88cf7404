// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
#pragma once

#include <stdint.h>

namespace zkbatch::eth::evm {

/// The Ethereum forks that changed the EVM, in activation order. The opcode table records the
/// fork that introduced each opcode; the interpreter executes Cancun (DESIGN.md §5).
enum class Revision : uint8_t {
  frontier = 0,
  homestead,          ///< EIP-7 DELEGATECALL
  tangerine_whistle,  ///< EIP-150 gas repricing, the 63/64 rule
  spurious_dragon,    ///< EIP-161 state clearing, EIP-170 code size limit
  byzantium,          ///< EIP-140 REVERT, EIP-211 return data, EIP-214 STATICCALL
  constantinople,     ///< EIP-145 shifts, EIP-1014 CREATE2, EIP-1052 EXTCODEHASH
  petersburg,
  istanbul,  ///< EIP-1344 CHAINID, EIP-1884 SELFBALANCE, EIP-2200 SSTORE
  berlin,    ///< EIP-2929 cold/warm access, EIP-2930 access lists
  london,    ///< EIP-1559, EIP-3198 BASEFEE, EIP-3529 refunds, EIP-3541 0xEF
  paris,     ///< EIP-4399 PREVRANDAO
  shanghai,  ///< EIP-3651 warm coinbase, EIP-3855 PUSH0, EIP-3860 initcode limit
  cancun,    ///< EIP-1153, EIP-4844, EIP-5656, EIP-6780, EIP-7516
};

/// The fork the interpreter implements.
inline constexpr Revision kLatestRevision = Revision::cancun;

/// True when fork `a` is `b` or later.
constexpr bool at_least(Revision a, Revision b) {
  return static_cast<uint8_t>(a) >= static_cast<uint8_t>(b);
}

}  // namespace zkbatch::eth::evm
