// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// LOG0-LOG4 (Yellow Paper appendix H.2): 375 + 375 per topic (in the base cost) + 8 per data
// byte, forbidden in static frames (EIP-214).
#pragma once

#include <stdint.h>

#include "base/bytes.hpp"
#include "base/u256.hpp"
#include "eth/evm/frame.hpp"
#include "eth/evm/gas_costs.hpp"
#include "eth/evm/state.hpp"

namespace zkbatch::eth::evm::instr {

/// LOGn with `topics` = n: stack (offset, size, topic 1 .. topic n).
inline EvmStatus log(StackTop s, Frame& f, int topics) {
  if (f.msg.is_static) return EvmStatus::static_mode_violation;
  EvmStatus st = check_memory(f, s[0], s[1]);
  if (st != EvmStatus::success) return st;
  uint64_t size = s[1].is_zero() ? 0 : s[1].low64();
  if (!charge(f, gas::kLogData * static_cast<int64_t>(size))) return EvmStatus::out_of_gas;
  base::Bytes32 topic_words[4];
  for (int i = 0; i < topics; ++i)
    topic_words[i] = s[2 + i].to_bytes32();
  const uint8_t* data = size == 0 ? nullptr : f.memory.data() + s[0].low64();
  base::Status added = f.state.add_log(
      f.msg.recipient, base::Span<const base::Bytes32>(topic_words, static_cast<size_t>(topics)),
      base::ByteSpan(data, size));
  if (!added.ok()) return fail(f, added.error());
  return EvmStatus::success;
}

}  // namespace zkbatch::eth::evm::instr
