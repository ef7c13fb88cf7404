// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Stack instructions: PUSH0 (EIP-3855), PUSH1-PUSH32, DUP1-DUP16, SWAP1-SWAP16 (POP needs no
// body: the dispatcher drops the item).
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/span.hpp"
#include "base/u256.hpp"
#include "eth/evm/frame.hpp"

namespace zkbatch::eth::evm::instr {

/// PUSH0: pushes zero.
inline void push0(StackTop s) {
  s[-1] = base::U256();
}

/// PUSHn: pushes the n bytes after the opcode at `pc`, big-endian. Immediate bytes past the end
/// of the code read as zero (the code is conceptually followed by STOPs).
inline void push(StackTop s, base::ByteSpan code, size_t pc, size_t n) {
  size_t start = pc + 1;
  size_t available = start < code.size() ? code.size() - start : 0;
  if (available >= n && n <= 8) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i)
      v = (v << 8) | code[start + i];
    s[-1] = base::U256(v);
    return;
  }
  uint8_t bytes[32] = {};
  size_t copied = available < n ? available : n;
  if (copied > 0) memcpy(bytes + 32 - n, code.data() + start, copied);
  s[-1] = base::U256::from_be_bytes(base::ByteSpan(bytes, 32));
}

/// DUPn: copies the n-th item (1 = top) to the top.
inline void dup(StackTop s, int n) {
  s[-1] = s[n - 1];
}

/// SWAPn: exchanges the top with the item n below it.
inline void swap(StackTop s, int n) {
  base::U256 t = s[0];
  s[0] = s[n];
  s[n] = t;
}

}  // namespace zkbatch::eth::evm::instr
