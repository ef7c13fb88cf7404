// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// The interpreter: one loop over the code that checks each opcode against the opcode and gas
// tables (undefined instruction, stack underflow and overflow, base gas) and then dispatches to
// the instruction's small function (STYLE.md §4.7).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.hpp"
#include "base/span.hpp"
#include "eth/evm/status.hpp"

namespace zkbatch::eth::evm {

struct Frame;

/// Marks in `out` (resized to code.size()) every position holding a JUMPDEST that is an opcode,
/// not PUSH data (Yellow Paper §9.4.3, D(c)). False when memory runs out.
bool analyze_jumpdests(base::ByteSpan code, base::Bytes& out);

/// Runs `frame` from its saved pc until it ends, and returns how it ended; or until it asks for a
/// nested call or creation (`frame.child.active`), and returns EvmStatus::success with the pc and
/// stack saved so that the Host can resume it once the child has finished.
EvmStatus run_frame(Frame& frame);

}  // namespace zkbatch::eth::evm
