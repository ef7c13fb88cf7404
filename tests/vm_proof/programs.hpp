// SPDX-License-Identifier: Apache-2.0
// Assembled programs of the vm_proof tests.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/vm.hpp"

namespace zkbatch::vm::proof::testing {

/// Every RV32IM instruction with its corner cases (division by zero, signed overflow, shifts by
/// 0 and 31, sign extension, taken and not-taken branches, jumps), results folded into a
/// checksum committed as public output together with the private input it reads; exits with 0.
Program isa_program();

/// A loop of `iterations` rounds of arithmetic and memory traffic that commits one word per
/// round: a program of many segments for small k.
Program loop_program(uint32_t iterations);

/// A program that exits with `code` after committing one byte.
Program exit_program(uint32_t code);

}  // namespace zkbatch::vm::proof::testing
