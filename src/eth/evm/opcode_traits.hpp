// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// Facts about opcodes as data (STYLE.md §4.7): one compile-time table gives each opcode's name,
// immediate size, stack items consumed and produced, and the fork that introduced it. The
// dispatcher uses it for the undefined-instruction and stack checks, the disassembler for names.
#pragma once

#include <stdint.h>

#include "eth/evm/opcodes.hpp"
#include "eth/evm/revision.hpp"

namespace zkbatch::eth::evm {

/// The EVM stack holds at most 1024 items (Yellow Paper §9.4.2).
inline constexpr int kStackLimit = 1024;

/// What the table knows about one opcode.
struct OpcodeTraits {
  /// Mnemonic; null for bytes that are not an opcode in any fork.
  const char* name = nullptr;
  /// Bytes of immediate data after the opcode (PUSHn: n).
  uint8_t immediate_size = 0;
  /// Stack items the opcode needs (it fails with stack underflow below this).
  uint8_t stack_in = 0;
  /// Stack items it leaves in their place.
  uint8_t stack_out = 0;
  /// The fork that introduced it.
  Revision since = Revision::frontier;
  /// True when the opcode ends execution of its frame (STOP, RETURN, REVERT, INVALID,
  /// SELFDESTRUCT).
  bool terminates = false;
};

namespace detail {

constexpr void set(OpcodeTraits* t,
                   Op op,
                   const char* name,
                   uint8_t in,
                   uint8_t out,
                   Revision since = Revision::frontier) {
  OpcodeTraits& e = t[op_byte(op)];
  e.name = name;
  e.stack_in = in;
  e.stack_out = out;
  e.since = since;
}

struct TraitsTable {
  OpcodeTraits entries[256];
};

constexpr TraitsTable make_traits() {
  TraitsTable table{};
  OpcodeTraits* t = table.entries;
  using R = Revision;
  set(t, Op::stop, "STOP", 0, 0);
  set(t, Op::add, "ADD", 2, 1);
  set(t, Op::mul, "MUL", 2, 1);
  set(t, Op::sub, "SUB", 2, 1);
  set(t, Op::div, "DIV", 2, 1);
  set(t, Op::sdiv, "SDIV", 2, 1);
  set(t, Op::mod, "MOD", 2, 1);
  set(t, Op::smod, "SMOD", 2, 1);
  set(t, Op::addmod, "ADDMOD", 3, 1);
  set(t, Op::mulmod, "MULMOD", 3, 1);
  set(t, Op::exp, "EXP", 2, 1);
  set(t, Op::signextend, "SIGNEXTEND", 2, 1);
  set(t, Op::lt, "LT", 2, 1);
  set(t, Op::gt, "GT", 2, 1);
  set(t, Op::slt, "SLT", 2, 1);
  set(t, Op::sgt, "SGT", 2, 1);
  set(t, Op::eq, "EQ", 2, 1);
  set(t, Op::iszero, "ISZERO", 1, 1);
  set(t, Op::and_, "AND", 2, 1);
  set(t, Op::or_, "OR", 2, 1);
  set(t, Op::xor_, "XOR", 2, 1);
  set(t, Op::not_, "NOT", 1, 1);
  set(t, Op::byte, "BYTE", 2, 1);
  set(t, Op::shl, "SHL", 2, 1, R::constantinople);
  set(t, Op::shr, "SHR", 2, 1, R::constantinople);
  set(t, Op::sar, "SAR", 2, 1, R::constantinople);
  set(t, Op::keccak256, "KECCAK256", 2, 1);
  set(t, Op::address, "ADDRESS", 0, 1);
  set(t, Op::balance, "BALANCE", 1, 1);
  set(t, Op::origin, "ORIGIN", 0, 1);
  set(t, Op::caller, "CALLER", 0, 1);
  set(t, Op::callvalue, "CALLVALUE", 0, 1);
  set(t, Op::calldataload, "CALLDATALOAD", 1, 1);
  set(t, Op::calldatasize, "CALLDATASIZE", 0, 1);
  set(t, Op::calldatacopy, "CALLDATACOPY", 3, 0);
  set(t, Op::codesize, "CODESIZE", 0, 1);
  set(t, Op::codecopy, "CODECOPY", 3, 0);
  set(t, Op::gasprice, "GASPRICE", 0, 1);
  set(t, Op::extcodesize, "EXTCODESIZE", 1, 1);
  set(t, Op::extcodecopy, "EXTCODECOPY", 4, 0);
  set(t, Op::returndatasize, "RETURNDATASIZE", 0, 1, R::byzantium);
  set(t, Op::returndatacopy, "RETURNDATACOPY", 3, 0, R::byzantium);
  set(t, Op::extcodehash, "EXTCODEHASH", 1, 1, R::constantinople);
  set(t, Op::blockhash, "BLOCKHASH", 1, 1);
  set(t, Op::coinbase, "COINBASE", 0, 1);
  set(t, Op::timestamp, "TIMESTAMP", 0, 1);
  set(t, Op::number, "NUMBER", 0, 1);
  set(t, Op::prevrandao, "PREVRANDAO", 0, 1);
  set(t, Op::gaslimit, "GASLIMIT", 0, 1);
  set(t, Op::chainid, "CHAINID", 0, 1, R::istanbul);
  set(t, Op::selfbalance, "SELFBALANCE", 0, 1, R::istanbul);
  set(t, Op::basefee, "BASEFEE", 0, 1, R::london);
  set(t, Op::blobhash, "BLOBHASH", 1, 1, R::cancun);
  set(t, Op::blobbasefee, "BLOBBASEFEE", 0, 1, R::cancun);
  set(t, Op::pop, "POP", 1, 0);
  set(t, Op::mload, "MLOAD", 1, 1);
  set(t, Op::mstore, "MSTORE", 2, 0);
  set(t, Op::mstore8, "MSTORE8", 2, 0);
  set(t, Op::sload, "SLOAD", 1, 1);
  set(t, Op::sstore, "SSTORE", 2, 0);
  set(t, Op::jump, "JUMP", 1, 0);
  set(t, Op::jumpi, "JUMPI", 2, 0);
  set(t, Op::pc, "PC", 0, 1);
  set(t, Op::msize, "MSIZE", 0, 1);
  set(t, Op::gas, "GAS", 0, 1);
  set(t, Op::jumpdest, "JUMPDEST", 0, 0);
  set(t, Op::tload, "TLOAD", 1, 1, R::cancun);
  set(t, Op::tstore, "TSTORE", 2, 0, R::cancun);
  set(t, Op::mcopy, "MCOPY", 3, 0, R::cancun);
  set(t, Op::push0, "PUSH0", 0, 1, R::shanghai);
  const char* const push_names[32] = {
      "PUSH1",  "PUSH2",  "PUSH3",  "PUSH4",  "PUSH5",  "PUSH6",  "PUSH7",  "PUSH8",
      "PUSH9",  "PUSH10", "PUSH11", "PUSH12", "PUSH13", "PUSH14", "PUSH15", "PUSH16",
      "PUSH17", "PUSH18", "PUSH19", "PUSH20", "PUSH21", "PUSH22", "PUSH23", "PUSH24",
      "PUSH25", "PUSH26", "PUSH27", "PUSH28", "PUSH29", "PUSH30", "PUSH31", "PUSH32"};
  const char* const dup_names[16] = {"DUP1",  "DUP2",  "DUP3",  "DUP4",  "DUP5",  "DUP6",
                                     "DUP7",  "DUP8",  "DUP9",  "DUP10", "DUP11", "DUP12",
                                     "DUP13", "DUP14", "DUP15", "DUP16"};
  const char* const swap_names[16] = {"SWAP1",  "SWAP2",  "SWAP3",  "SWAP4",  "SWAP5",  "SWAP6",
                                      "SWAP7",  "SWAP8",  "SWAP9",  "SWAP10", "SWAP11", "SWAP12",
                                      "SWAP13", "SWAP14", "SWAP15", "SWAP16"};
  const char* const log_names[5] = {"LOG0", "LOG1", "LOG2", "LOG3", "LOG4"};
  for (int n = 1; n <= 32; ++n) {
    OpcodeTraits& e = t[op_byte(Op::push1) + n - 1];
    e.name = push_names[n - 1];
    e.immediate_size = static_cast<uint8_t>(n);
    e.stack_out = 1;
  }
  for (int n = 1; n <= 16; ++n) {
    t[op_byte(Op::dup1) + n - 1] =
        OpcodeTraits{dup_names[n - 1], 0,    static_cast<uint8_t>(n), static_cast<uint8_t>(n + 1),
                     R::frontier,      false};
    t[op_byte(Op::swap1) + n - 1] =
        OpcodeTraits{swap_names[n - 1],           0,           static_cast<uint8_t>(n + 1),
                     static_cast<uint8_t>(n + 1), R::frontier, false};
  }
  for (int n = 0; n <= 4; ++n) {
    t[op_byte(Op::log0) + n] =
        OpcodeTraits{log_names[n], 0, static_cast<uint8_t>(n + 2), 0, R::frontier, false};
  }
  set(t, Op::create, "CREATE", 3, 1);
  set(t, Op::call, "CALL", 7, 1);
  set(t, Op::callcode, "CALLCODE", 7, 1);
  set(t, Op::return_, "RETURN", 2, 0);
  set(t, Op::delegatecall, "DELEGATECALL", 6, 1, R::homestead);
  set(t, Op::create2, "CREATE2", 4, 1, R::constantinople);
  set(t, Op::staticcall, "STATICCALL", 6, 1, R::byzantium);
  set(t, Op::revert, "REVERT", 2, 0, R::byzantium);
  set(t, Op::invalid, "INVALID", 0, 0);
  set(t, Op::selfdestruct, "SELFDESTRUCT", 1, 0);
  const Op terminators[] = {Op::stop, Op::return_, Op::revert, Op::invalid, Op::selfdestruct};
  for (Op op : terminators)
    t[op_byte(op)].terminates = true;
  return table;
}

}  // namespace detail

/// The opcode table, indexed by byte value.
inline constexpr detail::TraitsTable kOpcodeTraits = detail::make_traits();

/// The traits of `op`.
constexpr const OpcodeTraits& traits(Op op) {
  return kOpcodeTraits.entries[op_byte(op)];
}

/// True when `byte` is an opcode in fork `revision`.
constexpr bool is_defined(uint8_t byte, Revision revision) {
  const OpcodeTraits& t = kOpcodeTraits.entries[byte];
  return t.name != nullptr && at_least(revision, t.since);
}

// The table agrees with the Yellow Paper's δ and α columns on a few representative entries.
static_assert(traits(Op::call).stack_in == 7 && traits(Op::call).stack_out == 1);
static_assert(traits(Op::push32).immediate_size == 32 && traits(Op::push0).immediate_size == 0);
static_assert(traits(Op::dup16).stack_in == 16 && traits(Op::dup16).stack_out == 17);
static_assert(traits(Op::swap16).stack_in == 17 && traits(Op::swap16).stack_out == 17);
static_assert(traits(Op::log4).stack_in == 6);
static_assert(!is_defined(0x0c, kLatestRevision) && !is_defined(0xef, kLatestRevision));
static_assert(is_defined(op_byte(Op::mcopy), Revision::cancun) &&
              !is_defined(op_byte(Op::mcopy), Revision::shanghai));

}  // namespace zkbatch::eth::evm
