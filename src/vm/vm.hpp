// SPDX-License-Identifier: Apache-2.0
// The zkVM (DESIGN.md §4): RV32IM programs loaded from ELF, executed fast, cut into segments with
// checkpoints, and traced one segment at a time for the chips.
#pragma once

#include "vm/assembler.hpp"
#include "vm/checkpoint.hpp"
#include "vm/elf.hpp"
#include "vm/elf_writer.hpp"
#include "vm/emulator.hpp"
#include "vm/instruction.hpp"
#include "vm/layout.hpp"
#include "vm/opcode.hpp"
#include "vm/program.hpp"
#include "vm/semantics.hpp"
#include "vm/trace.hpp"
#include "vm/trap.hpp"
